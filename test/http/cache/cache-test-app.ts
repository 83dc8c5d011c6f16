/** A bare Fastify app with the page cache and a few tagged test routes, counting renders. */
import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyInstance } from 'fastify'
import type { PurgeChannelFactory } from '../../../src/cache/cache-purger.js'
import { cacheTag } from '../../../src/cache/cache-tags.js'
import { pageCache } from '../../../src/cache/page-cache.plugin.js'
import { parseConfig } from '../../../src/config.js'
import { EventBus } from '../../../src/events.js'

export interface CacheTestApp {
  app: FastifyInstance
  events: EventBus
  /** Renders per path. */
  renders: Map<string, number>
  /** What the next render of `/story/` says. */
  headline: { value: string }
  /** When set, renders wait for it (to hold a render in flight). */
  gate: { wait: Promise<void> | null }
}

export async function buildCacheTestApp(
  env: Record<string, string> = {},
  options: { staleGraceMs?: number; purgeChannel?: PurgeChannelFactory } = {},
): Promise<CacheTestApp> {
  const app = Fastify({ logger: false })
  const events = new EventBus()
  const renders = new Map<string, number>()
  const headline = { value: 'First headline' }
  const gate: CacheTestApp['gate'] = { wait: null }
  const count = (path: string) => renders.set(path, (renders.get(path) ?? 0) + 1)

  await app.register(fastifyCookie)
  await app.register(pageCache, {
    config: parseConfig({ LOG_LEVEL: 'silent', ...env }),
    events,
    staleGraceMs: options.staleGraceMs,
    purgeChannel: options.purgeChannel,
  })
  app.get('/story/', async (request, reply) => {
    count('/story/')
    const text = headline.value
    if (gate.wait) await gate.wait
    request.cacheTags(cacheTag.article(42), cacheTag.home)
    return reply
      .type('text/html; charset=utf-8')
      .header('last-modified', 'Mon, 01 Jun 2026 12:00:00 GMT')
      .send(`<!doctype html><h1>${text}</h1>${'<p>Body text.</p>'.repeat(50)}`)
  })
  app.get('/feed.xml', async (request, reply) => {
    count('/feed.xml')
    request.cacheTags(cacheTag.feed)
    return reply.type('application/rss+xml').send(`<rss><title>${headline.value}</title></rss>`)
  })
  app.get('/untagged/', async (_request, reply) => {
    count('/untagged/')
    return reply.type('text/html').send('<p>untagged</p>')
  })
  app.get('/hello/', async (request, reply) => {
    count('/hello/')
    request.cacheTags(cacheTag.home)
    const name = request.headers['x-reader'] ?? 'stranger'
    // A per-reader response: it sets a cookie, so it must never be stored.
    return reply
      .type('text/html')
      .setCookie('bs_seen', String(name))
      .send(`<p>Hello ${String(name)}</p>`)
  })
  app.get('/own-policy/', async (request, reply) => {
    count('/own-policy/')
    request.cacheTags(cacheTag.home)
    return reply.type('text/html').header('cache-control', 'private, max-age=5').send('<p>mine</p>')
  })
  for (const path of ['/admin/', '/api/articles', '/preview/7']) {
    app.get(path, async (request, reply) => {
      count(path)
      request.cacheTags(cacheTag.home)
      return reply.type('text/html').send(`<p>${path}</p>`)
    })
  }
  app.post('/story/', async (_request, reply) => {
    count('POST /story/')
    return reply.type('text/html').send('<p>posted</p>')
  })
  await app.ready()
  return { app, events, renders, headline, gate }
}
