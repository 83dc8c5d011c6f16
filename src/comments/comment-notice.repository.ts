/** Reads and writes for comment mail: reply notices, their opt-out, the author's notice. */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { CommentStatus } from './comment.table.js'

type Db = Kysely<Database>

export interface ReplyNoticeTarget {
  replyId: number
  replyAuthor: string
  replyBody: string
  replyStatus: CommentStatus
  replyNotified: boolean
  articleId: number
  parentEmail: string
  parentName: string
  parentNotify: boolean
}

/** A reply with what its parent's author asked for; undefined for top-level comments. */
export async function findReplyNoticeTarget(
  db: Db,
  replyId: number,
): Promise<ReplyNoticeTarget | undefined> {
  const row = await db
    .selectFrom('comments as r')
    .innerJoin('comments as p', 'p.id', 'r.parent_id')
    .select([
      'r.id',
      'r.author_name',
      'r.author_email',
      'r.body',
      'r.status',
      'r.reply_notified',
      'r.article_id',
      'p.author_email as parent_email',
      'p.author_name as parent_name',
      'p.notify_replies as parent_notify',
    ])
    .where('r.id', '=', replyId)
    .executeTakeFirst()
  if (!row || row.parent_email === row.author_email) return undefined
  return {
    replyId: row.id,
    replyAuthor: row.author_name,
    replyBody: row.body,
    replyStatus: row.status,
    replyNotified: Number(row.reply_notified) === 1,
    articleId: row.article_id,
    parentEmail: row.parent_email,
    parentName: row.parent_name,
    parentNotify: Number(row.parent_notify) === 1,
  }
}

/** Claim the notice for a reply; false when another request already sent it. */
export async function markReplyNotified(db: Db, replyId: number): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ reply_notified: 1 })
    .where('id', '=', replyId)
    .where('reply_notified', '=', 0)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Stop reply notices for every comment by this address. */
export async function disableReplyNotices(db: Db, email: string): Promise<number> {
  const result = await db
    .updateTable('comments')
    .set({ notify_replies: 0 })
    .where('author_email', '=', email.toLowerCase())
    .where('notify_replies', '=', 1)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Addresses of an article's authors (users), for the new-comment notice. */
export async function listArticleAuthorEmails(db: Db, articleId: number): Promise<string[]> {
  const [byline, owner] = await Promise.all([
    db
      .selectFrom('article_authors')
      .innerJoin('users', 'users.id', 'article_authors.user_id')
      .select('users.email')
      .where('article_authors.article_id', '=', articleId)
      .execute(),
    db
      .selectFrom('articles')
      .innerJoin('users', 'users.id', 'articles.author_id')
      .select('users.email')
      .where('articles.id', '=', articleId)
      .execute(),
  ])
  return [...new Set([...byline, ...owner].map((r) => r.email.toLowerCase()))]
}
