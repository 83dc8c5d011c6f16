import { describe, expect, it } from 'vitest'
import { siteFormats } from './locale-format.js'

describe('siteFormats', () => {
  const june = new Date('2026-06-01T08:30:00Z')

  it('writes dates the British way on an en-GB site, in the site’s zone', () => {
    const f = siteFormats({ locale: 'en-GB', timeZone: 'Europe/London' })
    expect(f.date(june)).toBe('1 Jun 2026')
    expect(f.dateTime(june)).toMatch(/^1 Jun 2026,? 09:30$/)
    // ICU versions differ on the comma after the weekday (Node 20 and 24).
    expect(f.longDateTime(june)).toMatch(/^Monday,? 1 June 2026 at 09:30 BST$/)
  })

  it('follows another locale and zone', () => {
    const f = siteFormats({ locale: 'en-US', timeZone: 'America/New_York' })
    expect(f.date(june)).toBe('Jun 1, 2026')
  })

  it('shows counts as whole numbers with the locale’s grouping', () => {
    expect(siteFormats({ locale: 'en-GB', timeZone: 'UTC' }).count(2301.6547333337367)).toBe(
      '2,302',
    )
    expect(siteFormats({ locale: 'de-DE', timeZone: 'UTC' }).count(12345)).toBe('12.345')
  })

  it('falls back to en-GB and UTC for values it cannot use', () => {
    const f = siteFormats({ locale: 'not a locale!', timeZone: 'Mars/Olympus' })
    expect(f.locale).toBe('en-GB')
    expect(f.timeZone).toBe('UTC')
  })
})
