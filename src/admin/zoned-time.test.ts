import { describe, expect, it } from 'vitest'
import { dateToZonedInput, zonedInputToDate } from './zoned-time.js'

describe('zonedInputToDate', () => {
  it('reads wall-clock time in the site’s zone, summer and winter', () => {
    expect(zonedInputToDate('2026-06-01T08:30', 'Europe/London').toISOString()).toBe(
      '2026-06-01T07:30:00.000Z',
    )
    expect(zonedInputToDate('2026-12-01T08:30', 'Europe/London').toISOString()).toBe(
      '2026-12-01T08:30:00.000Z',
    )
    expect(zonedInputToDate('2026-06-01T08:30', 'America/New_York').toISOString()).toBe(
      '2026-06-01T12:30:00.000Z',
    )
  })

  it('answers Invalid Date for anything else', () => {
    expect(Number.isNaN(zonedInputToDate('tomorrow', 'UTC').getTime())).toBe(true)
  })
})

describe('dateToZonedInput', () => {
  it('round-trips with zonedInputToDate', () => {
    const instant = new Date('2026-03-29T01:15:00Z')
    const text = dateToZonedInput(instant, 'Europe/Paris')
    expect(text).toBe('2026-03-29T03:15')
    expect(zonedInputToDate(text, 'Europe/Paris')).toEqual(instant)
  })
})
