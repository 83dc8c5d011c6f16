/** Sitemap index, per-month article sitemaps, taxonomy and page sitemaps, news sitemap, robots.txt. */
import type { FastifyPluginAsync } from 'fastify'
import { cacheTag } from '../cache/cache-tags.js'
import { sendWithValidators } from './conditional-get.js'
import type { FeedDeps } from './feed-document.js'
import {
  loadMonthSitemap,
  loadNewsSitemap,
  loadPagesSitemap,
  loadSitemapIndex,
  loadTargetSitemap,
  NEWS_SITEMAP,
  PAGES_SITEMAP,
  renderRobotsTxt,
  SITEMAP_INDEX,
  TARGET_SITEMAPS,
} from './sitemap-source.js'
import {
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlSet,
  XML_CONTENT_TYPE,
} from './sitemap-xml.js'

type MonthParams = { Params: { year: string; month: string; part?: string } }

const xml = { contentType: XML_CONTENT_TYPE }

export const sitemapRoutes: FastifyPluginAsync<FeedDeps> = async (app, deps) => {
  // Sitemaps change only when articles, sections, tags or pages do, and each of those writes
  // purges `sitemap` (or the implicit menu tag), so the page cache may keep them. The news
  // sitemap is not tagged: its 48-hour window moves with the clock, not with writes.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url
    if (route !== NEWS_SITEMAP && route !== '/robots.txt') request.cacheTags(cacheTag.sitemap)
  })

  app.get(SITEMAP_INDEX, async (request, reply) =>
    sendWithValidators(request, reply, renderSitemapIndex(await loadSitemapIndex(deps)), xml),
  )

  const month = async (request: { params: MonthParams['Params'] }) =>
    loadMonthSitemap(deps, {
      year: Number(request.params.year),
      month: Number(request.params.month),
      part: Number(request.params.part ?? '1'),
    })
  for (const path of [
    '/sitemap-articles-:year(^\\d{4})-:month(^\\d{2}).xml',
    '/sitemap-articles-:year(^\\d{4})-:month(^\\d{2})-:part(^\\d{1,4}).xml',
  ]) {
    app.get<MonthParams>(path, async (request, reply) => {
      const urls = await month(request)
      if (!urls) return reply.callNotFound()
      return sendWithValidators(request, reply, renderUrlSet(urls), xml)
    })
  }

  for (const [kind, path] of Object.entries(TARGET_SITEMAPS) as [
    keyof typeof TARGET_SITEMAPS,
    string,
  ][]) {
    app.get(path, async (request, reply) =>
      sendWithValidators(request, reply, renderUrlSet(await loadTargetSitemap(deps, kind)), xml),
    )
  }

  app.get(PAGES_SITEMAP, async (request, reply) =>
    sendWithValidators(request, reply, renderUrlSet(await loadPagesSitemap(deps)), xml),
  )

  app.get(NEWS_SITEMAP, async (request, reply) => {
    const news = await loadNewsSitemap(deps)
    return sendWithValidators(request, reply, renderNewsSitemap(news.urls, news.publication), xml)
  })

  app.get('/robots.txt', async (request, reply) =>
    sendWithValidators(request, reply, renderRobotsTxt(deps.publicUrl), {
      contentType: 'text/plain; charset=utf-8',
    }),
  )
}
