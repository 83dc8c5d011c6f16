/**
 * @module atom-feed
 * Atom 1.0 (RFC 4287) with Media RSS for the featured image.
 */
import type { FeedDocument, FeedEntry } from './feed-document.js'
import { escapeXml, w3cDate } from './xml-text.js'

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

/** The feed as an Atom 1.0 document. */
export function renderAtomFeed(feed: FeedDocument): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${escapeXml(feed.language)}">`,
    `<id>${escapeXml(feed.feedUrls.atom)}</id>`,
    `<title type="text">${escapeXml(feed.title)}</title>`,
    `<subtitle type="text">${escapeXml(feed.description)}</subtitle>`,
    `<updated>${w3cDate(feed.updatedAt)}</updated>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.homePageUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrls.atom)}"/>`,
    // RFC 4287 §4.1.1: a feed needs an author unless every entry has one.
    `<author><name>${escapeXml(feed.siteTitle)}</name></author>`,
    '<generator>Broadsheet</generator>',
    feed.logoUrl ? `<logo>${escapeXml(feed.logoUrl)}</logo>` : '',
    ...feed.items.map(renderEntry),
    '</feed>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

function renderEntry(entry: FeedEntry): string {
  const lines = [
    '<entry>',
    `<id>${escapeXml(entry.id)}</id>`,
    `<title type="text">${escapeXml(entry.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    // The original elsewhere this story is based on (a wire story).
    ...(entry.basedOn ? [`<link rel="related" href="${escapeXml(entry.basedOn)}"/>`] : []),
    `<published>${w3cDate(entry.publishedAt)}</published>`,
    `<updated>${w3cDate(entry.updatedAt)}</updated>`,
    ...entry.authors.map(
      (a) => `<author><name>${escapeXml(a.name)}</name><uri>${escapeXml(a.url)}</uri></author>`,
    ),
    ...entry.categories.map(
      (c) =>
        `<category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}" scheme="${escapeXml(c.scheme)}"/>`,
    ),
    `<summary type="text">${escapeXml(entry.summary)}</summary>`,
  ]
  if (entry.contentHtml !== null)
    lines.push(`<content type="html">${escapeXml(entry.contentHtml)}</content>`)
  const image = entry.image
  if (image) {
    lines.push(
      `<link rel="enclosure" type="${escapeXml(image.type)}" length="${image.length}" href="${escapeXml(image.url)}"/>`,
      `<media:content url="${escapeXml(image.url)}" medium="image" type="${escapeXml(image.type)}"${
        image.width ? ` width="${image.width}"` : ''
      }${image.height ? ` height="${image.height}"` : ''}/>`,
    )
  }
  lines.push('</entry>')
  return lines.join('\n')
}
