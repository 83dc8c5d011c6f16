/**
 * The four feed formats, each read into one shape (`FeedEntry`) before normalising. Only what a
 * story needs is taken; which field wins when a feed carries several is decided here.
 */
import type { AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith'
import { escapeHtml } from '../content/index.js'

export interface FeedEntry {
  guid: string | undefined
  link: string | undefined
  /** The URL relative links in this entry are resolved against (xml:base, else the link). */
  base: string | undefined
  /** The title as HTML (RSS titles often carry entities and markup); undefined when absent. */
  titleHtml: string | undefined
  published: string | undefined
  updated: string | undefined
  authors: string[]
  categories: string[]
  summaryHtml: string | undefined
  contentHtml: string | undefined
  /** Image candidates in order of preference: declared, media:content, media:thumbnail, enclosure. */
  images: string[]
}

type Rss = RssFeed.Feed<string>
type RssItem = RssFeed.Item<string>
type Media = MediaNs.ItemOrFeed | undefined

export function rssEntries(feed: Rss, feedUrl: string): FeedEntry[] {
  return (feed.items ?? []).map((item: RssItem) => {
    const guid = item.guid?.value?.trim() || undefined
    const permalink = item.guid?.isPermaLink !== false && guid && /^https?:\/\//i.test(guid)
    const link = resolve(item.link?.trim() || (permalink ? guid : undefined), feedUrl)
    const encoded = item.content?.encoded
    return {
      guid,
      link,
      base: item.xml?.base ?? link ?? feedUrl,
      titleHtml: item.title,
      published: item.pubDate ?? item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0],
      updated: item.dcterms?.modified?.[0] ?? item.atom?.updated,
      authors: nonEmpty([...(item.dc?.creators ?? []), ...(item.authors ?? []).map((a) => a.name)]),
      categories: nonEmpty([
        ...(item.categories ?? []).map((c) => c.name),
        ...(item.dc?.subjects ?? []),
      ]),
      summaryHtml: encoded ? item.description : undefined,
      contentHtml: encoded ?? item.description,
      images: [...mediaImages(item.media), ...enclosureImages(item.enclosures)],
    }
  })
}

export function rdfEntries(feed: RdfFeed.Feed<string>, feedUrl: string): FeedEntry[] {
  return (feed.items ?? []).map((item) => {
    const link = resolve(item.link?.trim() || item.rdf?.about, feedUrl)
    const encoded = item.content?.encoded
    return {
      guid: item.rdf?.about?.trim() || undefined,
      link,
      base: item.xml?.base ?? link ?? feedUrl,
      titleHtml: item.title,
      published: item.dc?.dates?.[0],
      updated: item.dcterms?.modified?.[0],
      authors: nonEmpty(item.dc?.creators ?? []),
      categories: nonEmpty(item.dc?.subjects ?? []),
      summaryHtml: encoded ? item.description : undefined,
      contentHtml: encoded ?? item.description,
      images: mediaImages(item.media),
    }
  })
}

export function atomEntries(feed: AtomFeed.Feed<string>, feedUrl: string): FeedEntry[] {
  const feedBase = resolve(feed.xml?.base, feedUrl) ?? feedUrl
  const feedAuthors = nonEmpty((feed.authors ?? []).map((a) => a.name))
  return (feed.entries ?? []).map((entry) => {
    const entryBase = resolve(entry.xml?.base, feedBase) ?? feedBase
    const alternate =
      entry.links?.find(
        (l) => (l.rel ?? 'alternate') === 'alternate' && /html/.test(l.type ?? 'html'),
      ) ?? entry.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')
    const link = resolve(alternate?.href, entryBase)
    const enclosures = (entry.links ?? [])
      .filter((l) => l.rel === 'enclosure' && /^image\//.test(l.type ?? ''))
      .map((l) => resolve(l.href, entryBase))
    const authors = nonEmpty((entry.authors ?? []).map((a) => a.name))
    return {
      guid: entry.id?.trim() || undefined,
      link,
      base: resolve(entry.content?.xml?.base, entryBase) ?? entryBase,
      titleHtml: atomHtml(entry.title),
      published: entry.published ?? entry.updated,
      updated: entry.updated,
      // RFC 4287 §4.2.1: an entry without an author has the feed's.
      authors: authors.length > 0 ? authors : feedAuthors,
      categories: nonEmpty((entry.categories ?? []).map((c) => c.label || c.term)),
      summaryHtml: atomHtml(entry.summary),
      contentHtml: entry.content?.src ? undefined : atomHtml(entry.content),
      images: nonEmpty([...mediaImages(entry.media), ...enclosures]),
    }
  })
}

export function jsonEntries(feed: JsonFeed.Feed<string>, feedUrl: string): FeedEntry[] {
  const feedAuthors = nonEmpty((feed.authors ?? []).map((a) => a.name))
  return (feed.items ?? []).map((item) => {
    const link = resolve(item.url ?? item.external_url, feedUrl)
    const authors = nonEmpty((item.authors ?? []).map((a) => a.name))
    const attachments = (item.attachments ?? [])
      .filter((a) => /^image\//.test(a.mime_type ?? ''))
      .map((a) => resolve(a.url, link ?? feedUrl))
    return {
      guid:
        item.id === undefined || item.id === null ? undefined : String(item.id).trim() || undefined,
      link,
      base: link ?? feedUrl,
      titleHtml: item.title === undefined ? undefined : escapeHtml(item.title),
      published: item.date_published ?? item.date_modified,
      updated: item.date_modified,
      // JSON Feed 1.1: an item without authors has the feed's.
      authors: authors.length > 0 ? authors : feedAuthors,
      categories: nonEmpty(item.tags ?? []),
      // `summary` is plain text in JSON Feed; `content_text` too.
      summaryHtml: item.summary === undefined ? undefined : escapeHtml(item.summary),
      contentHtml:
        item.content_html ??
        (item.content_text === undefined ? undefined : textToHtml(item.content_text)),
      images: nonEmpty([
        resolve(item.image, link ?? feedUrl),
        resolve(item.banner_image, link ?? feedUrl),
        ...attachments,
      ]),
    }
  })
}

/** Atom text constructs: `text` is plain and must be escaped; `html` and `xhtml` are markup. */
function atomHtml(text: { value?: string; type?: string } | undefined): string | undefined {
  if (text?.value === undefined) return undefined
  return text.type === 'html' || text.type === 'xhtml' ? text.value : escapeHtml(text.value)
}

/** Plain text as paragraphs: blank lines split paragraphs, single newlines become <br>. */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

function mediaImages(media: Media): string[] {
  if (!media) return []
  const contents = [
    ...(media.contents ?? []),
    ...(media.groups ?? []).flatMap((g) => g.contents ?? []),
  ]
  const images = contents.filter(
    (c) =>
      c.medium === 'image' ||
      /^image\//.test(c.type ?? '') ||
      (!c.medium && !c.type && isImageUrl(c.url)),
  )
  const thumbnails = [
    ...(media.thumbnails ?? []),
    ...contents.flatMap((c) => c.thumbnails ?? []),
    ...(media.groups ?? []).flatMap((g) => g.thumbnails ?? []),
  ]
  return nonEmpty([...images.map((c) => c.url), ...thumbnails.map((t) => t.url)])
}

function enclosureImages(enclosures: RssItem['enclosures']): string[] {
  return nonEmpty((enclosures ?? []).filter((e) => /^image\//.test(e.type ?? '')).map((e) => e.url))
}

function isImageUrl(url: string | undefined): boolean {
  return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? '')
}

function resolve(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url.trim(), base).href
  } catch {
    return undefined
  }
}

function nonEmpty(values: (string | undefined | null)[]): string[] {
  return values.map((v) => v?.trim() ?? '').filter((v) => v !== '')
}
