/**
 * The newsroom, under /admin/. Every request in this scope gets `request.user` from the session
 * cookie; every state-changing request must carry a CSRF token and come from this origin; no
 * response may be stored by any cache.
 */
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { needsSetup } from '../auth/index.js'
import { registerCsrfProtection } from '../http/csrf.js'
import { registerSessions } from '../http/session.js'
import { accountRoutes } from './account.routes.js'
import { adminAssetRoutes } from './admin-assets.js'
import { ADMIN_CSS } from './admin-css.js'
import { formToken, sendPage, type AdminContext, type AdminOptions } from './admin-context.js'
import { handleAdminError } from './admin-errors.js'
import { articleRoutes } from './articles.routes.js'
import { commentsAdminRoutes } from './comments-admin.routes.js'
import { contactAdminRoutes } from './contact-admin.routes.js'
import { dashboardRoutes } from './dashboard.routes.js'
import { editorRoutes } from './editor.routes.js'
import { peopleRoutes } from './people.routes.js'
import { mediaRoutes } from './media.routes.js'
import { newsletterAdminRoutes } from './newsletter-admin.routes.js'
import { siteManageRoutes } from './site-manage.routes.js'
import { subscribersRoutes } from './subscribers.routes.js'
import { registerTwoFactorGate } from './two-factor-gate.js'
import { LoginPage, SetupPage } from './views/account.js'

export type { AdminOptions } from './admin-context.js'

export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const ctx: AdminContext = { deps: options.services, config: options.config }
  registerSessions(app, ctx.deps, { publicUrl: options.config.publicUrl })
  registerCsrfProtection(app)
  registerTwoFactorGate(app, ctx.deps)
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'private, no-store')
  })
  app.setErrorHandler(handleAdminError)

  app.get('/admin.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(ADMIN_CSS),
  )

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
  await app.register(mediaRoutes, ctx)
  await app.register(commentsAdminRoutes, ctx)
  await app.register(subscribersRoutes, ctx)
  await app.register(newsletterAdminRoutes, ctx)
  await app.register(contactAdminRoutes, ctx)
}
