/**
 * @module rss-feed
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the content, Dublin Core, Media RSS
 * and Atom (for rel=self) extensions.
 */
import type { FeedDocument, FeedEntry } from './feed-document.js'
import { cdata, escapeXml, escapeXmlHtmlText, rfc822Date, w3cDate } from './xml-text.js'

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

/** The feed as an RSS 2.0 document. */
export function renderRssFeed(feed: FeedDocument): string {
  const logo = feed.logoUrl
    ? `<image><url>${escapeXml(feed.logoUrl)}</url><title>${escapeXml(feed.title)}</title><link>${escapeXml(feed.homePageUrl)}</link></image>`
    : ''
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    `<title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(feed.homePageUrl)}</link>`,
    `<description>${escapeXmlHtmlText(feed.description)}</description>`,
    `<language>${escapeXml(feed.language.toLowerCase())}</language>`,
    `<atom:link href="${escapeXml(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    `<lastBuildDate>${rfc822Date(feed.updatedAt)}</lastBuildDate>`,
    '<generator>Broadsheet</generator>',
    logo,
    ...feed.items.map(renderItem),
    '</channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

function renderItem(entry: FeedEntry): string {
  const lines = [
    '<item>',
    `<title>${escapeXml(entry.title)}</title>`,
    `<link>${escapeXml(entry.url)}</link>`,
    `<guid isPermaLink="false">${escapeXml(entry.id)}</guid>`,
    `<pubDate>${rfc822Date(entry.publishedAt)}</pubDate>`,
    `<dcterms:modified>${w3cDate(entry.updatedAt)}</dcterms:modified>`,
    ...entry.authors.map((a) => `<dc:creator>${escapeXml(a.name)}</dc:creator>`),
    // Dublin Core's source: the resource this story is derived from (a wire story's original).
    ...(entry.basedOn ? [`<dc:source>${escapeXml(entry.basedOn)}</dc:source>`] : []),
    ...entry.categories.map(
      (c) => `<category domain="${escapeXml(c.scheme)}">${escapeXml(c.label)}</category>`,
    ),
    // RSS readers take a description as HTML; ours is plain text.
    `<description>${escapeXmlHtmlText(entry.summary)}</description>`,
  ]
  if (entry.contentHtml !== null)
    lines.push(`<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`)
  const image = entry.image
  if (image) {
    lines.push(
      `<enclosure url="${escapeXml(image.url)}" length="${image.length}" type="${escapeXml(image.type)}"/>`,
      `<media:content url="${escapeXml(image.url)}" medium="image" type="${escapeXml(image.type)}"${
        image.width ? ` width="${image.width}"` : ''
      }${image.height ? ` height="${image.height}"` : ''}>` +
        (image.alt ? `<media:description>${escapeXml(image.alt)}</media:description>` : '') +
        '</media:content>',
    )
  }
  lines.push('</item>')
  return lines.join('\n')
}
