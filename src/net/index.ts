/**
 * Outbound HTTP for the whole application: one guarded client, used by webhooks, the wire's feed
 * polling and media fetching. HTTP-framework free.
 */

/**
 * Build the guarded HTTP client: http(s) only, every DNS answer checked against loopback, private,
 * link-local, CGNAT, metadata and reserved ranges on every hop, connections pinned to the checked
 * address, at most 5 redirects, timeouts and a size limit.
 * @example
 * const client = createHttpClient({ userAgent: 'Broadsheet/0.1 (+https://news.example)' })
 * const res = await client.request('https://partner.example/feed/', { etag: stored.etag })
 * if (res.notModified) return 'unchanged'
 * if (res.permanentUrl) stored.url = res.permanentUrl
 */
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequestOptions,
  type HttpResponse,
  type Redirect,
} from './http-client.js'

/** Why a request failed, with a stable `code` (BLOCKED_ADDRESS, TOO_LARGE, TIMEOUT…). */
export { NetError, type NetErrorCode } from './net-error.js'

/** Conditional-GET validators and wait hints read from a response. */
export type { CacheInfo } from './cache-headers.js'

/** Classify an IP address (loopback, private, metadata…) and decide whether it may be fetched. */
export { classifyAddress, isAllowedAddress, type AddressKind } from './address-policy.js'
