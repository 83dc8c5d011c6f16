import { describe, expect, it } from 'vitest'
import { parseSearchQuery, splitSnippet } from './search-query.js'
import { toTsQuery } from './search.postgres.js'
import { toFts5Match } from './search.sqlite.js'

describe('parseSearchQuery', () => {
  it('extracts words and quoted phrases', () => {
    expect(parseSearchQuery('Harbour “bridge repairs” budget')).toEqual({
      terms: ['harbour', 'budget'],
      phrases: [['bridge', 'repairs']],
    })
  })

  it('strips every operator a full-text engine knows', () => {
    const parsed = parseSearchQuery('NEAR(a b) -c d:e ^f g* "h')
    expect(parsed).toEqual({ terms: ['near', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], phrases: [] })
    expect(toFts5Match(parsed)).not.toMatch(/NEAR\(|\^|:|-/)
  })

  it('returns nothing usable for punctuation and emoji alone', () => {
    expect(parseSearchQuery('"*" -- 🙂 ^^ ()')).toEqual({ terms: [], phrases: [] })
  })

  it('keeps right-to-left and accented words', () => {
    expect(parseSearchQuery('سلام Château').terms).toEqual(['سلام', 'château'])
  })

  it('bounds very long input', () => {
    const parsed = parseSearchQuery('word '.repeat(2000) + 'x'.repeat(10_000))
    expect(parsed.terms.length).toBeLessThanOrEqual(12)
  })
})

describe('dialect query text', () => {
  it('quotes every FTS5 term and makes it a prefix', () => {
    expect(toFts5Match({ terms: ['ukra', 'it"s'], phrases: [['cup', 'final']] })).toBe(
      '"cup final" AND "ukra"* AND "it""s"*',
    )
  })

  it('builds a tsquery with prefixes and phrase operators', () => {
    expect(toTsQuery({ terms: ['ukra', "o'neil"], phrases: [['cup', 'final']] })).toBe(
      "('cup' <-> 'final') & 'ukra':* & 'o''neil':*",
    )
  })

  it('matches whole words only when the query is exact, in both dialects', () => {
    const exact = { terms: ['ukra', "o'neil"], phrases: [['cup', 'final']], exact: true }
    expect(toFts5Match(exact)).toBe(`"cup final" AND "ukra" AND "o'neil"`)
    expect(toTsQuery(exact)).toBe("('cup' <-> 'final') & 'ukra' & 'o''neil'")
  })
})

describe('splitSnippet', () => {
  it('turns engine marks into parts', () => {
    expect(splitSnippet('a \u0001b\u0002 c')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
    ])
  })
  it('sets off a paragraph that ends without punctuation, and joins one that ends a sentence', () => {
    const text = (raw: string) =>
      splitSnippet(raw)
        .map((p) => p.text)
        .join('')
    expect(text('By Ana Ruiz, The Ledger\nThe \u0001council\u0002 voted.\nIt was late')).toBe(
      'By Ana Ruiz, The Ledger · The council voted. It was late',
    )
    expect(text('Background\n \n\u0001Rates\u0002 rose')).toBe('Background · Rates rose')
    expect(text('\nthe “end.”\nNext')).toBe('the “end.” Next')
  })
})
