/**
 * A headline split into plain and matching parts for the search results page: each word that
 * starts with one of the query's words is a match (search finds prefixes: "ukra" → Ukraine).
 * @example highlightWords('Council votes', ['coun']) // [{text:'Council',match:true},{text:' votes',match:false}]
 */
export interface HighlightPart {
  text: string
  match: boolean
}

export function highlightWords(text: string, words: string[]): HighlightPart[] {
  const prefixes = [...new Set(words.map((w) => w.toLowerCase()).filter(Boolean))]
  if (prefixes.length === 0) return [{ text, match: false }]
  const parts: HighlightPart[] = []
  let plain = ''
  for (const token of text.split(/([\p{L}\p{N}]+)/u)) {
    const lower = token.toLowerCase()
    if (token && prefixes.some((p) => lower.startsWith(p))) {
      if (plain) parts.push({ text: plain, match: false })
      parts.push({ text: token, match: true })
      plain = ''
    } else plain += token
  }
  if (plain) parts.push({ text: plain, match: false })
  return parts
}
