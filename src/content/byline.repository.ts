import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** The articles carrying a person's byline. */
export async function listBylineArticleIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_authors')
    .select('article_id')
    .where('user_id', '=', userId)
    .orderBy('article_id')
    .execute()
  return rows.map((r) => r.article_id)
}

/**
 * Move every byline, article and page of `fromId` to `toId`. Where both are already on a
 * byline, the departing person's line is dropped and the heir keeps their place.
 */
export async function reassignBylines(db: Db, fromId: number, toId: number): Promise<void> {
  await db
    .deleteFrom('article_authors')
    .where('user_id', '=', fromId)
    .where('article_id', 'in', (eb) =>
      eb.selectFrom('article_authors').select('article_id').where('user_id', '=', toId),
    )
    .execute()
  await db
    .updateTable('article_authors')
    .set({ user_id: toId })
    .where('user_id', '=', fromId)
    .execute()
  await db
    .updateTable('articles')
    .set({ author_id: toId })
    .where('author_id', '=', fromId)
    .execute()
  await db.updateTable('pages').set({ author_id: toId }).where('author_id', '=', fromId).execute()
}

/** How many articles carry a person's byline. */
export async function countBylineArticles(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('article_authors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
