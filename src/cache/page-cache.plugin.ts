/**
 * @module page-cache.plugin
 * The page cache in front of every route. Anonymous GET/HEAD responses that a route tagged with
 * `request.cacheTags(...)` are stored once (identity + gzip + brotli) and served from memory
 * afterwards, with ETag/304, `Vary: Accept-Encoding` and CDN headers. Writes purge by tag through
 * the EventBus; concurrent misses share one render (single-flight), and a purged page is served
 * stale to concurrent readers while one render refills it.
 *
 * @example
 * // in any reader route (site/, feeds/):
 * request.cacheTags(cacheTag.home, ...articles.map((a) => cacheTag.article(a.id)))
 */
import cluster from 'node:cluster'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { fastifyPlugin } from 'fastify-plugin'
import type { Config } from '../config.js'
import type { EventBus } from '../events.js'
import { chooseEncoding } from './accept-encoding.js'
import { CHROME_TAGS } from './cache-tags.js'
import { CachePurger } from './cache-purger.js'
import {
  bodyOf,
  buildCacheEntry,
  etagOf,
  PageCache,
  type CacheEntry,
  type Encoding,
} from './page-cache.js'
import { ClusterPurgeChannel } from './cluster-purge-channel.js'
import { RedisPurgeChannel } from './redis-purge-channel.js'
import { StaticMirror } from './static-mirror.js'
import { tagsForEvent } from './tags-for-event.js'

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

/** For responses a CDN may keep: browsers briefly, shared caches longer (they are purged). */
export const CACHEABLE_CACHE_CONTROL =
  'public, max-age=60, s-maxage=600, stale-while-revalidate=86400'
/** For a purged copy served while the refill renders: nobody may keep it. */
export const STALE_CACHE_CONTROL = 'public, max-age=0, s-maxage=0, must-revalidate'
/** For responses that bypassed the cache (sessions, admin, previews, POSTs). */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

export const SESSION_COOKIE = 'bs_session'

export interface PageCachePluginOptions {
  config: Pick<
    Config,
    'pageCache' | 'cacheMaxBytes' | 'redisUrl' | 'cdnPurgeUrl' | 'staticMirror' | 'dataDir'
  >
  /** Domain events to purge on; omitted in tests that purge by hand. */
  events?: EventBus
  /** How long a purged page may be served to concurrent readers while it refills. */
  staleGraceMs?: number
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

const BYPASS_PREFIXES = ['/admin/', '/api/', '/preview/']
const STORABLE_TYPE = /html|xml|json/i
const OPT_OUT = /private|no-store|no-cache/i
const SESSION = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`)
/** Response headers that are per-response or that the cache itself sets. */
const UNSTORED_HEADERS = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'date',
  'etag',
  'vary',
  'cache-control',
  'x-cache',
  'surrogate-key',
  'cache-tag',
])

async function pageCachePlugin(app: FastifyInstance, options: PageCachePluginOptions) {
  const { config } = options
  const cache = config.pageCache
    ? new PageCache({ maxBytes: config.cacheMaxBytes, staleGraceMs: options.staleGraceMs })
    : null
  // Redis reaches every node (and every worker on it); without it, workers of one
  // `serve --workers N` still reach each other through the cluster primary.
  const channel = !cache
    ? null
    : config.redisUrl
      ? new RedisPurgeChannel({
          url: config.redisUrl,
          log: app.log,
          onRemotePurge: (tags) => purger.purgeLocally(tags),
        })
      : cluster.isWorker
        ? new ClusterPurgeChannel((tags) => purger.purgeLocally(tags))
        : null
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
  // Purges published before the subscription is live would be missed: wait for it, briefly.
  if (channel && !(await settlesWithin(channel.ready, REDIS_READY_MS)))
    app.log.warn({ redisUrl: config.redisUrl }, 'page cache: Redis purge channel not ready yet')
  const unsubscribe = options.events?.on((event) => purger.purge(tagsForEvent(event)))

  app.decorate('pageCache', cache)
  app.decorate('pageCacheFastPath', cache ? fastPathFor(cache, app.log) : null)
  app.decorate('purgeCacheTags', (tags: readonly string[]) => purger.purge(tags))
  app.decorateRequest('pageCacheState', null)
  app.decorateRequest('cacheTags', function (this: FastifyRequest, ...tags: string[]) {
    this.pageCacheState?.tags.push(...tags)
  })
  app.addHook('onClose', async () => {
    unsubscribe?.()
    await channel?.close()
  })
  if (!cache) return

  const flights = new Map<string, Promise<void>>()
  const flightTimeoutMs = options.flightTimeoutMs ?? 15_000

  app.addHook('onRequest', async (request, reply) => {
    const state = newState(request, cache.generation)
    request.pageCacheState = state
    if (state.mode === 'bypass') return
    const found = cache.lookup(state.key)
    if (found && !found.stale) return serve(request, reply, found.entry, 'HIT')
    const flight = flights.get(state.key)
    if (flight) {
      // Someone is rendering this page: take the stale copy, or wait for the fresh one.
      if (found) return serve(request, reply, found.entry, 'STALE')
      await waitAtMost(flight, flightTimeoutMs)
      const filled = cache.get(state.key)
      if (filled) return serve(request, reply, filled, 'HIT')
      return
    }
    let finish = () => {}
    flights.set(
      state.key,
      new Promise<void>((resolve) => {
        finish = resolve
      }),
    )
    state.finishFlight = () => {
      state.finishFlight = null
      flights.delete(state.key)
      finish()
    }
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.pageCacheState
    if (!state || state.served) return payload
    if (state.mode === 'bypass') {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', PRIVATE_CACHE_CONTROL)
      return payload
    }
    try {
      const body = storableBody(reply, state, payload)
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
  const key = request.url
  return {
    mode: bypasses(request.method, request.url, request.headers.cookie) ? 'bypass' : 'candidate',
    key,
    tags: [],
    generation,
    served: false,
    finishFlight: null,
  }
}

/** Sessions, previews, writes and the newsroom never touch the cache. */
function bypasses(method: string, url: string, cookie: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return true
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (path === '/admin' || path === '/api' || path === '/preview') return true
  if (BYPASS_PREFIXES.some((prefix) => path.startsWith(prefix))) return true
  if (queryAt !== -1 && url.includes('preview=', queryAt)) return true
  return cookie !== undefined && SESSION.test(cookie)
}

/** The body to store, or undefined when this response must not be cached. */
function storableBody(reply: FastifyReply, state: RequestState, payload: unknown) {
  if (reply.statusCode !== 200 || state.tags.length === 0) return undefined
  if (reply.hasHeader('set-cookie')) return undefined
  if (OPT_OUT.test(String(reply.getHeader('cache-control') ?? ''))) return undefined
  if (!STORABLE_TYPE.test(String(reply.getHeader('content-type') ?? ''))) return undefined
  if (typeof payload === 'string') return Buffer.from(payload)
  if (Buffer.isBuffer(payload)) return payload
  return undefined
}

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || UNSTORED_HEADERS.has(name)) continue
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return headers
}

/** Answer from the onRequest hook, before the route runs. */
function serve(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CacheEntry,
  outcome: 'HIT' | 'STALE',
): FastifyReply {
  const state = request.pageCacheState
  if (state) state.served = true
  reply.code(entry.status).headers(entry.headers)
  return reply.send(answer(request, reply, entry, outcome))
}

/** Status, cache headers and body for a stored entry, given the request's headers. */
interface CacheAnswer {
  notModified: boolean
  encoding: Encoding
  headers: Record<string, string>
  /** The body to send; null for a 304. */
  body: Buffer | null
}

function cacheAnswer(
  requestHeaders: IncomingHttpHeaders,
  entry: CacheEntry,
  outcome: 'HIT' | 'MISS' | 'STALE',
): CacheAnswer {
  const encoding = chooseEncoding(requestHeaders['accept-encoding'])
  const headers: Record<string, string> = {
    etag: etagOf(entry, encoding),
    vary: 'Accept-Encoding',
    'cache-control': outcome === 'STALE' ? STALE_CACHE_CONTROL : CACHEABLE_CACHE_CONTROL,
    'surrogate-key': entry.tags.join(' '),
    'cache-tag': entry.tags.join(','),
    'x-cache': outcome,
  }
  const notModified = isNotModified(requestHeaders, entry)
  if (encoding !== 'identity' && !notModified) headers['content-encoding'] = encoding
  return { notModified, encoding, headers, body: notModified ? null : bodyOf(entry, encoding) }
}

/** Set the cache headers for the chosen variant; the body to send, or null for a 304. */
function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CacheEntry,
  outcome: 'HIT' | 'MISS' | 'STALE',
): Buffer | null {
  const found = cacheAnswer(request.headers, entry, outcome)
  reply.headers(found.headers)
  if (!found.headers['content-encoding']) reply.removeHeader('content-encoding')
  if (found.notModified) reply.code(304)
  return found.body
}

/**
 * Answer a fresh cache hit straight from `node:http`, before Fastify parses or routes the
 * request: the same bytes and headers `serve()` sends, at a fraction of the cost. Returns false
 * (and touches nothing) when the request is not a plain anonymous hit.
 */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean

/** Levels at which Fastify logs every request; the fast path logs its answers then too. */
const LOGS_REQUESTS = new Set(['info', 'debug', 'trace'])

function fastPathFor(cache: PageCache, log: FastifyBaseLogger): FastPath {
  return (request, response) => {
    const method = request.method ?? 'GET'
    const url = request.url ?? '/'
    if (bypasses(method, url, request.headers.cookie)) return false
    const found = cache.lookup(url)
    if (!found || found.stale) return false
    const { entry } = found
    const result = cacheAnswer(request.headers, entry, 'HIT')
    const status = result.notModified ? 304 : entry.status
    const headers: Record<string, string | number> = { ...entry.headers, ...result.headers }
    if (!result.notModified) headers['content-length'] = result.body?.length ?? 0
    response.writeHead(status, headers)
    if (method === 'HEAD' || result.body === null) response.end()
    else response.end(result.body)
    if (LOGS_REQUESTS.has(log.level))
      log.info(
        { req: { method, url }, res: { statusCode: status }, cache: 'HIT' },
        'request completed',
      )
    return true
  }
}

/** If-None-Match wins when present (RFC 9110 §13.2.2); otherwise If-Modified-Since. */
function isNotModified(headers: IncomingHttpHeaders, entry: CacheEntry): boolean {
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch) return matchesIfNoneMatch(ifNoneMatch, entry)
  const since = Date.parse(headers['if-modified-since'] ?? '')
  const modified = Date.parse(entry.headers['last-modified'] ?? '')
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since
}

const ENCODINGS: Encoding[] = ['identity', 'gzip', 'br']

/** Weak comparison (RFC 9110 §13.1.2): any variant of the same body is still valid. */
function matchesIfNoneMatch(header: string | undefined, entry: CacheEntry): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const known = new Set(ENCODINGS.map((encoding) => etagOf(entry, encoding)))
  return header.split(',').some((tag) => known.has(tag.trim().replace(/^W\//, '')))
}

const REDIS_READY_MS = 1_000

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

function waitAtMost(flight: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    void flight.then(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
