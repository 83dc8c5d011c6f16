/**
 * The one guarded client for outbound HTTP: webhooks, feed polling and media fetching. http(s)
 * only; every hop's address checked before the socket connects (see guarded-lookup.ts); at most
 * five redirects; connect and total timeouts; a size limit; gzip, br and deflate decoded.
 */
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { type Clock, systemClock } from '../clock.js'
import { type CacheInfo, readCacheInfo } from './cache-headers.js'
import { checkLiteralHost, guardedLookup } from './guarded-lookup.js'
import { NetError, toNetError } from './net-error.js'
import { readBody, readBodyStart } from './response-body.js'

export interface HttpClientOptions {
  /** Sent on every request; name the software and the site, e.g. `Broadsheet/1.0 (+https://…)`. */
  userAgent: string
  /** Allow loopback and private networks (tests, local set-ups). Metadata addresses stay refused. */
  allowPrivate?: boolean
  /** Time to establish the TCP connection. Default 10 s. */
  connectTimeoutMs?: number
  /** Time for the whole exchange, redirects and body included. Default 20 s. */
  timeoutMs?: number
  /** Largest body accepted, on the wire and decoded. Default 15 MB. */
  maxBytes?: number
  /** Redirects followed before TOO_MANY_REDIRECTS; at most (and by default) 5. */
  maxRedirects?: number
  clock?: Clock
}

export interface HttpRequestOptions {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** The Accept header; by default any type. */
  accept?: string
  /** A stored ETag, sent as If-None-Match. */
  etag?: string
  /** A stored Last-Modified, sent as If-Modified-Since. */
  lastModified?: string
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  signal?: AbortSignal
}

export interface Redirect {
  from: string
  to: string
  status: number
  /** 301 and 308 are permanent: a stored URL should move. 302, 303 and 307 are not. */
  permanent: boolean
}

export interface HttpResponse {
  status: number
  /** The final URL, after redirects. */
  url: string
  /** Response headers, names lower-cased, repeated values joined with ", ". */
  headers: Record<string, string>
  /** The decoded body; empty for 304. */
  body: Buffer
  /** True when the server answered 304 to our If-None-Match / If-Modified-Since. */
  notModified: boolean
  redirects: Redirect[]
  /**
   * Where a stored URL should move to: the target of the redirects that were all permanent,
   * counted from the start (301 → 302 → 200 moves it one hop). Undefined when it should stay.
   */
  permanentUrl: string | undefined
  cache: CacheInfo
}

export interface HttpClient {
  /** Fetch `url`. Resolves for 2xx and 304; anything else throws a NetError with a stable code. */
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>
  /**
   * Refuse `url` now, as `request` would: a scheme other than http(s), or a host that is, or
   * resolves to, an address this client may not reach (NetError BAD_URL, BAD_SCHEME,
   * BLOCKED_ADDRESS, DNS_FAILED…). For checking an address when it is saved; every request
   * checks again when it connects.
   */
  checkUrl(url: string): Promise<void>
  /** Close kept-alive connections. */
  close(): void
}

interface Context {
  userAgent: string
  allowPrivate: boolean
  connectTimeoutMs: number
  lookup: LookupFunction
  agents: { http: http.Agent; https: https.Agent }
  clock: Clock
}

interface Hop {
  url: URL
  method: 'GET' | 'POST'
  headers: OutgoingHttpHeaders
  body: string | Uint8Array | undefined
}

const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** Build a client; hold one per purpose (wire, webhooks, media) and close it at shutdown. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const allowPrivate = options.allowPrivate ?? false
  const agents = {
    http: new http.Agent({ keepAlive: true, timeout: 30_000 }),
    https: new https.Agent({ keepAlive: true, timeout: 30_000 }),
  }
  const context: Context = {
    userAgent: options.userAgent,
    allowPrivate,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    lookup: guardedLookup(allowPrivate),
    agents,
    clock: options.clock ?? systemClock,
  }
  const defaults = {
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: options.maxBytes ?? 15 * 1024 * 1024,
    maxRedirects: Math.min(options.maxRedirects ?? MAX_REDIRECTS, MAX_REDIRECTS),
  }
  return {
    request: (url, request = {}) =>
      run(context, url, {
        ...request,
        timeoutMs: request.timeoutMs ?? defaults.timeoutMs,
        maxBytes: request.maxBytes ?? defaults.maxBytes,
        maxRedirects: Math.min(request.maxRedirects ?? defaults.maxRedirects, MAX_REDIRECTS),
      }),
    checkUrl: (url) => checkReachable(context, url),
    close: () => {
      agents.http.destroy()
      agents.https.destroy()
    },
  }
}

type Limits = HttpRequestOptions & { timeoutMs: number; maxBytes: number; maxRedirects: number }

async function run(context: Context, url: string, request: Limits): Promise<HttpResponse> {
  const controller = new AbortController()
  const state = { url, timedOut: false }
  const timer = setTimeout(() => {
    state.timedOut = true
    controller.abort()
  }, request.timeoutMs)
  const cancel = () => controller.abort()
  request.signal?.addEventListener('abort', cancel, { once: true })
  try {
    if (request.signal?.aborted) throw new Error('aborted')
    return await follow(context, request, controller.signal, state)
  } catch (error) {
    if (state.timedOut)
      throw new NetError('TIMEOUT', `No complete answer within ${request.timeoutMs / 1000} s.`, {
        url: state.url,
        cause: error,
      })
    if (request.signal?.aborted)
      throw new NetError('ABORTED', 'The request was cancelled.', { url: state.url })
    throw toNetError(error, state.url)
  } finally {
    clearTimeout(timer)
    request.signal?.removeEventListener('abort', cancel)
  }
}

async function follow(
  context: Context,
  request: Limits,
  signal: AbortSignal,
  state: { url: string },
): Promise<HttpResponse> {
  let hop = firstHop(context, state.url, request)
  const redirects: Redirect[] = []
  for (;;) {
    state.url = hop.url.href
    const response = await send(context, hop, signal)
    const location = redirectTarget(response, hop.url)
    if (location === undefined) return finish(context, response, hop.url.href, redirects, request)
    response.destroy()
    if (redirects.length >= request.maxRedirects)
      throw new NetError('TOO_MANY_REDIRECTS', `More than ${request.maxRedirects} redirects.`, {
        url: hop.url.href,
      })
    const status = response.statusCode ?? 0
    redirects.push({ from: hop.url.href, to: location, status, permanent: isPermanent(status) })
    hop = nextHop(context, hop, location, status)
  }
}

function firstHop(context: Context, url: string, request: HttpRequestOptions): Hop {
  const headers: OutgoingHttpHeaders = {
    'user-agent': context.userAgent,
    accept: request.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  }
  if (request.etag) headers['if-none-match'] = request.etag
  if (request.lastModified) headers['if-modified-since'] = request.lastModified
  for (const [name, value] of Object.entries(request.headers ?? {}))
    headers[name.toLowerCase()] = value
  if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body)
  return {
    url: checkedUrl(context, url),
    method: request.method ?? 'GET',
    headers,
    body: request.body,
  }
}

/** The next request after a redirect, as browsers do it (RFC 9110 §15.4). */
function nextHop(context: Context, hop: Hop, location: string, status: number): Hop {
  const url = checkedUrl(context, location)
  const headers = { ...hop.headers }
  const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === 'POST')
  if (toGet) {
    delete headers['content-length']
    delete headers['content-type']
  }
  if (url.origin !== hop.url.origin) {
    delete headers.authorization
    delete headers.cookie
  }
  return toGet ? { url, method: 'GET', headers, body: undefined } : { ...hop, url, headers }
}

function checkedUrl(context: Context, text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new NetError('BAD_URL', 'That is not a valid URL.', { url: text })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new NetError(
      'BAD_SCHEME',
      `Only http and https URLs can be fetched, not ${url.protocol}`,
      {
        url: text,
      },
    )
  checkLiteralHost(url.hostname, context.allowPrivate)
  return url
}

/** The same checks a request makes before it connects, without connecting. */
async function checkReachable(context: Context, text: string): Promise<void> {
  const url = checkedUrl(context, text)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return
  await new Promise<void>((resolve, reject) => {
    context.lookup(host, { all: true }, (error) => {
      if (!error) return resolve()
      reject(toNetError(error, text))
    })
  })
}

function send(context: Context, hop: Hop, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const isHttps = hop.url.protocol === 'https:'
    const options = {
      method: hop.method,
      headers: hop.headers,
      agent: isHttps ? context.agents.https : context.agents.http,
      lookup: context.lookup,
      signal,
    }
    const request = (isHttps ? https : http).request(hop.url, options, resolve)
    request.on('error', reject)
    request.on('socket', (socket) => {
      if (!socket.connecting) return
      const timer = setTimeout(() => {
        const seconds = context.connectTimeoutMs / 1000
        request.destroy(
          new NetError('TIMEOUT', `Could not connect within ${seconds} s.`, { url: hop.url.href }),
        )
      }, context.connectTimeoutMs)
      socket.once('connect', () => clearTimeout(timer))
      socket.once('close', () => clearTimeout(timer))
    })
    request.end(hop.body)
  })
}

function redirectTarget(response: IncomingMessage, base: URL): string | undefined {
  const status = response.statusCode ?? 0
  const location = response.headers.location
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined
  try {
    return new URL(location, base).href
  } catch {
    response.destroy()
    throw new NetError('BAD_RESPONSE', 'The server redirected to an invalid URL.', {
      url: base.href,
    })
  }
}

async function finish(
  context: Context,
  response: IncomingMessage,
  url: string,
  redirects: Redirect[],
  request: Limits,
): Promise<HttpResponse> {
  const status = response.statusCode ?? 0
  const cache = readCacheInfo(response.headers, context.clock.now())
  if (status !== 304 && (status < 200 || status > 299)) {
    const bodyStart = await readBodyStart(response, 2048)
    throw new NetError('HTTP_STATUS', `The server answered ${status}.`, {
      url,
      status,
      retryAfterSeconds: cache.retryAfterSeconds,
      bodyStart,
    })
  }
  const notModified = status === 304
  if (notModified) response.resume()
  return {
    status,
    url,
    headers: flattenHeaders(response.headers),
    body: notModified ? Buffer.alloc(0) : await readBody(response, request.maxBytes, url),
    notModified,
    redirects,
    permanentUrl: permanentTarget(redirects),
    cache,
  }
}

function isPermanent(status: number): boolean {
  return status === 301 || status === 308
}

function permanentTarget(redirects: Redirect[]): string | undefined {
  let target: string | undefined
  for (const redirect of redirects) {
    if (!redirect.permanent) break
    target = redirect.to
  }
  return target
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  return flat
}
