/**
 * Every SQL statement about articles and their links. List queries work in two steps: pick the
 * page of ids from an index (link tables carry `listed_at` for that), then load summaries by id.
 */
import type { Kysely } from 'kysely'
import { compiledInsert, compiledOnce } from '../db/compiled-once.js'
import type { Database } from '../db/database.js'
import type { Article, ArticleSummary, AuthorRef, CategoryRef, TagRef } from './article.js'
import type { ArticleUpdate, NewArticleRow } from './article.table.js'
import { trustedHtml } from './body-html.js'

type Db = Kysely<Database>

export async function insertArticle(db: Db, row: NewArticleRow): Promise<number> {
  const result = await db
    .insertInto('articles')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return result.id
}

/**
 * Update only if the stored version is still `expectedVersion`; bumps the version.
 * Returns false when someone else saved in between.
 */
export async function updateArticleIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  update: ArticleUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ ...update, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function findArticleVersion(db: Db, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.version
}

/** Delete an article; its links, revisions, comments and views go with it (ON DELETE CASCADE). */
export async function deleteArticleRow(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function findArticleIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row?.id
}

export async function isArticleSlugTaken(
  db: Db,
  slug: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug)
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

/** Replace an article's sections, tags and authors, each row listed at `listedAt`. */
export async function replaceArticleLinks(
  db: Db,
  articleId: number,
  links: {
    categories: { id: number; inherited: boolean }[]
    tagIds: number[]
    authorIds: number[]
  },
  listedAt: number | null,
): Promise<void> {
  await db.deleteFrom('article_categories').where('article_id', '=', articleId).execute()
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute()
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute()
  if (links.categories.length > 0) {
    await db
      .insertInto('article_categories')
      .values(
        links.categories.map((c, position) => ({
          article_id: articleId,
          category_id: c.id,
          position,
          inherited: c.inherited ? 1 : 0,
          listed_at: listedAt,
        })),
      )
      .execute()
  }
  if (links.tagIds.length > 0) {
    await db
      .insertInto('article_tags')
      .values(
        links.tagIds.map((tag_id, position) => ({
          article_id: articleId,
          tag_id,
          position,
          listed_at: listedAt,
        })),
      )
      .execute()
  }
  if (links.authorIds.length > 0) {
    await db
      .insertInto('article_authors')
      .values(
        links.authorIds.map((user_id, position) => ({
          article_id: articleId,
          user_id,
          position,
          listed_at: listedAt,
        })),
      )
      .execute()
  }
}

/** Keep the link tables' listing time in step with the article's visibility. */
export async function setListedAt(
  db: Db,
  articleId: number,
  listedAt: number | null,
): Promise<void> {
  for (const table of ['article_categories', 'article_tags', 'article_authors'] as const) {
    await db
      .updateTable(table)
      .set({ listed_at: listedAt })
      .where('article_id', '=', articleId)
      .execute()
  }
}

export interface IdPage {
  ids: number[]
  total: number
}

/**
 * How a list's total is counted: `false` skips it (blocks showing a few stories), `true` counts
 * (a scan of the index range), a function counts through a cache (`key` names the list).
 */
export type CountMode = boolean | ((key: string, count: () => Promise<number>) => Promise<number>)

function countWith(mode: CountMode | undefined, key: string, count: () => Promise<number>) {
  if (mode === false) return undefined
  return typeof mode === 'function' ? mode(key, count) : count()
}

/** Ids of published articles, newest first. `count: false` skips the total (it costs a scan of the index). */
export async function listPublishedIds(
  db: Db,
  now: number,
  offset: number,
  limit: number,
  options: { count?: CountMode } = {},
): Promise<IdPage> {
  const base = db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
  const [rows, count] = await Promise.all([
    base
      .select('id')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    countWith(options.count, 'articles', async () =>
      Number(
        (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      ),
    ),
  ])
  return { ids: rows.map((r) => r.id), total: count ?? rows.length }
}

type LinkTable = 'article_categories' | 'article_tags' | 'article_authors'
const LINK_COLUMN = {
  article_categories: 'category_id',
  article_tags: 'tag_id',
  article_authors: 'user_id',
} as const

/** Ids of published articles linked to one section, tag or author, newest first. */
export async function listLinkedIds(
  db: Db,
  table: LinkTable,
  targetId: number,
  now: number,
  offset: number,
  limit: number,
  options: { count?: CountMode } = {},
): Promise<IdPage> {
  const column = LINK_COLUMN[table]
  // The dynamic column name keeps one query for three tables; each has a matching index.
  const base = db
    .selectFrom(table as 'article_tags')
    .where(column as 'tag_id', '=', targetId)
    .where('listed_at', 'is not', null)
    .where('listed_at', '<=', now)
  const [rows, count] = await Promise.all([
    base
      .select('article_id')
      .orderBy('listed_at', 'desc')
      .orderBy('article_id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    countWith(options.count, `${table}:${targetId}`, async () =>
      Number(
        (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      ),
    ),
  ])
  return { ids: rows.map((r) => r.article_id), total: count ?? rows.length }
}

export async function listFlaggedIds(
  db: Db,
  flag: 'is_editors_pick' | 'is_featured',
  now: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where(flag, '=', 1)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

export interface IndexableArticle {
  id: number
  title: string
  standfirst: string
  bodyHtml: string
  publishedAt: number
  tagNames: string[]
  authorNames: string[]
}

/**
 * Published articles with their tag and author names (in byline order), for indexing: a batch
 * after `afterId` in id order, or those of the given ids that are published.
 */
export async function listIndexableAfter(
  db: Db,
  which: { afterId: number; limit: number } | { ids: number[] },
): Promise<IndexableArticle[]> {
  if ('ids' in which && which.ids.length === 0) return []
  let query = db
    .selectFrom('articles')
    .select(['id', 'title', 'standfirst', 'body_html', 'published_at'])
    .where('status', '=', 'published')
  query =
    'ids' in which
      ? query.where('id', 'in', which.ids)
      : query.where('id', '>', which.afterId).limit(which.limit)
  const rows = await query.orderBy('id').execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [tags, authors] = await Promise.all([
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.name'])
      .where('at.article_id', 'in', ids)
      .orderBy('at.article_id')
      .orderBy('at.position')
      .execute(),
    db
      .selectFrom('article_authors as aa')
      .innerJoin('users as u', 'u.id', 'aa.user_id')
      .select(['aa.article_id', 'u.name'])
      .where('aa.article_id', 'in', ids)
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute(),
  ])
  const group = (list: { article_id: number; name: string }[]) => {
    const map = new Map<number, string[]>()
    for (const item of list)
      map.set(item.article_id, [...(map.get(item.article_id) ?? []), item.name])
    return map
  }
  const tagMap = group(tags)
  const authorMap = group(authors)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    standfirst: r.standfirst,
    bodyHtml: r.body_html,
    publishedAt: r.published_at ?? 0,
    tagNames: tagMap.get(r.id) ?? [],
    authorNames: authorMap.get(r.id) ?? [],
  }))
}

/** A story's words for the newsroom's index, whatever its status. */
export interface StoryText {
  id: number
  title: string
  standfirst: string
  bodyHtml: string
}

/** Stories (any status) in id order: after `afterId`, or the given ids. */
export async function listStoryTexts(
  db: Db,
  which: { afterId: number; limit: number } | { ids: number[] },
): Promise<StoryText[]> {
  if ('ids' in which && which.ids.length === 0) return []
  let query = db.selectFrom('articles').select(['id', 'title', 'standfirst', 'body_html'])
  query =
    'ids' in which
      ? query.where('id', 'in', which.ids)
      : query.where('id', '>', which.afterId).limit(which.limit)
  const rows = await query.orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    standfirst: r.standfirst,
    bodyHtml: r.body_html,
  }))
}

/** Ids of scheduled articles whose time has come, oldest first. */
export async function listDueScheduledIds(db: Db, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now)
    .orderBy('published_at', 'asc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** When the next scheduled article is due (epoch ms), through the (status, published_at) index. */
export async function findNextScheduledAt(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'scheduled')
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'asc')
    .limit(1)
    .executeTakeFirst()
  return row?.published_at == null ? undefined : Number(row.published_at)
}

/** The latest `perTag` published article ids for each tag, for related-story scoring. */
export async function listRecentIdsForTags(
  db: Db,
  tagIds: number[],
  now: number,
  perTag: number,
): Promise<{ tagId: number; articleId: number; listedAt: number }[]> {
  const out: { tagId: number; articleId: number; listedAt: number }[] = []
  for (const tagId of tagIds) {
    const rows = await recentIdsForTag(db, tagId, now, perTag)
    for (const r of rows) out.push({ tagId, articleId: r.article_id, listedAt: r.listed_at ?? 0 })
  }
  return out
}

const recentIdsForTag = compiledOnce((db: Db, tagId: number, now: number, limit: number) =>
  db
    .selectFrom('article_tags')
    .select(['article_id', 'listed_at'])
    .where('tag_id', '=', tagId)
    .where('listed_at', 'is not', null)
    .where('listed_at', '<=', now)
    .orderBy('listed_at', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit),
)

/** The columns (and joins) of an `ArticleSummary`; `toSummary` reads its rows. */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('articles as a')
    .leftJoin('categories as c', 'c.id', 'a.primary_category_id')
    .leftJoin('users as u', 'u.id', 'a.author_id')
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
      'a.reading_minutes',
      'a.comment_count',
      'a.is_editors_pick',
      'a.is_featured',
      'a.featured_media_id',
      'a.featured_alt',
      'a.featured_caption',
      'a.featured_credit',
      'c.id as category_id',
      'c.name as category_name',
      'c.slug as category_slug',
      'c.parent_id as category_parent_id',
      'u.id as author_id',
      'u.name as author_name',
      'u.slug as author_slug',
      'u.avatar_url as author_avatar_url',
      'm.path as media_path',
      'm.width as media_width',
      'm.height as media_height',
      'm.alt as media_alt',
      'm.caption as media_caption',
      'm.credit as media_credit',
    ])
}

export type SummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>
>

const summariesByIds = compiledOnce((db: Db, ids: readonly number[]) =>
  summaryQuery(db).where('a.id', 'in', ids),
)

const articleById = compiledOnce((db: Db, id: number) =>
  summaryQuery(db)
    .select([
      'a.body_html',
      'a.body_doc',
      'a.created_at',
      'a.word_count',
      'a.allow_comments',
      'a.seo_title',
      'a.seo_description',
      'a.canonical_url',
      'a.version',
    ])
    .where('a.id', '=', id),
)

/** Summaries for `ids`, in the order given (missing ids are skipped). */
export async function findSummariesByIds(db: Db, ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return []
  const rows = await summariesByIds(db, ids)
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** The whole article with its sections, tags and authors. */
export async function findArticleById(db: Db, id: number): Promise<Article | undefined> {
  const [[row], extra] = await Promise.all([articleById(db, id), findLinks(db, id)])
  if (!row) return undefined
  return {
    ...toSummary(row),
    bodyHtml: trustedHtml(row.body_html),
    bodyDoc: row.body_doc ? (JSON.parse(row.body_doc) as unknown) : null,
    createdAt: new Date(row.created_at),
    wordCount: row.word_count,
    allowComments: row.allow_comments === 1,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    canonicalUrl: row.canonical_url,
    version: row.version,
    ...extra,
  }
}

/** An article's sections (`inherited`: listed there as an ancestor of a chosen one), tags and authors. */
export interface ArticleLinks {
  categories: (CategoryRef & { inherited: boolean })[]
  tags: TagRef[]
  authors: AuthorRef[]
}

const categoriesOf = compiledOnce((db: Db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_categories as ac')
    .innerJoin('categories as c', 'c.id', 'ac.category_id')
    .select(['ac.article_id', 'c.id', 'c.name', 'c.slug', 'c.parent_id', 'ac.inherited'])
    .where('ac.article_id', 'in', articleIds)
    .orderBy('ac.position'),
)

const tagsOf = compiledOnce((db: Db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['at.article_id', 't.id', 't.name', 't.slug'])
    .where('at.article_id', 'in', articleIds)
    .orderBy('at.position'),
)

const authorsOf = compiledOnce((db: Db, articleIds: readonly number[]) =>
  db
    .selectFrom('article_authors as aa')
    .innerJoin('users as u', 'u.id', 'aa.user_id')
    .select(['aa.article_id', 'u.id', 'u.name', 'u.slug', 'u.avatar_url'])
    .where('aa.article_id', 'in', articleIds)
    .orderBy('aa.position'),
)

/** The links of several articles, in their editors' order: three queries for any number. */
export async function findLinksByArticle(
  db: Db,
  articleIds: number[],
): Promise<Map<number, ArticleLinks>> {
  const out = new Map<number, ArticleLinks>(
    articleIds.map((id) => [id, { categories: [], tags: [], authors: [] }]),
  )
  if (articleIds.length === 0) return out
  const [categories, tags, authors] = await Promise.all([
    categoriesOf(db, articleIds),
    tagsOf(db, articleIds),
    authorsOf(db, articleIds),
  ])
  for (const c of categories)
    out.get(c.article_id)?.categories.push({
      id: c.id,
      name: c.name,
      slug: c.slug,
      parentId: c.parent_id,
      inherited: c.inherited !== 0,
    })
  for (const t of tags) out.get(t.article_id)?.tags.push({ id: t.id, name: t.name, slug: t.slug })
  for (const u of authors)
    out
      .get(u.article_id)
      ?.authors.push({ id: u.id, name: u.name, slug: u.slug, avatarUrl: u.avatar_url })
  return out
}

/** The sections an article is chosen for (no inherited ones) and every section it is listed in. */
export function chosenSections(links: ArticleLinks): CategoryRef[] {
  return links.categories
    .filter((c) => !c.inherited)
    .map((c) => ({ id: c.id, name: c.name, slug: c.slug, parentId: c.parentId }))
}

async function findLinks(
  db: Db,
  articleId: number,
): Promise<{
  categories: CategoryRef[]
  sectionSlugs: string[]
  tags: TagRef[]
  authors: AuthorRef[]
}> {
  const links = (await findLinksByArticle(db, [articleId])).get(articleId)
  if (!links) return { categories: [], sectionSlugs: [], tags: [], authors: [] }
  return {
    categories: chosenSections(links),
    sectionSlugs: links.categories.map((c) => c.slug),
    tags: links.tags,
    authors: links.authors,
  }
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    standfirst: row.standfirst,
    excerpt: row.excerpt,
    status: row.status,
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
    updatedAt: new Date(row.updated_at),
    readingMinutes: row.reading_minutes,
    commentCount: row.comment_count,
    isEditorsPick: row.is_editors_pick === 1,
    isFeatured: row.is_featured === 1,
    category:
      row.category_id === null
        ? null
        : {
            id: row.category_id,
            name: row.category_name ?? '',
            slug: row.category_slug ?? '',
            parentId: row.category_parent_id ?? null,
          },
    author:
      row.author_id === null
        ? null
        : {
            id: row.author_id,
            name: row.author_name ?? '',
            slug: row.author_slug ?? '',
            avatarUrl: row.author_avatar_url ?? null,
          },
    image:
      row.featured_media_id === null || row.media_path === null
        ? null
        : {
            mediaId: row.featured_media_id,
            url: `/media/${row.media_path}`,
            alt: row.featured_alt || (row.media_alt ?? ''),
            caption: row.featured_caption || (row.media_caption ?? ''),
            credit: row.featured_credit || (row.media_credit ?? ''),
            width: row.media_width ?? null,
            height: row.media_height ?? null,
          },
  }
}

/** Insert many articles at once; returns their ids in the order given. */
const insertArticleRows = compiledInsert((db: Db, rows: NewArticleRow[]) =>
  db.insertInto('articles').values(rows).returning(['id', 'slug']),
)
const insertCategoryLinks = compiledInsert((db: Db, rows: ArticleCategoryLink[]) =>
  db.insertInto('article_categories').values(rows),
)
const insertTagLinks = compiledInsert((db: Db, rows: ArticleTagLink[]) =>
  db.insertInto('article_tags').values(rows),
)
const insertAuthorLinks = compiledInsert((db: Db, rows: ArticleAuthorLink[]) =>
  db.insertInto('article_authors').values(rows),
)

type ArticleCategoryLink = {
  article_id: number
  category_id: number
  position: number
  inherited: number
  listed_at: number | null
}
type ArticleTagLink = {
  article_id: number
  tag_id: number
  position: number
  listed_at: number | null
}
type ArticleAuthorLink = {
  article_id: number
  user_id: number
  position: number
  listed_at: number | null
}

export async function insertArticles(db: Db, rows: NewArticleRow[]): Promise<number[]> {
  if (rows.length === 0) return []
  const inserted = await insertArticleRows(db, rows)
  const bySlug = new Map(inserted.map((r) => [r.slug, r.id]))
  return rows.map((row) => bySlug.get(row.slug) ?? 0)
}

/** The slugs among `slugs` that articles already use. */
export async function listTakenArticleSlugs(db: Db, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set()
  const rows = await db.selectFrom('articles').select('slug').where('slug', 'in', slugs).execute()
  return new Set(rows.map((r) => r.slug))
}

/** Link rows of many articles at once (sections, tags, authors). */
export async function insertArticleLinks(
  db: Db,
  links: {
    categories: ArticleCategoryLink[]
    tags: ArticleTagLink[]
    authors: ArticleAuthorLink[]
  },
): Promise<void> {
  await insertCategoryLinks(db, links.categories)
  await insertTagLinks(db, links.tags)
  await insertAuthorLinks(db, links.authors)
}
