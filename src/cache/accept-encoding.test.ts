import { describe, expect, it } from 'vitest'
import { chooseEncoding } from './accept-encoding.js'

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, then identity', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip, deflate')).toBe('gzip')
    expect(chooseEncoding('deflate')).toBe('identity')
    expect(chooseEncoding(undefined)).toBe('identity')
  })

  it('honours q-values and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip')
    expect(chooseEncoding('gzip;q=0')).toBe('identity')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*;q=0, identity')).toBe('identity')
  })
})
