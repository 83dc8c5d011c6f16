import { describe, expect, it } from 'vitest'
import { commentParagraphs, linkify } from './comment-text.js'

describe('commentParagraphs', () => {
  it('splits paragraphs on blank lines and links URLs without trailing punctuation', () => {
    const paragraphs = commentParagraphs(
      'See https://example.com/a?b=1.\r\n\r\nAnd www.test.org, ok',
    )
    expect(paragraphs).toEqual([
      [
        { text: 'See ' },
        { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
        { text: '.' },
      ],
      [{ text: 'And ' }, { text: 'www.test.org', href: 'https://www.test.org' }, { text: ', ok' }],
    ])
  })

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) <b>x</b>')).toEqual([
      { text: 'javascript:alert(1) <b>x</b>' },
    ])
  })
})
