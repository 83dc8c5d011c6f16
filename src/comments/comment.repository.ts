import type { Kysely } from 'kysely'
import { compiledInsert } from '../db/compiled-once.js'
import type { Database } from '../db/database.js'
import type { CommentStatus } from './comment.table.js'

type Db = Kysely<Database>

export interface Comment {
  id: number
  articleId: number
  parentId: number | null
  authorName: string
  authorUrl: string
  body: string
  status: CommentStatus
  createdAt: Date
}

export async function insertComment(
  db: Db,
  input: Omit<NewCommentRow, 'createdAt'>,
  now: number,
): Promise<number> {
  const [id] = await insertComments(db, [{ ...input, createdAt: now }])
  return id!
}

/** Approved comments of an article, oldest first (the caller builds the tree). */
export async function listApprovedComments(db: Db, articleId: number): Promise<Comment[]> {
  const rows = await db
    .selectFrom('comments')
    .select([
      'id',
      'article_id',
      'parent_id',
      'author_name',
      'author_url',
      'body',
      'status',
      'created_at',
    ])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorUrl: r.author_url,
    body: r.body,
    status: r.status,
    createdAt: new Date(r.created_at),
  }))
}

/** Recount an article's approved comments into `articles.comment_count`. */
export async function refreshCommentCount(db: Db, articleId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow()
  const count = Number(row.n)
  await db
    .updateTable('articles')
    .set({ comment_count: count })
    .where('id', '=', articleId)
    .execute()
  return count
}

/** Has this address had a comment approved before? (It is then a "known" commenter.) */
export async function hasApprovedCommentFrom(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('author_email', '=', email.toLowerCase())
    .where('status', '=', 'approved')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** The same body from the same address since `since` (any status): a double post or a bot. */
export async function hasRecentDuplicate(
  db: Db,
  input: { email: string; body: string; since: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('author_email', '=', input.email.toLowerCase())
    .where('created_at', '>=', input.since)
    .where('body', '=', input.body)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** A comment whole (every status, with the commenter's email), as an export writes it. */
export interface ExportComment extends Comment {
  authorEmail: string
  userId: number | null
}

export async function listCommentsOfArticles(
  db: Db,
  articleIds: number[],
): Promise<ExportComment[]> {
  if (articleIds.length === 0) return []
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .where('article_id', 'in', articleIds)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorEmail: r.author_email,
    authorUrl: r.author_url,
    body: r.body,
    status: r.status,
    userId: r.user_id,
    createdAt: new Date(Number(r.created_at)),
  }))
}

export interface NewCommentRow {
  articleId: number
  parentId: number | null
  authorName: string
  authorEmail: string
  authorUrl?: string
  body: string
  status: CommentStatus
  userId?: number | null
  /** The commenter asked to be mailed when someone replies. */
  notifyReplies?: boolean
  createdAt: number
}

/** Insert many comments (imports), in multi-row statements; their ids in order. */
type CommentValues = {
  article_id: number
  parent_id: number | null
  user_id: number | null
  author_name: string
  author_email: string
  author_url: string
  body: string
  status: CommentStatus
  notify_replies: number
  created_at: number
}

const insertCommentRows = compiledInsert((db: Db, rows: CommentValues[]) =>
  db.insertInto('comments').values(rows).returning('id'),
)

export async function insertComments(db: Db, rows: NewCommentRow[]): Promise<number[]> {
  const inserted = await insertCommentRows(
    db,
    rows.map((c) => ({
      article_id: c.articleId,
      parent_id: c.parentId,
      user_id: c.userId ?? null,
      author_name: c.authorName,
      author_email: c.authorEmail.toLowerCase(),
      author_url: c.authorUrl ?? '',
      body: c.body,
      status: c.status,
      notify_replies: c.notifyReplies ? 1 : 0,
      created_at: c.createdAt,
    })),
  )
  return inserted.map((r) => r.id).sort((a, b) => a - b)
}

/** `refreshCommentCount` for many articles in one statement. */
export async function refreshCommentCounts(db: Db, articleIds: number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500)
    await db
      .updateTable('articles')
      .set((eb) => ({
        comment_count: eb
          .selectFrom('comments')
          .select((s) => s.fn.countAll<number>().as('n'))
          .whereRef('comments.article_id', '=', 'articles.id')
          .where('comments.status', '=', 'approved'),
      }))
      .where('id', 'in', articleIds.slice(i, i + 500))
      .execute()
}
