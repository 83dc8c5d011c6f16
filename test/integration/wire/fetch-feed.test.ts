import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import { createHttpClient, type HttpClient, NetError } from '../../../src/net/index.js'
import { fetchFeed, fetchFullText, findFeed, WireError } from '../../../src/wire/index.js'
import { type FeedServer, fixtureBytes, startFeedServer } from '../../support/feed-server.js'
import { syntheticFeed } from '../../support/synthetic-feed.js'

const clock = fixedClock(new Date('2026-05-06T12:00:00Z'))
let server: FeedServer
let client: HttpClient

beforeAll(async () => {
  server = await startFeedServer()
  client = createHttpClient({
    userAgent: 'Broadsheet/0.1 (+http://news.test)',
    allowPrivate: true,
    timeoutMs: 2000,
  })
})
afterAll(async () => {
  client.close()
  await server.close()
})

async function failure(promise: Promise<unknown>): Promise<NetError | WireError> {
  const error: unknown = await promise.then(
    () => new Error('expected the fetch to fail'),
    (e: unknown) => e,
  )
  expect(error instanceof NetError || error instanceof WireError, String(error)).toBe(true)
  return error as NetError | WireError
}

describe('fetchFeed: conditional GET', () => {
  it('fetches and parses, then gets a 304 with the stored ETag', async () => {
    server.fixture('/courier/feed/', 'rss2-full.xml')

    const first = await fetchFeed(client, { url: server.url('/courier/feed/') }, clock)
    expect(first.status).toBe('fetched')
    if (first.status !== 'fetched') return
    expect(first.feed.items).toHaveLength(3)
    expect(first.cache.etag).toMatch(/^".+"$/)
    expect(first.fetchedAt).toEqual(clock.now())

    const second = await fetchFeed(
      client,
      {
        url: server.url('/courier/feed/'),
        etag: first.cache.etag,
        lastModified: first.cache.lastModified,
      },
      clock,
    )

    expect(second.status).toBe('not-modified')
    expect(second.cache.etag).toBe(first.cache.etag)
    const [, conditional] = server.requestsTo('/courier/feed/')
    expect(conditional!.headers['if-none-match']).toBe(first.cache.etag)
    expect(conditional!.headers['if-modified-since']).toBe(first.cache.lastModified)
    expect(conditional!.headers.accept).toContain('application/rss+xml')
  })

  it('uses Last-Modified alone when the server sends no ETag', async () => {
    server.fixture('/lm/feed', 'atom-harbour.xml', {
      etag: false,
      contentType: 'application/atom+xml',
      lastModified: new Date('2026-05-05T10:00:00Z'),
    })

    const first = await fetchFeed(client, { url: server.url('/lm/feed') }, clock)
    const second = await fetchFeed(
      client,
      { url: server.url('/lm/feed'), lastModified: first.cache.lastModified },
      clock,
    )

    expect(first.cache).toMatchObject({
      etag: undefined,
      lastModified: 'Tue, 05 May 2026 10:00:00 GMT',
    })
    expect(second.status).toBe('not-modified')
    expect(second.cache.lastModified).toBe('Tue, 05 May 2026 10:00:00 GMT')
  })

  it('reports Cache-Control max-age and decodes a gzip feed', async () => {
    server.fixture('/gz/feed', 'rdf-almanac.rdf', {
      encoding: 'gzip',
      headers: { 'cache-control': 'public, max-age=1800' },
    })

    const result = await fetchFeed(client, { url: server.url('/gz/feed') }, clock)

    expect(result.cache.maxAgeSeconds).toBe(1800)
    expect(result.status === 'fetched' && result.feed.items.map((i) => i.title)).toEqual([
      'A late frost in the orchards',
      'The swifts are back',
    ])
  })
})

describe('fetchFeed: redirects', () => {
  it('reports a permanent redirect as the URL to store, and a temporary one not', async () => {
    server.fixture('/moved/feed', 'json-feed-1.1.json', { contentType: 'application/feed+json' })
    server.route('/old/feed', { status: 301, location: '/moved/feed' })
    server.route('/elsewhere/feed', { status: 302, location: '/moved/feed' })

    const permanent = await fetchFeed(client, { url: server.url('/old/feed') }, clock)
    const temporary = await fetchFeed(client, { url: server.url('/elsewhere/feed') }, clock)

    expect(permanent.permanentUrl).toBe(server.url('/moved/feed'))
    expect(permanent.url).toBe(server.url('/moved/feed'))
    expect(temporary.permanentUrl).toBeUndefined()
    expect(temporary.status === 'fetched' && temporary.feed.title).toBe('The Orchard Herald')
  })
})

describe('fetchFeed: charsets over HTTP', () => {
  it('reads a Latin-1 feed served without a charset', async () => {
    server.fixture('/gazette/rss', 'rss091-latin1.xml', { contentType: 'text/xml' })

    const result = await fetchFeed(client, { url: server.url('/gazette/rss') }, clock)

    expect(result.status === 'fetched' && result.feed.items[0]!.title).toBe(
      "Le café de la gare rouvre après l'été",
    )
  })

  it('reads Latin-1 bytes served as UTF-8 without mojibake', async () => {
    server.fixture('/bote/rss', 'rss2-wrong-charset.xml', {
      contentType: 'application/rss+xml; charset=UTF-8',
    })

    const result = await fetchFeed(client, { url: server.url('/bote/rss') }, clock)

    expect(result.status === 'fetched' && result.feed.items[0]!.title).toBe(
      'Straßenfest am Marktplatz: große Pläne',
    )
  })
})

describe('fetchFeed: broken sources', () => {
  it.each([
    ['an HTML error page served as 200', '/broken/html', 'NOT_A_FEED'],
    ['truncated XML', '/broken/truncated', 'MALFORMED_FEED'],
    ['a 500', '/broken/500', 'HTTP_STATUS'],
    ['a 410', '/broken/410', 'HTTP_STATUS'],
    ['a slow server', '/broken/slow', 'TIMEOUT'],
  ])('fails on %s with a code, and the other sources still work', async (_name, path, code) => {
    server.fixture('/broken/html', 'error-page.html', { contentType: 'text/html' })
    server.fixture('/broken/truncated', 'truncated.xml')
    server.fixture('/broken/500', 'error-page.html', { status: 500, contentType: 'text/html' })
    server.route('/broken/410', { status: 410, body: 'Gone' })
    server.fixture('/broken/slow', 'rss2-full.xml', { delayMs: 3000 })
    server.fixture('/healthy/feed', 'rss2-full.xml')

    const [broken, healthy] = await Promise.allSettled([
      fetchFeed(client, { url: server.url(path) }, clock),
      fetchFeed(client, { url: server.url('/healthy/feed') }, clock),
    ])

    expect(broken.status).toBe('rejected')
    const error: unknown = (broken as PromiseRejectedResult).reason
    expect(error instanceof NetError || error instanceof WireError).toBe(true)
    expect(error).toMatchObject({ code })
    if (!(error instanceof Error)) return
    expect(error.message).not.toMatch(/\n\s+at /)
    expect(healthy.status === 'fulfilled' && healthy.value.status).toBe('fetched')
  })

  it('tells a 410 from a 500 by status, and passes on Retry-After', async () => {
    server.route('/busy/feed', { status: 503, body: 'busy', headers: { 'retry-after': '600' } })
    server.route('/gone/feed', { status: 410, body: 'Gone' })

    const busy = (await failure(
      fetchFeed(client, { url: server.url('/busy/feed') }, clock),
    )) as NetError
    const gone = (await failure(
      fetchFeed(client, { url: server.url('/gone/feed') }, clock),
    )) as NetError

    expect(busy).toMatchObject({ code: 'HTTP_STATUS', status: 503, retryAfterSeconds: 600 })
    expect(gone).toMatchObject({ code: 'HTTP_STATUS', status: 410 })
  })

  it('refuses a loopback source when private addresses are not allowed', async () => {
    const guarded = createHttpClient({ userAgent: 'Broadsheet/0.1' })
    server.fixture('/private/feed', 'rss2-full.xml')
    try {
      const error = await failure(fetchFeed(guarded, { url: server.url('/private/feed') }, clock))

      expect(error.code).toBe('BLOCKED_ADDRESS')
      expect(server.requestsTo('/private/feed')).toHaveLength(0)
    } finally {
      guarded.close()
    }
  })
})

describe('findFeed', () => {
  it('returns a feed URL as it is', async () => {
    server.fixture('/direct/feed', 'rss2-full.xml')

    const found = await findFeed(client, server.url('/direct/feed'), clock)

    expect(found).toMatchObject({ url: server.url('/direct/feed'), discoveredFrom: undefined })
    expect(found.feed.title).toBe('Valley Courier & Post')
  })

  it('discovers the posts feed from a home page, not the comments feed', async () => {
    server.fixture('/site/', 'home-page.html', { contentType: 'text/html; charset=utf-8' })
    server.fixture('/feed/', 'rss2-full.xml')
    server.fixture('/comments/feed/', 'duplicates.xml')

    const found = await findFeed(client, server.url('/site/'), clock)

    expect(found.url).toBe(server.url('/feed/'))
    expect(found.discoveredFrom).toBe(server.url('/site/'))
    expect(found.feed.items).toHaveLength(3)
  })

  it('tries the usual feed paths when the page links to none', async () => {
    const bare = await startFeedServer()
    try {
      bare.route('/', {
        body: '<!doctype html><title>Bare</title><p>Hi</p>',
        contentType: 'text/html',
      })
      bare.fixture('/feed.xml', 'atom-harbour.xml', { contentType: 'application/atom+xml' })

      const found = await findFeed(client, bare.url('/'), clock)

      expect(found.url).toBe(bare.url('/feed.xml'))
      expect(found.feed.format).toBe('atom')
    } finally {
      await bare.close()
    }
  })

  it('says so when there is no feed, and passes a broken feed on as broken', async () => {
    const empty = await startFeedServer()
    try {
      empty.route('/', { body: '<!doctype html><title>None</title>', contentType: 'text/html' })
      empty.fixture('/broken.xml', 'truncated.xml')

      expect((await failure(findFeed(client, empty.url('/'), clock))).code).toBe('NO_FEED_FOUND')
      expect((await failure(findFeed(client, empty.url('/broken.xml'), clock))).code).toBe(
        'MALFORMED_FEED',
      )
    } finally {
      await empty.close()
    }
  })
})

describe('fetchFullText', () => {
  it('extracts the article from a page with absolute URLs', async () => {
    server.route('/2026/05/footbridge-vote/', {
      body: fixtureBytes('article-page.html'),
      contentType: 'text/html; charset=utf-8',
    })

    const article = await fetchFullText(client, server.url('/2026/05/footbridge-vote/'))

    expect(article?.text).toContain('voted by nine votes to four')
    expect(article?.firstImage?.url).toBe(server.url('/media/2026/05/footbridge-model.jpg'))
  })
})

describe('synthetic feeds for polling tests and the bench', () => {
  it('serves many generated sources and answers all of them 304 on the second poll', async () => {
    // Parsing 20 feeds at once keeps the event loop busy; this client waits longer than 1 s.
    const patient = createHttpClient({ userAgent: 'Broadsheet/0.1', allowPrivate: true })
    const names = Array.from({ length: 20 }, (_, i) => `Source ${i + 1}`)
    names.forEach((name, i) => server.route(`/synthetic/${i}`, { body: syntheticFeed({ name }) }))

    const first = await Promise.all(
      names.map((_, i) => fetchFeed(patient, { url: server.url(`/synthetic/${i}`) }, clock)),
    )
    const second = await Promise.all(
      first.map((result, i) =>
        fetchFeed(patient, { url: server.url(`/synthetic/${i}`), etag: result.cache.etag }, clock),
      ),
    )

    const keys = first.flatMap((r) =>
      r.status === 'fetched' ? r.feed.items.map((i) => i.key) : [],
    )
    expect(keys).toHaveLength(20 * 50)
    expect(new Set(keys).size).toBe(20 * 50)
    expect(second.every((r) => r.status === 'not-modified')).toBe(true)
    patient.close()
  })
})
