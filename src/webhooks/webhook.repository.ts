import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { WebhookDeliveryRow, WebhookRow, WebhookStatus } from './webhook.table.js'

type Db = Kysely<Database>

/** A webhook as the newsroom and the Admin API see it. `secret` is for signing only. */
export interface Webhook {
  id: number
  integrationId: number
  event: string
  targetUrl: string
  name: string | null
  secret: string | null
  apiVersion: string
  status: WebhookStatus
  failures: number
  lastTriggeredAt: Date | null
  lastTriggeredStatus: string | null
  lastTriggeredError: string | null
  createdAt: Date
  updatedAt: Date
}

/** One attempt to deliver one event to one webhook. */
export interface WebhookDelivery {
  id: number
  webhookId: number
  event: string
  attempt: number
  statusCode: number | null
  durationMs: number
  responseStart: string | null
  error: string | null
  body: string
  createdAt: Date
}

export interface WebhookFields {
  event: string
  target_url: string
  name: string | null
  secret: string | null
  api_version: string
}

export async function insertWebhook(
  db: Db,
  integrationId: number,
  fields: WebhookFields,
  now: number,
): Promise<number> {
  const { id } = await db
    .insertInto('webhooks')
    .values({ integration_id: integrationId, ...fields, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Whether the integration a webhook would belong to exists. */
export async function integrationExists(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('integrations')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()
  return row !== undefined
}

export async function updateWebhookRow(
  db: Db,
  id: number,
  fields: Partial<WebhookFields> & { status?: WebhookStatus; failures?: number },
  now: number,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ ...fields, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function deleteWebhookRow(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function findWebhookById(db: Db, id: number): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toWebhook(row)
}

/** Webhooks listening for `event` that are not disabled. */
export async function listActiveWebhooksFor(db: Db, events: string[]): Promise<Webhook[]> {
  if (events.length === 0) return []
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('event', 'in', events)
    .where('status', '=', 'available')
    .orderBy('id')
    .execute()
  return rows.map(toWebhook)
}

export async function listWebhookRows(db: Db): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().orderBy('id').execute()
  return rows.map(toWebhook)
}

/**
 * Record how an attempt went: a success resets the failure count, a failure adds one and,
 * at `disableAfter` in a row, disables the webhook. Returns the webhook's status afterwards.
 */
export async function recordWebhookOutcome(
  db: Db,
  id: number,
  outcome: { ok: boolean; status: string; error: string | null; disableAfter: number },
  now: number,
): Promise<WebhookStatus | undefined> {
  const row = await db
    .updateTable('webhooks')
    .set((eb) => ({
      failures: outcome.ok ? 0 : eb('failures', '+', 1),
      status: outcome.ok
        ? eb.ref('status')
        : eb
            .case()
            .when('failures', '>=', outcome.disableAfter - 1)
            .then(sql.lit<WebhookStatus>('disabled'))
            .else(eb.ref('status'))
            .end(),
      last_triggered_at: now,
      last_triggered_status: outcome.status,
      last_triggered_error: outcome.error?.slice(0, 500) ?? null,
    }))
    .where('id', '=', id)
    .returning('status')
    .executeTakeFirst()
  return row?.status
}

export async function insertDelivery(
  db: Db,
  delivery: Omit<WebhookDelivery, 'id' | 'createdAt'>,
  now: number,
): Promise<number> {
  const { id } = await db
    .insertInto('webhook_deliveries')
    .values({
      webhook_id: delivery.webhookId,
      event: delivery.event,
      attempt: delivery.attempt,
      status_code: delivery.statusCode,
      duration_ms: delivery.durationMs,
      response_start: delivery.responseStart,
      error: delivery.error?.slice(0, 500) ?? null,
      body: delivery.body,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Remove delivery log rows written before `before` (ms). Returns how many went. */
export async function deleteDeliveriesBefore(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('created_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function findDeliveryById(db: Db, id: number): Promise<WebhookDelivery | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toDelivery(row)
}

/** The latest attempts for each of `webhookIds`, newest first, at most `perWebhook` each. */
export async function listRecentDeliveries(
  db: Db,
  webhookIds: number[],
  perWebhook: number,
): Promise<WebhookDelivery[]> {
  const out: WebhookDelivery[] = []
  for (const id of webhookIds) {
    const rows = await db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', id)
      .orderBy('id', 'desc')
      .limit(perWebhook)
      .execute()
    out.push(...rows.map(toDelivery))
  }
  return out
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    integrationId: row.integration_id,
    event: row.event,
    targetUrl: row.target_url,
    name: row.name,
    secret: row.secret,
    apiVersion: row.api_version,
    status: row.status,
    failures: row.failures,
    lastTriggeredAt: row.last_triggered_at === null ? null : new Date(row.last_triggered_at),
    lastTriggeredStatus: row.last_triggered_status,
    lastTriggeredError: row.last_triggered_error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    attempt: row.attempt,
    statusCode: row.status_code,
    durationMs: row.duration_ms,
    responseStart: row.response_start,
    error: row.error,
    body: row.body,
    createdAt: new Date(row.created_at),
  }
}
