/**
 * The Admin API's webhooks: add, edit and delete, in Ghost's shapes (`{webhooks: [{event,
 * target_url, name, secret, api_version}]}`). A webhook belongs to the integration whose key
 * signed the call, which manages only its own; the use cases check the role and the target.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Actor } from '../../auth/index.js'
import type { Services } from '../../services.js'
import {
  addWebhook,
  deleteWebhook,
  editWebhook,
  type Webhook,
  type WebhookInput,
} from '../../webhooks/index.js'
import { GhostError } from './ghost-errors.js'
import { ghostDate, type GhostObject } from './ghost-serializers.js'

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()])

const WebhookBody = Type.Object(
  {
    event: Type.Optional(Type.String({ maxLength: 50 })),
    target_url: Type.Optional(Type.String({ maxLength: 2000 })),
    name: Type.Optional(Nullable(Type.String({ maxLength: 191 }))),
    secret: Type.Optional(Nullable(Type.String({ maxLength: 191 }))),
    api_version: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    integration_id: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: true },
)
type WebhookBody = Static<typeof WebhookBody>
const WebhooksBody = Type.Object({
  webhooks: Type.Array(WebhookBody, { minItems: 1, maxItems: 1 }),
})
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })

export interface AdminWebhookOptions {
  services: Services
  actor: (request: FastifyRequest) => Actor
}

export const adminWebhookRoutes: FastifyPluginAsync<AdminWebhookOptions> = async (
  plain,
  { services, actor },
) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()

  app.post('/webhooks/', { schema: { body: WebhooksBody } }, async (request, reply) => {
    const who = actor(request)
    if (who.kind !== 'integration')
      throw new GhostError('NoPermissionError', 'Only integrations add webhooks.')
    const body = request.body.webhooks[0]!
    if (!body.event) throw missing('event')
    if (!body.target_url) throw missing('target_url')
    const created = await addWebhook(services, who, who.id, {
      ...input(body),
      event: body.event,
      targetUrl: body.target_url,
    })
    reply.status(201)
    return { webhooks: [serializeWebhook(created)] }
  })

  app.put(
    '/webhooks/:id/',
    { schema: { params: IdParams, body: WebhooksBody } },
    async (request) => {
      const edited = await editWebhook(
        services,
        actor(request),
        webhookId(request.params.id),
        input(request.body.webhooks[0]!),
      )
      return { webhooks: [serializeWebhook(edited)] }
    },
  )

  app.delete('/webhooks/:id/', { schema: { params: IdParams } }, async (request, reply) => {
    await deleteWebhook(services, actor(request), webhookId(request.params.id))
    return reply.status(204).send()
  })
}

function input(body: WebhookBody): Partial<WebhookInput> {
  return {
    ...(body.event !== undefined ? { event: body.event } : {}),
    ...(body.target_url !== undefined ? { targetUrl: body.target_url } : {}),
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.secret !== undefined ? { secret: body.secret } : {}),
    ...(body.api_version !== undefined ? { apiVersion: body.api_version } : {}),
  }
}

function missing(property: string): GhostError {
  return new GhostError('ValidationError', `Validation (isEmpty) failed for ${property}`, {
    property,
  })
}

function webhookId(text: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(text)) throw new GhostError('NotFoundError', 'Webhook not found.')
  return Number(text)
}

/** A webhook in Ghost's shape. The secret is shown to the integration that owns it, as Ghost does. */
export function serializeWebhook(webhook: Webhook): GhostObject {
  return {
    id: String(webhook.id),
    event: webhook.event,
    target_url: webhook.targetUrl,
    name: webhook.name,
    secret: webhook.secret,
    api_version: webhook.apiVersion,
    integration_id: String(webhook.integrationId),
    status: webhook.status,
    last_triggered_at: ghostDate(webhook.lastTriggeredAt),
    last_triggered_status: webhook.lastTriggeredStatus,
    last_triggered_error: webhook.lastTriggeredError,
    created_at: ghostDate(webhook.createdAt),
    updated_at: ghostDate(webhook.updatedAt),
  }
}
