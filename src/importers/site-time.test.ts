import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { OffsetSamples, utcDate, wallClockMs, zoneClock } from './site-time.js'

describe('wallClockMs', () => {
  it('reads MySQL datetimes and refuses the zero date', () => {
    expect(wallClockMs('2024-03-05 08:30:00')).toBe(Date.UTC(2024, 2, 5, 8, 30))
    expect(wallClockMs('0000-00-00 00:00:00')).toBeUndefined()
    expect(wallClockMs('')).toBeUndefined()
    expect(wallClockMs('2024-03-05 08:30')).toBe(Date.UTC(2024, 2, 5, 8, 30))
    expect(utcDate('2009-05-16 07:12:00')?.toISOString()).toBe('2009-05-16T07:12:00.000Z')
  })
})

describe('OffsetSamples', () => {
  it('reads a local-only time with the offset seen nearest to it, summer time included', () => {
    const samples = new OffsetSamples()
    samples.add('2024-03-05 09:30:00', '2024-03-05 08:30:00') // winter, +01:00
    samples.add('2024-06-15 08:00:00', '2024-06-15 06:00:00') // summer, +02:00
    samples.add('2024-06-15 08:00:00', '0000-00-00 00:00:00') // a draft: ignored
    const clock = samples.clock()
    expect(samples.size).toBe(2)
    expect(clock.toDate('2024-03-06 14:00:00')?.toISOString()).toBe('2024-03-06T13:00:00.000Z')
    expect(clock.toDate('2024-07-01 12:00:00')?.toISOString()).toBe('2024-07-01T10:00:00.000Z')
    expect(clock.description).toBe("the UTC offsets the export's dated items show (+01:00, +02:00)")
  })

  it('falls back to UTC, and says so, when nothing is dated on both clocks', () => {
    const clock = new OffsetSamples().clock()
    expect(clock.toDate('2024-03-06 14:00:00')?.toISOString()).toBe('2024-03-06T14:00:00.000Z')
    expect(clock.description).toMatch(/^UTC/)
  })

  it('ignores pairs whose difference is no real offset', () => {
    const samples = new OffsetSamples()
    samples.add('2024-03-05 09:31:07', '2024-03-05 08:30:00')
    samples.add('2024-03-05 09:30:00', '2024-03-01 08:30:00')
    expect(samples.size).toBe(0)
  })
})

describe('zoneClock', () => {
  it('follows an IANA zone’s summer time', () => {
    const oslo = zoneClock('Europe/Oslo')
    expect(oslo.toDate('2024-01-10 10:00:00')?.toISOString()).toBe('2024-01-10T09:00:00.000Z')
    expect(oslo.toDate('2024-07-10 10:00:00')?.toISOString()).toBe('2024-07-10T08:00:00.000Z')
    expect(zoneClock('America/New_York').toDate('2024-07-04 09:00:00')?.toISOString()).toBe(
      '2024-07-04T13:00:00.000Z',
    )
  })

  it('takes fixed offsets', () => {
    expect(zoneClock('+05:30').toDate('2024-01-01 05:30:00')?.toISOString()).toBe(
      '2024-01-01T00:00:00.000Z',
    )
    expect(zoneClock('UTC-3').toDate('2024-01-01 00:00:00')?.toISOString()).toBe(
      '2024-01-01T03:00:00.000Z',
    )
  })

  it('refuses an unknown zone in one line', () => {
    expect(() => zoneClock('Mars/Olympus')).toThrow(AppError)
  })
})
