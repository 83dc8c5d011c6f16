/**
 * A comment body is plain text. For display it becomes paragraphs of text and links; the
 * theme renders each part as escaped text or an <a>, so no HTML a reader writes ever runs.
 */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string }

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi
// Trailing punctuation usually ends the sentence, not the URL.
const TRAILING = /[.,;:!?)\]}'"]+$/

/** Split a body into paragraphs (blank lines) of text and link parts. */
export function commentParagraphs(body: string): TextPart[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(linkify)
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0]
    const trailing = TRAILING.exec(url)?.[0] ?? ''
    url = url.slice(0, url.length - trailing.length)
    const start = match.index
    if (start > last) parts.push({ text: text.slice(last, start) })
    const href = url.toLowerCase().startsWith('www.') ? `https://${url}` : url
    if (isSafeHref(href)) parts.push({ text: url, href })
    else parts.push({ text: url })
    last = start + url.length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}

function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
