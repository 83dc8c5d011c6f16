import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { CommentStatus } from './comment.table.js'

type Db = Kysely<Database>

export async function findCommentStatus(
  db: Db,
  id: number,
): Promise<{ id: number; articleId: number; status: CommentStatus } | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row && { id: row.id, articleId: row.article_id, status: row.status }
}

export async function updateCommentStatus(
  db: Db,
  id: number,
  status: CommentStatus,
): Promise<void> {
  await db.updateTable('comments').set({ status }).where('id', '=', id).execute()
}
