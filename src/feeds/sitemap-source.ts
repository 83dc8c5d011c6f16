/**
 * @module sitemap-source
 * What each sitemap lists, as absolute URLs with their last-modified times. Article URLs are
 * the canonical ones (`articlePath` in the site's time zone); months are UTC months.
 */
import {
  articlePath,
  findLatestPublication,
  listArchiveMonths,
  listMonthArticles,
  listNewsArticles,
  listSitemapPages,
  listSitemapTargets,
  SITEMAP_MAX_URLS,
} from '../content/index.js'
import { findSettings } from '../settings/index.js'
import { absoluteUrl, type FeedDeps } from './feed-document.js'
import { newsLanguage, type NewsUrl, type SitemapUrl } from './sitemap-xml.js'

export type TargetKind = 'section' | 'tag' | 'author'

export const TARGET_SITEMAPS: Record<TargetKind, string> = {
  section: '/sitemap-sections.xml',
  tag: '/sitemap-tags.xml',
  author: '/sitemap-authors.xml',
}
export const PAGES_SITEMAP = '/sitemap-pages.xml'
export const NEWS_SITEMAP = '/news-sitemap.xml'
export const SITEMAP_INDEX = '/sitemap.xml'

/** The path of one part of a month's article sitemap. */
export function monthSitemapPath(year: number, month: number, part = 1): string {
  const base = `/sitemap-articles-${year}-${String(month).padStart(2, '0')}`
  return part === 1 ? `${base}.xml` : `${base}-${part}.xml`
}

/** Every child sitemap; article months carry the last change of their stories. */
export async function loadSitemapIndex(deps: FeedDeps): Promise<{ loc: string; lastmod?: Date }[]> {
  const months = await listArchiveMonths(deps)
  const url = (path: string) => absoluteUrl(deps.publicUrl, path)
  const articleSitemaps = months.flatMap((m) =>
    Array.from({ length: Math.ceil(m.count / SITEMAP_MAX_URLS) }, (_, i) => ({
      loc: url(monthSitemapPath(m.year, m.month, i + 1)),
      lastmod: m.lastUpdatedAt,
    })),
  )
  return [
    { loc: url(PAGES_SITEMAP) },
    { loc: url(TARGET_SITEMAPS.section) },
    { loc: url(TARGET_SITEMAPS.tag) },
    { loc: url(TARGET_SITEMAPS.author) },
    ...articleSitemaps.reverse(),
  ]
}

/** One part of a month's stories with their featured images, or undefined when it is empty. */
export async function loadMonthSitemap(
  deps: FeedDeps,
  input: { year: number; month: number; part: number },
): Promise<SitemapUrl[] | undefined> {
  const [settings, articles] = await Promise.all([
    findSettings(deps),
    listMonthArticles(deps, input),
  ])
  return articles?.map((a) => ({
    loc: absoluteUrl(deps.publicUrl, articlePath(a, settings.timeZone)),
    lastmod: a.updatedAt,
    images: a.image ? [absoluteUrl(deps.publicUrl, a.image.url)] : [],
  }))
}

/** Sections, tags or authors that list stories; lastmod is when their newest story came out. */
export async function loadTargetSitemap(deps: FeedDeps, kind: TargetKind): Promise<SitemapUrl[]> {
  const prefix = kind === 'section' ? '/' : `/${kind}/`
  return (await listSitemapTargets(deps, kind)).map((entry) => ({
    loc: absoluteUrl(deps.publicUrl, `${prefix}${entry.slug}/`),
    lastmod: entry.lastChangedAt,
  }))
}

/** The front page (changed when the newest story came out) and the published static pages. */
export async function loadPagesSitemap(deps: FeedDeps): Promise<SitemapUrl[]> {
  const [latest, pages] = await Promise.all([findLatestPublication(deps), listSitemapPages(deps)])
  return [
    { loc: absoluteUrl(deps.publicUrl, '/'), ...(latest ? { lastmod: latest } : {}) },
    ...pages.map((page) => ({
      loc: absoluteUrl(deps.publicUrl, `/${page.slug}/`),
      lastmod: page.lastChangedAt,
    })),
  ]
}

/** Stories of the last 48 hours with the publication's name and language. */
export async function loadNewsSitemap(
  deps: FeedDeps,
): Promise<{ urls: NewsUrl[]; publication: { name: string; language: string } }> {
  const [settings, articles] = await Promise.all([findSettings(deps), listNewsArticles(deps)])
  return {
    publication: { name: settings.title, language: newsLanguage(settings.locale) },
    urls: articles.map((a) => ({
      loc: absoluteUrl(deps.publicUrl, articlePath(a, settings.timeZone)),
      title: a.title,
      publishedAt: a.publishedAt,
    })),
  }
}

/** robots.txt: crawl everything but the newsroom and search results; here are the sitemaps. */
export function renderRobotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin/',
    'Disallow: /search/',
    '',
    `Sitemap: ${absoluteUrl(publicUrl, SITEMAP_INDEX)}`,
    `Sitemap: ${absoluteUrl(publicUrl, NEWS_SITEMAP)}`,
    '',
  ].join('\n')
}
