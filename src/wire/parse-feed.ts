/**
 * Bytes or text → a normalised feed. RSS 0.9x/1.0 (RDF)/2.0, Atom 1.0 and JSON Feed 1.x are read
 * with feedsmith (docs/decisions/0005-feedsmith-for-feed-parsing.md); anything else, or anything
 * broken, is a WireError with a stable code, never a crash and never half a feed.
 */
import { DetectError, MalformedError, ParseError, parseFeed as parseAnyFeed } from 'feedsmith'
import { decodeFeedBytes } from './feed-charset.js'
import { atomEntries, type FeedEntry, jsonEntries, rdfEntries, rssEntries } from './feed-entry.js'
import { type FeedItem, toFeedItem } from './feed-item.js'
import { htmlText } from './item-html.js'
import { WireError } from './wire-error.js'

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json'

export interface ParsedFeed {
  format: FeedFormat
  title: string | undefined
  description: string | undefined
  /** The site the feed belongs to. */
  homeUrl: string | undefined
  /** The feed's own URL as it states it (atom:link rel=self, feed_url). */
  selfUrl: string | undefined
  language: string | undefined
  /** Items in feed order, each once: later copies of the same item are dropped. */
  items: FeedItem[]
  /** How many copies were dropped. */
  duplicates: number
}

export interface ParseOptions {
  /** The URL the feed was fetched from: relative links are resolved against it. */
  url: string
  /** When it was fetched: items without a date get it, and no item is dated after it. */
  fetchedAt: Date
}

/** Decode fetched bytes (see decodeFeedBytes) and parse them. */
export function readFeed(
  bytes: Uint8Array,
  options: ParseOptions & { contentType?: string | undefined },
): ParsedFeed {
  return parseFeed(decodeFeedBytes(bytes, options.contentType).text, options)
}

/** Parse a feed document. Throws WireError NOT_A_FEED or MALFORMED_FEED. */
export function parseFeed(text: string, options: ParseOptions): ParsedFeed {
  const parsed = detect(text)
  const { meta, entries } = entriesOf(parsed, options.url)
  const { items, duplicates } = uniqueItems(
    entries.map((entry) => toFeedItem(entry, { fetchedAt: options.fetchedAt })),
  )
  return { format: parsed.format, ...meta, items, duplicates }
}

type AnyFeed = ReturnType<typeof parseAnyFeed<string>>

function detect(text: string): AnyFeed {
  const body = text.replace(/^\uFEFF/, '').trim()
  if (body === '') throw new WireError('NOT_A_FEED', 'The answer was empty.')
  if (body.startsWith('{') || body.startsWith('[')) return parseJson(body)
  const root = xmlRootName(body)
  if (!root) throw new WireError('NOT_A_FEED', 'The answer is not a feed (no XML or JSON).')
  if (root.toLowerCase() === 'html')
    throw new WireError('NOT_A_FEED', 'The address returned a web page, not a feed.')
  // The XML parser forgives a document that simply stops; a truncated download must not become
  // a feed with its last items missing or cut, so the root element has to be closed.
  if (!new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>$`).test(stripTrailingMisc(body)))
    throw new WireError('MALFORMED_FEED', 'The feed is cut off: its XML does not end.')
  return parseWith(() => parseAnyFeed(body))
}

function parseJson(body: string): AnyFeed {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    throw new WireError('MALFORMED_FEED', 'The feed is not valid JSON.', { cause: error })
  }
  return parseWith(() => parseAnyFeed(value))
}

function parseWith(parse: () => AnyFeed): AnyFeed {
  try {
    return parse()
  } catch (error) {
    if (error instanceof DetectError)
      throw new WireError('NOT_A_FEED', 'The answer is not an RSS, Atom or JSON feed.', {
        cause: error,
      })
    if (error instanceof MalformedError || error instanceof ParseError)
      throw new WireError('MALFORMED_FEED', 'The feed is not well-formed XML.', { cause: error })
    throw new WireError('MALFORMED_FEED', 'The feed could not be read.', { cause: error })
  }
}

type FeedMeta = Omit<ParsedFeed, 'format' | 'items' | 'duplicates'>

function entriesOf(parsed: AnyFeed, url: string): { meta: FeedMeta; entries: FeedEntry[] } {
  if (parsed.format === 'json') {
    const feed = parsed.feed
    const meta = {
      title: feed.title,
      description: feed.description,
      homeUrl: feed.home_page_url,
      selfUrl: feed.feed_url,
      language: feed.language,
    }
    return { meta: clean(meta), entries: jsonEntries(feed, url) }
  }
  if (parsed.format === 'atom') {
    const feed = parsed.feed
    const links = feed.links ?? []
    const meta = {
      title: feed.title ? htmlText(feed.title.value ?? '') : undefined,
      description: feed.subtitle ? htmlText(feed.subtitle.value ?? '') : undefined,
      homeUrl: links.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href,
      selfUrl: links.find((l) => l.rel === 'self')?.href,
      language: feed.xml?.lang,
    }
    return { meta: clean(meta), entries: atomEntries(feed, url) }
  }
  const feed = parsed.feed
  const meta = {
    title: feed.title === undefined ? undefined : htmlText(feed.title),
    description: feed.description === undefined ? undefined : htmlText(feed.description),
    homeUrl: feed.link,
    selfUrl: feed.atom?.links?.find((l) => l.rel === 'self')?.href,
    language: 'language' in feed ? feed.language : feed.dc?.languages?.[0],
  }
  const entries =
    parsed.format === 'rss' ? rssEntries(parsed.feed, url) : rdfEntries(parsed.feed, url)
  return { meta: clean(meta), entries }
}

/** Keep the first of items that share a key or a normalised link (the dedupe rules). */
function uniqueItems(all: FeedItem[]): { items: FeedItem[]; duplicates: number } {
  const keys = new Set<string>()
  const links = new Set<string>()
  const items = all.filter((item) => {
    if (keys.has(item.key)) return false
    if (item.normalizedLink && links.has(item.normalizedLink)) return false
    keys.add(item.key)
    if (item.normalizedLink) links.add(item.normalizedLink)
    return true
  })
  return { items, duplicates: all.length - items.length }
}

/** The document element's name, past the XML declaration, comments, PIs and DOCTYPE. */
function xmlRootName(body: string): string | undefined {
  let rest = body.trimStart()
  for (;;) {
    let end = 0
    if (rest.startsWith('<?')) end = rest.indexOf('?>') + 2
    else if (rest.startsWith('<!--')) end = rest.indexOf('-->') + 3
    else if (/^<!doctype\s+html/i.test(rest)) return 'html'
    else if (/^<!doctype/i.test(rest)) end = doctypeEnd(rest)
    else break
    if (end <= 1) return undefined
    rest = rest.slice(end).trimStart()
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1]
}

function doctypeEnd(text: string): number {
  const subset = text.indexOf('[')
  const close = text.indexOf('>')
  if (subset !== -1 && subset < close) return text.indexOf(']>', subset) + 2
  return close + 1
}

function stripTrailingMisc(body: string): string {
  let text = body.trimEnd()
  while (text.endsWith('-->')) text = text.slice(0, text.lastIndexOf('<!--')).trimEnd()
  return text
}

function clean<T extends Record<string, string | undefined>>(meta: T): T {
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(meta)) out[name] = value?.trim() || undefined
  return out as T
}
