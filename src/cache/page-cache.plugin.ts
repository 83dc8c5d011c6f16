/**
 * @module page-cache.plugin
 * The page cache in front of every route. Anonymous GET/HEAD responses that a route tagged with
 * `request.cacheTags(...)` are stored once (identity + gzip + brotli) and served from memory
 * afterwards, with ETag/304, `Vary: Accept-Encoding` and CDN headers. Writes purge by tag through
 * the EventBus; concurrent misses share one render (`single-flight.ts`), and a purged page is
 * served stale to concurrent readers while one render refills it. Fresh hits usually never get
 * here: `fast-path.ts` answers them from `node:http`.
 *
 * @example
 * // in any reader route (site/, feeds/):
 * request.cacheTags(cacheTag.home, ...articles.map((a) => cacheTag.article(a.id)))
 */
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { fastifyPlugin } from 'fastify-plugin'
import type { Config } from '../config.js'
import type { EventBus } from '../events.js'
import { cacheAnswer, type CacheOutcome } from './cache-answer.js'
import { bypasses, PRIVATE_CACHE_CONTROL, storableBody, storedHeaders } from './cache-policy.js'
import { CHROME_TAGS } from './cache-tags.js'
import { CachePurger, type PurgeChannel, type PurgeChannelFactory } from './cache-purger.js'
import { fastPathFor, type FastPath } from './fast-path.js'
import { buildCacheEntry, PageCache, type CacheEntry, type Fallback } from './page-cache.js'
import { SingleFlight } from './single-flight.js'
import { StaticMirror } from './static-mirror.js'
import { tagsForEvent } from './tags-for-event.js'

export {
  CACHEABLE_CACHE_CONTROL,
  PRIVATE_CACHE_CONTROL,
  STALE_CACHE_CONTROL,
} from './cache-policy.js'
export type { FastPath } from './fast-path.js'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Declare what this response shows (see `cacheTag`). Only tagged responses are cached, and a
     * purge of any of these tags drops the page. `settings` and `menu` are added implicitly.
     */
    cacheTags(...tags: string[]): void
    /** @internal the page cache's per-request bookkeeping */
    pageCacheState: RequestState | null
  }
  interface FastifyInstance {
    /** The in-memory page cache (null when `PAGE_CACHE=false`). */
    pageCache: PageCache | null
    /** Purge tags here, on the other nodes and at the CDN. */
    purgeCacheTags(tags: readonly string[]): void
    /** Answers fresh hits from `node:http` before Fastify (see `readerServer`); null when off. */
    pageCacheFastPath: FastPath | null
  }
}

export interface PageCachePluginOptions {
  config: Pick<
    Config,
    'pageCache' | 'cacheMaxBytes' | 'cdnPurgeUrl' | 'cdnTagHeaders' | 'staticMirror' | 'dataDir'
  >
  /** Domain events to purge on; omitted in tests that purge by hand. */
  events?: EventBus
  /** Carries purges to and from the other processes (Redis, cluster); none on one process. */
  purgeChannel?: PurgeChannelFactory
  /** How long a purged page may be served to concurrent readers while it refills. */
  staleGraceMs?: number
  /**
   * How long a purged page is kept to answer with when its re-render fails (the database is
   * down): served with `Warning: 110` and its `Age`. Default a day; 0 turns it off.
   */
  staleIfErrorMs?: number
  /** How long a request waits for another request's render of the same page. */
  flightTimeoutMs?: number
  /** Called on every purge applied here, local or from another process (memos to drop). */
  onPurge?: (tags: readonly string[]) => void
}

interface RequestState {
  /** 'bypass': never cached, marked private. 'candidate': may be served from/stored in cache. */
  mode: 'bypass' | 'candidate'
  key: string
  tags: string[]
  /** The cache generation when the render started (a purge since then voids the result). */
  generation: number
  /** Answered from the cache: the onSend hook leaves the payload alone. */
  served: boolean
  /** Set when this request renders for others waiting on the same key. */
  finishFlight: (() => void) | null
}

/** While purges from other nodes may be missed, no cached page is served older than this. */
export const DEGRADED_MAX_AGE_MS = 10_000

/**
 * When the purge channel drops, other nodes' purges stop arriving: cached pages are then served
 * for at most `DEGRADED_MAX_AGE_MS` after they were stored. When it returns, everything cached
 * meanwhile may have missed a purge, so the whole cache is purged, and the limit lifted. The
 * static mirror (served by nginx without an age limit) is emptied and paused meanwhile.
 */
function followChannel(
  app: FastifyInstance,
  cache: PageCache,
  mirror: StaticMirror | null,
  channel: PurgeChannel,
  onPurgeAll: () => void,
): void {
  let down = false
  channel.onConnection?.((connected) => {
    if (!connected && !down) {
      down = true
      cache.limitAge(DEGRADED_MAX_AGE_MS)
      // Files nginx serves have no age limit: none are kept or made until the channel is back.
      void mirror?.pause()
      app.log.warn(
        `page cache: purge channel down, cached pages are served for at most ${DEGRADED_MAX_AGE_MS / 1000} s`,
      )
    } else if (connected && down) {
      down = false
      cache.purgeAll()
      onPurgeAll()
      cache.limitAge(null)
      mirror?.resume()
      app.log.info(
        'page cache: purge channel back, cache emptied of pages that may have missed a purge',
      )
    }
  })
}

async function pageCachePlugin(app: FastifyInstance, options: PageCachePluginOptions) {
  const { config } = options
  const cache = config.pageCache
    ? new PageCache({
        maxBytes: config.cacheMaxBytes,
        staleGraceMs: options.staleGraceMs,
        staleIfErrorMs: options.staleIfErrorMs ?? STALE_IF_ERROR_MS,
      })
    : null
  const channel = cache && options.purgeChannel ? options.purgeChannel(app.log) : null
  const mirror =
    cache && config.staticMirror
      ? new StaticMirror(path.join(config.dataDir, 'static'), app.log)
      : null
  await mirror?.reset()
  const purger = new CachePurger({
    cache,
    channel,
    cdnPurgeUrl: config.cdnPurgeUrl,
    onLocalPurge: (tags) => {
      if (mirror) void mirror.purge(tags)
      options.onPurge?.(tags)
    },
    log: app.log,
  })
  channel?.listen((tags) => purger.purgeLocally(tags))
  if (cache && channel) followChannel(app, cache, mirror, channel, () => options.onPurge?.([]))
  // Purges published before the subscription is live would be missed: wait for it, briefly.
  if (channel && !(await settlesWithin(channel.ready, CHANNEL_READY_MS)))
    app.log.warn('page cache: purge channel not ready yet')
  const unsubscribe = options.events?.on((event) => purger.purge(tagsForEvent(event)))

  app.decorate('pageCache', cache)
  const tagHeaders = config.cdnTagHeaders
  app.decorate('pageCacheFastPath', cache ? fastPathFor(cache, app.log, { tagHeaders }) : null)
  app.decorate('purgeCacheTags', (tags: readonly string[]) => purger.purge(tags))
  app.decorateRequest('pageCacheState', null)
  app.decorateRequest('cacheTags', function (this: FastifyRequest, ...tags: string[]) {
    this.pageCacheState?.tags.push(...tags)
  })
  app.addHook('onClose', async () => {
    unsubscribe?.()
    await channel?.close()
  })
  if (cache) addCacheHooks(app, cache, mirror, options.flightTimeoutMs ?? 15_000, tagHeaders)
}

function addCacheHooks(
  app: FastifyInstance,
  cache: PageCache,
  mirror: StaticMirror | null,
  flightTimeoutMs: number,
  tagHeaders: boolean,
): void {
  const answer = (
    request: FastifyRequest,
    reply: FastifyReply,
    entry: CacheEntry,
    outcome: CacheOutcome,
  ) => answerWith(request, reply, entry, outcome, tagHeaders)
  const serve = (
    request: FastifyRequest,
    reply: FastifyReply,
    entry: CacheEntry,
    outcome: 'HIT' | 'STALE',
  ) => {
    const state = request.pageCacheState
    if (state) state.served = true
    reply.code(entry.status).headers(entry.headers)
    return reply.send(answer(request, reply, entry, outcome))
  }
  /**
   * The render failed but an older copy is held: answer with it rather than an error page,
   * marked as stale (RFC 9111's `Warning: 110` and `Age`) and kept by nobody downstream.
   */
  const serveStale = (request: FastifyRequest, reply: FastifyReply, fallback: Fallback) => {
    const { entry, storedAt } = fallback
    reply.log.warn({ url: request.url, status: reply.statusCode }, 'render failed: serving stale')
    reply.removeHeader('retry-after')
    reply.removeHeader('content-length')
    reply.code(entry.status).headers(entry.headers)
    reply.header('warning', '110 - "Response is Stale"')
    reply.header('age', String(Math.max(0, Math.floor((Date.now() - storedAt) / 1000))))
    return answer(request, reply, entry, 'STALE')
  }
  const flights = new SingleFlight(flightTimeoutMs)

  app.addHook('onRequest', async (request, reply) => {
    const state = newState(request, cache.generation)
    request.pageCacheState = state
    if (state.mode === 'bypass') return
    const found = cache.lookup(state.key)
    if (found && !found.stale) return serve(request, reply, found.entry, 'HIT')
    if (flights.isRunning(state.key)) {
      // Someone is rendering this page: take the stale copy, or wait for the fresh one.
      if (found) return serve(request, reply, found.entry, 'STALE')
      await flights.wait(state.key)
      const filled = cache.get(state.key)
      if (filled) return serve(request, reply, filled, 'HIT')
      return
    }
    state.finishFlight = flights.start(state.key)
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.pageCacheState
    if (!state || state.served) return payload
    if (state.mode === 'bypass') {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', PRIVATE_CACHE_CONTROL)
      return payload
    }
    try {
      if (reply.statusCode >= 500) {
        const fallback = cache.fallback(state.key)
        if (fallback) return serveStale(request, reply, fallback)
      }
      const body = storableBody(reply, state.tags, payload)
      if (!body) {
        // A response that set a cookie is someone's own: nobody else may keep it.
        if (reply.hasHeader('set-cookie') && !reply.hasHeader('cache-control'))
          reply.header('cache-control', PRIVATE_CACHE_CONTROL)
        return payload
      }
      const entry = await buildCacheEntry(state.key, {
        status: reply.statusCode,
        headers: storedHeaders(reply),
        body,
        tags: [...state.tags, ...CHROME_TAGS],
      })
      if (cache.put(entry, state.generation)) void mirror?.write(entry)
      reply.removeHeader('content-length')
      return answer(request, reply, entry, 'MISS')
    } finally {
      state.finishFlight?.()
    }
  })

  // The render may end without onSend (client gone, error before send): release the waiters.
  const release = async (request: FastifyRequest) => request.pageCacheState?.finishFlight?.()
  app.addHook('onResponse', release)
  app.addHook('onRequestAbort', release)
}

/** Register with `app.register(pageCache, {config, events})` before the routes. */
export const pageCache = fastifyPlugin(pageCachePlugin, {
  name: 'broadsheet-page-cache',
  fastify: '5.x',
})

function newState(request: FastifyRequest, generation: number): RequestState {
  return {
    mode: bypasses(request.method, request.url, request.headers.cookie) ? 'bypass' : 'candidate',
    key: request.url,
    tags: [],
    generation,
    served: false,
    finishFlight: null,
  }
}

/** Set the cache headers for the chosen variant; the body to send, or null for a 304. */
function answerWith(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CacheEntry,
  outcome: CacheOutcome,
  tagHeaders: boolean,
): Buffer | null {
  const found = cacheAnswer(request.headers, entry, outcome, tagHeaders)
  reply.headers(found.headers)
  if (!found.headers['content-encoding']) reply.removeHeader('content-encoding')
  if (found.notModified) reply.code(304)
  return found.body
}

const CHANNEL_READY_MS = 1_000
const STALE_IF_ERROR_MS = 86_400_000

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)))
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
