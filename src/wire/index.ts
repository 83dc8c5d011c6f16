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

/** What the wire's use cases need: the kernel and the guarded client for feeds. */
export type { WireDeps } from './wire-deps.js'

/**
 * Sources: follow a feed (or a site, by discovery), change, pause, remove, OPML in and out.
 * @example
 * const source = await addSource(services, userActor(me), { url: 'https://partner.example/', sectionId: 3, publish: 'auto' })
 */
export {
  addSource,
  editSource,
  exportSourcesOpml,
  findSource,
  findStoryOrigin,
  importOpmlSources,
  listSources,
  removeSource,
  setSourcePaused,
  type NewSource,
  type SourceHealth,
} from './sources.service.js'
export type { WireSource } from './source.repository.js'
export {
  DEFAULT_INTERVAL_MINUTES,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  type SourceSettings,
} from './source-settings.js'
export type { PublishPolicy, SourceMode, SourceStatus, WireItemStatus } from './wire.table.js'

/**
 * Poll one source now: conditional GET, new items recorded (never twice), stories made for a
 * source that publishes directly, health and next poll recorded. Never throws for the feed.
 */
export { pollSource, type PollOutcome, type PollReport } from './poll-source.js'

/** The queue side: enqueue due polls; the job type and its payload. */
export { enqueueDuePolls, POLL_JOB, pollPayload } from './wire-jobs.js'

/**
 * The desk: incoming items and what editors do with them (publish, draft to edit, skip).
 * @example await takeItems(services, userActor(me), [12, 13], 'publish')
 */
export {
  countNewItems,
  DESK_ACTIONS,
  listWireItems,
  takeItems,
  type DeskAction,
  type DeskResult,
} from './desk.service.js'
export type { StoryOrigin, WireItem } from './item.repository.js'
