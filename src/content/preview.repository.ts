import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export async function findPreviewToken(db: Db, articleId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('article_previews')
    .select('token')
    .where('article_id', '=', articleId)
    .executeTakeFirst()
  return row?.token
}

/** Store a token unless the article has one already; returns the token that is stored. */
export async function insertPreviewToken(
  db: Db,
  articleId: number,
  token: string,
  now: number,
): Promise<string> {
  await db
    .insertInto('article_previews')
    .values({ article_id: articleId, token, created_at: now })
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute()
  return (await findPreviewToken(db, articleId)) ?? token
}

export async function findArticleIdByPreviewToken(
  db: Db,
  token: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('article_previews')
    .select('article_id')
    .where('token', '=', token)
    .executeTakeFirst()
  return row?.article_id
}
