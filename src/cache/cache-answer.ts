/**
 * @module cache-answer
 * How a stored entry answers one request: the variant its `Accept-Encoding` prefers, a 304 when
 * its validators still match, and the cache headers (ETag, Vary, Cache-Control, CDN tags).
 */
import type { IncomingHttpHeaders } from 'node:http'
import { chooseEncoding } from './accept-encoding.js'
import { CACHEABLE_CACHE_CONTROL, STALE_CACHE_CONTROL } from './cache-policy.js'
import { bodyOf, etagOf, type CacheEntry, type Encoding } from './page-cache.js'

export type CacheOutcome = 'HIT' | 'MISS' | 'STALE'

/** Status, cache headers and body for a stored entry, given the request's headers. */
export interface CacheAnswer {
  notModified: boolean
  encoding: Encoding
  headers: Record<string, string>
  /** The body to send; null for a 304. */
  body: Buffer | null
}

export function cacheAnswer(
  requestHeaders: IncomingHttpHeaders,
  entry: CacheEntry,
  outcome: CacheOutcome,
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
