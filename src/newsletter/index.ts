/**
 * Newsletter sign-up with double opt-in: a pending address gets a signed, expiring link.
 * @example await subscribe({ db, clock, mailer, secret, publicUrl, siteTitle }, { email: 'reader@example.com', source: 'sidebar' })
 */
export {
  confirmSubscription,
  confirmToken,
  CONFIRM_TTL_MS,
  isUnsubscribeToken,
  normaliseEmail,
  subscribe,
  unsubscribe,
  unsubscribeToken,
  type NewsletterDeps,
  type NewsletterMailDeps,
} from './subscribe.service.js'
/** Subscribers and sends, as the newsroom lists them. */
export { findSubscriberByEmail, listSends, listSubscribers } from './newsletter-reads.js'
export type { Subscriber } from './subscriber.repository.js'
export type { SubscriberStatus } from './subscriber.table.js'
/** Bounces, complaints, CSV import and export for the newsroom. */
export {
  exportSubscribersCsv,
  importSubscribers,
  markSubscriber,
} from './subscriber-admin.service.js'
/**
 * The whole list with states and dates, for backups: read in id order, restored as it was.
 * @example await restoreSubscribers(deps, systemActor('json-import'), records)
 */
export {
  listSubscribersForExport,
  restoreSubscribers,
  type SubscriberRecord,
} from './subscriber-restore.js'
/**
 * Sending: digests and breaking news, queued in batches (`newsletter.batch` jobs) that respect
 * the per-minute limit; `deliverBatch` is the job handler.
 * @example await sendArticleNow(deps, userActor(editor), 42)
 */
export {
  BATCH_JOB,
  BATCH_SIZE,
  deliverBatch,
  DIGEST_JOB,
  enqueueDueDigest,
  sendArticleNow,
  sendDigest,
  type BatchPayload,
  type DeliveryDeps,
  type SendDeps,
} from './newsletter-send.service.js'
export type { NewsletterSend } from './newsletter-send.repository.js'
export type { SendKind } from './newsletter-send.table.js'
/** The newsletter's HTML and text rendering. */
export { renderNewsletter, type MailStory, type NewsletterContent } from './newsletter-mail.js'
