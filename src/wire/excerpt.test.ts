import { describe, expect, it } from 'vitest'
import { excerptWords } from './excerpt.js'

describe('excerptWords', () => {
  it('keeps text of 55 words or fewer whole', () => {
    const text = Array.from({ length: 55 }, (_, i) => `w${i + 1}`).join(' ')
    expect(excerptWords(text)).toBe(text)
  })

  it('cuts after 55 words with an ellipsis', () => {
    const text = Array.from({ length: 80 }, (_, i) => `w${i + 1}`).join('  \n')
    const excerpt = excerptWords(text)
    expect(excerpt.split(' ')).toHaveLength(55)
    expect(excerpt.endsWith('w55…')).toBe(true)
  })

  it('does not leave a dangling comma before the ellipsis', () => {
    expect(excerptWords('one, two, three, four', 2)).toBe('one, two…')
  })

  it('counts characters for Chinese and Japanese', () => {
    expect(excerptWords('今日は良い天気です', 4)).toBe('今日は良…')
  })
})
