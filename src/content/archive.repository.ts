/**
 * Reads for sitemaps and the news sitemap: published articles by publication-time range, and
 * the sections, tags, authors and pages that have something to show. Every article query is a
 * range on the (status, published_at, id) index; per-section/tag/author times are one seek each
 * on the link tables' (target, listed_at, article_id) index.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** One article as a sitemap needs it: just enough for its URL, dates and image. */
export interface ArchiveArticle {
  id: number
  slug: string
  title: string
  publishedAt: Date
  updatedAt: Date
  image: { url: string; alt: string } | null
}

/** A section, tag, author or page with the time its listing last changed. */
export interface ArchiveEntry {
  slug: string
  name: string
  lastChangedAt: Date
}

/** The earliest publication time of any published article up to `now`. */
export async function findFirstPublishedAt(db: Db, now: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('published_at', 'asc')
    .limit(1)
    .executeTakeFirst()
  return row?.published_at ?? undefined
}

/** How many articles were published in [from, to) and when the latest of them changed. */
export async function countPublishedBetween(
  db: Db,
  from: number,
  to: number,
): Promise<{ count: number; lastUpdatedAt: number | null }> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .executeTakeFirstOrThrow()
  return { count: Number(row.n), lastUpdatedAt: row.last === null ? null : Number(row.last) }
}

/** Articles published in [from, to), oldest first. */
export async function listPublishedBetween(
  db: Db,
  from: number,
  to: number,
  offset: number,
  limit: number,
): Promise<ArchiveArticle[]> {
  const rows = await archiveQuery(db)
    .where('a.status', '=', 'published')
    .where('a.published_at', '>=', from)
    .where('a.published_at', '<', to)
    .orderBy('a.published_at', 'asc')
    .orderBy('a.id', 'asc')
    .offset(offset)
    .limit(limit)
    .execute()
  return rows.map(toArchiveArticle)
}

/** Articles published in [since, now], newest first. */
export async function listPublishedSince(
  db: Db,
  since: number,
  now: number,
  limit: number,
): Promise<ArchiveArticle[]> {
  const rows = await archiveQuery(db)
    .where('a.status', '=', 'published')
    .where('a.published_at', '>=', since)
    .where('a.published_at', '<=', now)
    // A story whose canonical page is elsewhere (a wire story, syndicated copy) is not ours to list.
    .where('a.canonical_url', '=', '')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toArchiveArticle)
}

/** The most recent change to any article (an index lookup on updated_at). */
export async function findLatestArticleChange(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('updated_at')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.updated_at
}

const TARGETS = {
  section: { table: 'categories', link: 'article_categories', column: 'category_id' },
  tag: { table: 'tags', link: 'article_tags', column: 'tag_id' },
  author: { table: 'users', link: 'article_authors', column: 'user_id' },
} as const

/**
 * Sections, tags or authors with at least one published article, each with the newest one's
 * publication time: one index seek per row on the link table's (target, listed_at) index.
 */
export async function listListedTargets(
  db: Db,
  kind: keyof typeof TARGETS,
  now: number,
  limit: number,
): Promise<ArchiveEntry[]> {
  const target = TARGETS[kind]
  // Dynamic table names keep one query for three tables; the casts name one of them for Kysely.
  const withLast = db
    .selectFrom(`${target.table} as t` as 'tags as t')
    .select(['t.id', 't.slug', 't.name'])
    .select((eb) =>
      eb
        .selectFrom(`${target.link} as l` as 'article_tags as l')
        .select('l.listed_at')
        .whereRef(`l.${target.column}` as 'l.tag_id', '=', 't.id')
        .where('l.listed_at', 'is not', null)
        .where('l.listed_at', '<=', now)
        .orderBy('l.listed_at', 'desc')
        .limit(1)
        .as('last'),
    )
  const rows = await db
    .selectFrom(withLast.as('x'))
    .select(['x.slug', 'x.name', 'x.last'])
    .where('x.last', 'is not', null)
    .orderBy('x.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    lastChangedAt: new Date(Number(r.last)),
  }))
}

/** Published static pages with their last update. The pages table is small (About, Contact…). */
export async function listPublishedPageEntries(db: Db, limit: number): Promise<ArchiveEntry[]> {
  const rows = await db
    .selectFrom('pages')
    .select(['slug', 'title', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ slug: r.slug, name: r.title, lastChangedAt: new Date(r.updated_at) }))
}

function archiveQuery(db: Db) {
  return db
    .selectFrom('articles as a')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select([
      'a.id',
      'a.slug',
      'a.title',
      'a.published_at',
      'a.updated_at',
      'a.featured_alt',
      'm.path as media_path',
      'm.alt as media_alt',
    ])
}

type ArchiveRow = Awaited<ReturnType<ReturnType<typeof archiveQuery>['executeTakeFirstOrThrow']>>

function toArchiveArticle(row: ArchiveRow): ArchiveArticle {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    publishedAt: new Date(row.published_at ?? 0),
    updatedAt: new Date(row.updated_at),
    image:
      row.media_path === null
        ? null
        : { url: `/media/${row.media_path}`, alt: row.featured_alt || (row.media_alt ?? '') },
  }
}

/** The publication time of the newest published article up to `now`. */
export async function findLastPublishedAt(db: Db, now: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.published_at ?? undefined
}
