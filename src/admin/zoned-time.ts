/**
 * `<input type="datetime-local">` speaks wall-clock time in the site's time zone; the database
 * speaks instants. These two functions translate, DST included.
 */

/** The zone's offset from UTC at `instant`, in ms (e.g. +3 600 000 for London in summer). */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return wall - (instant - (instant % 1000))
}

/** `2026-06-01T08:30` in `Europe/London` → the instant 07:30Z. Invalid input → Invalid Date. */
export function zonedInputToDate(value: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim())
  if (!match) return new Date(Number.NaN)
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  // Two passes settle the offset on either side of a DST change.
  let instant = wall - offsetMs(wall, timeZone)
  instant = wall - offsetMs(instant, timeZone)
  return new Date(instant)
}

/** The instant as `YYYY-MM-DDTHH:mm` wall-clock time in `timeZone`, for the input's value. */
export function dateToZonedInput(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + offsetMs(date.getTime(), timeZone))
  return local.toISOString().slice(0, 16)
}
