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
const DAY = 86_400_000
const offsets = new Map<string, number>()
/** Per time zone and UTC day: its offset when the same all day, null when it changes that day. */
const dayOffsets = new Map<string, number | null>()
const OFFSET_PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
}

/**
 * Minutes east of UTC in `timeZone` at `date` (+60 for Paris in winter). Kept per UTC day when
 * the offset is the same at its start and at the next day's start (no zone changes twice in a
 * day), else per quarter hour: offsets and their changes fall on quarter hours. A page of stories
 * from a few days then asks the time-zone data a few times, not once per story.
 */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  const time = date.getTime()
  const day = Math.floor(time / DAY)
  const dayKey = `${timeZone}|${day}`
  let whole = dayOffsets.get(dayKey)
  if (whole === undefined) {
    const start = offsetAt(day * DAY, timeZone)
    whole = start === offsetAt((day + 1) * DAY, timeZone) ? start : null
    if (dayOffsets.size >= 10_000) dayOffsets.clear()
    dayOffsets.set(dayKey, whole)
  }
  if (whole !== null) return whole
  const key = `${timeZone}|${Math.floor(time / QUARTER_HOUR)}`
  let found = offsets.get(key)
  if (found === undefined) {
    found = offsetAt(time, timeZone)
    if (offsets.size >= 10_000) offsets.clear()
    offsets.set(key, found)
  }
  return found
}

/** The offset at `time`, asked of the time-zone data. */
function offsetAt(time: number, timeZone: string): number {
  const formatter = formatterFor(`offset|${timeZone}`, 'en-US', () => ({
    ...OFFSET_PARTS,
    timeZone,
  }))
  const parts: Record<string, string> = {}
  for (const p of formatter.formatToParts(new Date(time))) parts[p.type] = p.value
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return Math.round((wall - Math.floor(time / 1000) * 1000) / 60_000)
}

/** "2026/11": the year and month of `date` in `timeZone`, as article paths use them. */
export function yearMonthIn(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + utcOffsetMinutes(date, timeZone) * 60_000)
  return `${local.getUTCFullYear()}/${String(local.getUTCMonth() + 1).padStart(2, '0')}`
}
