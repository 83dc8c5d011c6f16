/**
 * When to poll a source next, as a good web citizen. Pure, so the rules are unit-tested:
 * - after a success, the editor's interval, stretched for feeds that rarely publish (Miniflux's
 *   "entry frequency": a week divided by the items of the last week, or a day by the last
 *   day's when that is busier), up to 24 h;
 * - never sooner than the server's `Cache-Control: max-age` or `Retry-After`;
 * - after a failure, exponential backoff from the interval, up to 24 h;
 * - after 10 failures in a row, the source is paused.
 */
import { MAX_INTERVAL_MINUTES } from './source-settings.js'

export const MAX_FAILURES = 10
const MINUTE = 60_000
const DAY_MINUTES = 24 * 60
const WEEK_MINUTES = 7 * DAY_MINUTES

export interface ScheduleHints {
  /** `Cache-Control: max-age`, seconds. */
  maxAgeSeconds?: number | undefined
  /** `Retry-After`, seconds. */
  retryAfterSeconds?: number | undefined
}

/**
 * Minutes between polls for a source with `interval` that published `itemsLastWeek` items, of
 * which `itemsLastDay` in the last day. The busier of the two rates counts: a source followed
 * since this morning, or one that has just got busy, has a week's count that says little.
 */
export function adaptiveMinutes(interval: number, itemsLastWeek: number, itemsLastDay = 0): number {
  const byWeek = itemsLastWeek > 0 ? WEEK_MINUTES / itemsLastWeek : MAX_INTERVAL_MINUTES
  const byDay = itemsLastDay > 0 ? DAY_MINUTES / itemsLastDay : MAX_INTERVAL_MINUTES
  const byFrequency = Math.min(byWeek, byDay)
  return Math.round(Math.min(MAX_INTERVAL_MINUTES, Math.max(interval, byFrequency)))
}

/** The next poll after a successful one (fetched or 304). */
export function nextPollAfterSuccess(
  now: Date,
  interval: number,
  recent: { lastWeek: number; lastDay: number },
  hints: ScheduleHints,
): Date {
  const wait = adaptiveMinutes(interval, recent.lastWeek, recent.lastDay) * MINUTE
  return new Date(now.getTime() + Math.max(wait, floorMs(hints)))
}

/** The next poll after the `failures`-th failure in a row (1 for the first). */
export function nextPollAfterFailure(
  now: Date,
  interval: number,
  failures: number,
  hints: ScheduleHints,
): Date {
  const backoff = Math.min(
    MAX_INTERVAL_MINUTES * MINUTE,
    interval * MINUTE * 2 ** Math.max(0, failures - 1),
  )
  return new Date(now.getTime() + Math.max(backoff, floorMs(hints)))
}

function floorMs(hints: ScheduleHints): number {
  // A server may ask for days; a day later we ask again all the same.
  const seconds = Math.max(hints.maxAgeSeconds ?? 0, hints.retryAfterSeconds ?? 0)
  return Math.min(seconds, MAX_INTERVAL_MINUTES * 60) * 1000
}
