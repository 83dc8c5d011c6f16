import { describe, expect, it } from 'vitest'
import { withArticle } from './site-name.js'

describe('withArticle', () => {
  it('adds "the" to a plain name', () => {
    expect(withArticle('Daily Planet')).toBe('the Daily Planet')
  })

  it('keeps a name that already starts with The, whatever its case', () => {
    expect(withArticle('The Broadsheet Gazette')).toBe('The Broadsheet Gazette')
    expect(withArticle('the Times')).toBe('the Times')
  })

  it('does not mistake a word starting with "The" for the article', () => {
    expect(withArticle('Theatre Weekly')).toBe('the Theatre Weekly')
  })
})
