import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type SiteSettings } from '../../settings/index.js'
import { formatDate } from './format.js'

const at = new Date('2026-09-16T22:30:00Z')

function site(patch: Partial<SiteSettings>) {
  return { settings: { ...DEFAULT_SETTINGS, ...patch } }
}

describe('formatDate', () => {
  it('follows the date format chosen in Settings', () => {
    const base = { locale: 'en-GB', timeZone: 'UTC' }
    expect(formatDate(at, site({ ...base, dateFormat: 'long' }))).toBe('16 September 2026')
    expect(formatDate(at, site({ ...base, dateFormat: 'medium' }))).toMatch(/^16 Sept? 2026$/)
    expect(formatDate(at, site({ ...base, dateFormat: 'short' }))).toBe('16/09/2026')
  })

  it('orders the parts by the locale', () => {
    const base = { locale: 'en-US', timeZone: 'UTC' }
    expect(formatDate(at, site({ ...base, dateFormat: 'long' }))).toBe('September 16, 2026')
    expect(formatDate(at, site({ ...base, dateFormat: 'short' }))).toBe('09/16/2026')
  })

  it('takes the calendar day in the site time zone', () => {
    const settings = { locale: 'en-GB', dateFormat: 'short' as const }
    expect(formatDate(at, site({ ...settings, timeZone: 'Europe/Berlin' }))).toBe('17/09/2026')
    expect(formatDate(at, site({ ...settings, timeZone: 'America/New_York' }))).toBe('16/09/2026')
  })
})
