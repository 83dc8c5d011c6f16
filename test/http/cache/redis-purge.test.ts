/** Purges reach every node through Redis pub/sub (real Redis at REDIS_URL). */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { CachePurger, type PurgeChannelFactory } from '../../../src/cache/cache-purger.js'
import { buildCacheEntry, PageCache } from '../../../src/cache/page-cache.js'
import { RedisPurgeChannel } from '../../../src/cache/redis-purge-channel.js'
import { REDIS_URL } from '../../support/services.js'
import { buildCacheTestApp, type CacheTestApp } from './cache-test-app.js'

const available = inject('redisAvailable')
const silent = { info: () => {}, warn: () => {} }

/** One node: a cache, its Redis connections and its purger. */
function startNode(channelName: string) {
  const cache = new PageCache({ maxBytes: 1_000_000, staleGraceMs: 0 })
  const received: string[][] = []
  let notify = () => {}
  const channel = new RedisPurgeChannel({
    url: REDIS_URL,
    channel: channelName,
    log: silent,
    maxConnectRetries: 2,
  })
  const purger = new CachePurger({ cache, channel, log: silent })
  channel.listen((tags) => {
    received.push(tags)
    purger.purgeLocally(tags)
    notify()
  })
  const nextRemotePurge = () => new Promise<void>((resolve) => (notify = resolve))
  return { cache, channel, purger, received, nextRemotePurge }
}

const page = (key: string, tags: string[]) =>
  buildCacheEntry(key, {
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: Buffer.from(`<p>${key}</p>`),
    tags,
  })

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
})

describe.skipIf(!available)('Redis purge channel', () => {
  it('empties the other node’s cache and ignores its own messages', async () => {
    const channelName = `broadsheet:test:${randomUUID()}`
    const a = startNode(channelName)
    const b = startNode(channelName)
    cleanups.push(
      () => a.channel.close(),
      () => b.channel.close(),
    )
    await Promise.all([a.channel.ready, b.channel.ready])
    for (const node of [a, b]) {
      node.cache.put(await page('/', ['home', 'article:1']))
      node.cache.put(await page('/sport/', ['section:sport']))
    }

    const arrived = b.nextRemotePurge()
    a.purger.purge(['article:1'])
    await arrived

    expect(a.cache.get('/')).toBeUndefined()
    expect(b.cache.get('/')).toBeUndefined()
    expect(b.cache.get('/sport/')).toBeDefined()
    expect(b.received).toEqual([['article:1']])
    expect(a.received).toEqual([]) // its own message came back and was ignored
  })

  it('carries purges between two apps (the page-cache plugin with a Redis channel)', async () => {
    const channelName = `broadsheet:test:${randomUUID()}`
    const overRedis: PurgeChannelFactory = (log) =>
      new RedisPurgeChannel({ url: REDIS_URL, channel: channelName, log, maxConnectRetries: 2 })
    const one = await buildCacheTestApp({}, { purgeChannel: overRedis })
    const two: CacheTestApp = await buildCacheTestApp({}, { purgeChannel: overRedis })
    cleanups.push(
      () => one.app.close(),
      () => two.app.close(),
    )
    await two.app.inject({ method: 'GET', url: '/story/' })
    expect((await two.app.inject({ method: 'GET', url: '/story/' })).headers['x-cache']).toBe('HIT')

    one.events.emit({ type: 'comments.changed', articleId: 42 })

    await expect
      .poll(() => two.app.pageCache?.get('/story/'), { timeout: 3000, interval: 20 })
      .toBeUndefined()
    expect((await two.app.inject({ method: 'GET', url: '/story/' })).headers['x-cache']).toBe(
      'MISS',
    )
  })
})

if (!available) {
  describe('Redis purge channel', () => {
    it.skip(`SKIPPED redis: unreachable at ${REDIS_URL}`, () => {})
  })
}
