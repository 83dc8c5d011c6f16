/**
 * Feed autodiscovery: the feeds a web page announces with
 * `<link rel="alternate" type="application/rss+xml" href="…">` (and the Atom and JSON Feed types).
 */
import { Parser } from 'htmlparser2'
import { webAddress } from './item-link.js'

export type DiscoveredFormat = 'rss' | 'atom' | 'json'

export interface DiscoveredFeed {
  /** Absolute URL, resolved against the page (or its `<base href>`). */
  url: string
  format: DiscoveredFormat
  title: string | undefined
}

const TYPES: Record<string, DiscoveredFormat> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
}

/**
 * The feeds `html` announces, in page order with comment feeds last (a WordPress home page lists
 * "Comments Feed" after the posts feed; the posts feed is the one wanted).
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const links: Record<string, string>[] = []
  let base = pageUrl
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'base' && attribs.href) base = webAddress(attribs.href, pageUrl) ?? base
        if (name === 'link') links.push(attribs)
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  )
  parser.end(html)
  const found = new Map<string, DiscoveredFeed>()
  for (const link of links) {
    const rel = (link.rel ?? '').toLowerCase().split(/\s+/)
    const format = TYPES[(link.type ?? '').toLowerCase().split(';')[0]!.trim()]
    const url = link.href ? webAddress(link.href, base) : undefined
    if (!rel.includes('alternate') || !format || !url || found.has(url)) continue
    found.set(url, { url, format, title: link.title?.trim() || undefined })
  }
  const feeds = [...found.values()]
  return [...feeds.filter((f) => !isCommentFeed(f)), ...feeds.filter(isCommentFeed)]
}

function isCommentFeed(feed: DiscoveredFeed): boolean {
  return /comments?\b/i.test(feed.title ?? '') || /\/comments?\//i.test(feed.url)
}
