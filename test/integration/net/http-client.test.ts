import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHttpClient, type HttpClient, NetError } from '../../../src/net/index.js'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'

const UA = 'Broadsheet-test/1.0 (+http://news.test)'
let server: FeedServer
let client: HttpClient

beforeAll(async () => {
  server = await startFeedServer()
  client = createHttpClient({ userAgent: UA, allowPrivate: true, timeoutMs: 2000 })
})
afterAll(async () => {
  client.close()
  await server.close()
})

/** The NetError a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<NetError> {
  const error: unknown = await promise.then(
    () => new Error('expected the request to fail'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(NetError)
  return error as NetError
}

describe('http client: fetching', () => {
  it('fetches a body and sends the given User-Agent and Accept-Encoding', async () => {
    server.route('/plain', {
      body: '<rss/>',
      etag: '"v1"',
      headers: { 'cache-control': 'max-age=600' },
    })

    const res = await client.request(server.url('/plain'), { accept: 'application/rss+xml' })

    expect(res.status).toBe(200)
    expect(res.body.toString()).toBe('<rss/>')
    expect(res.headers['content-type']).toContain('application/rss+xml')
    expect(res.cache.etag).toBe('"v1"')
    expect(res.cache.lastModified).toMatch(/GMT$/)
    expect(res.cache.maxAgeSeconds).toBe(600)
    const seen = server.requestsTo('/plain').at(-1)!
    expect(seen.headers['user-agent']).toBe(UA)
    expect(seen.headers.accept).toBe('application/rss+xml')
    expect(seen.headers['accept-encoding']).toContain('gzip')
    expect(seen.headers['accept-encoding']).toContain('br')
  })

  it('answers a matching If-None-Match with a 304 and no body', async () => {
    server.route('/etag', { body: '<rss>one</rss>', etag: '"e1"' })

    const res = await client.request(server.url('/etag'), { etag: '"e1"' })

    expect(res.status).toBe(304)
    expect(res.notModified).toBe(true)
    expect(res.body.length).toBe(0)
    expect(server.requestsTo('/etag').at(-1)!.headers['if-none-match']).toBe('"e1"')
  })

  it('sends If-Modified-Since from a stored Last-Modified', async () => {
    const modified = new Date('2026-05-01T10:00:00Z')
    server.route('/lm', { body: 'x', etag: false, lastModified: modified })

    const fresh = await client.request(server.url('/lm'), { lastModified: modified.toUTCString() })
    const stale = await client.request(server.url('/lm'), {
      lastModified: new Date('2026-04-01T00:00:00Z').toUTCString(),
    })

    expect(fresh.notModified).toBe(true)
    expect(stale.status).toBe(200)
    expect(server.requestsTo('/lm')[0]!.headers['if-modified-since']).toBe(modified.toUTCString())
  })

  it.each(['gzip', 'br', 'deflate', 'deflate-raw'] as const)(
    'decodes a %s body',
    async (encoding) => {
      const text = 'Café, naïve, ünïcödé — '.repeat(200)
      server.route(`/enc-${encoding}`, { body: text, encoding })

      const res = await client.request(server.url(`/enc-${encoding}`))

      expect(res.body.toString('utf8')).toBe(text)
    },
  )

  it('posts a body with its length and content type', async () => {
    server.route('/hook', { status: 200, body: 'ok', contentType: 'text/plain' })

    const res = await client.request(server.url('/hook'), {
      method: 'POST',
      body: JSON.stringify({ post: { current: { title: 'Ça va' } } }),
      headers: { 'Content-Type': 'application/json' },
    })

    expect(res.body.toString()).toBe('ok')
    const seen = server.requestsTo('/hook').at(-1)!
    expect(seen.method).toBe('POST')
    expect(seen.headers['content-type']).toBe('application/json')
    expect(JSON.parse(seen.body)).toEqual({ post: { current: { title: 'Ça va' } } })
    expect(Number(seen.headers['content-length'])).toBe(Buffer.byteLength(seen.body))
  })
})

describe('http client: redirects', () => {
  it('follows a permanent redirect and reports where the stored URL should move', async () => {
    server.route('/old', { status: 301, location: '/new' })
    server.route('/new', { body: 'moved' })

    const res = await client.request(server.url('/old'))

    expect(res.body.toString()).toBe('moved')
    expect(res.url).toBe(server.url('/new'))
    expect(res.redirects).toEqual([
      { from: server.url('/old'), to: server.url('/new'), status: 301, permanent: true },
    ])
    expect(res.permanentUrl).toBe(server.url('/new'))
  })

  it('does not move the stored URL on a temporary redirect', async () => {
    server.route('/temp', { status: 302, location: '/new' })

    const res = await client.request(server.url('/temp'))

    expect(res.body.toString()).toBe('moved')
    expect(res.redirects[0]!.permanent).toBe(false)
    expect(res.permanentUrl).toBeUndefined()
  })

  it('moves the stored URL only as far as the chain stays permanent', async () => {
    server.route('/p1', { status: 308, location: '/p2' })
    server.route('/p2', { status: 301, location: '/t1' })
    server.route('/t1', { status: 307, location: '/p3' })
    server.route('/p3', { status: 301, location: '/new' })

    const res = await client.request(server.url('/p1'))

    expect(res.redirects.map((r) => r.status)).toEqual([308, 301, 307, 301])
    expect(res.permanentUrl).toBe(server.url('/t1'))
  })

  it('follows five redirects and refuses the sixth', async () => {
    for (let i = 0; i < 6; i += 1) server.route(`/r${i}`, { status: 302, location: `/r${i + 1}` })
    server.route('/r6', { body: 'end' })
    server.route('/s0', { status: 302, location: '/r2' })

    const five = await client.request(server.url('/s0'))
    const error = await failure(client.request(server.url('/r0')))

    expect(five.redirects).toHaveLength(5)
    expect(error.code).toBe('TOO_MANY_REDIRECTS')
  })

  it('turns a POST into a GET on 303 and drops the body', async () => {
    server.route('/form', { status: 303, location: '/done' })
    server.route('/done', { body: 'thanks' })

    await client.request(server.url('/form'), { method: 'POST', body: 'a=1' })

    const done = server.requestsTo('/done').at(-1)!
    expect(done.method).toBe('GET')
    expect(done.body).toBe('')
    expect(done.headers['content-length']).toBeUndefined()
  })

  it('drops credentials when a redirect leaves the origin', async () => {
    const port = new URL(server.url('/')).port
    server.route('/away', { status: 302, location: `http://localhost:${port}/landing` })
    server.route('/landing', { body: 'landed' })

    await client.request(server.url('/away'), { headers: { Authorization: 'Bearer secret' } })

    expect(server.requestsTo('/away').at(-1)!.headers.authorization).toBe('Bearer secret')
    expect(server.requestsTo('/landing').at(-1)!.headers.authorization).toBeUndefined()
  })

  it('checks every hop: a redirect to a metadata address or a file: URL is refused', async () => {
    server.route('/to-metadata', {
      status: 302,
      location: 'http://169.254.169.254/latest/meta-data/',
    })
    server.route('/to-mapped', { status: 301, location: 'http://[::ffff:169.254.169.254]/' })
    server.route('/to-file', { status: 302, location: 'file:///etc/passwd' })

    expect((await failure(client.request(server.url('/to-metadata')))).code).toBe('BLOCKED_ADDRESS')
    expect((await failure(client.request(server.url('/to-mapped')))).code).toBe('BLOCKED_ADDRESS')
    expect((await failure(client.request(server.url('/to-file')))).code).toBe('BAD_SCHEME')
  })
})

describe('http client: limits and failures', () => {
  it('refuses a body larger than the limit, declared or not', async () => {
    const small = createHttpClient({ userAgent: UA, allowPrivate: true, maxBytes: 1000 })
    server.route('/big', { body: 'x'.repeat(5000) })
    const chunked = await chunkedServer('y'.repeat(5000))
    try {
      expect((await failure(small.request(server.url('/big')))).code).toBe('TOO_LARGE')
      expect((await failure(small.request(chunked.url))).code).toBe('TOO_LARGE')
    } finally {
      small.close()
      await chunked.close()
    }
  })

  it('refuses a compressed body that expands past the limit', async () => {
    const small = createHttpClient({ userAgent: UA, allowPrivate: true, maxBytes: 100_000 })
    const bomb = Buffer.alloc(10_000_000, 0)
    server.route('/bomb', { body: bomb, encoding: 'gzip' })
    expect(gzipSync(bomb).length).toBeLessThan(100_000)
    try {
      expect((await failure(small.request(server.url('/bomb')))).code).toBe('TOO_LARGE')
    } finally {
      small.close()
    }
  })

  it('times out on a server that does not answer, and on one that stalls mid-body', async () => {
    server.route('/slow', { body: 'late', delayMs: 3000 })
    server.route('/stall', { body: 'x'.repeat(2000), stallMs: 3000 })

    const started = Date.now()
    const slow = await failure(client.request(server.url('/slow'), { timeoutMs: 300 }))
    const stall = await failure(client.request(server.url('/stall'), { timeoutMs: 300 }))

    expect(slow.code).toBe('TIMEOUT')
    expect(stall.code).toBe('TIMEOUT')
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('reports an error status with its code, Retry-After and the start of the body', async () => {
    server.route('/busy', {
      status: 503,
      body: '<html><body>Try later</body></html>',
      contentType: 'text/html',
      headers: { 'retry-after': '120' },
    })
    server.route('/gone', { status: 410, body: 'gone' })

    const busy = await failure(client.request(server.url('/busy')))
    const gone = await failure(client.request(server.url('/gone')))

    expect(busy).toMatchObject({ code: 'HTTP_STATUS', status: 503, retryAfterSeconds: 120 })
    expect(busy.bodyStart).toContain('Try later')
    expect(busy.message).toBe('The server answered 503.')
    expect(gone).toMatchObject({ code: 'HTTP_STATUS', status: 410 })
  })

  it('names a refused connection, a bad URL and a bad scheme', async () => {
    const closed = await chunkedServer('')
    const url = closed.url
    await closed.close()

    expect((await failure(client.request(url))).code).toBe('CONNECTION_FAILED')
    expect((await failure(client.request('not a url'))).code).toBe('BAD_URL')
    expect((await failure(client.request('ftp://example.org/feed'))).code).toBe('BAD_SCHEME')
    expect((await failure(client.request('file:///etc/passwd'))).code).toBe('BAD_SCHEME')
  })

  it('stops when the caller aborts', async () => {
    server.route('/wait', { body: 'x', delayMs: 2000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)

    const error = await failure(client.request(server.url('/wait'), { signal: controller.signal }))

    expect(error.code).toBe('ABORTED')
  })
})

describe('http client: address guard', () => {
  let guarded: HttpClient
  beforeAll(() => {
    guarded = createHttpClient({ userAgent: UA, timeoutMs: 2000 })
  })
  afterAll(() => guarded.close())
  beforeEach(() => {
    server.requests.length = 0
  })

  it.each([
    ['a loopback IP', (port: string) => `http://127.0.0.1:${port}/plain`],
    ['a name that resolves to loopback', (port: string) => `http://localhost:${port}/plain`],
    ['IPv6 loopback', (port: string) => `http://[::1]:${port}/plain`],
    ['an IPv4-mapped loopback', (port: string) => `http://[::ffff:127.0.0.1]:${port}/plain`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['the IPv6 metadata address', () => 'http://[fd00:ec2::254]/latest/meta-data/'],
    ['a private network', () => 'http://10.0.0.1/feed'],
    ['the unspecified address', (port: string) => `http://0.0.0.0:${port}/plain`],
    ['loopback written as a number', (port: string) => `http://2130706433:${port}/plain`],
    ['loopback written in hex', (port: string) => `http://0x7f.1:${port}/plain`],
  ])('refuses %s unless private addresses are allowed', async (_name, target) => {
    server.route('/plain', { body: 'secret' })
    const port = new URL(server.url('/')).port

    const error = await failure(guarded.request(target(port)))

    expect(error.code).toBe('BLOCKED_ADDRESS')
    expect(error.message).toMatch(/^Refused /)
    expect(server.requests).toHaveLength(0)
  })

  it('reaches localhost when private addresses are allowed', async () => {
    server.route('/plain', { body: 'local' })
    const port = new URL(server.url('/')).port

    const res = await client.request(`http://localhost:${port}/plain`)

    expect(res.body.toString()).toBe('local')
  })

  it('still refuses the metadata address when private addresses are allowed', async () => {
    const error = await failure(client.request('http://169.254.169.254/latest/meta-data/'))

    expect(error.code).toBe('BLOCKED_ADDRESS')
  })

  it('refuses the metadata services by name, before any lookup', async () => {
    for (const url of [
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://METADATA.google.internal./computeMetadata/v1/',
      'http://instance-data.ec2.internal/latest/',
    ]) {
      const error = await failure(client.request(url))
      expect(error.code).toBe('BLOCKED_ADDRESS')
      expect(error.message).toMatch(/it is a cloud metadata address/)
    }
  })
})

/** A bare server that streams `body` chunked, with no Content-Length. */
async function chunkedServer(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const srv = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    for (let i = 0; i < body.length; i += 500) res.write(body.slice(i, i + 500))
    res.end()
  })
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections()
        srv.close(() => resolve())
      }),
  }
}
