/**
 * A real local HTTP server for outbound-fetch tests: it serves fixture feeds (or any body) with an
 * ETag and Last-Modified, answers 304 to matching conditional requests, and can be told to
 * redirect, fail with any status, compress, or answer slowly. It records every request it gets.
 * The wire's polling tests and the bench (hundreds of local sources) run against it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'

export const FEED_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds')

/** The bytes of `test/fixtures/feeds/<name>`, exactly as stored (charset tests rely on it). */
export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(FEED_FIXTURES, name))
}

export interface FeedRoute {
  /** Default 200. A 3xx with `location` redirects. */
  status?: number
  body?: string | Buffer
  /** Default `application/rss+xml; charset=utf-8` when there is a body. */
  contentType?: string
  headers?: Record<string, string>
  /** Default: a hash of the body. `false` sends none. */
  etag?: string | false
  /** Default: when the route was set. `false` sends none. */
  lastModified?: Date | false
  /** For redirects: a path on this server or an absolute URL. */
  location?: string
  /** Compress the body with this Content-Encoding. `deflate-raw` sends raw deflate as "deflate". */
  encoding?: 'gzip' | 'br' | 'deflate' | 'deflate-raw'
  /** Wait this long before answering at all. */
  delayMs?: number
  /** Send the headers and the first half of the body, then wait this long for the rest. */
  stallMs?: number
  /** Called once the whole answer has been handed to the network, with the request it answers. */
  afterAnswer?: (request: RecordedRequest) => void
}

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface FeedServer {
  /** The absolute URL of `path` on this server (http://127.0.0.1:PORT/path). */
  url(path: string): string
  /** Serve `route` at `path` (replacing what was there). */
  route(path: string, route: FeedRoute): void
  /** Serve `test/fixtures/feeds/<name>` at `path`; `route` overrides the defaults. */
  fixture(path: string, name: string, route?: FeedRoute): void
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[]
  requestsTo(path: string): RecordedRequest[]
  close(): Promise<void>
}

/** Start a server on 127.0.0.1 with an ephemeral port. Unknown paths answer 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>()
  const requests: RecordedRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const pathname = new URL(req.url ?? '/', 'http://x').pathname
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ method: req.method ?? 'GET', path: pathname, headers: req.headers, body })
      const route = routes.get(pathname)
      if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      const recorded = requests[requests.length - 1]!
      if (route.afterAnswer) res.once('finish', () => route.afterAnswer?.(recorded))
      const answer = () => respond(route, req.headers, res, base)
      if (route.delayMs) setTimeout(answer, route.delayMs)
      else answer()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const withDefaults = (route: FeedRoute): FeedRoute => ({
    lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
    ...route,
  })
  return {
    url: (p) => `${base}${p}`,
    route: (p, route) => void routes.set(p, withDefaults(route)),
    fixture: (p, name, route = {}) =>
      void routes.set(p, withDefaults({ body: fixtureBytes(name), ...route })),
    requests,
    requestsTo: (p) => requests.filter((r) => r.path === p),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function respond(
  route: FeedRoute,
  headers: IncomingHttpHeaders,
  res: ServerResponse,
  base: string,
) {
  if (res.destroyed) return
  const status = route.status ?? 200
  if (route.location) {
    const location = route.location.startsWith('/') ? `${base}${route.location}` : route.location
    return void res.writeHead(status, { location }).end()
  }
  const body = route.body === undefined ? Buffer.alloc(0) : Buffer.from(route.body)
  const etag = route.etag === undefined ? `"${hash(body)}"` : route.etag
  const lastModified = route.lastModified ? route.lastModified.toUTCString() : undefined
  const validators: Record<string, string> = {}
  if (etag) validators.etag = etag
  if (lastModified) validators['last-modified'] = lastModified
  if (status === 200 && isFresh(headers, etag, route.lastModified))
    return void res.writeHead(304, validators).end()
  const payload = encode(body, route.encoding)
  res.writeHead(status, {
    'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8',
    'content-length': String(payload.length),
    ...(route.encoding ? { 'content-encoding': route.encoding.replace('-raw', '') } : {}),
    ...validators,
    ...route.headers,
  })
  if (!route.stallMs) return void res.end(payload)
  const half = Math.floor(payload.length / 2)
  res.write(payload.subarray(0, half))
  setTimeout(() => res.end(payload.subarray(half)), route.stallMs)
}

/** A conditional GET that matches: If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function isFresh(headers: IncomingHttpHeaders, etag: string | false, modified?: Date | false) {
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch) return etag !== false && ifNoneMatch.split(/\s*,\s*/).includes(etag)
  const since = headers['if-modified-since']
  if (!since || !modified) return false
  return Date.parse(since) >= modified.getTime()
}

function encode(body: Buffer, encoding: FeedRoute['encoding']): Buffer {
  if (encoding === 'gzip') return gzipSync(body)
  if (encoding === 'br') return brotliCompressSync(body)
  if (encoding === 'deflate') return deflateSync(body)
  if (encoding === 'deflate-raw') return deflateRawSync(body)
  return body
}

function hash(body: Buffer): string {
  return createHash('sha1').update(body).digest('base64url').slice(0, 16)
}
