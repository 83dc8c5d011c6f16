import { describe, expect, it } from 'vitest'
import { utcOffsetMinutes, yearMonthIn } from './date-format.js'

describe('yearMonthIn', () => {
  it('takes the month in the given time zone', () => {
    const late = new Date('2026-11-30T23:30:00Z')
    expect(yearMonthIn(late, 'UTC')).toBe('2026/11')
    expect(yearMonthIn(late, 'Europe/Berlin')).toBe('2026/12')
    expect(yearMonthIn(late, 'America/New_York')).toBe('2026/11')
  })

  it('turns the month at the exact minute, even at a quarter-hour offset', () => {
    // Kathmandu is UTC+05:45: midnight on 1 December is 18:15 UTC on 30 November.
    expect(yearMonthIn(new Date('2026-11-30T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026/11')
    expect(yearMonthIn(new Date('2026-11-30T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026/12')
    // Asked again (from the memo), the answers hold.
    expect(yearMonthIn(new Date('2026-11-30T18:14:00Z'), 'Asia/Kathmandu')).toBe('2026/11')
    expect(yearMonthIn(new Date('2026-11-30T18:29:59Z'), 'Asia/Kathmandu')).toBe('2026/12')
  })
})

describe('utcOffsetMinutes', () => {
  it('follows daylight saving time to the minute it changes', () => {
    // Europe/London goes from +00:00 to +01:00 at 01:00 UTC on 29 March 2026.
    expect(utcOffsetMinutes(new Date('2026-03-29T00:59:59Z'), 'Europe/London')).toBe(0)
    expect(utcOffsetMinutes(new Date('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(60)
    expect(utcOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Asia/Kathmandu')).toBe(345)
    expect(utcOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'America/St_Johns')).toBe(-150)
  })

  it("keeps a whole day's offset only for days without a change", () => {
    // Asked first at noon: 25 October 2026 is the day London leaves +01:00 (at 01:00 UTC).
    expect(utcOffsetMinutes(new Date('2026-10-25T12:00:00Z'), 'Europe/London')).toBe(0)
    expect(utcOffsetMinutes(new Date('2026-10-25T00:30:00Z'), 'Europe/London')).toBe(60)
    expect(utcOffsetMinutes(new Date('2026-10-24T23:59:59Z'), 'Europe/London')).toBe(60)
    expect(utcOffsetMinutes(new Date('2026-10-26T00:00:00Z'), 'Europe/London')).toBe(0)
    // Sydney changes at 16:00 UTC (03:00 local): the same day holds both offsets.
    expect(utcOffsetMinutes(new Date('2026-04-04T10:00:00Z'), 'Australia/Sydney')).toBe(660)
    expect(utcOffsetMinutes(new Date('2026-04-04T16:00:00Z'), 'Australia/Sydney')).toBe(600)
    expect(utcOffsetMinutes(new Date('2026-04-04T15:59:00Z'), 'Australia/Sydney')).toBe(660)
  })
})
