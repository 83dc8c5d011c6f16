/**
 * @module feed-links
 * What a page's `<head>` needs for feed discovery: one `<link rel="alternate">` per format.
 */
import { feedPath, type FeedFormat } from './feed-document.js'

export interface FeedLink {
  /** The MIME type for the link's `type` attribute. */
  type: string
  title: string
  /** Root-relative URL of the feed. */
  href: string
}

const FORMATS: { format: FeedFormat; type: string; label: string }[] = [
  { format: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', type: 'application/feed+json', label: 'JSON Feed' },
]

/**
 * Feed links for a page of the site, a section, a tag or an author, each titled with `name`.
 * @example
 * feedLinks('section', 'world', 'World – The Gazette')
 * // [{ type: 'application/rss+xml', title: 'World – The Gazette (RSS)', href: '/world/feed/' }, …]
 * // <link rel="alternate" type="application/rss+xml" title="…" href="/world/feed/">
 */
export function feedLinks(
  kind: 'site' | 'section' | 'tag' | 'author',
  slug = '',
  name = 'Feed',
): FeedLink[] {
  const scope = kind === 'site' ? ({ kind } as const) : { kind, slug }
  return FORMATS.map(({ format, type, label }) => ({
    type,
    title: `${name} (${label})`,
    href: feedPath(scope, format),
  }))
}
