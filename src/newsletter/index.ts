/**
 * Newsletter sign-up: add a reader's address as a pending subscriber.
 * @example await subscribe({ db, clock }, { email: 'reader@example.com', source: 'sidebar' })
 */
export { subscribe, type NewsletterDeps } from './subscribe.service.js'
export { findSubscriberByEmail, type Subscriber } from './subscriber.repository.js'
export type { SubscriberStatus } from './subscriber.table.js'
