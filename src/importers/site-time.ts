/**
 * WordPress keeps two clocks: `post_date` in the site's own time zone and `post_date_gmt` in UTC.
 * Drafts have no UTC time (`0000-00-00 00:00:00`), and the export does not say which zone the
 * site was in. So we learn it from the export itself: every item or comment with both clocks
 * tells the site's UTC offset on that day, and a local-only time takes the offset observed
 * nearest to it (which follows summer time, unlike one fixed offset). A zone given by the user
 * (`Europe/Oslo`, `+02:00`) wins over what the export shows.
 */

import { AppError } from '../errors.js'

/** `YYYY-MM-DD HH:MM:SS` read as UTC, in epoch ms; undefined for zero or malformed dates. */
export function wallClockMs(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim())
  if (!m) return undefined
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((part) => Number(part ?? 0))
  if (!year || !month || !day) return undefined
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  return Number.isNaN(ms) ? undefined : ms
}

/** A UTC wall-clock time as an instant. */
export function utcDate(text: string): Date | undefined {
  const ms = wallClockMs(text)
  return ms === undefined ? undefined : new Date(ms)
}

/** Turns the site's local wall-clock times into instants. */
export interface SiteClock {
  toDate(local: string): Date | undefined
  /** How the clock was chosen, for the report. */
  readonly description: string
}

const DAY_MS = 86_400_000

/** Offsets seen in an export, one per UTC day (bounded by the days the site published on). */
export class OffsetSamples {
  private readonly byDay = new Map<number, number>()

  /** Record a pair of the same moment on both clocks. */
  add(local: string, gmt: string): void {
    const localMs = wallClockMs(local)
    const gmtMs = wallClockMs(gmt)
    if (localMs === undefined || gmtMs === undefined) return
    const offset = localMs - gmtMs
    // Real offsets are within ±14 h, in quarter hours; anything else is a broken row.
    if (Math.abs(offset) > 14 * 3_600_000 || offset % 900_000 !== 0) return
    this.byDay.set(Math.floor(gmtMs / DAY_MS), offset)
  }

  get size(): number {
    return this.byDay.size
  }

  /** A clock using the offset seen on the nearest day; UTC when the export showed none. */
  clock(): SiteClock {
    const days = [...this.byDay.keys()].sort((a, b) => a - b)
    const offsets = days.map((day) => this.byDay.get(day) ?? 0)
    if (days.length === 0) return fixedClock(0, 'UTC (the export gives no UTC times to learn from)')
    const distinct = new Set(offsets)
    const description =
      distinct.size === 1
        ? `UTC${formatOffset(offsets[0] ?? 0)}, as the export's dated items show`
        : `the UTC offsets the export's dated items show (${[...distinct].map(formatOffset).join(', ')})`
    return {
      description,
      toDate(local) {
        const ms = wallClockMs(local)
        if (ms === undefined) return undefined
        const offset = offsets[nearest(days, Math.floor(ms / DAY_MS))] ?? 0
        return new Date(ms - offset)
      },
    }
  }
}

/** A clock for a zone the user names: an IANA name or a fixed `±HH:MM` offset. */
export function zoneClock(zone: string): SiteClock {
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone.trim())
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1
    const offset = sign * (Number(fixed[2]) * 3_600_000 + Number(fixed[3] ?? 0) * 60_000)
    return fixedClock(offset, `UTC${formatOffset(offset)}`)
  }
  if (/^(?:UTC|GMT|Z)$/i.test(zone.trim())) return fixedClock(0, 'UTC')
  const format = zoneFormat(zone)
  const offsetAt = (ms: number) => {
    const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]))
    const asUtc = Date.UTC(
      parts.year ?? 0,
      (parts.month ?? 1) - 1,
      parts.day,
      parts.hour,
      parts.minute,
      parts.second,
    )
    return asUtc - Math.floor(ms / 1000) * 1000
  }
  return {
    description: format.resolvedOptions().timeZone,
    toDate(local) {
      const ms = wallClockMs(local)
      if (ms === undefined) return undefined
      // The offset at the guess, corrected once if the guess fell across a change of offset.
      const first = ms - offsetAt(ms)
      return new Date(ms - offsetAt(first))
    },
  }
}

function zoneFormat(zone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    throw new AppError(
      'VALIDATION_FAILED',
      `“${zone}” is not a time zone: give a name such as Europe/Oslo or an offset such as +02:00`,
      { property: 'timeZone' },
    )
  }
}

function fixedClock(offset: number, description: string): SiteClock {
  return {
    description,
    toDate(local) {
      const ms = wallClockMs(local)
      return ms === undefined ? undefined : new Date(ms - offset)
    },
  }
}

/** Index of the value in a sorted list nearest to `target`. */
function nearest(sorted: number[], target: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] ?? 0) < target) lo = mid + 1
    else hi = mid
  }
  if (lo > 0 && target - (sorted[lo - 1] ?? 0) < (sorted[lo] ?? 0) - target) return lo - 1
  return lo
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+'
  const minutes = Math.abs(ms) / 60_000
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return `${sign}${hh}:${mm}`
}
