/**
 * Polling one source: a conditional GET through the guarded client, then, in one transaction,
 * every new item recorded (the unique index on source and key settles races between pollers),
 * the stories made for a source that publishes directly, updates carried to stories nobody
 * edited here, and the source's health and next poll. A failure (network, status, not a feed,
 * broken XML) is recorded on the source and never throws: other sources go on.
 */
import { requirePermission, type Actor } from '../auth/index.js'
import { AppError } from '../errors.js'
import { findArticle, importArticles, saveArticle } from '../content/index.js'
import { transact, type Kernel } from '../kernel.js'
import { NetError } from '../net/index.js'
import type { FeedItem } from './feed-item.js'
import { fetchFeed } from './fetch-feed.js'
import {
  countRecentItems,
  findKnownStories,
  findSeenItems,
  insertItemsIfNew,
  updateItem,
  type SeenItem,
} from './item.repository.js'
import { skipReason, storyBody, storyFor } from './item-story.js'
import {
  MAX_FAILURES,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  type ScheduleHints,
} from './poll-schedule.js'
import { findSourceById, updateSource, type WireSource } from './source.repository.js'
import { fetchStoryExtras, type Extras, type ExtrasWanted } from './story-extras.js'
import type { WireDeps } from './wire-deps.js'
import { WireError } from './wire-error.js'
import type { WireItemStatus } from './wire.table.js'

export type PollOutcome =
  | { status: 'fetched'; added: number; published: number; updated: number; skipped: number }
  | { status: 'unchanged' }
  | { status: 'failed'; code: string; message: string; paused: boolean }
  | { status: 'paused' }

export interface PollReport {
  sourceId: number
  name: string
  outcome: PollOutcome
}

const WEEK = 7 * 86_400_000
const DAY = 86_400_000

/**
 * Poll `sourceId` now. Never throws for what the feed's server did; throws NOT_FOUND for a
 * source that does not exist and FORBIDDEN for an actor who may not run the wire.
 * @example const report = await pollSource(services, systemActor('wire', 'editor'), 3)
 */
export async function pollSource(
  deps: WireDeps,
  actor: Actor,
  sourceId: number,
): Promise<PollReport> {
  requirePermission(actor, 'wire.manage')
  const source = await findSourceById(deps.db, sourceId)
  if (!source) throw new AppError('NOT_FOUND', `wire source ${sourceId} does not exist`)
  const report = (outcome: PollOutcome): PollReport => ({ sourceId, name: source.name, outcome })
  if (source.status === 'paused') return report({ status: 'paused' })
  let result
  try {
    result = await fetchFeed(
      deps.wireClient,
      {
        url: source.url,
        etag: source.etag ?? undefined,
        lastModified: source.lastModified ?? undefined,
      },
      deps.clock,
    )
  } catch (error) {
    if (!(error instanceof NetError || error instanceof WireError)) throw error
    return report(await recordFailure(deps, source, feedFailure(error)))
  }
  const moved =
    result.permanentUrl && result.permanentUrl !== source.url ? result.permanentUrl : undefined
  const validators = {
    etag: result.cache.etag?.slice(0, 500) ?? null,
    last_modified: result.cache.lastModified?.slice(0, 100) ?? null,
  }
  if (result.status === 'not-modified') {
    await transact(deps, async (tx) => {
      await recordSuccess(tx, source, result.cache, {
        ...validators,
        ...(moved ? { url: moved } : {}),
      })
    })
    return report({ status: 'unchanged' })
  }
  const feed = result.feed
  try {
    // Images and full texts are fetched before the transaction: no network while it holds the database.
    const extras = await fetchExtras(deps, actor, source, feed.items)
    const outcome = await transact(deps, async (tx) => {
      const counts = await ingest(tx, actor, source, feed.items, extras)
      await recordSuccess(tx, source, result.cache, {
        ...validators,
        ...(moved ? { url: moved } : {}),
      })
      return counts
    })
    return report({ status: 'fetched', ...outcome })
  } catch (error) {
    // Our side failed (the database, a bug): nothing was stored. The failure still moves the
    // next poll on, so the source is tried again rather than left due with its job spent.
    await recordFailure(deps, source, {
      code: 'STORE_FAILED',
      message: 'The items could not be stored; the next poll tries again.',
      retryAfterSeconds: undefined,
      gone: false,
    }).catch(() => undefined)
    throw error
  }
}

async function ingest(
  tx: Kernel,
  actor: Actor,
  source: WireSource,
  items: FeedItem[],
  extras: Map<string, Extras>,
): Promise<{ added: number; published: number; updated: number; skipped: number }> {
  const now = tx.clock.now()
  const seen = await findSeenItems(
    tx.db,
    source.id,
    items.map((i) => i.key),
  )
  let updated = 0
  const fresh: FeedItem[] = []
  for (const item of items) {
    const known = seen.get(item.key)
    if (!known) fresh.push(item)
    else if (
      known.fingerprint !== item.fingerprint &&
      (await carryUpdate(tx, actor, source, known, item))
    )
      updated++
  }
  const globalGuid = (item: FeedItem) => (item.isGlobalGuid ? item.guid : undefined)
  const known = await findKnownStories(
    tx.db,
    fresh.flatMap((i) => (i.normalizedLink ? [i.normalizedLink] : [])),
    fresh.flatMap((i) => globalGuid(i) ?? []),
  )
  const statuses = new Map<string, WireItemStatus>()
  for (const item of fresh) {
    const link = item.normalizedLink
    const guid = globalGuid(item)
    const same = (link && known.links.has(link)) || (guid && known.guids.has(guid))
    // A later item of this very poll with the same link or guid is the same story too.
    if (link) known.links.add(link)
    if (guid) known.guids.add(guid)
    const status: WireItemStatus = same
      ? 'duplicate'
      : skipReason(item, source, now)
        ? 'skipped'
        : source.publish === 'auto'
          ? 'published'
          : 'new'
    statuses.set(item.key, status)
  }
  const inserted = await insertItemsIfNew(
    tx.db,
    fresh.map((item) => itemRow(source.id, item, statuses.get(item.key)!, now.getTime())),
  )
  // An item missing from `inserted` was recorded first by another poll: that poll makes the story.
  const added = fresh.filter((item) => inserted.has(item.key))
  const skipped = added.filter((item) => statuses.get(item.key) === 'skipped').length
  const toPublish = added
    .filter((item) => statuses.get(item.key) === 'published')
    .map((item) => ({ itemId: inserted.get(item.key)!, item }))
  if (toPublish.length > 0) {
    const ids = await importArticles(
      tx,
      actor,
      toPublish.map(({ item }) => {
        const extra = extras.get(item.key)
        const full = extra?.contentHtml ? { ...item, contentHtml: extra.contentHtml } : item
        return storyFor(full, source, 'published', extra?.mediaId)
      }),
    )
    for (const [i, { itemId }] of toPublish.entries())
      await updateItem(tx.db, itemId, { article_id: ids[i]!, article_version: 1 })
  }
  return { added: added.length, published: toPublish.length, updated, skipped }
}

/**
 * For the items this poll will publish (new, not duplicates, not skipped, on a source that
 * publishes directly): the featured image into the media library, and in full mode with
 * `fetchFullText`, the article extracted from the item's page; a few at a time, within the
 * poll's budget (story-extras.ts). By item key. Each item is fetched for at most once, even
 * when the feed repeats it: the transaction makes one story of it.
 */
async function fetchExtras(
  deps: WireDeps,
  actor: Actor,
  source: WireSource,
  items: FeedItem[],
): Promise<Map<string, Extras>> {
  const fullText = source.mode === 'full' && source.fetchFullText
  if (source.publish !== 'auto' || (!deps.storage && !fullText)) return new Map()
  const now = deps.clock.now()
  const candidates = items.filter(
    (item) => (item.image || (fullText && item.link)) && !skipReason(item, source, now),
  )
  if (candidates.length === 0) return new Map()
  const seen = await findSeenItems(
    deps.db,
    source.id,
    candidates.map((i) => i.key),
  )
  const globalGuid = (item: FeedItem) => (item.isGlobalGuid ? item.guid : undefined)
  const unseen = candidates.filter((item) => !seen.has(item.key))
  const known = await findKnownStories(
    deps.db,
    unseen.flatMap((i) => (i.normalizedLink ? [i.normalizedLink] : [])),
    unseen.flatMap((i) => globalGuid(i) ?? []),
  )
  const keys = new Set<string>()
  const wanted: ExtrasWanted<string>[] = []
  for (const item of unseen) {
    const link = item.normalizedLink
    const guid = globalGuid(item)
    const same =
      keys.has(item.key) || (link && known.links.has(link)) || (guid && known.guids.has(guid))
    keys.add(item.key)
    if (link) known.links.add(link)
    if (guid) known.guids.add(guid)
    if (same) continue
    wanted.push({
      key: item.key,
      image: deps.storage ? item.image : undefined,
      page: fullText ? item.link : undefined,
      credit: source.name,
    })
  }
  return fetchStoryExtras(deps, actor, wanted)
}

/**
 * The source changed an item we have. A waiting item is refreshed; a story nobody edited here
 * follows the source; an edited story is left alone and the desk shows the change.
 */
async function carryUpdate(
  tx: Kernel,
  actor: Actor,
  source: WireSource,
  known: SeenItem,
  item: FeedItem,
): Promise<boolean> {
  const now = tx.clock.now().getTime()
  const fields = {
    fingerprint: item.fingerprint,
    title: item.title.slice(0, 500),
    excerpt: item.excerpt,
    content_html: item.contentHtml ?? item.summaryHtml ?? null,
    image_url: item.image?.url.slice(0, 2000) ?? null,
    link: item.link?.slice(0, 2000) ?? null,
    author: item.author?.slice(0, 300) ?? null,
    updated_at: now,
  }
  if (known.articleId === null) {
    await updateItem(tx.db, known.id, fields)
    return known.status === 'new'
  }
  const article = await findArticle(tx, known.articleId)
  if (!article || article.version !== known.articleVersion) {
    await updateItem(tx.db, known.id, { ...fields, changed_at_source: 1 })
    return false
  }
  const saved = await saveArticle(tx, actor, article.id, {
    input: {
      title: item.title,
      standfirst: item.excerpt,
      // A story with a featured image from the library does not repeat the source's image.
      bodyHtml: storyBody(article.image ? { ...item, image: undefined } : item, source),
      canonicalUrl: item.link ?? '',
    },
    expectedVersion: article.version,
  })
  await updateItem(tx.db, known.id, { ...fields, article_version: saved.version })
  return true
}

function itemRow(sourceId: number, item: FeedItem, status: WireItemStatus, now: number) {
  return {
    source_id: sourceId,
    item_key: item.key.slice(0, 600),
    guid: item.guid?.slice(0, 1000) ?? null,
    is_global_guid: item.isGlobalGuid ? 1 : 0,
    link: item.link?.slice(0, 2000) ?? null,
    normalized_link: item.normalizedLink?.slice(0, 2000) ?? null,
    title: item.title.slice(0, 500),
    author: item.author?.slice(0, 300) ?? null,
    excerpt: item.excerpt,
    content_html: item.contentHtml ?? item.summaryHtml ?? null,
    image_url: item.image?.url.slice(0, 2000) ?? null,
    categories: JSON.stringify(item.categories),
    published_at: item.publishedAt.getTime(),
    fingerprint: item.fingerprint,
    status,
    article_id: null,
    article_version: null,
    created_at: now,
    updated_at: now,
  }
}

async function recordSuccess(
  tx: Kernel,
  source: WireSource,
  hints: ScheduleHints,
  columns: { etag: string | null; last_modified: string | null; url?: string },
): Promise<void> {
  const now = tx.clock.now()
  const recent = {
    lastWeek: await countRecentItems(tx.db, source.id, now.getTime() - WEEK),
    lastDay: await countRecentItems(tx.db, source.id, now.getTime() - DAY),
  }
  await updateSource(tx.db, source.id, {
    ...columns,
    last_polled_at: now.getTime(),
    last_success_at: now.getTime(),
    last_error_code: null,
    last_error: null,
    failures: 0,
    next_poll_at: nextPollAfterSuccess(now, source.intervalMinutes, recent, hints).getTime(),
    updated_at: now.getTime(),
  })
}

interface Failure {
  code: string
  message: string
  retryAfterSeconds: number | undefined
  /** The feed will not come back (410 Gone): pause the source at once. */
  gone: boolean
}

function feedFailure(error: NetError | WireError): Failure {
  return {
    code: error instanceof NetError && error.status ? `HTTP_${error.status}` : error.code,
    message: describeFailure(error),
    retryAfterSeconds: error instanceof NetError ? error.retryAfterSeconds : undefined,
    gone: error instanceof NetError && error.status === 410,
  }
}

async function recordFailure(
  deps: Kernel,
  source: WireSource,
  failure: Failure,
): Promise<PollOutcome> {
  const now = deps.clock.now()
  const failures = source.failures + 1
  const paused = failures >= MAX_FAILURES
  const { code, message, gone } = failure
  const hints = { retryAfterSeconds: failure.retryAfterSeconds }
  await transact(deps, async (tx) => {
    await updateSource(tx.db, source.id, {
      last_polled_at: now.getTime(),
      last_error_code: code.slice(0, 50),
      last_error: message.slice(0, 2000),
      failures,
      status: paused || gone ? 'paused' : 'active',
      next_poll_at: nextPollAfterFailure(now, source.intervalMinutes, failures, hints).getTime(),
      updated_at: now.getTime(),
    })
  })
  return { status: 'failed', code, message, paused: paused || gone }
}

function describeFailure(error: NetError | WireError): string {
  if (error instanceof NetError && error.status === 429)
    return `The server asked us to slow down (429)${error.retryAfterSeconds !== undefined ? `; retrying after ${error.retryAfterSeconds} s` : ''}.`
  if (error instanceof NetError && error.status === 410)
    return 'The feed is gone (410); the source is paused.'
  return error.message
}
