/**
 * @module cache-tags
 * The one vocabulary of page-cache tags. A cached response carries a tag for everything it
 * shows; a write purges exactly the tags it touched. Build tags with `cacheTag.*`, never by hand.
 *
 * @example
 * request.cacheTags(cacheTag.home, cacheTag.section('world'), ...articles.map((a) => cacheTag.article(a.id)))
 */

/** Tag builders. Constants for singletons, functions for tags that name one thing. */
export const cacheTag = {
  /** A story: its page and every block/list that shows its headline. */
  article: (id: number): string => `article:${id}`,
  /** A section page (`/world/`) by category slug. */
  section: (slug: string): string => `section:${slug}`,
  /** A tag page (`/tag/russia/`). */
  tag: (slug: string): string => `tag:${slug}`,
  /** An author page, by user id. */
  author: (id: number): string => `author:${id}`,
  /** A static page (`/about/`) by slug. */
  page: (slug: string): string => `page:${slug}`,
  /** The front page. */
  home: 'home',
  /**
   * Pages that show "the newest stories" (sidebar Latest Posts, the Trending ticker's fallback):
   * purged when a story appears, disappears or changes its publication time.
   */
  latest: 'latest',
  /** Navigation menus (shown on every page). */
  menu: 'menu',
  /** Site settings: title, social links… (shown on every page). */
  settings: 'settings',
  /** RSS/Atom/JSON feeds. */
  feed: 'feed',
  /** Sitemaps. */
  sitemap: 'sitemap',
  /** Search result pages. */
  search: 'search',
  /** Content API answers (`/ghost/api/content/…`): any visible story change, or a key change. */
  api: 'api',
} as const

/** Tags every cached page carries implicitly: the chrome shows the menu and the settings. */
export const CHROME_TAGS: readonly string[] = [cacheTag.settings, cacheTag.menu]

const TAG_PATTERN = /^[a-z]+(:[^\s,]+)?$/

/** True for a tag that can travel in `Surrogate-Key` (space-separated) and `Cache-Tag` (commas). */
export function isValidCacheTag(tag: string): boolean {
  return TAG_PATTERN.test(tag)
}
