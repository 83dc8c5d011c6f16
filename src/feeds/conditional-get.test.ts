import { describe, expect, it } from 'vitest'
import { isNotModified } from './conditional-get.js'

const etag = '"abc"'
const lastModified = new Date('2026-11-27T10:00:00.500Z')

describe('isNotModified', () => {
  it('matches If-None-Match against the ETag, weak or strong, in a list or as *', () => {
    expect(isNotModified({ 'if-none-match': '"abc"' }, etag, null)).toBe(true)
    expect(isNotModified({ 'if-none-match': 'W/"abc"' }, etag, null)).toBe(true)
    expect(isNotModified({ 'if-none-match': '"x", "abc"' }, etag, null)).toBe(true)
    expect(isNotModified({ 'if-none-match': '*' }, etag, null)).toBe(true)
    expect(isNotModified({ 'if-none-match': '"x"' }, etag, null)).toBe(false)
  })

  it('ignores If-Modified-Since when If-None-Match is present', () => {
    const headers = { 'if-none-match': '"x"', 'if-modified-since': 'Fri, 27 Nov 2026 11:00:00 GMT' }
    expect(isNotModified(headers, etag, lastModified)).toBe(false)
  })

  it('compares If-Modified-Since in whole seconds', () => {
    const at = (value: string) => isNotModified({ 'if-modified-since': value }, etag, lastModified)
    expect(at('Fri, 27 Nov 2026 10:00:00 GMT')).toBe(true)
    expect(at('Fri, 27 Nov 2026 09:59:59 GMT')).toBe(false)
    expect(at('not a date')).toBe(false)
  })
})
