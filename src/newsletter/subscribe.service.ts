/**
 * Double opt-in. Signing up stores the address as 'pending' and mails a signed link that
 * expires in three days; following it confirms. Every answer to the reader is the same
 * whether or not the address was already listed, so the form reveals nothing.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { validationError } from '../errors.js'
import { noEvents, type EventSink } from '../events.js'
import { transact } from '../kernel.js'
import type { Mailer } from '../mail/index.js'
import { signToken, verifyToken } from '../settings/index.js'
import { cleanLine } from '../text/clean-text.js'
import { withArticle } from '../text/site-name.js'
import {
  findSubscriberByEmail,
  insertSubscriberIfAbsent,
  updateSubscriberStatus,
} from './subscriber.repository.js'

export interface NewsletterDeps {
  db: Kysely<Database>
  clock: Clock
}

export interface NewsletterMailDeps extends NewsletterDeps {
  /** Where a new sign-up is announced (`subscriber.added`), when given. */
  events?: EventSink
  mailer: Mailer
  secret: string
  publicUrl: string
  siteTitle: string
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/
const SOURCE = /^[a-z0-9-]{1,50}$/
const CONFIRM_PURPOSE = 'newsletter-confirm'
const UNSUBSCRIBE_PURPOSE = 'newsletter-unsubscribe'
export const CONFIRM_TTL_MS = 3 * 86_400_000

/** Validate and normalise an address (lower case, trimmed). */
export function normaliseEmail(raw: string): string {
  const email = cleanLine(raw).trim().toLowerCase()
  if (email.length > 254 || !EMAIL.test(email))
    throw validationError('email', 'Please give a valid email address.')
  return email
}

/**
 * Sign an address up: new or previously unsubscribed addresses get a confirmation mail;
 * confirmed, bounced and complained ones are left alone (and the caller is not told).
 */
export async function subscribe(
  deps: NewsletterMailDeps,
  input: { email: string; source?: string },
): Promise<void> {
  const email = normaliseEmail(input.email)
  const source = input.source && SOURCE.test(input.source) ? input.source : 'site'
  const now = deps.clock.now().getTime()
  // In a transaction, so what the sign-up queues (a webhook delivery) is written with it.
  const kernel = { db: deps.db, clock: deps.clock, events: deps.events ?? noEvents }
  await transact(kernel, async (tx) => {
    const added = await insertSubscriberIfAbsent(tx.db, { email, source, status: 'pending' }, now)
    if (added) tx.events.emit({ type: 'subscriber.added', email })
  })
  const subscriber = await findSubscriberByEmail(deps.db, email)
  if (subscriber?.status === 'unsubscribed')
    await updateSubscriberStatus(deps.db, email, 'pending', now)
  else if (subscriber?.status !== 'pending') return
  const link = `${deps.publicUrl}/newsletter/confirm?token=${encodeURIComponent(
    confirmToken(deps.secret, email, now),
  )}`
  await deps.mailer.send({
    to: email,
    subject: `Please confirm your subscription to ${deps.siteTitle}`,
    text: [
      `Thanks for signing up to ${withArticle(deps.siteTitle)} newsletter.`,
      '',
      `Please confirm your address by opening this link within three days:`,
      link,
      '',
      'If you did not sign up, ignore this email and you will hear nothing more from us.',
    ].join('\n'),
    html: `<p>Thanks for signing up to ${escape(withArticle(deps.siteTitle))} newsletter.</p><p><a href="${escape(link)}">Confirm my subscription</a></p><p>The link works for three days. If you did not sign up, ignore this email and you will hear nothing more from us.</p>`,
  })
}

export function confirmToken(secret: string, email: string, now: number): string {
  return signToken(secret, CONFIRM_PURPOSE, email, now + CONFIRM_TTL_MS)
}

export function unsubscribeToken(secret: string, email: string): string {
  return signToken(secret, UNSUBSCRIBE_PURPOSE, email.toLowerCase())
}

/** Follow a confirmation link. 'confirmed' also for addresses already confirmed. */
export async function confirmSubscription(
  deps: NewsletterDeps & { secret: string },
  token: string,
): Promise<'confirmed' | 'expired' | 'invalid'> {
  const now = deps.clock.now().getTime()
  const verified = verifyToken(deps.secret, CONFIRM_PURPOSE, token, now)
  if (!verified.ok) return verified.reason
  const subscriber = await findSubscriberByEmail(deps.db, verified.data)
  if (subscriber?.status === 'pending')
    await updateSubscriberStatus(deps.db, subscriber.email, 'confirmed', now)
  return 'confirmed'
}

/** One-click unsubscribe (RFC 8058) and the visible link both end here. */
export async function unsubscribe(
  deps: NewsletterDeps & { secret: string },
  token: string,
): Promise<boolean> {
  const now = deps.clock.now().getTime()
  const verified = verifyToken(deps.secret, UNSUBSCRIBE_PURPOSE, token, now)
  if (!verified.ok) return false
  const subscriber = await findSubscriberByEmail(deps.db, verified.data)
  if (subscriber && (subscriber.status === 'confirmed' || subscriber.status === 'pending'))
    await updateSubscriberStatus(deps.db, subscriber.email, 'unsubscribed', now)
  return true
}

/** Check an unsubscribe token without acting (the GET page shows a confirm button). */
export function isUnsubscribeToken(secret: string, token: string, now: number): boolean {
  return verifyToken(secret, UNSUBSCRIBE_PURPOSE, token, now).ok
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
