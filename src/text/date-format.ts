/**
 * Shared Intl.DateTimeFormat instances. Building a formatter costs tens of microseconds (it
 * loads locale data); formatting with one is cheap. A page formats dozens of dates, so each
 * distinct (locale, options) pair is built once per process. The memo only grows with the
 * handful of locale/time-zone/option combinations the site uses.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return formatterFor(`${locale}|${JSON.stringify(options)}`, locale, () => options)
}

/**
 * The formatter kept under `key`, made from `options()` the first time. For hot callers that
 * can name their formatter cheaply (no options object built, no JSON key per call).
 */
export function formatterFor(
  key: string,
  locale: string,
  options: () => Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options())
    if (formatters.size < 200) formatters.set(key, formatter)
  }
  return formatter
}

const QUARTER_HOUR = 900_000
const offsets = new Map<string, number>()

/**
 * Minutes east of UTC in `timeZone` at `date` (+60 for Paris in winter). Kept per quarter hour:
 * offsets and their changes fall on quarter hours.
 */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(date.getTime() / QUARTER_HOUR)}`
  let found = offsets.get(key)
  if (found === undefined) {
    const parts = Object.fromEntries(
      dateFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    ) as Record<string, string>
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    )
    found = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000)
    if (offsets.size >= 10_000) offsets.clear()
    offsets.set(key, found)
  }
  return found
}

/** "2026/11": the year and month of `date` in `timeZone`, as article paths use them. */
export function yearMonthIn(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + utcOffsetMinutes(date, timeZone) * 60_000)
  return `${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`
}
