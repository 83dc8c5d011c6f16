import { describe, expect, it } from 'vitest'
import { benchVocabulary } from './bench-vocabulary.js'

function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

describe('benchVocabulary', () => {
  it('holds tens of thousands of plain lower-case words, the same rank for the same word', () => {
    const vocabulary = benchVocabulary()
    expect(vocabulary.size).toBeGreaterThan(30_000)
    expect(vocabulary.wordAtRank(1)).toMatch(/^[a-z]{2,}$/)
    expect(vocabulary.wordAtRank(1)).toBe(benchVocabulary().wordAtRank(1))
    expect(new Set([1, 2, 3, 100, 20_000].map((rank) => vocabulary.wordAtRank(rank))).size).toBe(5)
  })

  it('draws words by rank: the commonest in nearly every story, a rare one in a handful', () => {
    const vocabulary = benchVocabulary()
    const random = seeded(7)
    const stories = Array.from({ length: 2_000 }, () => new Set(vocabulary.words(random, 130)))
    const share = (rank: number) =>
      stories.filter((words) => words.has(vocabulary.wordAtRank(rank))).length / stories.length

    expect(share(1)).toBeGreaterThan(0.95)
    expect(share(100)).toBeGreaterThan(0.03)
    expect(share(100)).toBeLessThan(0.3)
    expect(share(20_000)).toBeLessThan(0.01)
  })

  it('makes two-word phrases that occur in the text', () => {
    const vocabulary = benchVocabulary()
    const random = seeded(11)
    const text = Array.from({ length: 500 }, () => vocabulary.words(random, 130).join(' ')).join(
      ' ',
    )
    const phrase = vocabulary.phraseAtRank(5)
    expect(phrase).toMatch(/^[a-z]+ [a-z]+$/)
    expect(text.split(phrase).length - 1).toBeGreaterThan(10)
  })
})
