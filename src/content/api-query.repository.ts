/**
 * SQL for the platform APIs' reads: published stories under a filter tree (see `api-query.ts`),
 * the extra columns an API post shows, and the sections, tags and authors with their counts of
 * published stories.
 */
import {
  sql,
  SqliteAdapter,
  type ExpressionBuilder,
  type Expression,
  type Kysely,
  type SqlBool,
} from 'kysely'
import { compiledOnce } from '../db/compiled-once.js'
import {
  findListing,
  listingPage,
  listingRows,
  type ConditionOn,
} from './api-listing.repository.js'
import type { ArticleSummary, CategoryRef, ImageRef, TagRef } from './article.js'
import type { Database } from '../db/database.js'
import {
  filterValue,
  type ApiFilter,
  type ApiFilterField,
  type ApiOrder,
  type ApiScalar,
} from './api-query.js'

type Db = Kysely<Database>
type PostEb = ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>
type Cond = Expression<SqlBool>
type Comparison = Exclude<ApiFilter, { and: ApiFilter[] } | { or: ApiFilter[] }>

const ORDER_COLUMN = {
  id: 'a.id',
  title: 'a.title',
  slug: 'a.slug',
  featured: 'a.is_featured',
  published_at: 'a.published_at',
  updated_at: 'a.updated_at',
  created_at: 'a.created_at',
} as const

export type ApiAudience = 'readers' | 'staff'

/** What staff see through the Admin API: everything but archived (deleted) stories. */
const STAFF_STATUSES = ['draft', 'pending', 'scheduled', 'published'] as const

function publishedPosts(
  db: Db,
  now: number,
  filter: ApiFilter | undefined,
  audience: ApiAudience = 'readers',
  orderedBy?: ApiOrder['field'],
) {
  // Ordered by anything but the publication date, the page comes from that order's index, the
  // publication time tested per story: `+ 0` keeps SQLite (which has no statistics to weigh
  // them) from reading the publication-date range instead and sorting every published story.
  const published =
    orderedBy === undefined || orderedBy === 'published_at'
      ? sql.ref('a.published_at')
      : sql`${sql.ref('a.published_at')} + 0`
  let query =
    audience === 'staff'
      ? // Listed as values (not `<> 'archived'`), so the status index serves the order.
        db.selectFrom('articles as a').where('a.status', 'in', STAFF_STATUSES)
      : db
          .selectFrom('articles as a')
          .where('a.status', '=', 'published')
          .where(published, '<=', now)
  if (filter) query = query.where((eb) => condition(eb, filter))
  return query
}

/** The plain browse (no filter, newest first), most requests: the general query's SQL, compiled once. */
const newestIds = compiledOnce((db: Db, now: number, limit: number, offset: number) =>
  db
    .selectFrom('articles as a')
    .select('a.id')
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset),
)

/** At most this many stories of a listing are sorted for a page in another order. */
const FEW_LISTED = 2_000

/**
 * One page of published story ids in the order asked. A filter on tags, authors or a primary
 * tag or author, ordered by publication date, reads the link listings (see
 * `api-listing.repository.ts`); any other order reads its own index in order (the tie between
 * equal values broken by id in the same direction, so one index serves both), testing each
 * story against the filter.
 */
export async function listApiPostIds(
  db: Db,
  now: number,
  query: {
    filter?: ApiFilter
    order: ApiOrder[]
    limit: number
    offset: number
    audience?: ApiAudience
    /** How many match, when known: a listing this small is sorted rather than walked for. */
    total?: number
  },
): Promise<number[]> {
  const [first, ...more] = query.order
  const byDate = first?.field === 'published_at' && !more.length ? first.direction : undefined
  const readers = (query.audience ?? 'readers') === 'readers'
  const listing = readers ? findListing(db, query.filter) : undefined
  if (byDate && listing) {
    return listingPage(db, now, listing, conditionOn, {
      direction: byDate,
      limit: query.limit,
      offset: query.offset,
    })
  }
  if (byDate === 'desc' && !query.filter && readers)
    return (await newestIds(db, now, query.limit, query.offset)).map((r) => r.id)
  let select = publishedPosts(db, now, query.filter, query.audience, first?.field).select('a.id')
  // In another order, a listing's few stories are read by id and sorted: walking the order's
  // index for them would test most of the archive before finding a rare tag's page.
  if (listing && query.total !== undefined && query.total <= FEW_LISTED)
    select = db
      .selectFrom('articles as a')
      .select('a.id')
      .where(
        'a.id',
        'in',
        db
          .selectFrom(listingRows(db, now, listing, conditionOn).as('listed'))
          .select('listed.article_id'),
      )
  for (const { field, direction } of query.order)
    select = select.orderBy(ORDER_COLUMN[field], direction)
  const last = query.order.at(-1)?.direction ?? 'desc'
  const rows = await select.orderBy('a.id', last).limit(query.limit).offset(query.offset).execute()
  return rows.map((r) => r.id)
}

/** How many published stories (or, for staff, stories) match `filter`. */
export async function countApiPosts(
  db: Db,
  now: number,
  filter: ApiFilter | undefined,
  audience: ApiAudience = 'readers',
): Promise<number> {
  const listing = audience === 'readers' ? findListing(db, filter) : undefined
  if (listing) {
    const counted = await db
      .selectFrom(listingRows(db, now, listing, conditionOn).as('listed'))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(counted.n)
  }
  if (audience === 'staff' && !filter && db.getExecutor().adapter instanceof SqliteAdapter) {
    // Every story a script may see: SQLite keeps the counts per status (migration
    // 2026_12_14_1000_create_story_counts) rather than counting a million rows each request.
    const kept = await sql<{ n: number | null }>`select sum(n) as n from story_counts
      where status in (${sql.join(STAFF_STATUSES)})`.execute(db)
    return Number(kept.rows[0]?.n ?? 0)
  }
  const row = await publishedPosts(db, now, filter, audience)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const conditionOn: ConditionOn = (eb, filter) => condition(eb, filter)

/**
 * A story's columns for the APIs, with its links still to add: only what a post shows (a
 * summary's byline, section names and counts are not), so a page's rows are built quickly.
 */
const apiPostRows = compiledOnce((db: Db, ids: readonly number[]) =>
  db
    .selectFrom('articles as a')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select([
      'a.id',
      'a.title',
      'a.slug',
      'a.standfirst',
      'a.excerpt',
      'a.status',
      'a.published_at',
      'a.updated_at',
      'a.created_at',
      'a.reading_minutes',
      'a.is_featured',
      'a.primary_category_id',
      'a.featured_alt',
      'a.featured_caption',
      'm.path as media_path',
      'm.alt as media_alt',
      'm.caption as media_caption',
      'a.body_html',
      'a.seo_title',
      'a.seo_description',
      'a.canonical_url',
    ])
    .where('a.id', 'in', ids),
)

/** A story's own columns as the APIs show them (its links come from `findApiPostLinks`). */
export interface ApiPostRow extends Pick<
  ArticleSummary,
  | 'id'
  | 'title'
  | 'slug'
  | 'standfirst'
  | 'excerpt'
  | 'status'
  | 'publishedAt'
  | 'updatedAt'
  | 'readingMinutes'
  | 'isFeatured'
> {
  createdAt: Date
  /** The primary section, first among its sections when it has some. */
  primaryCategoryId: number | null
  image: Pick<ImageRef, 'url' | 'alt' | 'caption'> | null
  bodyHtml: string
  seoTitle: string
  seoDescription: string
  canonicalUrl: string
}

/** Stories by id with the columns an API post shows: one query. */
export async function findApiPostRows(db: Db, ids: number[]): Promise<Map<number, ApiPostRow>> {
  const out = new Map<number, ApiPostRow>()
  if (ids.length === 0) return out
  for (const r of await apiPostRows(db, ids))
    out.set(r.id, {
      id: r.id,
      title: r.title,
      slug: r.slug,
      standfirst: r.standfirst,
      excerpt: r.excerpt,
      status: r.status,
      publishedAt: r.published_at === null ? null : new Date(r.published_at),
      updatedAt: new Date(r.updated_at),
      createdAt: new Date(r.created_at),
      readingMinutes: r.reading_minutes,
      isFeatured: r.is_featured === 1,
      primaryCategoryId: r.primary_category_id,
      // As a summary shows it: the story's own alt and caption before the library's.
      image:
        r.media_path === null
          ? null
          : {
              url: `/media/${r.media_path}`,
              alt: r.featured_alt || (r.media_alt ?? ''),
              caption: r.featured_caption || (r.media_caption ?? ''),
            },
      bodyHtml: r.body_html,
      seoTitle: r.seo_title,
      seoDescription: r.seo_description,
      canonicalUrl: r.canonical_url,
    })
  return out
}

const chosenSectionsOf = compiledOnce((db: Db, ids: readonly number[]) =>
  db
    .selectFrom('article_categories as ac')
    .innerJoin('categories as c', 'c.id', 'ac.category_id')
    .select(['ac.article_id', 'c.id', 'c.name', 'c.slug', 'c.parent_id'])
    .where('ac.article_id', 'in', ids)
    .where('ac.inherited', '=', 0)
    .orderBy('ac.position'),
)

const tagsOf = compiledOnce((db: Db, ids: readonly number[]) =>
  db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['at.article_id', 't.id', 't.name', 't.slug'])
    .where('at.article_id', 'in', ids)
    .orderBy('at.position'),
)

const bylinesOf = compiledOnce((db: Db, ids: readonly number[]) =>
  db
    .selectFrom('article_authors as aa')
    .innerJoin('users as u', 'u.id', 'aa.user_id')
    .select(['aa.article_id', 'u.id', 'u.name', 'u.slug', 'u.bio', 'u.avatar_url', 'u.social'])
    .where('aa.article_id', 'in', ids)
    .orderBy('aa.position'),
)

/** What an API post links to: its chosen sections, tags and bylines, in their editors' order. */
export interface ApiPostLinks {
  sections: CategoryRef[]
  tags: TagRef[]
  authors: ApiPerson[]
}

/** The links of several stories: three queries for any number, each person built once. */
export async function findApiPostLinks(db: Db, ids: number[]): Promise<Map<number, ApiPostLinks>> {
  const out = new Map<number, ApiPostLinks>(
    ids.map((id) => [id, { sections: [], tags: [], authors: [] }]),
  )
  if (ids.length === 0) return out
  const [sections, tags, bylines] = await Promise.all([
    chosenSectionsOf(db, ids),
    tagsOf(db, ids),
    bylinesOf(db, ids),
  ])
  for (const c of sections)
    out
      .get(c.article_id)
      ?.sections.push({ id: c.id, name: c.name, slug: c.slug, parentId: c.parent_id })
  for (const t of tags) out.get(t.article_id)?.tags.push({ id: t.id, name: t.name, slug: t.slug })
  const people = new Map<number, ApiPerson>()
  for (const u of bylines) {
    let person = people.get(u.id)
    if (!person) people.set(u.id, (person = apiPerson(u, 0)))
    out.get(u.article_id)?.authors.push(person)
  }
  return out
}

const ownerRow = compiledOnce((db: Db) =>
  db
    .selectFrom('users as u')
    .select(['u.id', 'u.name', 'u.slug', 'u.bio', 'u.avatar_url', 'u.social'])
    .where('u.role', '=', 'owner')
    .orderBy('u.id')
    .limit(1),
)

/** The site's first owner as the APIs show people: the byline of anything that has none. */
export async function findApiOwner(db: Db): Promise<ApiPerson | undefined> {
  const [row] = await ownerRow(db)
  return row && apiPerson(row, 0)
}

/** A person as the APIs show them: never their email. */
export interface ApiPerson {
  id: number
  name: string
  slug: string
  bio: string
  avatarUrl: string | null
  website: string | null
  postCount: number
}

/** People with at least one published story (or the given ids), with their counts. */
export async function listApiPeople(
  db: Db,
  now: number,
  options: { ids?: number[]; withPostsOnly: boolean; withCounts?: boolean },
): Promise<ApiPerson[]> {
  if (options.ids?.length === 0) return []
  if (options.withCounts === false && !options.withPostsOnly) {
    // Bylines need no counts: counting groups every story's authors (30 ms at 100,000 stories).
    let query = db
      .selectFrom('users as u')
      .select(['u.id', 'u.name', 'u.slug', 'u.bio', 'u.avatar_url', 'u.social'])
    if (options.ids) query = query.where('u.id', 'in', options.ids)
    const rows = await query.orderBy('u.name').orderBy('u.id').execute()
    return rows.map((r) => apiPerson(r, 0))
  }
  let query = db
    .selectFrom('users as u')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('article_authors')
          .select(['user_id', (e) => e.fn.countAll<number | string>().as('n')])
          .where('listed_at', 'is not', null)
          .where('listed_at', '<=', now)
          .groupBy('user_id')
          .as('c'),
      (join) => join.onRef('c.user_id', '=', 'u.id'),
    )
    .select(['u.id', 'u.name', 'u.slug', 'u.bio', 'u.avatar_url', 'u.social', 'c.n'])
  if (options.ids) query = query.where('u.id', 'in', options.ids)
  if (options.withPostsOnly) query = query.where('c.n', 'is not', null)
  const rows = await query.orderBy('u.name').orderBy('u.id').execute()
  return rows.map((r) => apiPerson(r, Number(r.n ?? 0)))
}

function apiPerson(
  r: {
    id: number
    name: string
    slug: string
    bio: string
    avatar_url: string | null
    social: string
  },
  postCount: number,
): ApiPerson {
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    bio: r.bio,
    avatarUrl: r.avatar_url,
    website: websiteOf(r.social),
    postCount,
  }
}

function websiteOf(social: string): string | null {
  try {
    const parsed = JSON.parse(social) as { website?: unknown }
    return typeof parsed.website === 'string' && parsed.website ? parsed.website : null
  } catch {
    return null
  }
}

/** A section or a tag with its count of published stories (sections chosen, not inherited). */
export interface ApiTagRow {
  kind: 'section' | 'tag'
  id: number
  name: string
  slug: string
  description: string
  postCount: number
  createdAt: Date
}

export async function listApiTagRows(db: Db, now: number): Promise<ApiTagRow[]> {
  const [sections, tags] = await Promise.all([
    db
      .selectFrom('categories as c')
      .leftJoin('article_categories as ac', (join) =>
        join
          .onRef('ac.category_id', '=', 'c.id')
          .on('ac.inherited', '=', 0)
          .on('ac.listed_at', 'is not', null)
          .on('ac.listed_at', '<=', now),
      )
      .select(['c.id', 'c.name', 'c.slug', 'c.description', 'c.created_at'])
      .select((eb) => eb.fn.count<number | string>('ac.article_id').as('n'))
      .groupBy(['c.id', 'c.name', 'c.slug', 'c.description', 'c.created_at'])
      .execute(),
    db
      .selectFrom('tags as t')
      .leftJoin('article_tags as at', (join) =>
        join
          .onRef('at.tag_id', '=', 't.id')
          .on('at.listed_at', 'is not', null)
          .on('at.listed_at', '<=', now),
      )
      .select(['t.id', 't.name', 't.slug', 't.description', 't.created_at'])
      .select((eb) => eb.fn.count<number | string>('at.article_id').as('n'))
      .groupBy(['t.id', 't.name', 't.slug', 't.description', 't.created_at'])
      .execute(),
  ])
  return [
    ...sections.map((r) => ({ kind: 'section' as const, ...r, postCount: Number(r.n) })),
    ...tags.map((r) => ({ kind: 'tag' as const, ...r, postCount: Number(r.n) })),
  ].map(({ n: _n, created_at, ...row }) => ({ ...row, createdAt: new Date(Number(created_at)) }))
}

function condition(eb: PostEb, filter: ApiFilter): Cond {
  if ('and' in filter) return eb.and(filter.and.map((f) => condition(eb, f)))
  if ('or' in filter) return eb.or(filter.or.map((f) => condition(eb, f)))
  return comparison(eb, filter)
}

const NEGATED = { ne: 'eq', nin: 'in', notLike: 'like' } as const

function comparison(eb: PostEb, c: Comparison): Cond {
  switch (c.field) {
    case 'visibility': {
      // Every published story is public; compare the constant.
      const truth = matchesConstant('public', c)
      return sql<SqlBool>`${sql.lit(1)} = ${sql.lit(truth ? 1 : 0)}`
    }
    case 'tags.slug':
    case 'authors.slug':
    case 'primary_tag.slug':
    case 'primary_author.slug': {
      // "has no tag x" is "not (has tag x)", as Ghost reads `tag:-x`.
      if (c.op in NEGATED) {
        const positive = { ...c, op: NEGATED[c.op as keyof typeof NEGATED] } as Comparison
        return eb.not(related(eb, c.field, positive))
      }
      return related(eb, c.field, c)
    }
    default:
      return compare(sql.ref(columnOf(c.field)), c)
  }
}

function columnOf(field: ApiFilterField): string {
  const columns: Partial<Record<ApiFilterField, string>> = {
    id: 'a.id',
    slug: 'a.slug',
    title: 'a.title',
    featured: 'a.is_featured',
    published_at: 'a.published_at',
    updated_at: 'a.updated_at',
    status: 'a.status',
  }
  return columns[field] ?? 'a.id'
}

function related(eb: PostEb, field: ApiFilterField, c: Comparison): Cond {
  const slug = (ref: string) => compare(sql.ref(ref), c)
  switch (field) {
    case 'tags.slug':
      return eb.or([
        eb.exists(
          eb
            .selectFrom('article_tags as ft')
            .innerJoin('tags as t', 't.id', 'ft.tag_id')
            .select(sql.lit(1).as('one'))
            .whereRef('ft.article_id', '=', 'a.id')
            .where(() => slug('t.slug')),
        ),
        eb.exists(
          eb
            .selectFrom('article_categories as fc')
            .innerJoin('categories as s', 's.id', 'fc.category_id')
            .select(sql.lit(1).as('one'))
            .whereRef('fc.article_id', '=', 'a.id')
            .where('fc.inherited', '=', 0)
            .where(() => slug('s.slug')),
        ),
      ])
    case 'authors.slug':
      return eb.exists(
        eb
          .selectFrom('article_authors as fa')
          .innerJoin('users as u', 'u.id', 'fa.user_id')
          .select(sql.lit(1).as('one'))
          .whereRef('fa.article_id', '=', 'a.id')
          .where(() => slug('u.slug')),
      )
    case 'primary_author.slug':
      return eb.exists(
        eb
          .selectFrom('users as u')
          .select(sql.lit(1).as('one'))
          .whereRef('u.id', '=', 'a.author_id')
          .where(() => slug('u.slug')),
      )
    default:
      // The primary tag is the story's section, or its first tag when it has none.
      return eb.or([
        eb.exists(
          eb
            .selectFrom('categories as s')
            .select(sql.lit(1).as('one'))
            .whereRef('s.id', '=', 'a.primary_category_id')
            .where(() => slug('s.slug')),
        ),
        eb.and([
          eb('a.primary_category_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('article_tags as ft')
              .innerJoin('tags as t', 't.id', 'ft.tag_id')
              .select(sql.lit(1).as('one'))
              .whereRef('ft.article_id', '=', 'a.id')
              .where(() => slug('t.slug'))
              .where(
                'ft.position',
                '=',
                eb
                  .selectFrom('article_tags as fp')
                  .select((e) => e.fn.min('fp.position').as('p'))
                  .whereRef('fp.article_id', '=', 'a.id'),
              ),
          ),
        ]),
      ])
  }
}

function compare(ref: Expression<unknown>, c: Comparison): Cond {
  const value = (v: ApiScalar) => filterValue(c.field, v)
  switch (c.op) {
    case 'eq': {
      const v = value(c.value)
      return v === null ? sql<SqlBool>`${ref} is null` : sql<SqlBool>`${ref} = ${v}`
    }
    case 'ne': {
      const v = value(c.value)
      return v === null ? sql<SqlBool>`${ref} is not null` : sql<SqlBool>`${ref} <> ${v}`
    }
    case 'gt':
      return sql<SqlBool>`${ref} > ${value(c.value)}`
    case 'gte':
      return sql<SqlBool>`${ref} >= ${value(c.value)}`
    case 'lt':
      return sql<SqlBool>`${ref} < ${value(c.value)}`
    case 'lte':
      return sql<SqlBool>`${ref} <= ${value(c.value)}`
    case 'in':
    case 'nin': {
      const list = sql.join(c.value.map((v) => value(v)))
      return c.op === 'in'
        ? sql<SqlBool>`${ref} in (${list})`
        : sql<SqlBool>`${ref} not in (${list})`
    }
    case 'like':
    case 'notLike': {
      const pattern = likePattern(c.value, c.anchor)
      const test = sql<SqlBool>`lower(${ref}) like ${pattern} escape '\\'`
      return c.op === 'like' ? test : sql<SqlBool>`not (${test})`
    }
  }
}

function likePattern(text: string, anchor: 'any' | 'start' | 'end'): string {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)
  if (anchor === 'start') return `${escaped}%`
  if (anchor === 'end') return `%${escaped}`
  return `%${escaped}%`
}

/** Whether a constant field value passes a comparison (for fields every row shares). */
function matchesConstant(constant: string, c: Comparison): boolean {
  const text = (v: ApiScalar) => String(v)
  switch (c.op) {
    case 'eq':
      return text(c.value) === constant
    case 'ne':
      return text(c.value) !== constant
    case 'in':
      return c.value.map(text).includes(constant)
    case 'nin':
      return !c.value.map(text).includes(constant)
    case 'like':
    case 'notLike': {
      const hit =
        c.anchor === 'start'
          ? constant.startsWith(c.value.toLowerCase())
          : c.anchor === 'end'
            ? constant.endsWith(c.value.toLowerCase())
            : constant.includes(c.value.toLowerCase())
      return c.op === 'like' ? hit : !hit
    }
    default:
      return false
  }
}

/** A published static page as the APIs show it. */
export interface ApiPageRow {
  id: number
  status: 'draft' | 'published'
  title: string
  slug: string
  bodyHtml: string
  seoTitle: string
  seoDescription: string
  authorId: number | null
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export async function listApiPages(
  db: Db,
  audience: ApiAudience = 'readers',
): Promise<ApiPageRow[]> {
  let query = db.selectFrom('pages').selectAll()
  if (audience === 'readers') query = query.where('status', '=', 'published')
  const rows = await query.orderBy('title').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    title: r.title,
    slug: r.slug,
    bodyHtml: r.body_html,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    authorId: r.author_id,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }))
}

/** The site's first owner: the byline of anything that has none. */
export async function findOwnerId(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'owner')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return row?.id
}
