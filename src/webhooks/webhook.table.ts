import type { Generated, Selectable } from 'kysely'

export type WebhookStatus = 'available' | 'disabled'

export interface WebhookTable {
  id: Generated<number>
  integration_id: number
  /** A Ghost event name: `post.published`, `tag.added`, `site.changed`… */
  event: string
  target_url: string
  name: string | null
  /** Signs each body (X-Ghost-Signature) when set. Never logged. */
  secret: string | null
  api_version: Generated<string>
  /** `disabled` after 20 failed deliveries in a row; editing the webhook makes it available. */
  status: Generated<WebhookStatus>
  /** Failed attempts since the last success. */
  failures: Generated<number>
  last_triggered_at: number | null
  last_triggered_status: string | null
  last_triggered_error: string | null
  created_at: number
  updated_at: number
}
export type WebhookRow = Selectable<WebhookTable>

export interface WebhookDeliveryTable {
  id: Generated<number>
  webhook_id: number
  event: string
  /** 1 for the first try of a delivery, then 2, 3… for its retries. */
  attempt: number
  /** The answer's HTTP status; null when there was none (refused, timed out). */
  status_code: number | null
  duration_ms: number
  /** The first 500 characters of the answer's body. */
  response_start: string | null
  error: string | null
  /** The JSON body that was sent, so the delivery can be sent again. */
  body: string
  created_at: number
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>
