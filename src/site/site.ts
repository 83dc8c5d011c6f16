/**
 * The reader site: builds the kit (`site-kit.ts`) and registers the route plugins that use it.
 * `app.ts` registers `site.routes`, `site.renderError` and `site.notFound`.
 */
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorPageRenderer } from '../http/error-handler.js'
import type { ChromeMemo } from './chrome-memo.js'
import { formRoutes } from './form.routes.js'
import { previewRoutes } from './preview.routes.js'
import { readerMailRoutes } from './reader-mail.routes.js'
import { searchRoutes } from './search.routes.js'
import { seoRoutes } from './seo.routes.js'
import { createSiteKit, pathOf, type SiteKit, type SiteOptions } from './site-kit.js'
import { readerRoutes } from './site.routes.js'

export interface Site {
  kit: SiteKit
  routes: FastifyPluginAsync
  renderError: ErrorPageRenderer
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>
  /** Fastify's `frameworkErrors`: a bad URL or over-long parameter, before any route. */
  frameworkError: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void
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
      if (isApi(request)) return sendJsonError(reply, 404, 'NOT_FOUND', 'Not found')
      const allowed = allowedMethods(request)
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        reply.header('allow', allowed.join(', '))
        return kit.errorPage(request, reply, 405, 'This address does not take that request.')
      }
      return kit.notFound(request, reply)
    },
    frameworkError: (error, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400
      const message = 'That address is not valid. Check it for stray characters.'
      if (isApi(request)) void sendJsonError(reply, status, error.code, message)
      else void kit.errorPage(request, reply, status, message)
    },
  }
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/')
}

async function sendJsonError(reply: FastifyReply, status: number, code: string, message: string) {
  await reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ code, message }] })
  return reply
}

/** Methods some route answers at this path (GET implies HEAD). Empty when nothing matches. */
function allowedMethods(request: FastifyRequest): string[] {
  const url = pathOf(request)
  return ['GET', 'HEAD', 'POST'].filter(
    (method) => request.server.findRoute({ method, url }) !== null,
  )
}
