/**
 * What a story takes from the network before its transaction: the item's featured image into the
 * media library and, for a licensed full-text source, the article from the item's page. A few are
 * fetched at once, and all of them within one time budget: a feed of 200 items whose image host
 * does not answer must not hold its poll for minutes. What is not fetched when the budget runs
 * out (or fails) stays remote: the story shows the source's image URL, or the feed's text. The
 * requests go through the wire's guarded client, with its address checks, timeouts and size
 * limits. Nothing here throws for what a remote server did.
 */
import type { Actor } from '../auth/index.js'
import { fetchFullText } from './fetch-feed.js'
import { downloadImage } from './item-image.js'
import type { WireDeps } from './wire-deps.js'

/** At most this many images and pages are fetched at once. */
export const EXTRAS_CONCURRENCY = 6
/** Everything one poll (or one desk action) fetches must arrive within this; the rest stays remote. */
export const EXTRAS_BUDGET_MS = 30_000

/** What was fetched for one story. */
export interface Extras {
  mediaId?: number | undefined
  contentHtml?: string | undefined
}

/** One story's fetches: its image, and the page to extract the full text from. */
export interface ExtrasWanted<K> {
  key: K
  image?: { url: string; alt?: string | undefined } | undefined
  /** The item's page, for a full-text source; undefined otherwise. */
  page?: string | undefined
  /** Who the image is credited to (the source's name). */
  credit: string
}

/**
 * Fetch every wanted image and page, `EXTRAS_CONCURRENCY` at a time, within `EXTRAS_BUDGET_MS`
 * (both overridable through `deps.extrasLimits`). By key; a story whose fetches failed or were
 * not reached has no entry or an empty one.
 */
export async function fetchStoryExtras<K>(
  deps: WireDeps,
  actor: Actor,
  wanted: ExtrasWanted<K>[],
): Promise<Map<K, Extras>> {
  const extras = new Map<K, Extras>()
  const concurrency = deps.extrasLimits?.concurrency ?? EXTRAS_CONCURRENCY
  const budget = AbortSignal.timeout(deps.extrasLimits?.budgetMs ?? EXTRAS_BUDGET_MS)
  await eachAtMost(wanted, concurrency, budget, async (want) => {
    const extra: Extras = {}
    if (want.image)
      extra.mediaId = await downloadImage(deps, actor, want.image, want.credit, budget)
    if (want.page && !budget.aborted) extra.contentHtml = await fullTextOf(deps, want.page, budget)
    extras.set(want.key, extra)
  })
  return extras
}

/**
 * Run `work` over `items`, at most `limit` at once, starting none after `stop` fires (those
 * already running see the signal themselves). `work` must not throw.
 */
async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  stop: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length && !stop.aborted) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(limit, 1), items.length) }, worker))
}

/** The article on the item's page, or undefined (the feed's own text is used then). */
async function fullTextOf(
  deps: WireDeps,
  link: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  try {
    return (await fetchFullText(deps.wireClient, link, signal))?.contentHtml
  } catch {
    return undefined
  }
}
