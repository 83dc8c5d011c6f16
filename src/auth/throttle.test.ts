import { describe, expect, it } from 'vitest'
import {
  BACKOFF_MAX_MS,
  BACKOFF_START_MS,
  backoffMs,
  retryAfterMs,
  tooManyAttemptsMessage,
} from './throttle.js'

const MIN = 60_000
const rule = { limit: 3, windowMs: 15 * MIN }

describe('retryAfterMs', () => {
  it('allows while fewer failures than the limit are in the window', () => {
    expect(retryAfterMs([100, 50], rule, 200)).toBe(0)
  })

  it('waits until the limit-th most recent failure leaves the window', () => {
    const now = 20 * MIN
    expect(retryAfterMs([19 * MIN, 18 * MIN, 10 * MIN], rule, now)).toBe(5 * MIN)
  })
})

describe('tooManyAttemptsMessage', () => {
  it('rounds up to whole minutes', () => {
    expect(tooManyAttemptsMessage(4 * MIN + 1)).toBe('Too many attempts. Try again in 5 minutes.')
  })

  it('says "1 minute" for the last seconds', () => {
    expect(tooManyAttemptsMessage(10_000)).toBe('Too many attempts. Try again in 1 minute.')
  })
})

describe('backoffMs', () => {
  const pair = { limit: 5, windowMs: 15 * MIN }

  it('lets the first failures through without a wait', () => {
    expect(backoffMs([4000, 3000, 2000, 1000], pair, 5000)).toBe(0)
  })

  it('doubles the wait with every failure past the limit, from the newest failure', () => {
    const now = 10 * MIN
    const five = [now, now - 1, now - 2, now - 3, now - 4]
    expect(backoffMs(five, pair, now)).toBe(BACKOFF_START_MS)
    expect(backoffMs([now, ...five], pair, now)).toBe(2 * BACKOFF_START_MS)
    expect(backoffMs([now, now, ...five], pair, now)).toBe(4 * BACKOFF_START_MS)
  })

  it('never waits longer than the cap, and forgets failures outside the window', () => {
    const now = 20 * MIN
    const many = Array.from({ length: 19 }, () => now)
    expect(backoffMs(many, pair, now)).toBe(BACKOFF_MAX_MS)
    expect(backoffMs([1, 1, 1, 1, 1, 1], pair, now)).toBe(0)
  })
})
