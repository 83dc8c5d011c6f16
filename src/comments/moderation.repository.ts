import {
  sql,
  SqliteAdapter,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely'
import type { Database } from '../db/database.js'
import { listTextFilter, type ListSearch } from '../db/list-search.js'
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

export interface QueuedComment {
  id: number
  articleId: number
  articleTitle: string
  parentId: number | null
  authorName: string
  authorEmail: string
  authorUrl: string
  body: string
  status: CommentStatus
  createdAt: Date
}

/** Narrowing the queue: words in the name, address or text, and one article. */
export interface QueueFilter {
  q?: string | undefined
  articleId?: number | undefined
}

/**
 * One tab of the moderation queue, newest first; `authorId` limits it to their articles, `q`
 * to the comments holding its words (name, address or text) through the list index.
 */
export async function listModerationQueue(
  db: Db,
  search: ListSearch,
  input: {
    status: CommentStatus
    authorId?: number | undefined
    limit: number
    offset: number
  } & QueueFilter,
): Promise<QueuedComment[]> {
  let query = db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([
      'comments.id',
      'comments.article_id',
      'articles.title',
      'comments.parent_id',
      'comments.author_name',
      'comments.author_email',
      'comments.author_url',
      'comments.body',
      'comments.status',
      'comments.created_at',
    ])
    .where('comments.status', '=', input.status)
  if (input.authorId !== undefined)
    query = query.where(ownComments(input.authorId, await fewOwnStories(db, input.authorId)))
  const text = await listTextFilter(db, search, 'comments', sql.ref('comments.id'), input.q)
  query = query.where(matching(input, text?.page))
  const rows = await query
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.title,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorEmail: r.author_email,
    authorUrl: r.author_url,
    body: r.body,
    status: r.status,
    createdAt: new Date(r.created_at),
  }))
}

/**
 * Set when a search of the queue matches so many comments that only the newest this-many are
 * searched (see `SEARCHED_LIST_MATCHES`): the queue says so.
 */
export async function moderationSearchedNewest(
  db: Db,
  search: ListSearch,
  q: string | undefined,
): Promise<number | undefined> {
  const text = await listTextFilter(db, search, 'comments', sql.ref('comments.id'), q)
  return text?.newestOnly
}

/** How many comments each tab holds. */
export async function countModerationQueue(
  db: Db,
  search: ListSearch,
  authorId?: number,
  filter: QueueFilter = {},
): Promise<Record<CommentStatus, number>> {
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 }
  const text = await listTextFilter(db, search, 'comments', sql.ref('comments.id'), filter.q)
  if (
    authorId === undefined &&
    filter.articleId === undefined &&
    !text &&
    db.getExecutor().adapter instanceof SqliteAdapter
  ) {
    // Every comment: SQLite keeps these counts (migration 2026_12_14_1100_create_list_counts).
    const kept = await sql<{ status: CommentStatus; n: number }>`select status, n
      from comment_counts`.execute(db)
    for (const row of kept.rows) counts[row.status] = Number(row.n)
    return counts
  }
  let counted = db
    .selectFrom('comments')
    .select(['comments.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(matching(filter, text?.count))
  // Someone's stories drive the count: their comments are read story by story from the
  // comments' story index, never by testing every comment of the site.
  if (authorId !== undefined)
    counted = counted.where('comments.article_id', 'in', (eb) =>
      eb
        .selectFrom('article_authors')
        .select('article_authors.article_id')
        .where('article_authors.user_id', '=', authorId),
    )
  for (const row of await counted.groupBy('comments.status').execute())
    counts[row.status] = Number(row.n)
  return counts
}

/**
 * Up to this many stories, a writer's queue is read story by story; beyond it, the queue's own
 * order is walked, testing each comment's story (many stories, so a page is found quickly).
 */
const FEW_OWN_STORIES = 2_000

/** The stories `authorId` has a byline on, when there are at most `FEW_OWN_STORIES`. */
async function fewOwnStories(db: Db, authorId: number): Promise<number[] | undefined> {
  const rows = await db
    .selectFrom('article_authors')
    .select('article_id')
    .where('user_id', '=', authorId)
    .limit(FEW_OWN_STORIES + 1)
    .execute()
  return rows.length > FEW_OWN_STORIES ? undefined : rows.map((r) => r.article_id)
}

/**
 * Comments on the stories `authorId` has a byline on: those they may moderate (the permission
 * goes by bylines). Tested on the link index alone: reading each comment's story row to see
 * whose it is walked a million-story archive's pages (a minute for an author with no comments).
 */
function ownComments(authorId: number, few: number[] | undefined) {
  return (eb: ExpressionBuilder<Database, 'comments' | 'articles'>) => {
    if (few) return few.length > 0 ? eb('comments.article_id', 'in', few) : eb.lit(false)
    return eb.exists(
      eb
        .selectFrom('article_authors')
        .select('article_authors.user_id')
        .whereRef('article_authors.article_id', '=', 'comments.article_id')
        .where('article_authors.user_id', '=', authorId),
    )
  }
}

/** The filter as a condition (always true when empty); `text` is the search box's. */
function matching(filter: QueueFilter, text: RawBuilder<SqlBool> | undefined) {
  return (eb: ExpressionBuilder<Database, 'comments' | 'articles'>) => {
    const parts = []
    if (filter.articleId !== undefined) parts.push(eb('comments.article_id', '=', filter.articleId))
    if (text) parts.push(text)
    return eb.and(parts)
  }
}
