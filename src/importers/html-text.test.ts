import { describe, expect, it } from 'vitest'
import { htmlToText } from './html-text.js'

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, drops tags and decodes entities', () => {
    expect(htmlToText('<p>One &amp; <strong>two</strong></p><p>Three<br>four</p>')).toBe(
      'One & two\n\nThree\nfour',
    )
  })

  it('keeps blank-line paragraphs of plain text', () => {
    expect(htmlToText('About time.\n\nWill the ferry keep running?')).toBe(
      'About time. Will the ferry keep running?',
    )
  })

  it('writes link addresses out when asked', () => {
    const html = 'See <a href="https://ferry.example.net/times">the timetable</a>.'
    expect(htmlToText(html, { keepLinks: true })).toBe(
      'See the timetable (https://ferry.example.net/times).',
    )
    expect(htmlToText(html)).toBe('See the timetable.')
  })

  it('ignores scripts', () => {
    expect(htmlToText('<p>Hi</p><script>alert(1)</script>')).toBe('Hi')
  })

  it('reads plain text as the parser would', () => {
    for (const text of ['', '  Ferry\r\n\r\n times \u00a0 change\t', 'One\n\n\n\nTwo', ' \n '])
      expect(htmlToText(text)).toBe(htmlToText(`<span></span>${text}`))
  })
})
