import sanitizeHtml from 'sanitize-html'

declare const trusted: unique symbol
/** HTML that went through `sanitizeBody` when it was saved. Only templates' raw-HTML slot takes it. */
export type TrustedHtml = string & { readonly [trusted]: true }

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'figure',
    'figcaption',
    'img',
    'hr',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'code',
    'pre',
    'sup',
    'sub',
    'aside',
    'cite',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'data-media-id'],
    blockquote: ['class', 'cite', 'data-embed', 'data-url'],
    aside: ['class'],
    figure: ['class', 'data-embed', 'data-url'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedClasses: {
    blockquote: ['pull-quote', 'embed'],
    aside: ['pull-quote'],
    figure: ['image', 'embed', 'table'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Blank paragraphs (the editor's empty line after a last block, Enter pressed twice) are
  // dropped, as WordPress does: spacing is the theme's job.
  exclusiveFilter: (frame) =>
    frame.tag === 'p' && frame.text.trim() === '' && frame.mediaChildren.length === 0,
  transformTags: {
    // Pull quotes were once saved as <aside>: inside the story that is a nested landmark.
    aside: (tagName, attribs) =>
      attribs.class === 'pull-quote' ? { tagName: 'blockquote', attribs } : { tagName, attribs },
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '')
      const attrs: Record<string, string> = { ...attribs }
      if (attrs.target === '_blank' || external) attrs.rel = 'noopener'
      if (attrs.target && attrs.target !== '_blank') delete attrs.target
      return { tagName, attribs: attrs }
    },
  },
}

/**
 * Sanitize article or page HTML against Broadsheet's allow-list. Run once, when a body is saved;
 * what it returns is safe to render as is.
 */
export function sanitizeBody(html: string): TrustedHtml {
  if (recentOutputs.has(html)) return html as TrustedHtml
  const clean = sanitizeAfresh(html)
  remember(clean)
  return clean as TrustedHtml
}

/** `sanitizeBody` without its memory of recent outputs (tests check it is idempotent). */
export function sanitizeAfresh(html: string): string {
  return sanitizeHtml(html, ALLOWED).trim()
}

/**
 * The last bodies `sanitizeBody` returned. Sanitizing is idempotent, so one of them coming back
 * (an importer sanitizes while converting, then `importArticles` sanitizes again at the front
 * door) is returned as is instead of being parsed again. Bounded by count and by characters.
 */
const recentOutputs = new Set<string>()
let recentChars = 0
const RECENT_MAX = 512
const RECENT_MAX_CHARS = 4_000_000

function remember(clean: string): void {
  if (clean.length > RECENT_MAX_CHARS / 8 || recentOutputs.has(clean)) return
  recentOutputs.add(clean)
  recentChars += clean.length
  while (recentOutputs.size > RECENT_MAX || recentChars > RECENT_MAX_CHARS) {
    const oldest = recentOutputs.values().next().value as string
    recentOutputs.delete(oldest)
    recentChars -= oldest.length
  }
}

/**
 * Mark HTML that was sanitized when saved (a stored `body_html`) as trusted for templates.
 * The one door from stored HTML into a page: never call it on anything a request carried.
 */
export function trustedHtml(storedSanitizedHtml: string): TrustedHtml {
  return storedSanitizedHtml as TrustedHtml
}

/** Escape text for inclusion in HTML we build ourselves (e.g. demo paragraphs). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
