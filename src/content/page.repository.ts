import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { trustedHtml, type TrustedHtml } from './body-html.js'

type Db = Kysely<Database>

export interface StaticPage {
  id: number
  title: string
  slug: string
  bodyHtml: TrustedHtml
  status: 'draft' | 'published'
  seoTitle: string
  seoDescription: string
  publishedAt: Date | null
  updatedAt: Date
}

export async function findPageBySlug(db: Db, slug: string): Promise<StaticPage | undefined> {
  const row = await db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst()
  return (
    row && {
      id: row.id,
      title: row.title,
      slug: row.slug,
      bodyHtml: trustedHtml(row.body_html),
      status: row.status,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      publishedAt: row.published_at === null ? null : new Date(row.published_at),
      updatedAt: new Date(row.updated_at),
    }
  )
}

export async function insertPage(
  db: Db,
  page: {
    title: string
    slug: string
    bodyHtml: string
    status: 'draft' | 'published'
    authorId: number | null
    seoTitle?: string
    seoDescription?: string
  },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('pages')
    .values({
      title: page.title,
      slug: page.slug,
      body_html: page.bodyHtml,
      status: page.status,
      author_id: page.authorId,
      seo_title: page.seoTitle ?? '',
      seo_description: page.seoDescription ?? '',
      published_at: page.status === 'published' ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function isPageSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirst()) !==
    undefined
  )
}

/** A page as another system had it: its own dates and SEO fields. */
export async function insertImportedPage(
  db: Db,
  page: {
    title: string
    slug: string
    bodyHtml: string
    status: 'draft' | 'published'
    authorId: number | null
    seoTitle: string
    seoDescription: string
    publishedAt: number | null
    createdAt: number
    updatedAt: number
  },
): Promise<number> {
  const row = await db
    .insertInto('pages')
    .values({
      title: page.title,
      slug: page.slug,
      body_html: page.bodyHtml,
      status: page.status,
      author_id: page.authorId,
      seo_title: page.seoTitle,
      seo_description: page.seoDescription,
      published_at: page.publishedAt,
      created_at: page.createdAt,
      updated_at: page.updatedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findPageById(db: Db, id: number): Promise<StaticPage | undefined> {
  const row = await db.selectFrom('pages').select('slug').where('id', '=', id).executeTakeFirst()
  return row && findPageBySlug(db, row.slug)
}

export async function isPageSlugTakenByOther(db: Db, slug: string, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('pages')
    .select('id')
    .where('slug', '=', slug)
    .where('id', '<>', id)
    .executeTakeFirst()
  return row !== undefined
}

export async function updatePageRow(
  db: Db,
  id: number,
  update: {
    title?: string
    slug?: string
    body_html?: string
    status?: 'draft' | 'published'
    author_id?: number | null
    seo_title?: string
    seo_description?: string
    published_at?: number | null
    updated_at: number
  },
): Promise<void> {
  await db.updateTable('pages').set(update).where('id', '=', id).execute()
}

export async function deletePageRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('pages').where('id', '=', id).execute()
}
