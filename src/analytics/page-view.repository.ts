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
