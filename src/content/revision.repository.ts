import type { Kysely } from 'kysely'
import { compiledInsert } from '../db/compiled-once.js'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export interface Revision {
  id: number
  articleId: number
  version: number
  title: string
  standfirst: string
  bodyHtml: string
  authorId: number | null
  createdAt: Date
}

/** One revision with its editor document (what a restore needs). */
export interface RevisionWithDoc extends Revision {
  bodyDoc: unknown
}

export async function insertRevision(
  db: Db,
  articleId: number,
  version: number,
  content: { title: string; standfirst: string; bodyHtml: string; bodyDoc: string | null },
  authorId: number | null,
  now: number,
): Promise<void> {
  await db
    .insertInto('revisions')
    .values({
      article_id: articleId,
      version,
      title: content.title,
      standfirst: content.standfirst,
      body_html: content.bodyHtml,
      body_doc: content.bodyDoc,
      author_id: authorId,
      created_at: now,
    })
    .execute()
}

export async function listRevisions(db: Db, articleId: number): Promise<Revision[]> {
  const rows = await db
    .selectFrom('revisions')
    .select([
      'id',
      'article_id',
      'version',
      'title',
      'standfirst',
      'body_html',
      'author_id',
      'created_at',
    ])
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    version: r.version,
    title: r.title,
    standfirst: r.standfirst,
    bodyHtml: r.body_html,
    authorId: r.author_id,
    createdAt: new Date(r.created_at),
  }))
}

export async function findRevision(
  db: Db,
  articleId: number,
  revisionId: number,
): Promise<RevisionWithDoc | undefined> {
  const r = await db
    .selectFrom('revisions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('id', '=', revisionId)
    .executeTakeFirst()
  if (!r) return undefined
  return {
    id: r.id,
    articleId: r.article_id,
    version: r.version,
    title: r.title,
    standfirst: r.standfirst,
    bodyHtml: r.body_html,
    bodyDoc: r.body_doc ? (JSON.parse(r.body_doc) as unknown) : null,
    authorId: r.author_id,
    createdAt: new Date(Number(r.created_at)),
  }
}

/** The first revision of many articles at once (an import). */
export async function insertFirstRevisions(
  db: Db,
  rows: {
    articleId: number
    title: string
    standfirst: string
    bodyHtml: string
    authorId: number | null
    createdAt: number
  }[],
): Promise<void> {
  await insertRevisionRows(
    db,
    rows.map((r) => ({
      article_id: r.articleId,
      version: 1,
      title: r.title,
      standfirst: r.standfirst,
      body_html: r.bodyHtml,
      body_doc: null,
      author_id: r.authorId,
      created_at: r.createdAt,
    })),
  )
}

type RevisionValues = {
  article_id: number
  version: number
  title: string
  standfirst: string
  body_html: string
  body_doc: string | null
  author_id: number | null
  created_at: number
}

const insertRevisionRows = compiledInsert((db: Db, rows: RevisionValues[]) =>
  db.insertInto('revisions').values(rows),
)
