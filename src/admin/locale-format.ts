/**
 * Dates and numbers in the site's locale and time zone, the same on every newsroom screen
 * (an en-GB site reads 1 June 2026, 09:00, not 6/1/2026).
 */
export interface SiteFormats {
  locale: string
  timeZone: string
  /** "1 Jun 2026" */
  date(value: Date): string
  /** "1 Jun 2026, 10:00" */
  dateTime(value: Date): string
  /** "Monday 1 June 2026 at 10:00 BST" (the time zone spelt out, for scheduling). */
  longDateTime(value: Date): string
  /** Whole numbers with the locale's grouping: 2,302. */
  count(value: number): string
}

/** Formatters for a site's locale and time zone (bad values fall back to en-GB, UTC). */
export function siteFormats(settings: { locale: string; timeZone: string }): SiteFormats {
  const locale = valid(() => Intl.getCanonicalLocales(settings.locale)[0]) ?? 'en-GB'
  const timeZone =
    valid(
      () =>
        new Intl.DateTimeFormat('en', { timeZone: settings.timeZone }).resolvedOptions().timeZone,
    ) ?? 'UTC'
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' })
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const long = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  })
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  return {
    locale,
    timeZone,
    date: (value) => date.format(value),
    dateTime: (value) => dateTime.format(value),
    longDateTime: (value) => long.format(value),
    count: (value) => count.format(Math.round(value)),
  }
}

function valid<T>(get: () => T): T | undefined {
  try {
    return get()
  } catch {
    return undefined
  }
}
