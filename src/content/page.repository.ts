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
