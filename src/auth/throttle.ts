/**
 * Login throttling rules: pure, so the arithmetic is unit-tested without a database.
 *
 * Failures are counted per (account, IP) pair, not per account: five wrong passwords from one
 * place slow that place down, with a wait that doubles with every further failure, and never
 * lock the owner out from anywhere else. A per-IP rule catches one address spraying many
 * accounts. Both read the shared `login_attempts` table, so every node sees the same counts.
 */

export interface ThrottleRule {
  /** Failures allowed inside the window before sign-in is refused. */
  limit: number
  windowMs: number
}

/** The pair may fail this often in the window before backoff starts. */
export const PAIR_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 }
export const IP_RULE: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 }
/** The first wait after the pair's free failures; it doubles with each failure after. */
export const BACKOFF_START_MS = 30_000
/** The longest wait backoff imposes. */
export const BACKOFF_MAX_MS = 15 * 60_000

/**
 * How long until one more attempt is allowed, in ms (0 = allowed now), given the times of the
 * most recent failures inside the window, newest first. Blocked while `limit` failures are in
 * the window; free again once the `limit`-th most recent one ages out of it.
 */
export function retryAfterMs(
  failuresNewestFirst: number[],
  rule: ThrottleRule,
  now: number,
): number {
  const pivot = failuresNewestFirst[rule.limit - 1]
  if (pivot === undefined) return 0
  return Math.max(0, pivot + rule.windowMs - now)
}

/**
 * Backoff for one (account, IP) pair: after `rule.limit` failures inside the window, each
 * further attempt waits BACKOFF_START_MS × 2^(failures − limit) after the newest failure,
 * at most BACKOFF_MAX_MS.
 */
export function backoffMs(failuresNewestFirst: number[], rule: ThrottleRule, now: number): number {
  const recent = failuresNewestFirst.filter((at) => at > now - rule.windowMs)
  const newest = recent[0]
  if (newest === undefined || recent.length < rule.limit) return 0
  const wait = Math.min(BACKOFF_START_MS * 2 ** (recent.length - rule.limit), BACKOFF_MAX_MS)
  return Math.max(0, newest + wait - now)
}

/** "Too many attempts. Try again in 12 minutes." */
export function tooManyAttemptsMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000))
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
