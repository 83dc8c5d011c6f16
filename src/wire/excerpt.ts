/** Excerpts for the wire's excerpt mode: at most 55 words, as WordPress trims excerpts. */

export const EXCERPT_WORDS = 55

// Chinese and Japanese are written without spaces between words; WordPress counts characters
// for them, and so do we.
const CHARACTER_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/**
 * The first `maxWords` words of plain text, with "…" when something was cut.
 * @example excerptWords('one two three four', 3) // 'one two three…'
 */
export function excerptWords(text: string, maxWords = EXCERPT_WORDS): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (CHARACTER_SCRIPTS.test(clean)) {
    const chars = [...clean]
    return chars.length > maxWords ? `${chars.slice(0, maxWords).join('').trimEnd()}…` : clean
  }
  const words = clean.split(' ')
  if (words.length <= maxWords) return clean
  return `${words
    .slice(0, maxWords)
    .join(' ')
    .replace(/[,;:.–—-]+$/, '')}…`
}
