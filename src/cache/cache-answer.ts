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

/** `tagHeaders`: send `Surrogate-Key`/`Cache-Tag` (only for a CDN that strips them). */
export function cacheAnswer(
  requestHeaders: IncomingHttpHeaders,
  entry: CacheEntry,
  outcome: CacheOutcome,
  tagHeaders = false,
): CacheAnswer {
  const encoding = chooseEncoding(requestHeaders['accept-encoding'])
  const notModified = isNotModified(requestHeaders, entry)
  const headers = cacheHeaders(entry, encoding, outcome, notModified, tagHeaders)
  return { notModified, encoding, headers, body: notModified ? null : bodyOf(entry, encoding) }
}

function cacheHeaders(
  entry: CacheEntry,
  encoding: Encoding,
  outcome: CacheOutcome,
  notModified: boolean,
  tagHeaders: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    etag: etagOf(entry, encoding),
    vary: 'Accept-Encoding',
    'cache-control': outcome === 'STALE' ? STALE_CACHE_CONTROL : CACHEABLE_CACHE_CONTROL,
  }
  if (tagHeaders) {
    headers['surrogate-key'] = entry.tags.join(' ')
    headers['cache-tag'] = entry.tags.join(',')
  }
  headers['x-cache'] = outcome
  if (encoding !== 'identity' && !notModified) headers['content-encoding'] = encoding
  return headers
}

/**
 * A fresh hit's answer ready to write: status, the raw header list (`[name, value, …]`, as
 * `response.writeHead` takes it) and the body. Built once per entry, encoding and status.
 */
export interface PreparedAnswer {
  readonly status: number
  readonly headers: readonly string[]
  /** null for a 304. */
  readonly body: Buffer | null
}

interface PreparedAnswers {
  /** By encoding: the full answer, then the 304. */
  identity: [PreparedAnswer, PreparedAnswer]
  gzip: [PreparedAnswer, PreparedAnswer]
  br: [PreparedAnswer, PreparedAnswer]
}

/**
 * Fresh-hit answers prebuilt per entry, encoding and status, so a hit costs a lookup: no header
 * objects, spreads or ETag sets per request. Holds state (its memos), so it is a class; one per
 * fast path.
 */
export class PreparedHits {
  private readonly answers = new WeakMap<CacheEntry, PreparedAnswers>()
  /** The last few `Accept-Encoding` values seen and their choice: clients send a handful. */
  private readonly encodings = new Map<string, Encoding>()

  /** `tagHeaders`: send `Surrogate-Key`/`Cache-Tag` (only for a CDN that strips them). */
  constructor(private readonly tagHeaders = false) {}

  /** The fresh-hit answer to this request. */
  answer(requestHeaders: IncomingHttpHeaders, entry: CacheEntry): PreparedAnswer {
    let answers = this.answers.get(entry)
    if (!answers) this.answers.set(entry, (answers = prepareAnswers(entry, this.tagHeaders)))
    const pair = answers[this.encodingFor(requestHeaders['accept-encoding'])]
    const conditional =
      requestHeaders['if-none-match'] !== undefined ||
      requestHeaders['if-modified-since'] !== undefined
    return conditional && isNotModified(requestHeaders, entry) ? pair[1] : pair[0]
  }

  private encodingFor(header: string | undefined): Encoding {
    if (header === undefined) return 'identity'
    let encoding = this.encodings.get(header)
    if (encoding === undefined) {
      encoding = chooseEncoding(header)
      if (this.encodings.size >= ENCODING_MEMO_SIZE) this.encodings.clear()
      this.encodings.set(header, encoding)
    }
    return encoding
  }
}

const ENCODING_MEMO_SIZE = 64

function prepareAnswers(entry: CacheEntry, tagHeaders: boolean): PreparedAnswers {
  const pair = (encoding: Encoding): [PreparedAnswer, PreparedAnswer] => {
    const body = bodyOf(entry, encoding)
    const full = { ...entry.headers, ...cacheHeaders(entry, encoding, 'HIT', false, tagHeaders) }
    const notModified = {
      ...entry.headers,
      ...cacheHeaders(entry, encoding, 'HIT', true, tagHeaders),
    }
    return [
      { status: entry.status, headers: flatten(full, body.length), body },
      { status: 304, headers: flatten(notModified), body: null },
    ]
  }
  return { identity: pair('identity'), gzip: pair('gzip'), br: pair('br') }
}

function flatten(headers: Record<string, string>, contentLength?: number): string[] {
  const raw: string[] = []
  for (const [name, value] of Object.entries(headers)) raw.push(name, value)
  if (contentLength !== undefined) raw.push('content-length', String(contentLength))
  return raw
}

/** If-None-Match wins when present (RFC 9110 §13.2.2); otherwise If-Modified-Since. */
function isNotModified(headers: IncomingHttpHeaders, entry: CacheEntry): boolean {
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch) return matchesIfNoneMatch(ifNoneMatch, entry.hash)
  const since = Date.parse(headers['if-modified-since'] ?? '')
  const modified = Date.parse(entry.headers['last-modified'] ?? '')
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since
}

/**
 * Weak comparison (RFC 9110 §13.1.2): any variant of the same body is still valid, so a tag
 * matches when it is `"<hash>"` or `"<hash>-<encoding>"`, with or without `W/`.
 */
function matchesIfNoneMatch(header: string, hash: string): boolean {
  let at = header.indexOf(hash)
  if (at === -1) return header.trim() === '*'
  while (at !== -1) {
    if (header[at - 1] === '"' && isTagEnd(header, at + hash.length)) return true
    at = header.indexOf(hash, at + 1)
  }
  return false
}

function isTagEnd(header: string, at: number): boolean {
  return (
    header.startsWith('"', at) || header.startsWith('-gzip"', at) || header.startsWith('-br"', at)
  )
}
