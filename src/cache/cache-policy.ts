/**
 * @module cache-policy
 * What the page cache may answer and store: which requests bypass it, which responses it keeps,
 * and the `Cache-Control` each kind of answer carries.
 */
import type { FastifyReply } from 'fastify'
import { SESSION_COOKIE_PATTERN } from '../http/session.js'

/** For responses a CDN may keep: browsers briefly, shared caches longer (they are purged). */
export const CACHEABLE_CACHE_CONTROL =
  'public, max-age=60, s-maxage=600, stale-while-revalidate=86400'
/** For a purged copy served while the refill renders: nobody may keep it. */
export const STALE_CACHE_CONTROL = 'public, max-age=0, s-maxage=0, must-revalidate'
/** For responses that bypassed the cache (sessions, admin, previews, POSTs). */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

const BYPASS_PREFIXES = ['/admin/', '/api/', '/preview/']
const STORABLE_TYPE = /html|xml|json/i
const OPT_OUT = /private|no-store|no-cache/i
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

/** Sessions, previews, writes and the newsroom never touch the cache. */
export function bypasses(method: string, url: string, cookie: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return true
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (path === '/admin' || path === '/api' || path === '/preview') return true
  // Health probes must reach the process itself, never a copy.
  if (path === '/healthz' || path === '/readyz') return true
  if (BYPASS_PREFIXES.some((prefix) => path.startsWith(prefix))) return true
  if (queryAt !== -1 && url.includes('preview=', queryAt)) return true
  return cookie !== undefined && SESSION_COOKIE_PATTERN.test(cookie)
}

/** The body to store, or undefined when this response must not be cached. */
export function storableBody(
  reply: FastifyReply,
  tags: readonly string[],
  payload: unknown,
): Buffer | undefined {
  if (reply.statusCode !== 200 || tags.length === 0) return undefined
  if (reply.hasHeader('set-cookie')) return undefined
  if (OPT_OUT.test(String(reply.getHeader('cache-control') ?? ''))) return undefined
  if (!STORABLE_TYPE.test(String(reply.getHeader('content-type') ?? ''))) return undefined
  if (typeof payload === 'string') return Buffer.from(payload)
  if (Buffer.isBuffer(payload)) return payload
  return undefined
}

/** The route's own headers worth keeping with the entry (content type, last-modified…). */
export function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || UNSTORED_HEADERS.has(name)) continue
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return headers
}
