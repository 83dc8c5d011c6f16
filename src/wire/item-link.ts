/**
 * The link form used to recognise the same story twice: under a changed guid, through a second
 * source, or with different tracking parameters.
 */

/** Query parameters that only say where a click came from; never part of a story's identity. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  '_ga',
  '_gl',
])

/** An http(s) address (resolved against `base` when given), or undefined for anything else. */
export function webAddress(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * A link normalised for identity: scheme and host lower-cased, default port, fragment and
 * tracking parameters (`utm_*`, `fbclid`, `gclid`…) removed, remaining parameters sorted, no
 * trailing slash on the path. Undefined for anything that is not an http(s) URL.
 * @example normalizeLink('HTTPS://News.Example/a/?utm_source=rss&id=2#top') // 'https://news.example/a?id=2'
 */
export function normalizeLink(link: string | undefined, base?: string): string | undefined {
  if (!link) return undefined
  let url: URL
  try {
    url = new URL(link.trim(), base)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  url.hash = ''
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name))
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  url.search = new URLSearchParams(kept).toString()
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '')
  return url.href
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase()
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower)
}

/**
 * Whether a guid names the item worldwide (a URL, a `tag:` or `urn:` URI) rather than only
 * within its feed (`1234`, `post-100`). Only global guids can match across sources.
 */
export function isGloballyUniqueId(guid: string): boolean {
  return /^(https?:\/\/[^/\s]+\.[^/\s]+|tag:[^\s]+,\d{4}|urn:[a-z0-9][a-z0-9-]*:\S+)/i.test(guid)
}
