import { describe, expect, it } from 'vitest'
import { slugify, uniqueSlug } from './slug.js'

describe('slugify', () => {
  it('drops apostrophes instead of splitting words', () => {
    expect(slugify('Kim Jong-un’s huge swipe at ally')).toBe('kim-jong-uns-huge-swipe-at-ally')
  })

  it('folds accents', () => {
    expect(slugify('Ünïcödé')).toBe('unicode')
    expect(slugify('Café culture in Château-sur-Mer')).toBe('cafe-culture-in-chateau-sur-mer')
  })

  it('transliterates Cyrillic, Greek and special Latin letters', () => {
    expect(slugify('Україна')).toBe('ukraina')
    expect(slugify('Straße Øresund')).toBe('strasse-oresund')
    expect(slugify('Αθήνα')).toBe('athina')
  })

  it('turns punctuation runs into one hyphen and trims them', () => {
    expect(slugify('  “Budget vote” — what next?!  ')).toBe('budget-vote-what-next')
    expect(slugify('Fish & chips')).toBe('fish-and-chips')
  })

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40), 30)
    expect(slug.length).toBeLessThanOrEqual(30)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug).toMatch(/^(word-)*word$/)
  })

  it('returns an empty string when nothing is spellable', () => {
    expect(slugify('!!! ???')).toBe('')
  })
})

describe('uniqueSlug', () => {
  it('numbers the slug until it is free', async () => {
    const taken = new Set(['budget', 'budget-2'])
    expect(await uniqueSlug('budget', async (s) => taken.has(s))).toBe('budget-3')
    expect(await uniqueSlug('fresh', async (s) => taken.has(s))).toBe('fresh')
  })

  it('uses the fallback for an empty base', async () => {
    expect(await uniqueSlug('', async () => false, 'article')).toBe('article')
  })
})
