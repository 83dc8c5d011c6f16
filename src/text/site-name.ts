/**
 * A site's name inside a sentence: "the Daily Planet newsletter", but "The Broadsheet Gazette
 * newsletter" for a name that already starts with "The" (never "the The …").
 * @example withArticle('Broadsheet Gazette') // 'the Broadsheet Gazette'
 * @example withArticle('The Broadsheet Gazette') // 'The Broadsheet Gazette'
 */
export function withArticle(name: string): string {
  const trimmed = name.trim()
  return /^the\s/i.test(trimmed) ? trimmed : `the ${trimmed}`
}
