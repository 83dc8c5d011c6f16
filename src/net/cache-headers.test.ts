import { describe, expect, it } from 'vitest'
import { parseMaxAge, parseRetryAfter, readCacheInfo } from './cache-headers.js'

const now = new Date('2026-05-05T12:00:00Z')

describe('parseRetryAfter', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120)
  })

  it('turns an HTTP date into seconds from now, never negative', () => {
    expect(parseRetryAfter('Tue, 05 May 2026 12:05:00 GMT', now)).toBe(300)
    expect(parseRetryAfter('Tue, 05 May 2026 11:00:00 GMT', now)).toBe(0)
  })

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })
})

describe('parseMaxAge', () => {
  it('reads max-age, preferring s-maxage', () => {
    expect(parseMaxAge('public, max-age=600')).toBe(600)
    expect(parseMaxAge('max-age=60, s-maxage=900')).toBe(900)
  })

  it('gives nothing for no-store, no-cache or junk', () => {
    expect(parseMaxAge('no-store, max-age=600')).toBeUndefined()
    expect(parseMaxAge('no-cache')).toBeUndefined()
    expect(parseMaxAge('max-age=soon')).toBeUndefined()
  })
})

describe('readCacheInfo', () => {
  it('collects the validators and wait hints', () => {
    const info = readCacheInfo(
      {
        etag: '"abc"',
        'last-modified': 'Tue, 05 May 2026 09:00:00 GMT',
        'retry-after': '30',
        'cache-control': 'max-age=300',
      },
      now,
    )
    expect(info).toEqual({
      etag: '"abc"',
      lastModified: 'Tue, 05 May 2026 09:00:00 GMT',
      retryAfterSeconds: 30,
      maxAgeSeconds: 300,
    })
  })
})
