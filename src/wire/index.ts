/**
 * The wire: sources polled into stories. This first layer fetches and reads feeds and is free of
 * the database; sources, polling jobs, stories and the desk build on it.
 */

/**
 * Poll one feed with a conditional GET through the guarded client.
 * @example
 * const result = await fetchFeed(client, { url, etag: source.etag, lastModified: source.lastModified }, clock)
 * if (result.permanentUrl) source.url = result.permanentUrl
 * if (result.status === 'fetched') for (const item of result.feed.items) upsert(item.key, item)
 */
export { fetchFeed, type FeedFetchResult, type FeedRequest } from './fetch-feed.js'

/** Find the feed for an address an editor typed: a feed, or a page that announces one. */
export { findFeed, type FoundFeed } from './fetch-feed.js'

/** Fetch an article page and extract its body (full-text mode for licensed sources). */
export { fetchFullText } from './fetch-feed.js'

/** Parse feed text, or decode and parse fetched bytes, into normalised items. */
export {
  parseFeed,
  readFeed,
  type FeedFormat,
  type ParseOptions,
  type ParsedFeed,
} from './parse-feed.js'

/** A normalised feed item: identity, title, date, byline, HTML, image, excerpt, fingerprint. */
export type { FeedItem, ImageOrigin } from './feed-item.js'

/** Decode a feed's or page's bytes with the right charset. */
export { decodeFeedBytes, type DecodedText } from './feed-charset.js'

/** The feeds a web page announces with `<link rel="alternate">`. */
export { discoverFeeds, type DiscoveredFeed, type DiscoveredFormat } from './feed-discovery.js'

/** At most 55 words of text, as WordPress excerpts. */
export { excerptWords, EXCERPT_WORDS } from './excerpt.js'

/** A link normalised for dedupe; whether a guid is unique beyond its feed. */
export { isGloballyUniqueId, normalizeLink } from './item-link.js'

/** Read and write OPML source lists. */
export { parseOpml, writeOpml, type OpmlSource } from './opml.js'

/** Extract the main article from a page's HTML with Readability. */
export { extractArticle, type ExtractedArticle } from './full-text.js'

/** Why a document could not be used as a feed, with a stable code. */
export { WireError, type WireErrorCode } from './wire-error.js'
