/**
 * The reader site's kit, built once at start-up: theme (with THEME_DIR overrides), assets, and
 * the helpers every route shares (site view, rendering, not-found with redirects, error pages).
 * Route plugins receive it; `site.ts` registers them.
 */
import cluster from 'node:cluster'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { RateLimiter, type RateLimits } from '../comments/index.js'
import type { Config } from '../config.js'
import { findRedirect, listNewestArticles } from '../content/index.js'
import { redirectWithin } from '../http/safe-redirect.js'
import type { Services } from '../services.js'
import { siteSecret } from '../settings/index.js'
import { ChromeMemo } from './chrome-memo.js'
import { loadImageVariants } from './render/image-variants.js'
import { pageCacheTags } from './render/page-cache-tags.js'
import { renderDocument, sendHtml, type SendOptions } from './render/site-render.js'
import type { TemplateRequest } from './render/templates.js'
import { loadTheme, type Theme } from './render/theme-loader.js'
import { loadSiteAssets, type SiteAssets } from './site-assets.js'
import { CRITICAL_FONT } from './site-fonts.js'
import { loadSiteView, type SiteDeps } from './site-view.js'
import type { TemplateKind, TemplateProps } from './theme/pages/templates.js'
import type { SiteView } from './theme/site-view.js'

export interface SiteKit {
  deps: SiteDeps
  theme: Theme
  assets: SiteAssets
  /** Site chrome kept between renders; clear it on every page-cache purge. Null when off. */
  chrome: ChromeMemo | null
  view(request: FastifyRequest): Promise<SiteView>
  render<K extends TemplateKind>(
    reply: FastifyReply,
    view: SiteView,
    request: TemplateRequest & { kind: K },
    props: TemplateProps<K>,
    options?: SendOptions,
  ): Promise<FastifyReply>
  /** Answer a miss: a stored redirect, a missing trailing slash, or the themed 404 page. */
  notFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>
  /** Render the themed error page for `status` (4xx/5xx). */
  errorPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    message: string,
  ): Promise<FastifyReply>
}

/** What the site is built from: the app's services and its configuration. */
export type SiteOptions = Services & {
  config: Config
  /** Rate-limit counters keyed with `secret`: shared through Redis, or this process's memory. */
  limiterFor?: ((secret: string) => RateLimits) | undefined
}

/** How long chrome that changes without a write (Trending follows views) may be reused. */
export const CHROME_TTL_MS = 60_000

export async function createSiteKit(options: SiteOptions): Promise<SiteKit> {
  const secret = await siteSecret(options)
  // Kept only where every write is heard: this process alone, or purges travelling between
  // processes (they do when the page cache is on: cluster IPC or Redis).
  const { config } = options
  const hearsAllWrites = config.pageCache || !(cluster.isWorker || config.redisUrl)
  const chrome = hearsAllWrites ? new ChromeMemo(options.clock, CHROME_TTL_MS) : null
  const { config: _config, limiterFor, ...services } = options
  const deps: SiteDeps = {
    ...services,
    chrome: chrome ?? undefined,
    index: options.search,
    secret,
    limiter: limiterFor?.(secret) ?? new RateLimiter(secret),
  }
  const theme = await loadTheme(config.themeDir)
  const assets = loadSiteAssets(theme.css)
  const assetUrls = {
    css: assets['site.css'].url,
    js: assets['site.js'].url,
    icon: assets['favicon.svg'].url,
    touchIcon: assets['apple-touch-icon.png'].url,
    logo: assets['icon-512.png'].url,
    manifest: '/manifest.webmanifest',
    font: assets[CRITICAL_FONT].url,
    labelFont: assets['sans.woff2'].url,
  }

  const kit: SiteKit = {
    deps,
    theme,
    assets,
    chrome,
    view: (request) =>
      loadSiteView(deps, { path: pathOf(request), publicUrl: config.publicUrl, assets: assetUrls }),
    render: async (reply, view, request, props, sendOptions) => {
      if ((sendOptions?.cache ?? 'reader') === 'reader') {
        reply.request.cacheTags(...pageCacheTags(request, { props, trending: view.trending }))
      }
      const images = await loadImageVariants(deps, props)
      return sendHtml(reply, renderDocument(theme, view, request, props, images), sendOptions)
    },
    notFound: async (request, reply) => {
      const path = pathOf(request)
      const redirect = await findRedirect(deps, path)
      const target = redirect
        ? redirect.toPath + queryOf(request)
        : !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)
          ? `${path}/${queryOf(request)}`
          : undefined
      // `//host/x` or `/\host` would send the reader off-site: those get the 404 page instead.
      const sent = target && redirectWithin(reply, target, redirect?.statusCode ?? 301)
      if (sent) return sent
      return kit.errorPage(request, reply.status(404), 404, 'Not found')
    },
    errorPage: async (request, reply, status, message) => {
      reply.status(status)
      try {
        const view = await kit.view(request)
        const latest = status === 404 || status === 410 ? await listNewestArticles(deps, 6) : []
        // Awaited, so a failed render falls back to the plain page below.
        return await kit.render(
          reply,
          view,
          { kind: 'error', status },
          { status, message, latest },
          { cache: status === 404 || status === 410 ? 'reader' : 'none' },
        )
      } catch (error) {
        // The database may be what failed: answer with a page that needs nothing.
        request.log.error({ err: error }, 'error page failed to render')
        return sendHtml(reply, plainErrorPage(status), { cache: 'none' })
      }
    },
  }
  return kit
}

export function pathOf(request: FastifyRequest): string {
  const url = request.url
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

function queryOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?')
  return q === -1 ? '' : request.url.slice(q)
}

function plainErrorPage(status: number): string {
  const title =
    status === 503
      ? 'Back in a moment'
      : status >= 500
        ? 'Something went wrong'
        : 'Something is not quite right'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>Please try again in a moment.</p><p><a href="/">Go to the front page</a></p></main></body></html>`
}
