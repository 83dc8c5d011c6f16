import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCacheTestApp, type CacheTestApp } from './cache-test-app.js'

let t: CacheTestApp
beforeEach(async () => {
  t = await buildCacheTestApp({ CDN_TAG_HEADERS: 'true' })
})
afterEach(async () => {
  await t.app.close()
})

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers })

describe('page cache: hits and headers', () => {
  it('renders once, then answers from memory with CDN headers', async () => {
    const miss = await get('/story/')
    const hit = await get('/story/')

    expect(t.renders.get('/story/')).toBe(1)
    expect(miss.headers['x-cache']).toBe('MISS')
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.body).toBe(miss.body)
    expect(hit.body).toContain('First headline')
    for (const response of [miss, hit]) {
      expect(response.headers['cache-control']).toBe(
        'public, max-age=60, s-maxage=600, stale-while-revalidate=86400',
      )
      expect(response.headers.vary).toBe('Accept-Encoding')
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['last-modified']).toBe('Mon, 01 Jun 2026 12:00:00 GMT')
      expect(response.headers['surrogate-key']).toBe('article:42 home settings menu')
      expect(response.headers['cache-tag']).toBe('article:42,home,settings,menu')
      expect(response.headers.etag).toMatch(/^"[\w-]+"$/)
    }
    expect(hit.headers.etag).toBe(miss.headers.etag)
  })

  it('answers If-None-Match with 304 without rendering', async () => {
    const first = await get('/story/')
    const revalidated = await get('/story/', { 'if-none-match': String(first.headers.etag) })

    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.body).toBe('')
    expect(revalidated.headers.etag).toBe(first.headers.etag)
    expect(t.renders.get('/story/')).toBe(1)
    expect((await get('/story/', { 'if-none-match': '"other"' })).statusCode).toBe(200)
  })

  it('answers If-Modified-Since with 304 unless If-None-Match disagrees', async () => {
    await get('/story/')
    const later = await get('/story/', { 'if-modified-since': 'Tue, 02 Jun 2026 00:00:00 GMT' })
    const earlier = await get('/story/', { 'if-modified-since': 'Sun, 31 May 2026 00:00:00 GMT' })
    const conflicting = await get('/story/', {
      'if-modified-since': 'Tue, 02 Jun 2026 00:00:00 GMT',
      'if-none-match': '"other"',
    })
    expect(later.statusCode).toBe(304)
    expect(earlier.statusCode).toBe(200)
    expect(conflicting.statusCode).toBe(200)
    expect(t.renders.get('/story/')).toBe(1)
  })

  it('serves brotli and gzip variants by Accept-Encoding, each with its own ETag', async () => {
    const plain = await get('/story/')
    const br = await get('/story/', { 'accept-encoding': 'gzip, deflate, br' })
    const gz = await get('/story/', { 'accept-encoding': 'gzip' })

    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length)
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3)
    // A client holding the gzip copy may revalidate against any representation.
    const revalidated = await get('/story/', {
      'accept-encoding': 'br',
      'if-none-match': String(gz.headers.etag),
    })
    expect(revalidated.statusCode).toBe(304)
  })

  it('compresses the first (missed) response too', async () => {
    const miss = await get('/story/', { 'accept-encoding': 'br' })
    expect(miss.headers['x-cache']).toBe('MISS')
    expect(miss.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(miss.rawPayload).toString()).toContain('First headline')
  })

  it('answers HEAD from the cache with headers and no body', async () => {
    const full = await get('/story/', { 'accept-encoding': 'gzip' })
    const head = await t.app.inject({
      method: 'HEAD',
      url: '/story/',
      headers: { 'accept-encoding': 'gzip' },
    })

    expect(head.statusCode).toBe(200)
    expect(head.headers['x-cache']).toBe('HIT')
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(full.headers['content-length'])
    expect(head.headers.etag).toBe(full.headers.etag)
    expect(t.renders.get('/story/')).toBe(1)
  })

  it('fills the cache from a HEAD miss', async () => {
    const head = await t.app.inject({ method: 'HEAD', url: '/story/' })
    const hit = await get('/story/')
    expect(head.headers['x-cache']).toBe('MISS')
    expect(head.body).toBe('')
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.body).toContain('First headline')
  })

  it('caches feeds (XML) like pages', async () => {
    await get('/feed.xml')
    const hit = await get('/feed.xml')
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.headers['surrogate-key']).toBe('feed settings menu')
  })

  it('does not cache a route that declared no tags', async () => {
    await get('/untagged/')
    const again = await get('/untagged/')
    expect(t.renders.get('/untagged/')).toBe(2)
    expect(again.headers['x-cache']).toBeUndefined()
  })

  it('keys on the query string', async () => {
    await get('/story/?page=2')
    await get('/story/?page=3')
    expect(t.renders.get('/story/')).toBe(2)
  })
})

describe('page cache: bypass and personalised responses', () => {
  it('bypasses readers with a session cookie and marks their response private', async () => {
    await get('/story/') // cached for anonymous readers
    t.headline.value = 'Signed-in view'
    const signedIn = await get('/story/', { cookie: 'theme=dark; bs_session=abc123' })

    expect(signedIn.body).toContain('Signed-in view')
    expect(signedIn.headers['x-cache']).toBeUndefined()
    expect(signedIn.headers['cache-control']).toBe('private, no-store')
    expect(t.renders.get('/story/')).toBe(2)
    // …and what the signed-in reader saw was not stored for anyone else.
    expect((await get('/story/')).body).toContain('First headline')
  })

  it('bypasses the https session cookie name too', async () => {
    await get('/story/')
    t.headline.value = 'Signed-in over https'
    const signedIn = await get('/story/', { cookie: '__Host-bs_session=abc123' })
    expect(signedIn.body).toContain('Signed-in over https')
    expect(signedIn.headers['x-cache']).toBeUndefined()
    expect(signedIn.headers['cache-control']).toBe('private, no-store')
  })

  it('bypasses admin, API and preview paths, preview links and POSTs', async () => {
    for (const url of ['/admin/', '/api/articles', '/preview/7']) {
      await get(url)
      const again = await get(url)
      expect(again.headers['x-cache'], url).toBeUndefined()
      expect(again.headers['cache-control'], url).toBe('private, no-store')
      expect(t.renders.get(url), url).toBe(2)
    }
    await get('/story/?preview=token')
    const preview = await get('/story/?preview=token')
    expect(preview.headers['cache-control']).toBe('private, no-store')
    const posted = await t.app.inject({ method: 'POST', url: '/story/' })
    expect(posted.headers['x-cache']).toBeUndefined()
    expect(t.renders.get('/story/')).toBe(2)
  })

  it('keeps a bypassed route’s own Cache-Control', async () => {
    const response = await get('/own-policy/', { cookie: 'bs_session=x' })
    expect(response.headers['cache-control']).toBe('private, max-age=5')
  })

  it('never stores a response that set a cookie, so readers never see each other’s', async () => {
    const alice = await get('/hello/', { 'x-reader': 'alice' })
    const bob = await get('/hello/', { 'x-reader': 'bob' })

    expect(alice.body).toBe('<p>Hello alice</p>')
    expect(bob.body).toBe('<p>Hello bob</p>')
    expect(bob.headers['set-cookie']).toContain('bs_seen=bob')
    expect(bob.headers['cache-control']).toBe('private, no-store')
    expect(t.renders.get('/hello/')).toBe(2)
  })

  it('never stores a response whose route declared it private', async () => {
    await get('/own-policy/')
    const again = await get('/own-policy/')
    expect(again.headers['cache-control']).toBe('private, max-age=5')
    expect(t.renders.get('/own-policy/')).toBe(2)
  })
})

describe('page cache: purges', () => {
  it('purges a page when a domain event touches one of its tags', async () => {
    await get('/story/')
    await get('/feed.xml')
    t.headline.value = 'Second headline'
    t.events.emit({ type: 'comments.changed', articleId: 42 })

    const story = await get('/story/')
    expect(story.headers['x-cache']).toBe('MISS')
    expect(story.body).toContain('Second headline')
    expect((await get('/feed.xml')).headers['x-cache']).toBe('HIT')
  })

  it('purges every page on a settings change (the chrome shows them)', async () => {
    await get('/story/')
    await get('/feed.xml')
    t.events.emit({ type: 'settings.changed', keys: ['title'] })
    expect((await get('/story/')).headers['x-cache']).toBe('MISS')
    expect((await get('/feed.xml')).headers['x-cache']).toBe('MISS')
  })
})
