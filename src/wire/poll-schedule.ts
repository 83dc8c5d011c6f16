/**
 * When to poll a source next, as a good web citizen. Pure, so the rules are unit-tested:
 * - after a success, the editor's interval, stretched for feeds that rarely publish (Miniflux's
 *   "entry frequency": a week divided by the items of the last week), up to 24 h;
 * - never sooner than the server's `Cache-Control: max-age` or `Retry-After`;
 * - after a failure, exponential backoff from the interval, up to 24 h;
 * - after 10 failures in a row, the source is paused.
 */
import { MAX_INTERVAL_MINUTES } from './source-settings.js'

export const MAX_FAILURES = 10
const MINUTE = 60_000
const WEEK_MINUTES = 7 * 24 * 60

export interface ScheduleHints {
  /** `Cache-Control: max-age`, seconds. */
  maxAgeSeconds?: number | undefined
  /** `Retry-After`, seconds. */
  retryAfterSeconds?: number | undefined
}

/** Minutes between polls for a source with `interval` that published `itemsLastWeek` items. */
export function adaptiveMinutes(interval: number, itemsLastWeek: number): number {
  const byFrequency = itemsLastWeek > 0 ? WEEK_MINUTES / itemsLastWeek : MAX_INTERVAL_MINUTES
  return Math.round(Math.min(MAX_INTERVAL_MINUTES, Math.max(interval, byFrequency)))
}

/** The next poll after a successful one (fetched or 304). */
export function nextPollAfterSuccess(
  now: Date,
  interval: number,
  itemsLastWeek: number,
  hints: ScheduleHints,
): Date {
  const wait = adaptiveMinutes(interval, itemsLastWeek) * MINUTE
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
