/**
 * Generated RSS 2.0 feeds for polling tests and the bench (200 sources of 50 items): distinct
 * guids, links, dates, bylines, categories, a body with a relative image. The text is filler
 * written for this purpose.
 */

export interface SyntheticFeedOptions {
  /** Distinguishes sources: it appears in the title, host, guids and links. */
  name: string
  /** Default 50. */
  items?: number
  /** The newest item's date; older ones follow an hour apart. Default 2026-05-06 12:00 UTC. */
  newest?: Date
  /** Paragraphs per body. Default 4. */
  paragraphs?: number
  /** Start numbering items here, so a later version of the feed can carry new items. Default 0. */
  firstItem?: number
}

const PARAGRAPH =
  'The district council met on Tuesday evening to discuss the budget for the coming year, ' +
  'the repairs to the old bridge and the timetable for the new bus route; residents asked ' +
  'about the cost, the noise and when the works would start.'

/** An RSS 2.0 document with `items` items, newest first. */
export function syntheticFeed(options: SyntheticFeedOptions): string {
  const count = options.items ?? 50
  const newest = (options.newest ?? new Date('2026-05-06T12:00:00Z')).getTime()
  const first = options.firstItem ?? 0
  const host = `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`
  const body = Array.from({ length: options.paragraphs ?? 4 }, () => `<p>${PARAGRAPH}</p>`).join('')
  const items: string[] = []
  for (let i = first + count - 1; i >= first; i -= 1) {
    const date = new Date(newest - (first + count - 1 - i) * 3_600_000)
    items.push(`<item>
<title>${options.name} story ${i + 1}: council &amp; bridge</title>
<link>https://${host}/news/story-${i + 1}/?utm_source=rss</link>
<guid isPermaLink="false">${host}-${i + 1}</guid>
<pubDate>${date.toUTCString()}</pubDate>
<dc:creator>Reporter ${(i % 7) + 1}</dc:creator>
<category>Local</category>
<description><![CDATA[<p>${PARAGRAPH.slice(0, 120)}</p>]]></description>
<content:encoded><![CDATA[${body}<p><img src="/media/story-${i + 1}.jpg" alt="Story ${i + 1}"></p>]]></content:encoded>
</item>`)
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${options.name}</title>
<link>https://${host}/</link>
<description>Generated source ${options.name}</description>
${items.join('\n')}
</channel>
</rss>
`
}
