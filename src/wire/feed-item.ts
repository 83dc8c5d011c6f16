/**
 * A feed item normalised for the wire: its identity under the dedupe rules, plain-text title,
 * a date that is never in the future, absolute URLs, and the image to feature.
 */
import { createHash } from 'node:crypto'
import { excerptWords } from './excerpt.js'
import type { FeedEntry } from './feed-entry.js'
import { parseFeedDate } from './feed-date.js'
import { htmlText, processItemHtml } from './item-html.js'
import { isGloballyUniqueId, normalizeLink } from './item-link.js'

export type ImageOrigin = 'feed' | 'body'

export interface FeedItem {
  /**
   * The item's identity within its source: `guid:<guid>`, else `link:<normalized link>`, else
   * `hash:<sha256 of title and date>`. Stable across polls.
   */
  key: string
  /** The guid or id as the feed gave it. */
  guid: string | undefined
  /** Whether the guid names the item worldwide (a URL, tag: or urn:), so it can match across sources. */
  isGlobalGuid: boolean
  /** The link to the original, absolute. */
  link: string | undefined
  /** The link normalised for dedupe (see normalizeLink): a changed guid with this link is the same story. */
  normalizedLink: string | undefined
  /** Plain text; never empty (falls back to the first words of the text, then "Untitled"). */
  title: string
  /** The item's date, capped at the fetch time; the fetch time when it has none. */
  publishedAt: Date
  /** Whether `publishedAt` came from the item (false: it had none we could read). */
  hasDate: boolean
  updatedAt: Date | undefined
  /** Byline names from dc:creator / author, joined with ", ". */
  author: string | undefined
  categories: string[]
  /** The feed's summary HTML (URLs absolute), when it has one apart from the content. */
  summaryHtml: string | undefined
  /** The body HTML (URLs absolute, pixels dropped); not yet sanitized. */
  contentHtml: string | undefined
  /** Plain text of the body (or summary), for search and the desk. */
  text: string
  /** At most 55 words, from the summary when the feed has one, else from the body (excerpt mode). */
  excerpt: string
  image: { url: string; alt: string | undefined; origin: ImageOrigin } | undefined
  /** Changes when what a reader would see changes: compare to spot an update at the source. */
  fingerprint: string
}

export interface ItemContext {
  fetchedAt: Date
}

/** Normalise one entry; never throws. */
export function toFeedItem(entry: FeedEntry, context: ItemContext): FeedItem {
  const content = entry.contentHtml ? processItemHtml(entry.contentHtml, entry.base) : undefined
  const summary = entry.summaryHtml ? processItemHtml(entry.summaryHtml, entry.base) : undefined
  const text = content?.text || summary?.text || ''
  const title = entry.titleHtml ? htmlText(entry.titleHtml) : ''
  const date = parseFeedDate(entry.published)
  const fetched = context.fetchedAt
  const publishedAt = date && date.getTime() < fetched.getTime() ? date : fetched
  const normalizedLink = normalizeLink(entry.link)
  const declared = entry.images[0]
  const bodyImage = content?.firstImage ?? summary?.firstImage
  const image = declared
    ? { url: declared, alt: undefined, origin: 'feed' as const }
    : bodyImage && { ...bodyImage, origin: 'body' as const }
  const item = {
    key: itemKey(entry.guid, normalizedLink, title, date, text),
    guid: entry.guid,
    isGlobalGuid: entry.guid ? isGloballyUniqueId(entry.guid) : false,
    link: entry.link,
    normalizedLink,
    title: title || firstWords(text, 10) || 'Untitled',
    publishedAt,
    hasDate: date !== undefined,
    updatedAt: parseFeedDate(entry.updated),
    author: entry.authors.length > 0 ? [...new Set(entry.authors)].join(', ') : undefined,
    categories: uniqueIgnoringCase(entry.categories),
    summaryHtml: summary?.html,
    contentHtml: content?.html,
    text,
    excerpt: excerptWords(summary?.text || text),
    image,
  }
  return { ...item, fingerprint: fingerprint(item) }
}

function itemKey(
  guid: string | undefined,
  link: string | undefined,
  title: string,
  date: Date | undefined,
  text: string,
): string {
  if (guid) return `guid:${guid}`
  if (link) return `link:${link}`
  // Last resort: title and date; without a date the start of the text stands in, as the fetch
  // time would give a new identity on every poll.
  const basis = [title, date?.toISOString() ?? text.slice(0, 200)].join('\n')
  return `hash:${sha256(basis)}`
}

function fingerprint(item: Omit<FeedItem, 'fingerprint'>): string {
  return sha256(
    JSON.stringify([
      item.title,
      item.link,
      item.contentHtml ?? item.summaryHtml ?? '',
      item.image?.url ?? '',
      item.author ?? '',
      item.categories,
    ]),
  ).slice(0, 32)
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>()
  return values.filter((value) => {
    const lower = value.toLowerCase()
    if (seen.has(lower)) return false
    seen.add(lower)
    return true
  })
}

function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/).filter(Boolean)
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ')
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
