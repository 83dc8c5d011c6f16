/**
 * Reader search input → a safe, structured query. Nothing the reader types reaches a full-text
 * engine's syntax: terms and quoted phrases are extracted as plain words and re-quoted by each
 * dialect's implementation.
 */

export interface ParsedQuery {
  /** Single words; each matches as a prefix ("ukra" finds Ukraine). */
  terms: string[]
  /** Quoted phrases, each a list of words that must appear in order. */
  phrases: string[][]
  /**
   * Terms match whole (stemmed) words only, not as prefixes. The readers' search tries this
   * first: a prefix of a common word merges the match lists of every word it begins.
   */
  exact?: boolean
}

/**
 * Searches match whole (stemmed) words first; when that finds fewer stories than this, they
 * run again with every word also a prefix ("ukra" finds Ukraine). A prefix of a common word
 * makes the engine merge the matches of every word it begins, which is what slows a search on
 * a large archive; a reader or an editor typing part of a word still finds it.
 */
export const WHOLE_WORDS_ENOUGH = 10

const MAX_INPUT = 500
const MAX_TERMS = 12
const WORD = /[\p{L}\p{N}]+/gu

/** Split reader input into terms and "quoted phrases". Unbalanced quotes count as plain words. */
export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_INPUT).normalize('NFKC')
  const phrases: string[][] = []
  const rest = text.replace(/["“”„«»]([^"“”„«»]*)["“”„«»]/g, (_match, inner: string) => {
    const words = words_(inner)
    if (words.length > 1) phrases.push(words)
    else if (words.length === 1) return ` ${words[0]} `
    return ' '
  })
  const terms = [...new Set(words_(rest))].slice(0, MAX_TERMS)
  return { terms, phrases: phrases.slice(0, 4) }
}

function words_(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length <= 64)
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0 && query.phrases.length === 0
}

/** A piece of a result snippet; `match` pieces are shown highlighted. */
export interface SnippetPart {
  text: string
  match: boolean
}

export const MARK_START = '\u0001'
export const MARK_END = '\u0002'

/**
 * Turn engine output delimited by MARK_START/MARK_END into plain parts (escaped by templates).
 * The indexes keep a line per paragraph (`htmlToLines`); where a snippet crosses from one to
 * the next, a line that ends without punctuation (a byline, a heading) is set off with " · "
 * rather than read on into the next sentence.
 */
export function splitSnippet(engineText: string): SnippetPart[] {
  const raw = engineText.trim().replace(/\s*\n\s*/g, (_match, offset: number, all: string) => {
    const before = all.slice(0, offset).replaceAll(MARK_END, '')
    return /[.!?…:;]["'”’)\]]?$/.test(before) ? ' ' : ' · '
  })
  const parts: SnippetPart[] = []
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g')
  let last = 0
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (m.index > last) parts.push({ text: raw.slice(last, m.index), match: false })
    parts.push({ text: m[1] ?? '', match: true })
    last = m.index + m[0].length
  }
  if (last < raw.length) parts.push({ text: raw.slice(last), match: false })
  const clean = (text: string) => text.split(MARK_START).join('').split(MARK_END).join('')
  return parts.map((p) => ({ ...p, text: clean(p.text) })).filter((p) => p.text)
}
