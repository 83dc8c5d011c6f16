/**
 * Webhooks: the use cases that add, edit and delete them (administrators in the newsroom, or
 * an integration for its own through the Admin API), send a logged delivery again, and the
 * read models the Integrations screen shows. A target must not be, or resolve to, a loopback,
 * private or link-local address (unless the client allows private networks); secrets never
 * reach the audit log.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { NetError, type HttpClient } from '../net/index.js'
import { enqueueJob } from '../queue/index.js'
import { isWebhookEvent } from './webhook-events.js'
import {
  deleteWebhookRow,
  findDeliveryById,
  findWebhookById,
  deleteDeliveriesBefore,
  insertWebhook,
  integrationExists,
  listRecentDeliveries,
  listWebhookRows,
  updateWebhookRow,
  type Webhook,
  type WebhookDelivery,
  type WebhookFields,
} from './webhook.repository.js'
import { DELIVER_JOB, deliveryJob } from './webhook-delivery.js'

/** What the webhook use cases stand on: the kernel and the guarded client that checks targets. */
export interface WebhookDeps extends Kernel {
  webhookClient: Pick<HttpClient, 'checkUrl'>
}

export interface WebhookInput {
  event: string
  targetUrl: string
  name?: string | null
  secret?: string | null
  apiVersion?: string | null
}

/**
 * Add a webhook to an integration.
 * @example await addWebhook(deps, integrationActor(zap), zap.id, { event: 'post.published', targetUrl: 'https://hooks.example/x' })
 */
export async function addWebhook(
  deps: WebhookDeps,
  actor: Actor,
  integrationId: number,
  input: WebhookInput,
): Promise<Webhook> {
  requireRights(actor, integrationId)
  const fields = validated(input)
  await checkTarget(deps, fields.target_url)
  return transact(deps, async (tx) => {
    if (!(await integrationExists(tx.db, integrationId)))
      throw new AppError('NOT_FOUND', `integration ${integrationId} does not exist`)
    const id = await insertWebhook(tx.db, integrationId, fields, tx.clock.now().getTime())
    await audit(tx, actor, 'webhook.create', id, { ...describe(fields), integrationId })
    return mustFind(tx, id)
  })
}

/** Change a webhook's event, target, name, secret or version; a disabled one starts again. */
export async function editWebhook(
  deps: WebhookDeps,
  actor: Actor,
  id: number,
  input: Partial<WebhookInput>,
): Promise<Webhook> {
  const current = await mustFind(deps, id)
  requireRights(actor, current.integrationId)
  const fields = validated({
    event: input.event ?? current.event,
    targetUrl: input.targetUrl ?? current.targetUrl,
    name: input.name !== undefined ? input.name : current.name,
    secret: input.secret !== undefined ? input.secret : current.secret,
    apiVersion: input.apiVersion ?? current.apiVersion,
  })
  if (fields.target_url !== current.targetUrl) await checkTarget(deps, fields.target_url)
  return transact(deps, async (tx) => {
    await mustFind(tx, id)
    const now = tx.clock.now().getTime()
    await updateWebhookRow(tx.db, id, { ...fields, status: 'available', failures: 0 }, now)
    await audit(tx, actor, 'webhook.update', id, {
      ...describe(fields),
      ...(input.secret !== undefined ? { secretChanged: true } : {}),
    })
    return mustFind(tx, id)
  })
}

/** Remove a webhook and its delivery log. */
export async function deleteWebhook(deps: Kernel, actor: Actor, id: number): Promise<void> {
  await transact(deps, async (tx) => {
    const current = await mustFind(tx, id)
    requireRights(actor, current.integrationId)
    await deleteWebhookRow(tx.db, id)
    await audit(tx, actor, 'webhook.delete', id, describe(toFields(current)))
  })
}

/** Send a logged delivery's body again, through the queue, as a fresh delivery. */
export async function redeliverWebhook(
  deps: Kernel,
  actor: Actor,
  deliveryId: number,
): Promise<void> {
  await transact(deps, async (tx) => {
    const delivery = await findDeliveryById(tx.db, deliveryId)
    if (!delivery) throw new AppError('NOT_FOUND', 'There is no such delivery.')
    const webhook = await mustFind(tx, delivery.webhookId)
    requireRights(actor, webhook.integrationId)
    await enqueueJob(tx, DELIVER_JOB, deliveryJob(webhook.id, delivery.event, delivery.body), {
      maxAttempts: 1,
    })
    await audit(tx, actor, 'webhook.redeliver', webhook.id, {
      event: delivery.event,
      deliveryId,
    })
  })
}

/** Every webhook, oldest first (the Integrations screen groups them by integration). */
export function listWebhooks(deps: Pick<Kernel, 'db'>): Promise<Webhook[]> {
  return listWebhookRows(deps.db)
}

/** One webhook, or undefined. */
export function findWebhook(deps: Pick<Kernel, 'db'>, id: number): Promise<Webhook | undefined> {
  return findWebhookById(deps.db, id)
}

/** The latest delivery attempts of each webhook, newest first. */
export function listWebhookDeliveries(
  deps: Pick<Kernel, 'db'>,
  webhookIds: number[],
  perWebhook = 10,
): Promise<WebhookDelivery[]> {
  return listRecentDeliveries(deps.db, webhookIds, perWebhook)
}

function requireRights(actor: Actor, integrationId: number): void {
  requirePermission(actor, 'webhooks.manage')
  if (actor.kind === 'integration' && actor.id !== integrationId)
    throw new AppError('FORBIDDEN', 'An integration manages only its own webhooks.')
}

const API_VERSION = /^(v[2-9](\.\d{1,3})?|canary)$/

function validated(input: WebhookInput): WebhookFields {
  const event = input.event.trim()
  if (!isWebhookEvent(event))
    throw validationError('event', `"${event.slice(0, 50)}" is not a webhook event`)
  const target = input.targetUrl.trim()
  let url: URL
  try {
    url = new URL(target)
  } catch {
    throw validationError('target_url', 'target_url must be a full http or https URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw validationError('target_url', 'target_url must be a full http or https URL')
  if (target.length > 2000) throw validationError('target_url', 'target_url is too long')
  const name = input.name?.trim() || null
  if (name && name.length > 191) throw validationError('name', 'name is too long')
  const secret = input.secret || null
  if (secret && secret.length > 191) throw validationError('secret', 'secret is too long')
  const apiVersion = input.apiVersion?.trim() || 'v5'
  if (!API_VERSION.test(apiVersion))
    throw validationError('api_version', 'api_version must look like v5 or v5.0')
  return { event, target_url: target, name, secret, api_version: apiVersion }
}

/** Refuse a target the guarded client would refuse (private address, bad scheme) now. */
async function checkTarget(deps: WebhookDeps, target: string): Promise<void> {
  try {
    await deps.webhookClient.checkUrl(target)
  } catch (error) {
    // A name that does not resolve yet may later; every delivery checks again.
    if (error instanceof NetError && error.code === 'DNS_FAILED') return
    if (error instanceof NetError) throw validationError('target_url', error.message)
    throw error
  }
}

/**
 * What the audit log keeps: never the secret (only whether there is one), and only the target's
 * origin, since hook URLs often carry a token in their path or query.
 */
function describe(fields: WebhookFields) {
  return {
    event: fields.event,
    target: new URL(fields.target_url).origin,
    name: fields.name,
    signed: fields.secret !== null,
  }
}

function toFields(webhook: Webhook): WebhookFields {
  return {
    event: webhook.event,
    target_url: webhook.targetUrl,
    name: webhook.name,
    secret: webhook.secret,
    api_version: webhook.apiVersion,
  }
}

function audit(
  tx: Kernel,
  actor: Actor,
  action: 'webhook.create' | 'webhook.update' | 'webhook.delete' | 'webhook.redeliver',
  id: number,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, actor, { action, subjectType: 'webhook', subjectId: id, details })
}

async function mustFind(deps: Pick<Kernel, 'db'>, id: number): Promise<Webhook> {
  const found = await findWebhookById(deps.db, id)
  if (!found) throw new AppError('NOT_FOUND', 'Webhook not found.')
  return found
}

/** How long each webhook's delivery log keeps an attempt (and its body, for redelivery). */
export const DELIVERY_LOG_DAYS = 30

/**
 * Trim the delivery log to its last 30 days (the daily clean-up). Returns how many rows went.
 * @example await pruneWebhookDeliveries(deps) // 1200
 */
export async function pruneWebhookDeliveries(deps: Pick<Kernel, 'db' | 'clock'>): Promise<number> {
  const before = deps.clock.now().getTime() - DELIVERY_LOG_DAYS * 24 * 3_600_000
  return deleteDeliveriesBefore(deps.db, before)
}
