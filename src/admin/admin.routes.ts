/**
 * The newsroom, under /admin/. Every request in this scope gets `request.user` from the session
 * cookie; every state-changing request must carry a CSRF token and come from this origin; no
 * response may be stored by any cache.
 */
import { importRoutes } from './import.routes.js'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { can, needsSetup } from '../auth/index.js'
import { registerCsrfProtection } from '../http/csrf.js'
import { registerSessions } from '../http/session.js'
import { accountRoutes } from './account.routes.js'
import { adminAssetRoutes } from './admin-assets.js'
import { ADMIN_CSS_ASSET } from './admin-css.js'
import { siteFormats } from './locale-format.js'
import { findSettings } from '../settings/index.js'
import { formToken, sendPage, type AdminContext, type AdminOptions } from './admin-context.js'
import { handleAdminError } from './admin-errors.js'
import { articleRoutes } from './articles.routes.js'
import { commentsAdminRoutes } from './comments-admin.routes.js'
import { contactAdminRoutes } from './contact-admin.routes.js'
import { dashboardRoutes } from './dashboard.routes.js'
import { editorRoutes } from './editor.routes.js'
import { integrationsRoutes } from './integrations.routes.js'
import { peopleRoutes } from './people.routes.js'
import { mediaRoutes } from './media.routes.js'
import { newsletterAdminRoutes } from './newsletter-admin.routes.js'
import { siteManageRoutes } from './site-manage.routes.js'
import { subscribersRoutes } from './subscribers.routes.js'
import { wireRoutes } from './wire.routes.js'
import { countNewItems } from '../wire/index.js'
import { registerTwoFactorGate } from './two-factor-gate.js'
import { LoginPage, SetupPage } from './views/account.js'

export type { AdminOptions } from './admin-context.js'

export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const ctx: AdminContext = {
    deps: options.services,
    config: options.config,
    limiterFor: options.limiterFor,
  }
  registerSessions(app, ctx.deps, { publicUrl: options.config.publicUrl })
  registerCsrfProtection(app)
  registerTwoFactorGate(app, ctx.deps)
  app.addHook('onSend', async (_request, reply) => {
    // Only the hashed stylesheet may be kept (by this browser alone); nothing else is stored.
    if (!String(reply.getHeader('cache-control') ?? '').includes('immutable'))
      reply.header('cache-control', 'private, no-store')
  })
  // Every page shows the site's name and its dates in the site's locale and zone, and to those
  // who work the wire, how many items wait on its desk (one count over an index).
  app.addHook('preHandler', async (request) => {
    const settings = await findSettings(ctx.deps)
    const user = request.user
    const deskCount = user && can(user, 'wire.manage') ? await countNewItems(ctx.deps) : 0
    request.adminChrome = {
      path: request.url.split('?')[0] ?? '',
      siteTitle: settings.title,
      publicUrl: ctx.config.publicUrl,
      formats: siteFormats(settings),
      navCounts: { '/admin/wire': deskCount },
    }
  })
  app.setErrorHandler(handleAdminError)

  app.get<{ Querystring: { v?: string } }>('/admin.css', async (request, reply) => {
    const asset = ADMIN_CSS_ASSET
    if (request.query.v === asset.hash)
      reply.header('cache-control', 'private, max-age=31536000, immutable')
    const accepts = String(request.headers['accept-encoding'] ?? '')
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined
    reply.type('text/css; charset=utf-8').header('vary', 'accept-encoding')
    if (encoding) reply.header('content-encoding', encoding)
    return reply.send(encoding ? asset[encoding] : asset.body)
  })

  // The front door: first run → setup; signed out → sign in; signed in → dashboard.
  app.get('/', async (request, reply) => {
    if (await needsSetup(ctx.deps))
      return sendPage(reply, h(SetupPage, { csrf: formToken(request, reply) }))
    if (!request.user) return sendPage(reply, h(LoginPage, { csrf: formToken(request, reply) }))
    return reply.redirect('/admin/dashboard', 303)
  })

  await app.register(accountRoutes, ctx)
  await app.register(adminAssetRoutes)
  await app.register(articleRoutes, ctx)
  await app.register(editorRoutes, ctx)
  await app.register(dashboardRoutes, ctx)
  await app.register(siteManageRoutes, ctx)
  await app.register(peopleRoutes, ctx)
  await app.register(integrationsRoutes, ctx)
  await app.register(mediaRoutes, ctx)
  await app.register(commentsAdminRoutes, ctx)
  await app.register(subscribersRoutes, ctx)
  await app.register(newsletterAdminRoutes, ctx)
  await app.register(contactAdminRoutes, ctx)
  await app.register(wireRoutes, ctx)
  await app.register(importRoutes, ctx)
}
