import { describe, expect, it } from 'vitest'
import {
  adaptiveMinutes,
  MAX_FAILURES,
  nextPollAfterFailure,
  nextPollAfterSuccess,
} from './poll-schedule.js'

const NOW = new Date('2026-05-06T12:00:00Z')
const minutesFrom = (d: Date) => (d.getTime() - NOW.getTime()) / 60_000

describe('adaptiveMinutes', () => {
  it('keeps the interval for a busy feed', () => {
    expect(adaptiveMinutes(15, 2000)).toBe(15)
  })

  it('stretches the interval for a feed that publishes a few times a week', () => {
    expect(adaptiveMinutes(15, 7)).toBe(24 * 60)
    expect(adaptiveMinutes(15, 84)).toBe(120)
  })

  it("goes by the last day's rate when it is busier (a source followed since this morning)", () => {
    // 32 items, all today: one every 45 minutes, not one every 5 hours.
    expect(adaptiveMinutes(5, 32, 32)).toBe(45)
    expect(adaptiveMinutes(5, 84, 2)).toBe(120)
    expect(adaptiveMinutes(30, 500, 400)).toBe(30)
  })

  it('polls a silent feed once a day', () => {
    expect(adaptiveMinutes(15, 0)).toBe(24 * 60)
  })
})

describe('nextPollAfterSuccess', () => {
  it('waits at least as long as max-age or Retry-After', () => {
    expect(minutesFrom(nextPollAfterSuccess(NOW, 15, { lastWeek: 5000, lastDay: 0 }, {}))).toBe(15)
    expect(
      minutesFrom(
        nextPollAfterSuccess(NOW, 15, { lastWeek: 5000, lastDay: 0 }, { maxAgeSeconds: 3600 }),
      ),
    ).toBe(60)
    expect(
      minutesFrom(
        nextPollAfterSuccess(NOW, 15, { lastWeek: 5000, lastDay: 0 }, { retryAfterSeconds: 1800 }),
      ),
    ).toBe(30)
  })

  it('never waits more than a day, whatever the server asks', () => {
    expect(
      minutesFrom(
        nextPollAfterSuccess(NOW, 15, { lastWeek: 5000, lastDay: 0 }, { maxAgeSeconds: 10 ** 7 }),
      ),
    ).toBe(24 * 60)
  })
})

describe('nextPollAfterFailure', () => {
  it('backs off exponentially from the interval, up to a day', () => {
    const waits = [1, 2, 3, 4, 8].map((n) => minutesFrom(nextPollAfterFailure(NOW, 15, n, {})))
    expect(waits).toEqual([15, 30, 60, 120, 24 * 60])
  })

  it('honours Retry-After when it is longer than the backoff', () => {
    expect(minutesFrom(nextPollAfterFailure(NOW, 15, 1, { retryAfterSeconds: 7200 }))).toBe(120)
  })

  it('pauses after ten failures', () => {
    expect(MAX_FAILURES).toBe(10)
  })
})
