/** Page views for the newsroom dashboard: a total per day in the site's time zone, and the top stories. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { listHourlyViews, listTopViewed } from './view-stats.repository.js'

const DAY = 86_400_000

export interface ViewStats {
  days: { date: string; views: number }[]
  top: { articleId: number; title: string; views: number }[]
  total: number
}

/** The last `days` days up to now, oldest first; days without views are listed with 0. */
export async function viewStats(
  deps: { db: Kysely<Database>; clock: Clock },
  input: { days: number; timeZone: string; top?: number },
): Promise<ViewStats> {
  const days = Math.min(Math.max(Math.trunc(input.days) || 30, 1), 366)
  const to = deps.clock.now().getTime()
  // One extra day so the first local day is whole whatever the offset.
  const from = Math.floor(to / DAY) * DAY - days * DAY
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: input.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  const wanted: string[] = []
  for (let i = days - 1; i >= 0; i--) wanted.push(format.format(new Date(to - i * DAY)))
  const totals = new Map(wanted.map((d) => [d, 0]))
  const [hours, top] = await Promise.all([
    listHourlyViews(deps.db, { from, to: to + 1 }),
    listTopViewed(deps.db, { from: to - days * DAY, to: to + 1, limit: input.top ?? 10 }),
  ])
  for (const { hour, views } of hours) {
    const date = format.format(new Date(hour))
    if (totals.has(date)) totals.set(date, (totals.get(date) ?? 0) + views)
  }
  // Views are counted in whole readers: a stored fraction (sampled or estimated counts) never shows.
  const list = wanted.map((date) => ({ date, views: Math.round(totals.get(date) ?? 0) }))
  return {
    days: list,
    top: top.map((t) => ({ ...t, views: Math.round(t.views) })),
    total: list.reduce((sum, d) => sum + d.views, 0),
  }
}
