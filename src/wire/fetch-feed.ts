/**
 * The wire's network side, still free of the database: fetch a source's feed with a conditional
 * GET, find a feed from a site's address, fetch an article page for full text. Every request goes
 * through the guarded client (src/net); failures are NetError or WireError, each with a `code`.
 */
import type { Clock } from '../clock.js'
import type { CacheInfo, HttpClient, HttpResponse } from '../net/index.js'
import { decodeFeedBytes } from './feed-charset.js'
import { discoverFeeds } from './feed-discovery.js'
import { type ExtractedArticle, extractArticle } from './full-text.js'
import { type ParsedFeed, readFeed } from './parse-feed.js'
import { WireError } from './wire-error.js'

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5'
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5'

/** Paths tried when a home page links to no feed: the usual homes of WordPress, Ghost, Hugo feeds. */
const USUAL_FEED_PATHS = ['/feed/', '/rss/', '/feed.xml', '/index.xml', '/atom.xml']
const MAX_CANDIDATES = 3

export interface FeedRequest {
  url: string
  /** From the previous successful fetch, for a conditional GET. */
  etag?: string | undefined
  lastModified?: string | undefined
}

interface FetchOutcome {
  /** The URL the document finally came from, after redirects. */
  url: string
  /** Set when every redirect was permanent: store it as the source's URL from now on. */
  permanentUrl: string | undefined
  /** Validators to store for the next poll (the stored ones kept when a 304 repeats none), and wait hints. */
  cache: CacheInfo
  fetchedAt: Date
}

export type FeedFetchResult =
  | (FetchOutcome & { status: 'not-modified' })
  | (FetchOutcome & { status: 'fetched'; feed: ParsedFeed; bytes: number })

/**
 * Poll one feed. Resolves `not-modified` on a 304 (nothing was downloaded or parsed), `fetched`
 * with the parsed feed otherwise. Throws NetError (network, status, size, guard) or WireError
 * (not a feed, malformed).
 */
export async function fetchFeed(
  client: HttpClient,
  request: FeedRequest,
  clock: Clock,
): Promise<FeedFetchResult> {
  const response = await client.request(request.url, {
    accept: FEED_ACCEPT,
    etag: request.etag,
    lastModified: request.lastModified,
  })
  const fetchedAt = clock.now()
  const outcome: FetchOutcome = {
    url: response.url,
    permanentUrl: response.permanentUrl,
    cache: {
      ...response.cache,
      etag: response.cache.etag ?? (response.notModified ? request.etag : undefined),
      lastModified:
        response.cache.lastModified ?? (response.notModified ? request.lastModified : undefined),
    },
    fetchedAt,
  }
  if (response.notModified) return { ...outcome, status: 'not-modified' }
  const feed = readFeed(response.body, {
    url: response.url,
    fetchedAt,
    contentType: response.headers['content-type'],
  })
  return { ...outcome, status: 'fetched', feed, bytes: response.body.length }
}

export interface FoundFeed {
  /** The URL to store for the source: the feed's, after permanent redirects only. */
  url: string
  feed: ParsedFeed
  /** The page the feed was discovered from, when the address given was a web page. */
  discoveredFrom: string | undefined
}

/**
 * The feed at `url`, or the feed a web page at `url` announces (autodiscovery), or the feed at
 * one of the usual paths of its site. Throws WireError NO_FEED_FOUND when there is none, and
 * NetError when the address itself cannot be fetched.
 */
export async function findFeed(client: HttpClient, url: string, clock: Clock): Promise<FoundFeed> {
  const response = await client.request(url, { accept: `${FEED_ACCEPT}, ${PAGE_ACCEPT}` })
  const fetchedAt = clock.now()
  const direct = tryRead(response, fetchedAt)
  if (direct.feed)
    return { url: response.permanentUrl ?? url, feed: direct.feed, discoveredFrom: undefined }
  if (direct.error.code !== 'NOT_A_FEED') throw direct.error
  const html = decodeFeedBytes(response.body, response.headers['content-type']).text
  const announced = discoverFeeds(html, response.url).map((f) => f.url)
  const origin = new URL(response.url).origin
  const candidates =
    announced.length > 0
      ? announced.slice(0, MAX_CANDIDATES)
      : USUAL_FEED_PATHS.map((path) => `${origin}${path}`)
  for (const candidate of candidates) {
    const found = await tryCandidate(client, candidate, clock)
    if (found) return { ...found, discoveredFrom: response.url }
  }
  throw new WireError(
    'NO_FEED_FOUND',
    announced.length > 0
      ? `The feeds ${new URL(response.url).host} links to could not be read.`
      : `No feed found at ${new URL(response.url).host}: the page does not link to one.`,
  )
}

/**
 * The article on the page at `url`, for full-text mode; undefined when the page has no article
 * Readability trusts. Throws NetError when the page cannot be fetched.
 */
export async function fetchFullText(
  client: HttpClient,
  url: string,
  signal?: AbortSignal,
): Promise<ExtractedArticle | undefined> {
  const response = await client.request(url, { accept: PAGE_ACCEPT, signal })
  const html = decodeFeedBytes(response.body, response.headers['content-type']).text
  return extractArticle(html, response.url)
}

async function tryCandidate(
  client: HttpClient,
  url: string,
  clock: Clock,
): Promise<Omit<FoundFeed, 'discoveredFrom'> | undefined> {
  try {
    const response = await client.request(url, { accept: FEED_ACCEPT })
    const { feed } = tryRead(response, clock.now())
    return feed ? { url: response.permanentUrl ?? url, feed } : undefined
  } catch {
    // A candidate that fails is just not the feed; the next one may be.
    return undefined
  }
}

function tryRead(
  response: HttpResponse,
  fetchedAt: Date,
): { feed: ParsedFeed; error?: never } | { feed?: never; error: WireError } {
  try {
    const contentType = response.headers['content-type']
    return { feed: readFeed(response.body, { url: response.url, fetchedAt, contentType }) }
  } catch (error) {
    if (error instanceof WireError) return { error }
    throw error
  }
}
