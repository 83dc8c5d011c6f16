/**
 * One pass over an item's HTML: relative URLs resolved against the item's link, tracking pixels
 * dropped, the first real image found, and the plain text taken for excerpts. The result is not
 * yet safe to show: the body sanitizer runs on it when it becomes a story.
 */
import { DomUtils, parseDocument } from 'htmlparser2'

type AnyNode = ReturnType<typeof parseDocument>['children'][number]
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number]

export interface ItemHtml {
  /** The HTML with absolute URLs and without tracking pixels. */
  html: string
  /** Its text: tags dropped, entities decoded, blocks separated by spaces, scripts ignored. */
  text: string
  /** The first image that is not a pixel, with an absolute http(s) URL. */
  firstImage: { url: string; alt: string | undefined } | undefined
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  blockquote: ['cite'],
  q: ['cite'],
}

/** Hosts whose images only count readers. */
const PIXEL_HOSTS = new Set([
  'feeds.feedburner.com',
  'feeds.feedblitz.com',
  'pixel.wp.com',
  'stats.wordpress.com',
  'pixel.quantserve.com',
  'www.google-analytics.com',
])

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template'])
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'tr',
  'td',
  'th',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
])

/** Process an item's HTML; `base` is the URL relative links are resolved against. */
export function processItemHtml(html: string, base: string | undefined): ItemHtml {
  const document = parseDocument(html)
  let firstImage: ItemHtml['firstImage']
  for (const element of DomUtils.getElementsByTagName(() => true, document.children, true)) {
    resolveAttributes(element, base)
    if (element.name !== 'img') continue
    if (isTrackingPixel(element)) {
      DomUtils.removeElement(element)
      continue
    }
    const src = element.attribs.src
    if (!firstImage && src && /^https?:\/\//i.test(src))
      firstImage = { url: src, alt: element.attribs.alt?.trim() || undefined }
  }
  return {
    html: DomUtils.getOuterHTML(document, { encodeEntities: 'utf8' }),
    text: textOf(document.children),
    firstImage,
  }
}

/** The plain text of an HTML fragment (titles written as HTML, summaries). */
export function htmlText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim()
  return textOf(parseDocument(html).children)
}

function resolveAttributes(element: Element, base: string | undefined): void {
  if (!base) return
  for (const name of URL_ATTRIBUTES[element.name] ?? []) {
    const value = element.attribs[name]
    if (value !== undefined) element.attribs[name] = absolute(value, base)
  }
  const srcset = element.attribs.srcset
  if (srcset !== undefined && (element.name === 'img' || element.name === 'source'))
    element.attribs.srcset = srcset
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
        return [absolute(url, base), ...descriptor].join(' ')
      })
      .join(', ')
}

function absolute(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href
  } catch {
    return value
  }
}

function isTrackingPixel(img: Element): boolean {
  const { width, height, src } = img.attribs
  if (Number(width) <= 1 && Number(height) <= 1 && width !== undefined && height !== undefined)
    return true
  try {
    return PIXEL_HOSTS.has(new URL(src ?? '').hostname)
  } catch {
    return false
  }
}

function textOf(nodes: AnyNode[]): string {
  const parts: string[] = []
  const walk = (list: AnyNode[]) => {
    for (const node of list) {
      if (DomUtils.isText(node)) parts.push(node.data)
      else if ('name' in node && 'children' in node) {
        if (SKIP_TEXT.has(node.name)) continue
        const block = BLOCKS.has(node.name)
        if (block) parts.push(' ')
        walk(node.children)
        if (block) parts.push(' ')
      } else if ('children' in node) walk(node.children)
    }
  }
  walk(nodes)
  return parts.join('').replace(/\s+/g, ' ').trim()
}
