/** Login throttling rules: pure, so the arithmetic is unit-tested without a database. */

export interface ThrottleRule {
  /** Failures allowed inside the window before sign-in is refused. */
  limit: number
  windowMs: number
}

export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 }
export const IP_RULE: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 }

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

/** "Too many attempts. Try again in 12 minutes." */
export function tooManyAttemptsMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000))
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
