/**
 * @module json-feed
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).
 */
import type { FeedDocument, FeedEntry } from './feed-document.js'
import { stripInvalidXmlChars } from './xml-text.js'

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8'

/** The feed as a JSON Feed 1.1 document. */
export function renderJsonFeed(feed: FeedDocument): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    ...(feed.logoUrl ? { icon: feed.logoUrl } : {}),
    authors: [{ name: feed.siteTitle, url: feed.homePageUrl }],
    items: feed.items.map(toItem),
  })
}

function toItem(entry: FeedEntry): Record<string, unknown> {
  return {
    id: entry.id,
    url: entry.url,
    // JSON Feed's link to the page elsewhere that the item is about (a wire story's original).
    ...(entry.basedOn ? { external_url: entry.basedOn } : {}),
    title: entry.title,
    summary: entry.summary,
    // The same text rules as the XML feeds, so every format carries the same story.
    ...(entry.contentHtml !== null
      ? { content_html: stripInvalidXmlChars(entry.contentHtml) }
      : { content_text: entry.summary }),
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: entry.publishedAt.toISOString(),
    date_modified: entry.updatedAt.toISOString(),
    authors: entry.authors.map((a) => ({
      name: a.name,
      url: a.url,
      ...(a.avatarUrl ? { avatar: a.avatarUrl } : {}),
    })),
    tags: entry.categories.map((c) => c.label),
  }
}
