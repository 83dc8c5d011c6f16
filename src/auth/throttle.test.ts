import { describe, expect, it } from 'vitest'
import { retryAfterMs, tooManyAttemptsMessage } from './throttle.js'

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
