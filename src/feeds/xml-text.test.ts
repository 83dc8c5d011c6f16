import { describe, expect, it } from 'vitest'
import {
  cdata,
  escapeXml,
  escapeXmlHtmlText,
  rfc822Date,
  stripInvalidXmlChars,
  w3cDate,
} from './xml-text.js'

describe('escapeXml', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    )
  })

  it('drops control characters that XML 1.0 forbids but keeps tabs, newlines and emoji', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\tE\nF\uFFFEg 📰')).toBe('abcd\tE\nFg 📰')
  })
})

describe('escapeXmlHtmlText', () => {
  it('escapes for HTML, then for XML, so a reader shows the characters', () => {
    expect(escapeXmlHtmlText('a <b> & c')).toBe('a &amp;lt;b&amp;gt; &amp;amp; c')
  })
})

describe('stripInvalidXmlChars', () => {
  it('drops lone surrogates', () => {
    expect(stripInvalidXmlChars('x\uD800y\uDC00z')).toBe('xyz')
  })
})

describe('cdata', () => {
  it('splits a CDATA terminator inside the text', () => {
    const section = cdata('<p>a]]>b</p>')
    expect(section).toBe('<![CDATA[<p>a]]]]><![CDATA[>b</p>]]>')
    const text = section.replace(/<!\[CDATA\[|\]\]>/g, '')
    expect(text).toBe('<p>a]]>b</p>')
  })

  it('strips illegal characters', () => {
    expect(cdata('a\u0001b')).toBe('<![CDATA[ab]]>')
  })
})

describe('dates', () => {
  it('formats W3C and RFC 822 dates in UTC', () => {
    const date = new Date('2026-11-27T10:00:00.123Z')
    expect(w3cDate(date)).toBe('2026-11-27T10:00:00Z')
    expect(rfc822Date(date)).toBe('Fri, 27 Nov 2026 10:00:00 GMT')
  })
})
