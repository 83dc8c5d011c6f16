/**
 * Delivering webhooks: an event is queued as one durable job per listening webhook (never sent
 * inside the request that caused it), and each job POSTs the body with Ghost's signature
 * through the guarded client. Every attempt is logged. A failure is thrown back to the queue,
 * which retries with exponential backoff; 410 Gone deletes the webhook; 20 failures in a row
 * disable it.
 */
import { createHmac } from 'node:crypto'
import type { Kernel } from '../kernel.js'
import { NetError, type HttpClient } from '../net/index.js'
import { enqueueJob, type Job } from '../queue/index.js'
import {
  deleteWebhookRow,
  findWebhookById,
  insertDelivery,
  listActiveWebhooksFor,
  recordWebhookOutcome,
} from './webhook.repository.js'

export const DELIVER_JOB = 'webhook.deliver'

/** The first try and five retries: 30 s, 2 min, 8 min, 32 min and about 2 h later. */
export const DELIVERY_ATTEMPTS = 6

/** Failed attempts in a row after which a webhook is disabled. */
export const DISABLE_AFTER_FAILURES = 20

/** How long one attempt may take, connection and answer together. */
export const DELIVERY_TIMEOUT_MS = 10_000

const RESPONSE_START = 500

export interface DeliveryPayload {
  webhookId: number
  event: string
  /** The JSON body, exactly as it is sent and signed. */
  body: string
}

export interface DeliveryDeps extends Kernel {
  webhookClient: Pick<HttpClient, 'request'>
}

export function deliveryJob(webhookId: number, event: string, body: string): DeliveryPayload {
  return { webhookId, event, body }
}

/**
 * Queue `body` for every available webhook listening for one of `events` (each webhook gets
 * its own event's delivery). Returns how many deliveries were queued.
 * @example await enqueueWebhookEvent(deps, 'post.published', JSON.stringify({ post: { current, previous: {} } }))
 */
export async function enqueueWebhookEvent(
  deps: Pick<Kernel, 'db' | 'clock'>,
  event: string,
  body: string,
): Promise<number> {
  const hooks = await listActiveWebhooksFor(deps.db, [event])
  for (const hook of hooks)
    await enqueueJob(deps, DELIVER_JOB, deliveryJob(hook.id, event, body), {
      maxAttempts: DELIVERY_ATTEMPTS,
    })
  return hooks.length
}

/** Whether any available webhook listens for one of `events` (to skip building payloads). */
export async function hasWebhooksFor(
  deps: Pick<Kernel, 'db'>,
  events: string[],
): Promise<string[]> {
  const hooks = await listActiveWebhooksFor(deps.db, events)
  return events.filter((event) => hooks.some((hook) => hook.event === event))
}

/**
 * Ghost's signature header: `sha256=<hex HMAC-SHA256 of body followed by t>, t=<ms>`.
 * @example signatureHeader('s3cret', '{"post":{}}', 1765000000000)
 */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${body}${timestamp}`).digest('hex')
  return `sha256=${digest}, t=${timestamp}`
}

export function deliveryPayload(payload: unknown): DeliveryPayload {
  const p = payload as Partial<DeliveryPayload> | null
  if (typeof p?.webhookId !== 'number' || typeof p.event !== 'string' || typeof p.body !== 'string')
    throw new Error('a webhook delivery job needs webhookId, event and body')
  return { webhookId: p.webhookId, event: p.event, body: p.body }
}

/**
 * Run one delivery attempt (the `webhook.deliver` job). Resolves when the delivery is over
 * (delivered, the webhook gone or disabled); throws when the queue should try again.
 */
export async function deliverWebhook(
  deps: DeliveryDeps,
  payload: DeliveryPayload,
  job: Pick<Job, 'attempts'>,
): Promise<'delivered' | 'gone' | 'skipped' | 'disabled'> {
  const webhook = await findWebhookById(deps.db, payload.webhookId)
  if (!webhook || webhook.status !== 'available') return 'skipped'
  const timestamp = deps.clock.now().getTime()
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-version': 'v5.0',
  }
  if (webhook.secret)
    headers['x-ghost-signature'] = signatureHeader(webhook.secret, payload.body, timestamp)
  const started = performance.now()
  let statusCode: number | null = null
  let responseStart: string | null = null
  let failure: NetError | Error | null = null
  try {
    const response = await deps.webhookClient.request(webhook.targetUrl, {
      method: 'POST',
      headers,
      body: payload.body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxRedirects: 0,
      maxBytes: 256 * 1024,
    })
    statusCode = response.status
    responseStart = response.body.toString('utf8').slice(0, RESPONSE_START)
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error))
    if (error instanceof NetError) {
      statusCode = error.status ?? null
      responseStart = error.bodyStart?.slice(0, RESPONSE_START) ?? null
    }
  }
  const durationMs = Math.round(performance.now() - started)
  const now = deps.clock.now().getTime()
  const message = failure ? failure.message : null
  await insertDelivery(
    deps.db,
    {
      webhookId: webhook.id,
      event: payload.event,
      attempt: job.attempts,
      statusCode,
      durationMs,
      responseStart,
      error: message,
      body: payload.body,
    },
    now,
  )
  if (statusCode === 410) {
    // The receiver says it is gone for good: so is the webhook (as Ghost does).
    await deleteWebhookRow(deps.db, webhook.id)
    return 'gone'
  }
  const status = await recordWebhookOutcome(
    deps.db,
    webhook.id,
    {
      ok: failure === null,
      status: statusCode === null ? 'error' : String(statusCode),
      error: message,
      disableAfter: DISABLE_AFTER_FAILURES,
    },
    now,
  )
  if (!failure) return 'delivered'
  if (status === 'disabled') return 'disabled'
  throw new Error(`webhook ${webhook.id} (${payload.event}): ${message ?? 'failed'}`)
}
