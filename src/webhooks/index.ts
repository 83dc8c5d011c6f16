/**
 * Webhooks: integrations' subscriptions to Ghost-named events (`post.published`, `tag.added`…),
 * delivered through the durable job queue with Ghost's signature, logged, retried, removed on
 * 410 and disabled after 20 failures in a row.
 * @example
 * await addWebhook(deps, integrationActor(zap), zap.id, { event: 'post.published', targetUrl })
 * await enqueueWebhookEvent(deps, 'post.published', body) // one job per listening webhook
 */
export {
  addWebhook,
  deleteWebhook,
  editWebhook,
  findWebhook,
  listWebhookDeliveries,
  listWebhooks,
  pruneWebhookDeliveries,
  DELIVERY_LOG_DAYS,
  redeliverWebhook,
  type WebhookDeps,
  type WebhookInput,
} from './webhook.service.js'
/** The delivery job: queueing an event, one attempt, and Ghost's signature header. */
export {
  DELIVER_JOB,
  DELIVERY_ATTEMPTS,
  DISABLE_AFTER_FAILURES,
  deliverWebhook,
  deliveryPayload,
  enqueueWebhookEvent,
  hasWebhooksFor,
  signatureHeader,
  type DeliveryDeps,
} from './webhook-delivery.js'
/** The events a webhook may listen for, and which story events one change fires. */
export { isWebhookEvent, storyEvents, WEBHOOK_EVENTS } from './webhook-events.js'
export type { Webhook, WebhookDelivery } from './webhook.repository.js'
