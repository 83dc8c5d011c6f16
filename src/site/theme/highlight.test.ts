import { describe, expect, it } from 'vitest'
import { highlightWords } from './highlight.js'

describe('highlightWords', () => {
  it('marks words that start with a query word, whatever their case', () => {
    expect(highlightWords('Council approves £412m budget', ['coun', 'BUDGET'])).toEqual([
      { text: 'Council', match: true },
      { text: ' approves £412m ', match: false },
      { text: 'budget', match: true },
    ])
  })

  it('leaves text without matches whole, and marks letters of any script', () => {
    expect(highlightWords('Harbour news', ['x'])).toEqual([{ text: 'Harbour news', match: false }])
    expect(highlightWords('Ünïcödé café', ['ünï'])).toEqual([
      { text: 'Ünïcödé', match: true },
      { text: ' café', match: false },
    ])
  })
})
