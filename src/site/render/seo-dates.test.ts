import { describe, expect, it } from 'vitest'
import { isoWithOffset, updatedAfterPublication } from './seo-dates.js'

describe('isoWithOffset', () => {
  it('states the site zone’s offset, in winter and in summer', () => {
    expect(isoWithOffset(new Date('2026-11-17T09:30:00Z'), 'Europe/London')).toBe(
      '2026-11-17T09:30:00+00:00',
    )
    expect(isoWithOffset(new Date('2026-07-01T09:30:05Z'), 'Europe/London')).toBe(
      '2026-07-01T10:30:05+01:00',
    )
    expect(isoWithOffset(new Date('2026-07-01T09:30:00Z'), 'America/New_York')).toBe(
      '2026-07-01T05:30:00-04:00',
    )
    expect(isoWithOffset(new Date('2026-07-01T09:30:00Z'), 'Asia/Kolkata')).toBe(
      '2026-07-01T15:00:00+05:30',
    )
  })

  it('names the same instant as the ISO string', () => {
    const date = new Date('2026-03-29T00:59:59Z')
    expect(new Date(isoWithOffset(date, 'Europe/Paris')).getTime()).toBe(date.getTime())
  })
})

describe('updatedAfterPublication', () => {
  const publishedAt = new Date('2026-11-17T09:00:00Z')

  it('ignores a save in the minute of publication', () => {
    const updatedAt = new Date('2026-11-17T09:00:30Z')
    expect(updatedAfterPublication({ publishedAt, updatedAt })).toBeUndefined()
  })

  it('reports a later edit', () => {
    const updatedAt = new Date('2026-11-17T11:00:00Z')
    expect(updatedAfterPublication({ publishedAt, updatedAt })).toEqual(updatedAt)
  })
})
