/**
 * A poll's pictures against a real, slow image host: asked for a few at a time (never one after
 * another, never all at once), within the poll's budget, each item's story made exactly once,
 * and a picture that does not arrive (not found, or not before the budget runs out) leaves its
 * story with the source's image URL.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import nodePath from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/auth/index.js'
import { diskStorage } from '../../../src/media/index.js'
import { createHttpClient, type HttpClient } from '../../../src/net/index.js'
import {
  addSource,
  listWireItems,
  pollSource,
  takeItems,
  type WireDeps,
} from '../../../src/wire/index.js'
import { EXTRAS_CONCURRENCY } from '../../../src/wire/story-extras.js'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'
import { testKernel } from '../../support/kernel.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'

const WIRE = systemActor('wire', 'editor')
const DELAY_MS = 1_000

/**
 * An image host that answers every request after `delayMs` and counts requests in flight: a
 * picture whose name ends in `-ok.png` arrives, any other is not found.
 */
interface ImageHost {
  url(path: string): string
  delayMs: number
  requests: number
  peak: number
  close(): Promise<void>
}

async function startImageHost(png: Buffer): Promise<ImageHost> {
  let inFlight = 0
  const host = { delayMs: DELAY_MS, requests: 0, peak: 0 } as ImageHost
  const server = http.createServer((req, res) => {
    host.requests++
    host.peak = Math.max(host.peak, ++inFlight)
    const timer = setTimeout(() => {
      inFlight--
      if (!req.url?.endsWith('-ok.png')) return void res.writeHead(404).end()
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png)
    }, host.delayMs)
    req.on('close', () => {
      if (!res.writableFinished) {
        clearTimeout(timer)
        inFlight--
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  host.url = (p) => `${base}${p}`
  host.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return host
}

/**
 * An RSS feed whose items each carry their own picture on `images`, the first `arriving` of them
 * pictures that arrive; item `repeat` appears twice.
 */
function pictureFeed(
  name: string,
  count: number,
  options: { arriving?: number; repeat?: number } = {},
): string {
  const picture = (i: number) => `/${name}/${i}${i <= (options.arriving ?? 0) ? '-ok' : ''}.png`
  const item = (i: number) =>
    `<item><title>${name} picture ${i}</title><link>https://${name}.example/p/${i}</link><guid>${name}-${i}</guid><media:content url="${images.url(picture(i))}" medium="image"/></item>`
  const items = Array.from({ length: count }, (_, i) => item(i + 1))
  if (options.repeat !== undefined) items.push(item(options.repeat))
  return `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${name}</title>
${items.join('\n')}
</channel></rss>`
}

let feeds: FeedServer
let images: ImageHost
let client: HttpClient

beforeAll(async () => {
  const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#468' } })
    .png()
    .toBuffer()
  feeds = await startFeedServer()
  images = await startImageHost(png)
  client = createHttpClient({ userAgent: 'Broadsheet/1.0 (+http://news.test)', allowPrivate: true })
})
afterAll(async () => {
  client.close()
  await images.close()
  await feeds.close()
})

describeDialects('the wire: pictures', (dialect) => {
  const test = useTestDatabase(dialect)
  const depsWith = (extra: Partial<WireDeps> = {}): WireDeps => ({
    ...testKernel(test.db),
    wireClient: client,
    storage: diskStorage(nodePath.join(test.dataDir, 'media')),
    ...extra,
  })
  const follow = async (
    deps: WireDeps,
    name: string,
    body: string,
    publish: 'auto' | 'review' = 'auto',
  ) => {
    feeds.route(`/${dialect}/${name}.xml`, { body })
    return addSource(
      deps,
      WIRE,
      { url: feeds.url(`/${dialect}/${name}.xml`), name, publish },
      { discover: false },
    )
  }
  const stories = () =>
    test.db
      .selectFrom('articles')
      .select(['title', 'featured_media_id', 'body_html'])
      .orderBy('id')
      .execute()

  it('asks a slow host for 50 pictures a few at a time, each story made once', async () => {
    images.delayMs = DELAY_MS
    const before = images.requests
    images.peak = 0
    const deps = depsWith()
    const name = `slow-${dialect}`
    const source = await follow(deps, name, pictureFeed(name, 50, { arriving: 2, repeat: 7 }))

    const started = performance.now()
    const report = await pollSource(deps, WIRE, source.id)
    const elapsed = performance.now() - started

    // One after another, the waiting alone would take 50 × 1 s; six at a time, about 9 s.
    expect(elapsed).toBeLessThan((50 * DELAY_MS) / 2)
    expect(report.outcome).toMatchObject({ status: 'fetched', added: 50, published: 50 })
    // The repeated item is asked for once, and makes one story.
    expect(images.requests - before).toBe(50)
    expect(images.peak).toBeGreaterThan(1)
    expect(images.peak).toBeLessThanOrEqual(EXTRAS_CONCURRENCY)
    const made = await stories()
    expect(made).toHaveLength(50)
    expect(new Set(made.map((s) => s.title)).size).toBe(50)
    const number = (title: string) => Number(title.split(' ').pop())
    const arrived = made.filter((s) => s.featured_media_id !== null).map((s) => number(s.title))
    expect(arrived.sort()).toEqual([1, 2])
    for (const story of made.filter((s) => number(s.title) > 2))
      expect(story.body_html).toContain(
        `<img src="${images.url(`/${name}/${number(story.title)}.png`)}"`,
      )
    expect(await test.db.selectFrom('media').select('id').execute()).toHaveLength(2)
  }, 60_000)

  it('leaves the pictures remote that have not arrived when the budget runs out', async () => {
    images.delayMs = 20_000
    const before = images.requests
    const deps = depsWith({ extrasLimits: { budgetMs: 1_000 } })
    const name = `stuck-${dialect}`
    const source = await follow(deps, name, pictureFeed(name, 12, { arriving: 12 }))

    const started = performance.now()
    const report = await pollSource(deps, WIRE, source.id)
    const elapsed = performance.now() - started
    const again = await pollSource(deps, WIRE, source.id)

    expect(elapsed).toBeLessThan(8_000)
    expect(report.outcome).toMatchObject({ status: 'fetched', added: 12, published: 12 })
    expect(again.outcome).toEqual({ status: 'unchanged' })
    // No picture is asked for once the budget has run out.
    expect(images.requests - before).toBe(EXTRAS_CONCURRENCY)
    const made = await stories()
    expect(made).toHaveLength(12)
    for (const story of made) {
      const n = story.title.split(' ').pop()!
      expect(story.featured_media_id).toBeNull()
      expect(story.body_html).toContain(`<img src="${images.url(`/${name}/${n}-ok.png`)}"`)
    }
    expect(await test.db.selectFrom('media').select('id').execute()).toEqual([])
  }, 30_000)

  it('fetches the pictures of items published from the desk a few at a time, once each', async () => {
    images.delayMs = DELAY_MS
    const before = images.requests
    const deps = depsWith()
    const name = `desk-${dialect}`
    const source = await follow(deps, name, pictureFeed(name, 24, { arriving: 1 }), 'review')
    await pollSource(deps, WIRE, source.id)
    const ids = (await listWireItems(deps, { sourceId: source.id })).map((i) => i.id)

    const started = performance.now()
    const taken = await takeItems(deps, WIRE, ids, 'publish')
    const elapsed = performance.now() - started
    const again = await takeItems(deps, WIRE, ids, 'publish')

    expect(elapsed).toBeLessThan((24 * DELAY_MS) / 2)
    expect(taken.articleIds).toHaveLength(24)
    expect(again.articleIds).toEqual([])
    expect(images.requests - before).toBe(24)
    const made = await stories()
    expect(made).toHaveLength(24)
    expect(made.filter((s) => s.featured_media_id !== null)).toHaveLength(1)
  }, 30_000)
})
