/**
 * @module sitemap-xml
 * Sitemaps (https://www.sitemaps.org/protocol.html) with Google's image and news extensions.
 */
import { escapeXml, w3cDate } from './xml-text.js'

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

export interface SitemapUrl {
  loc: string
  lastmod?: Date
  images?: string[]
}

export interface NewsUrl {
  loc: string
  title: string
  publishedAt: Date
}

/** A sitemap index listing child sitemaps. */
export function renderSitemapIndex(sitemaps: { loc: string; lastmod?: Date }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...sitemaps.map(
      (s) => `<sitemap><loc>${escapeXml(s.loc)}</loc>${lastmod(s.lastmod)}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n')
}

/** A URL set, with `<image:image>` entries where a URL has images. */
export function renderUrlSet(urls: SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">`,
    ...urls.map(
      (u) =>
        `<url><loc>${escapeXml(u.loc)}</loc>${lastmod(u.lastmod)}${(u.images ?? [])
          .map((image) => `<image:image><image:loc>${escapeXml(image)}</image:loc></image:image>`)
          .join('')}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')
}

/** A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function renderNewsSitemap(
  urls: NewsUrl[],
  publication: { name: string; language: string },
): string {
  const name = escapeXml(publication.name)
  const language = escapeXml(publication.language)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
    ...urls.map(
      (u) =>
        `<url><loc>${escapeXml(u.loc)}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication><news:publication_date>${w3cDate(u.publishedAt)}</news:publication_date><news:title>${escapeXml(u.title)}</news:title></news:news></url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')
}

/**
 * Google News wants an ISO 639 language code: `en` for `en-GB`, except Chinese, which is
 * `zh-cn` or `zh-tw`.
 */
export function newsLanguage(locale: string): string {
  const [language = 'en', region = ''] = locale.toLowerCase().split(/[-_]/)
  if (language === 'zh') return ['tw', 'hk', 'mo', 'hant'].includes(region) ? 'zh-tw' : 'zh-cn'
  return language
}

function lastmod(date: Date | undefined): string {
  return date ? `<lastmod>${w3cDate(date)}</lastmod>` : ''
}
