import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'

/** Views lose half their weight every 12 hours of age, so fresh stories can overtake old hits. */
const DECAY_MS = 43_200_000

/**
 * Article ids by recency-weighted views since `sinceHour` (epoch ms), highest first. Reads the
 * analytics aggregates through the (hour, article_id) index.
 */
export async function listMostViewedIds(
  db: Kysely<Database>,
  sinceHour: number,
  now: number,
  limit: number,
): Promise<{ articleId: number; views: number }[]> {
  const age = sql`(${sql.lit(now)} - hour) * 1.0 / ${sql.lit(DECAY_MS)}`
  const score = sql<number>`sum(views * 1.0 / (1 + ${age}))`
  const rows = await db
    .selectFrom('page_views')
    .select(['article_id', (eb) => eb.fn.sum<number>('views').as('total'), score.as('score')])
    .where('hour', '>=', sinceHour)
    .groupBy('article_id')
    .orderBy('score', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ articleId: r.article_id, views: Number(r.total) }))
}
