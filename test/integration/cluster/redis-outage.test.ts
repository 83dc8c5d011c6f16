/**
 * Two nodes (two apps over one database) sharing a private redis-server started by this file:
 * rate limits are counted together through Redis; when Redis dies the nodes keep answering
 * (limits in each process's memory, `/readyz` degraded, one log line), and when it returns they
 * share again and every cached page that may have missed a purge is dropped.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { saveArticle } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { createIntegration } from '../../../src/integrations/index.js'
import { RedisLink } from '../../../src/http/redis-link.js'
import { SharedRateLimiter } from '../../../src/http/shared-rate-limiter.js'
import { createServices, type Services } from '../../../src/services.js'
import { fillDemoSite, SYSTEM } from '../../support/kernel.js'
import {
  skipWithoutRedisServer,
  startPrivateRedis,
  type PrivateRedis,
} from '../../support/private-redis.js'
import { SITE_NOW } from '../../support/site-app.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

const skip = skipWithoutRedisServer('redis outage')

describe.skipIf(skip)('two nodes on a Redis that dies and comes back', { timeout: 60_000 }, () => {
  let redis: PrivateRedis
  let database: TestDatabase
  const nodes: { app: FastifyInstance; services: Services }[] = []
  const clock = fixedClock(SITE_NOW)
  let articlePath: string
  let articleId: number

  const subscribe = (node: number, ip: string, email: string) =>
    nodes[node]!.app.inject({
      method: 'POST',
      url: '/subscribe',
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ email, source: 'test' }).toString(),
    })
  const ready = (node: number) => nodes[node]!.app.inject('/readyz')

  beforeAll(async () => {
    redis = await startPrivateRedis()
    database = await createTestDatabase('sqlite')
    await fillDemoSite({ db: database.db, dialect: 'sqlite', clock, dataDir: database.dataDir })
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      REDIS_URL: redis.url,
      API_RATE_LIMIT: '4',
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'http://news.test',
    })
    const { RedisPurgeChannel } = await import('../../../src/cache/redis-purge-channel.js')
    for (let i = 0; i < 2; i++) {
      const services = createServices({
        db: database.db,
        dialect: 'sqlite',
        clock,
        config,
        events: new EventBus(),
      })
      const app = await buildApp({
        services,
        config,
        purgeChannel: (log) => new RedisPurgeChannel({ url: redis.url, log }),
      })
      await app.ready()
      nodes.push({ app, services })
    }
    const home = await nodes[0]!.app.inject('/')
    const href = /href="(\/\d{4}\/\d{2}\/([^"/]+)\/)"/.exec(home.body)
    articlePath = href![1]!
    const row = await database.db
      .selectFrom('articles')
      .select(['id'])
      .where('slug', '=', href![2]!)
      .executeTakeFirstOrThrow()
    articleId = row.id
  })

  afterAll(async () => {
    for (const node of nodes) await node.app.close()
    await redis?.kill()
    await database?.destroy()
  })

  it('counts one limit across both nodes', async () => {
    // The rule: five sign-ups an hour per IP. Five go through, spread over the two nodes…
    for (let i = 0; i < 5; i++) {
      const answer = await subscribe(i % 2, '203.0.113.7', `reader${i}@example.com`)
      expect(answer.statusCode).toBe(200)
    }
    // …and the sixth is refused by either node.
    expect((await subscribe(0, '203.0.113.7', 'six@example.com')).statusCode).toBe(429)
    expect((await subscribe(1, '203.0.113.7', 'seven@example.com')).statusCode).toBe(429)
  })

  it('gates view beacons across both nodes: the burst limit is counted together', async () => {
    const beacon = (node: number) =>
      nodes[node]!.app.inject({
        method: 'POST',
        url: `/api/views/${articleId}`,
        remoteAddress: '203.0.113.50',
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
      })
    // Thirty beacons a minute per client, spread over both nodes; the 31st is refused by either.
    for (let i = 0; i < 30; i++) expect((await beacon(i % 2)).statusCode).toBe(204)
    expect((await beacon(0)).statusCode).toBe(429)
    expect((await beacon(1)).statusCode).toBe(429)
  })

  it('counts the Content API limit across both nodes too', async () => {
    const { contentKey } = await createIntegration(nodes[0]!.services, SYSTEM, { name: 'App' })
    // Query strings vary so that no answer comes from the page cache (those are not counted).
    const api = (node: number, i: number) =>
      nodes[node]!.app.inject(`/ghost/api/content/tags/?key=${contentKey}&page=${i + 1}`)
    // Four a minute per key, counted over both nodes together.
    for (let i = 0; i < 4; i++) expect((await api(i % 2, i)).statusCode).toBe(200)
    expect((await api(0, 4)).statusCode).toBe(429)
    expect((await api(1, 5)).statusCode).toBe(429)
  })

  it('keeps serving while Redis is down: readyz degraded, limits per process; shared again after', async () => {
    const b = nodes[1]!.app
    const cached = await b.inject(articlePath)
    expect(cached.statusCode).toBe(200)
    expect((await b.inject(articlePath)).headers['x-cache']).toMatch(/hit/i)

    await redis.kill()
    const degraded = await ready(0)
    expect(degraded.statusCode).toBe(200)
    expect(degraded.json()).toMatchObject({ status: 'degraded' })
    expect(degraded.json<{ problems: string[] }>().problems.join(' ')).toMatch(/redis/i)

    // Sign-ups still work, each node counting in its own memory: five on each.
    for (let i = 0; i < 5; i++) {
      expect((await subscribe(0, '198.51.100.3', `a${i}@example.com`)).statusCode).toBe(200)
      expect((await subscribe(1, '198.51.100.3', `b${i}@example.com`)).statusCode).toBe(200)
    }
    expect((await subscribe(0, '198.51.100.3', 'a6@example.com')).statusCode).toBe(429)
    // Reader pages are served throughout.
    expect((await b.inject(articlePath)).statusCode).toBe(200)

    // A write on node A while the purge cannot travel to node B.
    await saveArticle(nodes[0]!.services, SYSTEM, articleId, {
      input: { title: 'Written while Redis was down' },
    })
    expect((await nodes[0]!.app.inject(articlePath)).body).toContain('Written while Redis was down')

    await redis.start()
    // Both nodes must be back on Redis before the limits can be shared again.
    for (const node of [0, 1])
      await expect
        .poll(async () => (await ready(node)).json<{ status: string }>(), { timeout: 10_000 })
        .toEqual({ status: 'ok' })
    // Back on the channel, B dropped what it cached meanwhile: the write shows there too.
    await expect
      .poll(async () => (await b.inject(articlePath)).body, { timeout: 10_000 })
      .toContain('Written while Redis was down')
    // And the limits are shared again (the new Redis starts empty): five sign-ups from one
    // address over both nodes, and the sixth is refused. Each round uses a fresh address, so a
    // round that began while a node was still reconnecting does not count against the next.
    let round = 0
    const sixth = async () => {
      round += 1
      const ip = `192.0.2.${100 + round}`
      for (let i = 0; i < 5; i++) await subscribe(i % 2, ip, `r${round}-${i}@example.com`)
      return (await subscribe(1, ip, `r${round}-5@example.com`)).statusCode
    }
    await expect.poll(sixth, { timeout: 10_000, interval: 200 }).toBe(429)
    expect(round).toBeLessThan(40)
  })

  it('says once that Redis is gone and once that it is back', async () => {
    const lines: string[] = []
    const log = {
      warn: (_: object, message: string) => lines.push(`warn ${message}`),
      info: (_: object, message: string) => lines.push(`info ${message}`),
    }
    const link = new RedisLink(redis.url, log)
    const limiter = new SharedRateLimiter(link, 'secret')
    const rule = { limit: 100, windowMs: 60_000 }
    try {
      await expect.poll(() => link.up).toBe(true)
      await redis.kill()
      for (let i = 0; i < 5; i++) {
        await limiter.record('x', 'k', rule, Date.now())
        expect(await limiter.allows('x', 'k', rule, Date.now())).toBe(true)
      }
      await redis.start()
      await expect.poll(() => link.up, { timeout: 10_000 }).toBe(true)
      expect(lines.filter((line) => line.startsWith('warn'))).toHaveLength(1)
      expect(lines.filter((line) => line.startsWith('info'))).toHaveLength(1)
      expect(lines[0]).toMatch(/redis unreachable/)
    } finally {
      await link.close()
    }
  })
})
