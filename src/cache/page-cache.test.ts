import { gunzipSync, brotliDecompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { bodyOf, buildCacheEntry, etagOf, PageCache } from './page-cache.js'

const html = (text: string) => Buffer.from(`<!doctype html><p>${text}</p>`.repeat(20))

function entry(key: string, tags: string[], body = html(key)) {
  return buildCacheEntry(key, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body,
    tags,
  })
}

describe('buildCacheEntry', () => {
  it('makes gzip and brotli variants that decompress to the body', async () => {
    const body = html('The budget vote')
    const built = await entry('/a/', ['home'], body)
    expect(gunzipSync(built.gzip)).toEqual(body)
    expect(brotliDecompressSync(built.brotli)).toEqual(body)
    expect(bodyOf(built, 'identity')).toBe(body)
    expect(built.gzip.length).toBeLessThan(body.length)
  })

  it('derives a strong ETag per variant from the body hash', async () => {
    const a = await entry('/a/', [], html('same'))
    const b = await entry('/b/', [], html('same'))
    const c = await entry('/c/', [], html('other'))
    expect(etagOf(a, 'identity')).toBe(etagOf(b, 'identity'))
    expect(etagOf(a, 'identity')).not.toBe(etagOf(c, 'identity'))
    expect(etagOf(a, 'identity')).toMatch(/^"[\w-]+"$/)
    expect(new Set([etagOf(a, 'identity'), etagOf(a, 'gzip'), etagOf(a, 'br')]).size).toBe(3)
  })
})

describe('PageCache', () => {
  it('answers only with entries younger than the age limit while one is set', async () => {
    let now = 1_000_000
    const cache = new PageCache({ maxBytes: 1_000_000, staleIfErrorMs: 60_000, now: () => now })
    cache.put(await entry('/a/', ['home']))
    cache.limitAge(10_000)
    now += 9_000
    expect(cache.get('/a/')).toBeDefined()
    now += 2_000
    expect(cache.lookup('/a/')).toBeUndefined()
    // Still there as the copy to answer with when a render fails.
    expect(cache.fallback('/a/')?.entry.key).toBe('/a/')
    cache.limitAge(null)
    expect(cache.get('/a/')).toBeDefined()
  })

  it('evicts the least recently used entries to stay within its byte bound', async () => {
    const [a, b, c] = await Promise.all([entry('/a/', []), entry('/b/', []), entry('/c/', [])])
    const cache = new PageCache({ maxBytes: a.bytes + b.bytes + 10 })
    cache.put(a)
    cache.put(b)
    cache.get('/a/') // a is now more recent than b
    cache.put(c)
    expect(cache.get('/a/')).toBe(a)
    expect(cache.get('/b/')).toBeUndefined()
    expect(cache.get('/c/')).toBe(c)
    expect(cache.bytes).toBe(a.bytes + c.bytes)
    expect(cache.bytes).toBeLessThanOrEqual(a.bytes + b.bytes + 10)
  })

  it('refuses an entry larger than the whole cache', async () => {
    const big = await entry('/big/', [])
    const cache = new PageCache({ maxBytes: big.bytes - 1 })
    expect(cache.put(big)).toBe(false)
    expect(cache.size).toBe(0)
  })

  it('purges exactly the entries carrying any purged tag', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, staleGraceMs: 0 })
    cache.put(await entry('/', ['home', 'article:1', 'article:2']))
    cache.put(await entry('/world/', ['section:world', 'article:2']))
    cache.put(await entry('/sport/', ['section:sport', 'article:3']))
    cache.put(await entry('/tag/russia/', ['tag:russia', 'article:4']))

    const purged = cache.purge(['article:2', 'tag:russia'])

    expect(purged.sort()).toEqual(['/', '/tag/russia/', '/world/'])
    expect(cache.get('/sport/')).toBeDefined()
    expect(cache.get('/')).toBeUndefined()
    expect(cache.size).toBe(1)
    expect(cache.keysTagged('article:2')).toEqual([])
    expect(cache.keysTagged('article:3')).toEqual(['/sport/'])
  })

  it('keeps a purged entry as a stale copy for its grace period only', async () => {
    let now = 1_000
    const cache = new PageCache({ maxBytes: 10_000_000, staleGraceMs: 500, now: () => now })
    const page = await entry('/', ['home'])
    cache.put(page)
    cache.purge(['home'])
    expect(cache.get('/')).toBeUndefined()
    expect(cache.lookup('/')).toEqual({ entry: page, stale: true })
    now += 500
    expect(cache.lookup('/')).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })

  it('keeps a purged entry past its grace only as the fallback for a failed render', async () => {
    let now = 1_000
    const cache = new PageCache({
      maxBytes: 10_000_000,
      staleGraceMs: 500,
      staleIfErrorMs: 10_000,
      now: () => now,
    })
    const page = await entry('/', ['home'])
    cache.put(page)
    cache.purge(['home'])
    now += 600
    expect(cache.lookup('/')).toBeUndefined()
    expect(cache.fallback('/')).toEqual({ entry: page, storedAt: 1_000 })
    now += 10_000
    expect(cache.fallback('/')).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })

  it('does not store a render that started before a purge of its tags', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000 })
    const before = cache.generation
    cache.purge(['article:9'])
    expect(cache.put(await entry('/old/', ['article:9']), before)).toBe(false)
    expect(cache.put(await entry('/other/', ['article:1']), before)).toBe(true)
    expect(cache.put(await entry('/new/', ['article:9']), cache.generation)).toBe(true)
  })

  it('replaces an entry stored under the same key and re-indexes its tags', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, staleGraceMs: 0 })
    cache.put(await entry('/', ['article:1']))
    const second = await entry('/', ['article:2'])
    cache.put(second)
    expect(cache.purge(['article:1'])).toEqual([])
    expect(cache.get('/')).toBe(second)
    expect(cache.bytes).toBe(second.bytes)
  })
})
