import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** A dated note appended to a published article ("Correction: an earlier version said…"). */
export interface Correction {
  id: number
  articleId: number
  body: string
  createdBy: number | null
  createdAt: Date
}

export async function insertCorrection(
  db: Db,
  row: { articleId: number; body: string; createdBy: number | null; createdAt: number },
): Promise<number> {
  const result = await db
    .insertInto('article_corrections')
    .values({
      article_id: row.articleId,
      body: row.body,
      created_by: row.createdBy,
      created_at: row.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return result.id
}

/** An article's corrections, oldest first (the order readers read them in). */
export async function listCorrections(db: Db, articleId: number): Promise<Correction[]> {
  const rows = await db
    .selectFrom('article_corrections')
    .select(['id', 'article_id', 'body', 'created_by', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    body: r.body,
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)),
  }))
}
