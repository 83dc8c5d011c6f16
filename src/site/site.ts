/**
 * The reader site: builds the kit (`site-kit.ts`) and registers the route plugins that use it.
 * `app.ts` registers `site.routes`, `site.renderError` and `site.notFound`.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorPageRenderer } from '../http/error-handler.js'
import type { ChromeMemo } from './chrome-memo.js'
import { formRoutes } from './form.routes.js'
import { previewRoutes } from './preview.routes.js'
import { readerMailRoutes } from './reader-mail.routes.js'
import { searchRoutes } from './search.routes.js'
import { seoRoutes } from './seo.routes.js'
import { createSiteKit, type SiteKit, type SiteOptions } from './site-kit.js'
import { readerRoutes } from './site.routes.js'

export interface Site {
  kit: SiteKit
  routes: FastifyPluginAsync
  renderError: ErrorPageRenderer
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>
  /** Site chrome kept between renders; clear it on every page-cache purge. Null when off. */
  chrome: ChromeMemo | null
}

export async function createSite(options: SiteOptions): Promise<Site> {
  const kit = await createSiteKit(options)
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(readerRoutes, { kit })
    await app.register(formRoutes, { kit })
    await app.register(seoRoutes, { kit })
    await app.register(readerMailRoutes, { kit })
    await app.register(searchRoutes, { kit })
    await app.register(previewRoutes, { kit })
  }
  return {
    kit,
    routes,
    chrome: kit.chrome,
    renderError: (request, reply, status, message) =>
      kit.errorPage(request, reply, status, message),
    notFound: async (request, reply) => {
      if (!request.url.startsWith('/api/')) return kit.notFound(request, reply)
      await reply
        .status(404)
        .type('application/json; charset=utf-8')
        .send({ errors: [{ code: 'NOT_FOUND', message: 'Not found' }] })
      return reply
    },
  }
}
