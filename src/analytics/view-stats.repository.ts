import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** Views per hourly bucket between `from` (inclusive) and `to` (exclusive), all articles together. */
export async function listHourlyViews(
  db: Db,
  range: { from: number; to: number },
): Promise<{ hour: number; views: number }[]> {
  const rows = await db
    .selectFrom('page_views')
    .select(['hour', (eb) => eb.fn.sum<number>('views').as('views')])
    .where('hour', '>=', range.from)
    .where('hour', '<', range.to)
    .groupBy('hour')
    .orderBy('hour')
    .execute()
  return rows.map((r) => ({ hour: Number(r.hour), views: Number(r.views) }))
}

/** The most-viewed articles in a time range, with their headlines. */
export async function listTopViewed(
  db: Db,
  range: { from: number; to: number; limit: number },
): Promise<{ articleId: number; title: string; views: number }[]> {
  const rows = await db
    .selectFrom('page_views as pv')
    .innerJoin('articles as a', 'a.id', 'pv.article_id')
    .select(['a.id', 'a.title', (eb) => eb.fn.sum<number>('pv.views').as('views')])
    .where('pv.hour', '>=', range.from)
    .where('pv.hour', '<', range.to)
    .groupBy(['a.id', 'a.title'])
    .orderBy('views', 'desc')
    .orderBy('a.id', 'desc')
    .limit(range.limit)
    .execute()
  return rows.map((r) => ({ articleId: r.id, title: r.title, views: Number(r.views) }))
}
