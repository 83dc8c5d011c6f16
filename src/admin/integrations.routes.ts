/**
 * Settings → Integrations: create API clients, regenerate their keys, delete them (admins);
 * their webhooks with each one's delivery log, added, deleted, enabled again and redelivered.
 */
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
import {
  addWebhook,
  deleteWebhook,
  editWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  WEBHOOK_EVENTS,
} from '../webhooks/index.js'
import { IntegrationsPage } from './views/integrations.js'

const NOTICES: Record<string, string> = {
  created: 'Integration created. Copy its keys into the app that will use them.',
  rotated: 'Key regenerated: the old one no longer works.',
  deleted: 'Integration deleted: its keys no longer work.',
  'webhook-added': 'Webhook added.',
  'webhook-deleted': 'Webhook deleted.',
  'webhook-enabled': 'Webhook enabled again: the next event will be delivered.',
  redelivered: 'Delivery queued: it goes out within a few seconds.',
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
const WebhookBody = Type.Object({
  event: text(50),
  target_url: text(2000),
  name: Type.Optional(text(191)),
  secret: Type.Optional(text(191)),
  _csrf: Type.Optional(text(200)),
})
const CsrfBody = Type.Object({ _csrf: Type.Optional(text(200)) })

interface TypedWebhook {
  integrationId: number
  event: string
  targetUrl: string
  name: string
}

export const integrationsRoutes: FastifyPluginAsync<AdminContext> = async (
  app,
  { deps, config },
) => {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; error?: string; status?: number; webhookForm?: TypedWebhook } = {},
  ) => {
    const user = requireUser(request)
    requirePermission(user, 'integrations.manage')
    const integrations = await listIntegrations(deps)
    const webhooks = await listWebhooks(deps)
    const deliveries = await listWebhookDeliveries(
      deps,
      webhooks.map((w) => w.id),
    )
    const page = h(IntegrationsPage, {
      user,
      csrf: formToken(request, reply),
      integrations,
      webhooks,
      deliveries,
      events: WEBHOOK_EVENTS,
      webhookForm: extra.webhookForm,
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

  await app.register(webhookFormRoutes, { deps, config, show })
}

/** The webhook forms of the Integrations screen. */
export const webhookFormRoutes: FastifyPluginAsync<
  AdminContext & {
    show: (
      request: FastifyRequest,
      reply: FastifyReply,
      extra: { error: string; status: number; webhookForm: TypedWebhook },
    ) => Promise<unknown>
  }
> = async (app, { deps, show }) => {
  app.post<{ Params: { id: number } }>(
    '/integrations/:id/webhooks',
    formRoute({ params: IdParams, body: WebhookBody }),
    async (request, reply) => {
      assertForm(request)
      const typed = {
        integrationId: request.params.id,
        event: field(request, 'event'),
        targetUrl: field(request, 'target_url'),
        name: field(request, 'name'),
      }
      try {
        await addWebhook(deps, actorOf(request), request.params.id, {
          event: typed.event,
          targetUrl: typed.targetUrl,
          name: typed.name,
          secret: field(request, 'secret'),
        })
        return seeOther(reply, '/admin/integrations?done=webhook-added')
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        return show(request, reply, {
          error: error.message,
          status: statusOf(error),
          webhookForm: typed,
        })
      }
    },
  )

  app.post<{ Params: { id: number } }>(
    '/integrations/webhooks/:id/delete',
    formRoute({ params: IdParams, body: CsrfBody }),
    async (request, reply) => {
      assertForm(request)
      await deleteWebhook(deps, actorOf(request), request.params.id)
      return seeOther(reply, '/admin/integrations?done=webhook-deleted')
    },
  )

  app.post<{ Params: { id: number } }>(
    '/integrations/webhooks/:id/enable',
    formRoute({ params: IdParams, body: CsrfBody }),
    async (request, reply) => {
      assertForm(request)
      await editWebhook(deps, actorOf(request), request.params.id, {})
      return seeOther(reply, '/admin/integrations?done=webhook-enabled')
    },
  )

  app.post<{ Params: { id: number } }>(
    '/integrations/deliveries/:id/redeliver',
    formRoute({ params: IdParams, body: CsrfBody }),
    async (request, reply) => {
      assertForm(request)
      await redeliverWebhook(deps, actorOf(request), request.params.id)
      return seeOther(reply, '/admin/integrations?done=redelivered')
    },
  )
}
