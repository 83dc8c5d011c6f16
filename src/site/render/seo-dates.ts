/** Dates as structured data and the visible byline state them, by one rule. */
import type { ArticleSummary } from '../../content/index.js'
import { utcOffsetMinutes } from '../../text/date-format.js'

const MINUTE = 60_000

/**
 * When the story was updated after publication, or undefined when it wasn't (a save within a
 * minute of publishing is the publication itself). The byline's "Updated" and JSON-LD's
 * `dateModified` both come from here.
 */
export function updatedAfterPublication(
  article: Pick<ArticleSummary, 'publishedAt' | 'updatedAt'>,
): Date | undefined {
  const published = article.publishedAt
  if (!published) return undefined
  return article.updatedAt.getTime() - published.getTime() >= MINUTE ? article.updatedAt : undefined
}

/** ISO 8601 with the site's UTC offset: `2026-11-17T09:30:00+00:00`, `2026-07-01T10:00:00+01:00`. */
export function isoWithOffset(date: Date, timeZone: string): string {
  const minutes = utcOffsetMinutes(date, timeZone)
  const seconds = Math.floor(date.getTime() / 1000) * 1000
  const local = new Date(seconds + minutes * 60_000).toISOString().slice(0, 19)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${local}${sign}${hh}:${mm}`
}
