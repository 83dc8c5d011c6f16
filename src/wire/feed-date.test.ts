import { describe, expect, it } from 'vitest'
import { parseFeedDate } from './feed-date.js'

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 05 May 2026 09:30:00 +0200', '2026-05-05T07:30:00.000Z'],
    ['Tue, 05 May 2026 09:30:00 GMT', '2026-05-05T09:30:00.000Z'],
    ['Tue, 05 May 2026 09:30:00 EDT', '2026-05-05T13:30:00.000Z'],
    ['Tue, 5 May 2026 09:30:00 CEST', '2026-05-05T07:30:00.000Z'],
    ['Tue, 05 May 2026 09:30:00 BST', '2026-05-05T08:30:00.000Z'],
    ['Tue, 05 May 26 09:30:00 GMT', '2026-05-05T09:30:00.000Z'],
    ['2026-05-05T09:30:00+02:00', '2026-05-05T07:30:00.000Z'],
    ['2026-05-05T09:30:00.123456Z', '2026-05-05T09:30:00.123Z'],
    ['2026-05-05 09:30:00', '2026-05-05T09:30:00.000Z'],
    ['2026-05-05', '2026-05-05T00:00:00.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString()).toBe(iso)
  })

  it('gives undefined for what it cannot read', () => {
    expect(parseFeedDate('the day after the fair')).toBeUndefined()
    expect(parseFeedDate('')).toBeUndefined()
    expect(parseFeedDate(undefined)).toBeUndefined()
  })
})
