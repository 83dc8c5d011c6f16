import { describe, expect, it } from 'vitest'
import {
  countTextWords,
  countWords,
  formatReadingTime,
  htmlToText,
  makeExcerpt,
  readingMinutes,
} from './reading-time.js'

describe('reading time', () => {
  it('counts words in text, not markup', () => {
    expect(countWords('<p>One <strong>two</strong> three.</p><p>Four&nbsp;five</p>')).toBe(5)
    expect(countWords('')).toBe(0)
  })

  it('rounds up at about 200 words a minute, never below one', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(200)).toBe(1)
    expect(readingMinutes(201)).toBe(2)
    expect(readingMinutes(800)).toBe(4)
  })

  it('labels singular and plural minutes', () => {
    expect(formatReadingTime(1)).toBe('1 Min Read')
    expect(formatReadingTime(4)).toBe('4 Mins Read')
  })
})

describe('htmlToText', () => {
  it('decodes entities and separates blocks', () => {
    expect(htmlToText('<h2>Rock &amp; roll</h2><p>It&#39;s &lt;loud&gt;</p>')).toBe(
      "Rock & roll It's <loud>",
    )
  })
})

describe('makeExcerpt', () => {
  it('keeps short text whole', () => {
    expect(makeExcerpt('  A short   standfirst. ')).toBe('A short standfirst.')
  })

  it('cuts long text at a word with an ellipsis', () => {
    const excerpt = makeExcerpt('alpha beta gamma delta epsilon zeta eta theta', 20)
    expect(excerpt).toBe('alpha beta gamma…')
  })

  it('leaves an excerpt it made alone, even one at full length with its ellipsis', () => {
    const text = 'word '.repeat(30) + 'x'.repeat(300)
    // 'alpha beta gamma del' is 20 characters: cut after it, the excerpt is 21 with its ellipsis.
    for (const source of [text, 'alpha beta gamma del epsilon zeta eta theta'])
      for (const max of [20, 60, 200]) {
        const once = makeExcerpt(source, max)
        expect(makeExcerpt(once, max)).toBe(once)
      }
  })
})

describe('countTextWords', () => {
  it('counts the words of text as countWords counts those of its HTML', () => {
    const html =
      '<p>Council approves the <strong>new</strong> quay&nbsp;budget.</p><ul><li>It’s 2.5m</li></ul>'
    expect(countTextWords(htmlToText(html))).toBe(countWords(html))
    expect(countTextWords('Council approves the new quay budget. It’s 2.5m')).toBe(8)
    expect(countTextWords('  ')).toBe(0)
  })
})
