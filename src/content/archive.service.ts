/**
 * Sitemap reads: which months have stories, one month's stories (in parts of at most 50,000),
 * the news sitemap's last two days, and the sections, tags, authors and pages worth crawling.
 * Months are calendar months in UTC, so a sitemap's URL never depends on a time-zone setting.
 */
import type { ContentDeps } from './content-deps.js'
import {
  countPublishedBetween,
  findFirstPublishedAt,
  findLastPublishedAt,
  listListedTargets,
  listPublishedBetween,
  listPublishedPageEntries,
  listPublishedSince,
  type ArchiveArticle,
  type ArchiveEntry,
} from './archive.repository.js'

/** The sitemap protocol's limit on URLs in one file. */
export const SITEMAP_MAX_URLS = 50_000
/** Google News reads at most this many URLs from a news sitemap. */
export const NEWS_SITEMAP_MAX_URLS = 1_000

export interface ArchiveMonth {
  year: number
  /** 1–12. */
  month: number
  count: number
  lastUpdatedAt: Date
}

/** Months (UTC) that have published stories, oldest first, with counts and last change. */
export async function listArchiveMonths(deps: ContentDeps): Promise<ArchiveMonth[]> {
  const now = deps.clock.now()
  const first = await findFirstPublishedAt(deps.db, now.getTime())
  if (first === undefined) return []
  const months: ArchiveMonth[] = []
  const start = new Date(first)
  let year = start.getUTCFullYear()
  let month = start.getUTCMonth() + 1
  const endKey = now.getUTCFullYear() * 12 + now.getUTCMonth()
  // One index range count per month: a long archive costs a query per month, never a scan.
  while (year * 12 + (month - 1) <= endKey) {
    const { from, to } = monthRange(year, month, now.getTime())
    const { count, lastUpdatedAt } = await countPublishedBetween(deps.db, from, to)
    if (count > 0) months.push({ year, month, count, lastUpdatedAt: new Date(lastUpdatedAt ?? 0) })
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return months
}

/**
 * Part `part` (1-based) of the stories published in a UTC month, oldest first, at most
 * SITEMAP_MAX_URLS; undefined when the month or part has none.
 */
export async function listMonthArticles(
  deps: ContentDeps,
  input: { year: number; month: number; part?: number },
): Promise<ArchiveArticle[] | undefined> {
  const part = input.part ?? 1
  if (!isMonth(input.year, input.month) || !Number.isInteger(part) || part < 1) return undefined
  const { from, to } = monthRange(input.year, input.month, deps.clock.now().getTime())
  if (to <= from) return undefined
  const items = await listPublishedBetween(
    deps.db,
    from,
    to,
    (part - 1) * SITEMAP_MAX_URLS,
    SITEMAP_MAX_URLS,
  )
  return items.length > 0 ? items : undefined
}

/** Stories published in the last `hours` (default 48), newest first, at most 1,000. */
export async function listNewsArticles(
  deps: ContentDeps,
  options: { hours?: number } = {},
): Promise<ArchiveArticle[]> {
  const now = deps.clock.now().getTime()
  const since = now - (options.hours ?? 48) * 3_600_000
  return listPublishedSince(deps.db, since, now, NEWS_SITEMAP_MAX_URLS)
}

/** When the newest published story came out (the front page changed then), if any. */
export async function findLatestPublication(deps: ContentDeps): Promise<Date | undefined> {
  const at = await findLastPublishedAt(deps.db, deps.clock.now().getTime())
  return at === undefined ? undefined : new Date(at)
}

/** Sections, tags or authors that list at least one story, with their newest story's time. */
export async function listSitemapTargets(
  deps: ContentDeps,
  kind: 'section' | 'tag' | 'author',
): Promise<ArchiveEntry[]> {
  return listListedTargets(deps.db, kind, deps.clock.now().getTime(), SITEMAP_MAX_URLS)
}

/** Published static pages with their last update. */
export async function listSitemapPages(deps: ContentDeps): Promise<ArchiveEntry[]> {
  return listPublishedPageEntries(deps.db, SITEMAP_MAX_URLS)
}

function isMonth(year: number, month: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && year >= 1970 && month >= 1 && month <= 12
  )
}

/** [from, to) in epoch ms for a UTC month, never reaching past `now`. */
function monthRange(year: number, month: number, now: number): { from: number; to: number } {
  const from = Date.UTC(year, month - 1, 1)
  const to = Math.min(Date.UTC(year, month, 1), now + 1)
  return { from, to }
}
