/**
 * A reader writes to the newsroom: the same spam defences as comments, then the message is
 * stored (so nothing is lost if mail fails) and mailed to the site's contact address.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import {
  DEFAULT_GUARD,
  findBlockedWord,
  guardSubmission,
  recordAccepted,
  type GuardDeps,
  type SpamChecker,
} from '../comments/index.js'
import type { Database } from '../db/database.js'
import { validationError } from '../errors.js'
import type { Mailer } from '../mail/index.js'
import { findSettings } from '../settings/index.js'
import { cleanLine, cleanText } from '../text/clean-text.js'
import { insertContactMessage } from './contact-message.repository.js'

export interface ContactDeps extends GuardDeps {
  db: Kysely<Database>
  clock: Clock
  mailer?: Mailer | undefined
  spamChecker?: SpamChecker | undefined
}

export interface ContactInput {
  name: string
  email: string
  subject: string
  message: string
  honeypot: string
  stamp: string
  ip: string
}

export const CONTACT_LIMITS = { name: 100, email: 254, subject: 200, message: 10_000 } as const
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/

/**
 * 'sent' when stored (and mailed); 'dropped' for bots, which are answered as if it worked.
 * A quick fill alone never drops a message: an editor reads every one anyway.
 */
export async function sendContactMessage(
  deps: ContactDeps,
  input: ContactInput,
): Promise<'sent' | 'dropped'> {
  const name = cleanLine(input.name).trim()
  const email = cleanLine(input.email).trim().toLowerCase()
  const subject = cleanLine(input.subject).trim().replace(/\s+/g, ' ')
  const message = cleanText(input.message).trim()
  if (!name || name.length > CONTACT_LIMITS.name)
    throw validationError(
      'name',
      `Please give your name (at most ${CONTACT_LIMITS.name} characters).`,
    )
  if (email.length > CONTACT_LIMITS.email || !EMAIL.test(email))
    throw validationError('email', 'Please give a valid email address.')
  if (!subject || subject.length > CONTACT_LIMITS.subject)
    throw validationError(
      'subject',
      `Please give a subject (at most ${CONTACT_LIMITS.subject} characters).`,
    )
  if (!message || message.length > CONTACT_LIMITS.message)
    throw validationError(
      'message',
      `Please write a message (at most ${CONTACT_LIMITS.message} characters).`,
    )
  const settings = await findSettings(deps)
  const now = deps.clock.now().getTime()
  const verdict = await guardSubmission(
    deps,
    { honeypot: input.honeypot, stamp: input.stamp, ip: input.ip, email },
    { ...DEFAULT_GUARD, minFillMs: settings.formMinSeconds * 1000 },
    now,
  )
  if (verdict === 'drop') return 'dropped'
  if (findBlockedWord([name, email, subject, message], settings.blockedWords)) return 'dropped'
  if (deps.spamChecker) {
    const opinion = await deps.spamChecker
      .check({ kind: 'contact', authorName: name, authorEmail: email, body: message })
      .catch(() => 'unknown' as const)
    if (opinion === 'spam') return 'dropped'
  }
  await insertContactMessage(deps.db, { name, email, subject, message }, now)
  await recordAccepted(deps, { ip: input.ip, email }, DEFAULT_GUARD, now)
  if (deps.mailer && settings.contactEmail)
    await deps.mailer
      .send({
        to: settings.contactEmail,
        subject: `[${settings.title} contact] ${subject}`,
        text: `From: ${name} <${email}>\n\n${message}`,
        headers: { 'Reply-To': email },
      })
      .catch(() => undefined)
  return 'sent'
}
