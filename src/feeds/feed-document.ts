/**
 * @module feed-document
 * One format-neutral description of a feed, built from content and settings: absolute URLs,
 * stable ids, the body or the excerpt. The RSS, Atom and JSON Feed writers only serialize it.
 */
import {
  articlePath,
  listFeedArticles,
  type FeedArticle,
  type FeedListing,
  type FeedScope,
} from '../content/index.js'
import type { Kernel } from '../kernel.js'
import { findSettings, type SiteSettings } from '../settings/index.js'

export interface FeedDeps extends Pick<Kernel, 'db' | 'clock'> {
  publicUrl: string
}

export type FeedFormat = 'rss' | 'atom' | 'json'

export interface FeedDocument {
  title: string
  description: string
  language: string
  siteTitle: string
  homePageUrl: string
  /** This feed's URL in each format. */
  feedUrls: Record<FeedFormat, string>
  logoUrl: string | null
  /** When the newest item changed; the Atom feed's `updated`. */
  updatedAt: Date
  /** For the HTTP Last-Modified header. */
  lastModified: Date | null
  items: FeedEntry[]
}

export interface FeedEntry {
  /** Never changes: made from the article's id and creation date, not its slug or title. */
  id: string
  url: string
  title: string
  summary: string
  /** The whole body with absolute URLs, or null when the site publishes excerpts only. */
  contentHtml: string | null
  /** The original elsewhere this story is based on (a wire story), or null. */
  basedOn: string | null
  publishedAt: Date
  updatedAt: Date
  authors: { name: string; url: string; avatarUrl: string | null }[]
  categories: { term: string; label: string; scheme: string }[]
  image: {
    url: string
    type: string
    length: number
    width: number | null
    height: number | null
    alt: string
  } | null
}

/** The items a feed carries. */
export const FEED_ITEMS = 20

/** The feed for `scope`, or undefined when its section, tag or author does not exist. */
export async function loadFeed(
  deps: FeedDeps,
  scope: FeedScope,
): Promise<FeedDocument | undefined> {
  const [settings, listing] = await Promise.all([
    findSettings(deps),
    listFeedArticles(deps, scope, FEED_ITEMS),
  ])
  return listing && toFeedDocument(listing, settings, deps.publicUrl)
}

/** The site path of a scope's HTML page: `/`, `/world/`, `/tag/budget/`, `/author/ada/`. */
export function scopePath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'site':
      return '/'
    case 'section':
      return `/${scope.slug}/`
    case 'tag':
      return `/tag/${scope.slug}/`
    case 'author':
      return `/author/${scope.slug}/`
  }
}

/** The path of a scope's feed in one format: `/world/feed/`, `/world/feed.atom`, `/world/feed.json`. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const base = scopePath(scope)
  return format === 'rss' ? `${base}feed/` : `${base}feed.${format}`
}

/** An absolute URL for a root-relative path or URL; absolute URLs pass through. */
export function absoluteUrl(publicUrl: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url
  return `${publicUrl}${url.startsWith('/') ? '' : '/'}${url}`
}

function toFeedDocument(
  listing: FeedListing,
  settings: SiteSettings,
  publicUrl: string,
): FeedDocument {
  const scope = listing.scope
  const url = (path: string) => absoluteUrl(publicUrl, path)
  const newest = Math.max(0, ...listing.items.map((i) => i.updatedAt.getTime()))
  return {
    title: listing.name ? `${listing.name} – ${settings.title}` : settings.title,
    description: listing.description || settings.description,
    language: settings.locale,
    siteTitle: settings.title,
    homePageUrl: url(scopePath(scope)),
    feedUrls: {
      rss: url(feedPath(scope, 'rss')),
      atom: url(feedPath(scope, 'atom')),
      json: url(feedPath(scope, 'json')),
    },
    logoUrl: settings.logoUrl ? url(settings.logoUrl) : null,
    updatedAt: new Date(newest),
    lastModified: listing.lastChangedAt,
    items: listing.items.map((article) => toEntry(article, settings, publicUrl)),
  }
}

function toEntry(article: FeedArticle, settings: SiteSettings, publicUrl: string): FeedEntry {
  const url = (path: string) => absoluteUrl(publicUrl, path)
  const image = article.image
  return {
    id: articleFeedId(publicUrl, article),
    url: url(articlePath(article, settings.timeZone)),
    title: article.title,
    summary: article.standfirst || article.excerpt,
    contentHtml:
      settings.feedContent === 'excerpt' ? null : absolutizeHtml(article.bodyHtml, publicUrl),
    basedOn:
      /^https?:\/\//i.test(article.canonicalUrl) &&
      !article.canonicalUrl.startsWith(`${publicUrl}/`)
        ? article.canonicalUrl
        : null,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    authors: article.authors.map((a) => ({
      name: a.name,
      url: url(`/author/${a.slug}/`),
      avatarUrl: a.avatarUrl ? url(a.avatarUrl) : null,
    })),
    categories: [
      ...article.categories.map((c) => ({ term: c.slug, label: c.name, scheme: url('/') })),
      ...article.tags.map((t) => ({ term: t.slug, label: t.name, scheme: url('/tag/') })),
    ],
    image: image && {
      url: url(image.url),
      type: image.mimeType,
      length: image.bytes,
      width: image.width,
      height: image.height,
      alt: image.alt,
    },
  }
}

/**
 * The feed id of an article: a tag URI (RFC 4151) from the site's host, the day the article was
 * created and its numeric id. Editing, retitling, re-slugging or re-dating the story keeps it.
 * @example articleFeedId('https://news.example', { id: 42, createdAt }) // 'tag:news.example,2026-11-27:article:42'
 */
export function articleFeedId(
  publicUrl: string,
  article: Pick<FeedArticle, 'id' | 'createdAt'>,
): string {
  const host = new URL(publicUrl).hostname
  return `tag:${host},${article.createdAt.toISOString().slice(0, 10)}:article:${article.id}`
}

/** Root-relative `src` and `href` attributes made absolute, so feed readers can follow them. */
export function absolutizeHtml(html: string, publicUrl: string): string {
  return html.replace(
    /(\s(?:src|href|poster)=)(["'])\/(?!\/)/gi,
    (_match, attribute: string, quote: string) => `${attribute}${quote}${publicUrl}/`,
  )
}
