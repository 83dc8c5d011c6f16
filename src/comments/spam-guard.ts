/**
 * Spam defences that need no third party, shared by comments and the contact form: a honeypot
 * field, a signed "form rendered at" stamp for a minimum fill time, per-IP and per-email rate
 * limits, link counting and a blocked-words list. Plus an Akismet-shaped hook for sites that
 * want one (no implementation here calls the network).
 */
import { AppError, validationError } from '../errors.js'
import { signToken, verifyToken } from '../settings/index.js'
import type { RateLimits, RateRule } from './rate-limiter.js'

/** The honeypot's field name: humans never see it (hidden with CSS and aria-hidden). */
export const HONEYPOT_FIELD = 'website_url'
export const STAMP_FIELD = 'stamp'

const STAMP_PURPOSE = 'form-stamp'

export interface GuardDeps {
  secret: string
  limiter: RateLimits
}

export interface Submission {
  honeypot: string
  stamp: string
  /** The client's address: only hashed into the limiter's window key, never stored. */
  ip: string
  email: string
}

export interface GuardRules {
  minFillMs: number
  perIp: RateRule
  perEmail: RateRule
}

export const DEFAULT_GUARD: Omit<GuardRules, 'minFillMs'> = {
  perIp: { limit: 5, windowMs: 10 * 60_000 },
  perEmail: { limit: 3, windowMs: 10 * 60_000 },
}

/** The stamp a form carries: when it was rendered, signed. */
export function formStamp(secret: string, now: number): string {
  return signToken(secret, STAMP_PURPOSE, String(now))
}

/**
 * Check a submission before anything is stored. Returns 'drop' for a bot that filled the
 * honeypot (answer as if it worked, store nothing), 'hold' when it came quicker than the
 * minimum fill time (one spam signal: never reason enough alone to refuse a reader), and
 * 'ok'. Throws a kind, non-5xx error for a missing or forged stamp and for rate limits.
 * Nothing is counted here: call `recordAccepted` once the submission is stored.
 */
export async function guardSubmission(
  deps: GuardDeps,
  input: Submission,
  rules: GuardRules,
  now: number,
): Promise<'ok' | 'hold' | 'drop'> {
  if (input.honeypot.trim() !== '') return 'drop'
  const stamp = verifyToken(deps.secret, STAMP_PURPOSE, input.stamp, now)
  const renderedAt = stamp.ok ? Number(stamp.data) : Number.NaN
  if (!Number.isFinite(renderedAt))
    throw validationError('form', 'This form had expired. Please check it and send it again.')
  const [ipOk, emailOk] = await Promise.all([
    deps.limiter.allows('ip', input.ip, rules.perIp, now),
    deps.limiter.allows('email', input.email.trim(), rules.perEmail, now),
  ])
  if (!ipOk || !emailOk)
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      'You are sending a lot in a short time. Please wait a few minutes and try again.',
      { property: 'form' },
    )
  return now - renderedAt < rules.minFillMs ? 'hold' : 'ok'
}

/** Count an accepted submission towards its sender's limits (per IP and per email). */
export async function recordAccepted(
  deps: GuardDeps,
  input: Pick<Submission, 'ip' | 'email'>,
  rules: Omit<GuardRules, 'minFillMs'>,
  now: number,
): Promise<void> {
  await Promise.all([
    deps.limiter.record('ip', input.ip, rules.perIp, now),
    deps.limiter.record('email', input.email.trim(), rules.perEmail, now),
  ])
}

/** How many links a plain-text body holds. */
export function countLinks(text: string): number {
  return (text.match(/\bhttps?:\/\/|\bwww\./gi) ?? []).length
}

/** The first blocked word found in any of `texts` (whole words, case-insensitive). */
export function findBlockedWord(texts: string[], words: string[]): string | undefined {
  const haystack = texts.join('\n').toLowerCase()
  return words.find((word) => {
    const w = word.trim().toLowerCase()
    if (!w) return false
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(haystack)
  })
}

/**
 * An optional outside opinion, shaped like Akismet's comment-check: `spam`, `ham`, or
 * `unknown` when the service could not say. Wire one in at the edge; none is built in.
 */
export interface SpamChecker {
  check(input: {
    kind: 'comment' | 'contact'
    authorName: string
    authorEmail: string
    authorUrl?: string
    body: string
    permalink?: string
    userAgent?: string
  }): Promise<'spam' | 'ham' | 'unknown'>
}
