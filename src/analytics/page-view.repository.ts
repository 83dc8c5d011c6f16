import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'

const HOUR = 3_600_000

/** Add `count` views to an article's bucket for the hour containing `at` (epoch ms). */
export async function addViews(
  db: Kysely<Database>,
  articleId: number,
  at: number,
  count = 1,
): Promise<void> {
  const hour = Math.floor(at / HOUR) * HOUR
  await db
    .insertInto('page_views')
    .values({ article_id: articleId, hour, views: count })
    .onConflict((oc) =>
      oc.columns(['article_id', 'hour']).doUpdateSet({ views: sql`page_views.views + ${count}` }),
    )
    .execute()
}

/** Which of `ids` are published articles (views of anything else are dropped). */
export async function listPublishedArticleIds(
  db: Kysely<Database>,
  ids: number[],
): Promise<Set<number>> {
  // By primary key only; the status is checked here (see findFeedArticlesByIds).
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute()
  return new Set(rows.filter((r) => r.status === 'published').map((r) => r.id))
}

const DAY = 86_400_000

/**
 * Fold hourly rows before `before` (a UTC midnight) into per-day rows, then delete them. Run
 * inside one transaction: a view is counted in exactly one of the two tables.
 */
export async function rollUpHoursBefore(db: Kysely<Database>, before: number): Promise<number> {
  const day = sql<number>`(hour / ${sql.lit(DAY)}) * ${sql.lit(DAY)}`
  await db
    .insertInto('page_view_days')
    .columns(['article_id', 'day', 'views'])
    .expression((eb) =>
      eb
        .selectFrom('page_views')
        .select(['article_id', day.as('day'), (e) => e.fn.sum<number>('views').as('views')])
        .where('hour', '<', before)
        .groupBy(['article_id', day]),
    )
    .onConflict((oc) =>
      oc
        .columns(['article_id', 'day'])
        .doUpdateSet({ views: sql`page_view_days.views + excluded.views` }),
    )
    .execute()
  const result = await db.deleteFrom('page_views').where('hour', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Views per UTC day between `from` (inclusive) and `to` (exclusive) from the daily rollups. */
export async function listDailyRollups(
  db: Kysely<Database>,
  range: { from: number; to: number },
): Promise<{ day: number; views: number }[]> {
  const rows = await db
    .selectFrom('page_view_days')
    .select(['day', (eb) => eb.fn.sum<number>('views').as('views')])
    .where('day', '>=', range.from)
    .where('day', '<', range.to)
    .groupBy('day')
    .orderBy('day')
    .execute()
  return rows.map((r) => ({ day: Number(r.day), views: Number(r.views) }))
}
