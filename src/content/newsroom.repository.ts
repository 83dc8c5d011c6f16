import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { ArticleStatus } from './article.table.js'

type Db = Kysely<Database>

/** Ids for the newsroom's article list: any status, most recently updated first. */
export async function listNewsroomIds(
  db: Db,
  filter: { status?: ArticleStatus; authorId?: number; limit: number; offset: number },
): Promise<number[]> {
  let query = db.selectFrom('articles as a').select('a.id')
  if (filter.status !== undefined) query = query.where('a.status', '=', filter.status)
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('aa.user_id', '=', authorId),
      ),
    )
  }
  const rows = await query
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return rows.map((r) => r.id)
}

/** How many articles are in each status (optionally only one author's). */
export async function countByStatus(
  db: Db,
  authorId?: number,
): Promise<Partial<Record<ArticleStatus, number>>> {
  let query = db
    .selectFrom('articles as a')
    .select(['a.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('a.status')
  if (authorId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('aa.user_id', '=', authorId),
      ),
    )
  }
  const rows = await query.execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}
