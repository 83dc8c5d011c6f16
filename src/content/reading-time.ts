const WORDS_PER_MINUTE = 200

/** Words in a piece of HTML, counting only text (tags and entities don't count). */
export function countWords(html: string): number {
  return countTextWords(htmlToText(html))
}

/** Words in plain text (`htmlToText`'s), for callers that have the text already. */
export function countTextWords(text: string): number {
  // Counted without building the list of words (a long body has thousands).
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu
  let count = 0
  while (word.test(text)) count++
  return count
}

/** Minutes to read `words` at ~200 words a minute; never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))
}

/** "1 Min Read", "4 Mins Read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'Min' : 'Mins'} Read`
}

const SCRIPTS = /<(script|style)[^>]*>[\s\S]*?<\/\1>/gi
const BLOCK_TAGS = /<\/?(p|div|h[1-6]|li|blockquote|br|tr|td|th|figcaption)\b[^>]*>/gi

/** Plain text of an HTML fragment: tags dropped, block ends become spaces, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(SCRIPTS, ' ')
      .replace(BLOCK_TAGS, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Plain text with one line per block (paragraph, heading, list item), for the search indexes:
 * a snippet that spans two paragraphs can then show where one ends (`splitSnippet`).
 */
export function htmlToLines(html: string): string {
  return decodeEntities(
    html
      .replace(SCRIPTS, ' ')
      .replace(BLOCK_TAGS, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : match
    }
    return ENTITIES[name.toLowerCase()] ?? match
  })
}

/** A teaser of at most `maxChars` characters, cut at a word boundary with an ellipsis. */
export function makeExcerpt(text: string, maxChars = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  // An excerpt made here already (a restored backup's) comes back unchanged: it may be one
  // longer than `maxChars` because of its ellipsis.
  if (clean.length <= maxChars || (clean.length === maxChars + 1 && clean.endsWith('…')))
    return clean
  const cut = clean.slice(0, maxChars + 1)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut.slice(0, maxChars)).replace(/[\s,;:.-]+$/, '')}…`
}
