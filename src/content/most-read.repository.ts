import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

/**
 * Article ids by views since `sinceHour` (epoch ms), most viewed first, with their totals.
 * Reads the analytics aggregates; served by the (hour, article_id) index.
 */
export async function listMostViewedIds(
  db: Kysely<Database>,
  sinceHour: number,
  limit: number,
): Promise<{ articleId: number; views: number }[]> {
  const rows = await db
    .selectFrom('page_views')
    .select(['article_id', (eb) => eb.fn.sum<number>('views').as('total')])
    .where('hour', '>=', sinceHour)
    .groupBy('article_id')
    .orderBy('total', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ articleId: r.article_id, views: Number(r.total) }))
}
