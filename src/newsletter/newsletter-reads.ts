/** Read models over subscribers and sends, for entry points. */
import type { ListSearch } from '../db/list-search.js'
import type { Kernel } from '../kernel.js'
import { listSends as sendRows, type NewsletterSend } from './newsletter-send.repository.js'
import * as subscribers from './subscriber.repository.js'

type Reader = Pick<Kernel, 'db'>

/** Subscribers, newest first, filtered by status and the words of an address or name. */
export function listSubscribers(
  deps: Reader & { listSearch: ListSearch },
  options: Parameters<typeof subscribers.listSubscribers>[2],
): ReturnType<typeof subscribers.listSubscribers> {
  return subscribers.listSubscribers(deps.db, deps.listSearch, options)
}

export function findSubscriberByEmail(
  deps: Reader,
  email: string,
): Promise<subscribers.Subscriber | undefined> {
  return subscribers.findSubscriberByEmail(deps.db, email)
}

/** The latest sends with their counts, newest first. */
export function listSends(deps: Reader): Promise<NewsletterSend[]> {
  return sendRows(deps.db)
}
