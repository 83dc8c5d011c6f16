/**
 * Feeds, sitemaps and robots.txt: how search engines, news aggregators and feed readers find
 * the site's stories.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Config } from '../config.js'
import type { Services } from '../services.js'
import { feedRoutesOnly } from './feed.routes.js'
import { sitemapRoutes } from './sitemap.routes.js'

export interface FeedRoutesOptions {
  services: Services
  config: Config
}

/**
 * Register `/feed/`, `/feed.atom`, `/feed.json` (and the same under `/:section/`, `/tag/:slug/`,
 * `/author/:slug/`), `/sitemap.xml` and its children, `/news-sitemap.xml` and `/robots.txt`.
 * @example await app.register(feedRoutes, { services, config })
 */
export const feedRoutes: FastifyPluginAsync<FeedRoutesOptions> = async (app, options) => {
  const deps = { ...options.services, publicUrl: options.config.publicUrl }
  await app.register(feedRoutesOnly, deps)
  await app.register(sitemapRoutes, deps)
}

/**
 * `<link rel="alternate">` data for feed discovery in a page's `<head>`.
 * @example feedLinks('tag', 'budget', 'Budget – The Gazette')
 */
export { feedLinks, type FeedLink } from './feed-links.js'
