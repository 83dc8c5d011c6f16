/** What a response says about caching and when to come back: the conditional-GET validators. */
export interface CacheInfo {
  /** `ETag`, to send back as `If-None-Match`. */
  etag: string | undefined
  /** `Last-Modified`, to send back as `If-Modified-Since`. */
  lastModified: string | undefined
  /** `Retry-After` in seconds from now (a date is converted), when the server sent one. */
  retryAfterSeconds: number | undefined
  /** `Cache-Control: max-age` (or `s-maxage`) in seconds; undefined with no-store or no-cache. */
  maxAgeSeconds: number | undefined
}

type HeaderValue = string | string[] | undefined

/** Read the validators and wait hints from response headers (lower-cased names). */
export function readCacheInfo(headers: Record<string, HeaderValue>, now: Date): CacheInfo {
  return {
    etag: single(headers.etag),
    lastModified: single(headers['last-modified']),
    retryAfterSeconds: parseRetryAfter(single(headers['retry-after']), now),
    maxAgeSeconds: parseMaxAge(single(headers['cache-control'])),
  }
}

/** `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`, as seconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text)
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000))
}

/** `max-age` from a Cache-Control header; `s-maxage` wins as we are a shared fetcher. */
export function parseMaxAge(value: string | undefined): number | undefined {
  if (!value) return undefined
  const directives = new Map(
    value.split(',').map((part) => {
      const [name = '', arg = ''] = part.trim().split('=')
      return [name.toLowerCase(), arg.replace(/"/g, '')] as const
    }),
  )
  if (directives.has('no-store') || directives.has('no-cache')) return undefined
  const raw = directives.get('s-maxage') ?? directives.get('max-age')
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined
}

function single(value: HeaderValue): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value
  return text === undefined || text === '' ? undefined : text
}
