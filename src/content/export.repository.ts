import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** Ids of every article (any status) after `afterId`, in id order: an export walks them in pages. */
export async function listArticleIdsAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** A static page whole, as an export writes it. */
export interface ExportPage {
  id: number
  title: string
  slug: string
  bodyHtml: string
  status: 'draft' | 'published'
  authorId: number | null
  seoTitle: string
  seoDescription: string
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export async function listPagesAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<ExportPage[]> {
  const rows = await db
    .selectFrom('pages')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: r.slug,
    bodyHtml: r.body_html,
    status: r.status,
    authorId: r.author_id,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    publishedAt: r.published_at === null ? null : new Date(Number(r.published_at)),
    createdAt: new Date(Number(r.created_at)),
    updatedAt: new Date(Number(r.updated_at)),
  }))
}

/** Tags with their descriptions after `afterId`, in id order. */
export async function listTagsAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<{ id: number; name: string; slug: string; description: string }[]> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'slug', 'description'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Redirects after `afterId`, in id order. */
export async function listRedirectsAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<{ id: number; fromPath: string; toPath: string; statusCode: number }[]> {
  const rows = await db
    .selectFrom('redirects')
    .select(['id', 'from_path', 'to_path', 'status_code'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    fromPath: r.from_path,
    toPath: r.to_path,
    statusCode: r.status_code,
  }))
}
