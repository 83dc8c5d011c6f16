/** Settings → Integrations: create API clients, regenerate their keys, delete them (admins). */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import type { Role } from '../auth/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, pageRoute, text } from '../http/form-schema.js'
import {
  createIntegration,
  deleteIntegration,
  listIntegrations,
  rotateIntegrationKey,
} from '../integrations/index.js'
import {
  actorOf,
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { statusOf } from './admin-errors.js'
import { IntegrationsPage } from './views/integrations.js'

const NOTICES: Record<string, string> = {
  created: 'Integration created. Copy its keys into the app that will use them.',
  rotated: 'Key regenerated: the old one no longer works.',
  deleted: 'Integration deleted: its keys no longer work.',
}

const CreateBody = Type.Object({
  name: text(120),
  role: text(20),
  _csrf: Type.Optional(text(200)),
})
const RotateBody = Type.Object({
  key: Type.Union([Type.Literal('content'), Type.Literal('admin')]),
  _csrf: Type.Optional(text(200)),
})
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })

export const integrationsRoutes: FastifyPluginAsync<AdminContext> = async (app, { deps }) => {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; error?: string; status?: number } = {},
  ) => {
    const user = requireUser(request)
    requirePermission(user, 'integrations.manage')
    const integrations = await listIntegrations(deps)
    const page = h(IntegrationsPage, {
      user,
      csrf: formToken(request, reply),
      integrations,
      notice: extra.notice,
      error: extra.error,
    })
    return sendPage(reply, page, extra.status)
  }

  app.get<{ Querystring: { done?: string } }>(
    '/integrations',
    pageRoute({ querystring: Type.Object({ done: Type.Optional(text(20)) }) }),
    async (request, reply) => show(request, reply, { notice: NOTICES[request.query.done ?? ''] }),
  )

  app.post('/integrations', formRoute({ body: CreateBody }), async (request, reply) => {
    try {
      assertForm(request)
      await createIntegration(deps, actorOf(request), {
        name: field(request, 'name'),
        role: field(request, 'role') as Role,
      })
      return seeOther(reply, '/admin/integrations?done=created')
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
      return show(request, reply, { error: error.message, status: statusOf(error) })
    }
  })

  app.post<{ Params: { id: number } }>(
    '/integrations/:id/rotate',
    formRoute({ params: IdParams, body: RotateBody }),
    async (request, reply) => {
      assertForm(request)
      const which = field(request, 'key') === 'admin' ? 'admin' : 'content'
      await rotateIntegrationKey(deps, actorOf(request), request.params.id, which)
      return seeOther(reply, '/admin/integrations?done=rotated')
    },
  )

  app.post<{ Params: { id: number } }>(
    '/integrations/:id/delete',
    formRoute({ params: IdParams }),
    async (request, reply) => {
      assertForm(request)
      await deleteIntegration(deps, actorOf(request), request.params.id)
      return seeOther(reply, '/admin/integrations?done=deleted')
    },
  )
}
