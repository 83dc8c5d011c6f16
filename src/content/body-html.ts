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
  return sanitizeHtml(html, ALLOWED).trim() as TrustedHtml
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
