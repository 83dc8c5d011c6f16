import { describe, expect, it } from 'vitest'
import { listSearchWords } from './list-search.js'
import { toListTsQuery } from './list-search.postgres.js'
import { toListMatch } from './list-search.sqlite.js'

describe('list search words', () => {
  it('matches the last word as a prefix, the others whole', () => {
    expect(listSearchWords('  Harbour  Counc ')).toEqual([
      { text: 'harbour', prefix: false },
      { text: 'counc', prefix: true },
    ])
  })

  it('takes a last word followed by punctuation as finished', () => {
    expect(listSearchWords('jane@')).toEqual([{ text: 'jane', prefix: false }])
    expect(listSearchWords('@example.org').map((w) => w.prefix)).toEqual([false, true])
  })

  it('keeps no operator or quote of either engine', () => {
    const words = listSearchWords(`o'hara "NEAR" * AND -x %_`)
    expect(words.map((w) => w.text)).toEqual(['o', 'hara', 'near', 'and', 'x'])
    expect(toListMatch(words)).toBe('"o" AND "hara" AND "near" AND "and" AND "x"')
    expect(toListTsQuery(words)).toBe("'o' & 'hara' & 'near' & 'and' & 'x'")
    expect(listSearchWords('%_@.')).toEqual([])
  })
})
