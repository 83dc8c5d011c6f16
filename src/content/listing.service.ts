/**
 * What readers see: published articles in lists and one by one. Every list picks its page of
 * ids from an index first, then loads summaries for just those ids.
 */
import { findUserBySlug, type User } from '../auth/user.repository.js'
import { AppError } from '../errors.js'
import { isVisibleToReaders, type Article, type ArticleSummary, type Page } from './article.js'
import {
  findArticleById,
  findArticleIdBySlug,
  findSummariesByIds,
  listFlaggedIds,
  listLinkedIds,
  listPublishedIds,
  listIndexableAfter,
  listStoryTexts as listStoryTextsIn,
  type IndexableArticle,
  type StoryText,
  listRecentIdsForTags,
  type IdPage,
  type CountMode,
} from './article.repository.js'
import type { ContentDeps } from './content-deps.js'
import { listMostViewedIds } from './most-read.repository.js'
import {
  findCategoryBySlug,
  findTagBySlug,
  listCategories,
  type Category,
  type Tag,
} from './taxonomy.repository.js'

export interface PageRequest {
  page?: number
  perPage?: number
  /** Count the total through a cache (the site's chrome memo); by default, count every time. */
  counts?: Exclude<CountMode, boolean>
}

const MAX_PER_PAGE = 100

export type ArticleLookup =
  { kind: 'published'; article: Article } | { kind: 'gone'; slug: string } | { kind: 'missing' }

/** The published article with this slug; `gone` when it was archived (answer 410). */
export async function findPublishedArticle(
  deps: ContentDeps,
  slug: string,
): Promise<ArticleLookup> {
  const id = await findArticleIdBySlug(deps.db, slug)
  const article = id === undefined ? undefined : await findArticleById(deps.db, id)
  if (!article) return { kind: 'missing' }
  if (article.status === 'archived') return { kind: 'gone', slug }
  return isVisibleToReaders(article, deps.clock.now())
    ? { kind: 'published', article }
    : { kind: 'missing' }
}

/** Any article by id, whatever its status (for the newsroom and the search indexer). */
export async function findArticle(deps: ContentDeps, id: number): Promise<Article | undefined> {
  return findArticleById(deps.db, id)
}

/**
 * Published articles with tag and author names (for indexing): a batch after `afterId` in id
 * order, or those of the given ids that are published.
 */
export async function listIndexableArticles(
  deps: ContentDeps,
  which: { afterId: number; limit: number } | { ids: number[] },
): Promise<IndexableArticle[]> {
  return listIndexableAfter(deps.db, which)
}

/** Stories of any status with their words, for the newsroom's index: a batch after `afterId`, or the given ids. */
export async function listStoryTexts(
  deps: ContentDeps,
  which: { afterId: number; limit: number } | { ids: number[] },
): Promise<StoryText[]> {
  return listStoryTextsIn(deps.db, which)
}

/** Summaries of the given articles in the given order, published ones only. */
export async function findArticleSummaries(
  deps: ContentDeps,
  ids: number[],
): Promise<ArticleSummary[]> {
  const now = deps.clock.now()
  return (await findSummariesByIds(deps.db, ids)).filter((a) => isVisibleToReaders(a, now))
}

/** The `limit` newest published stories, without counting them all (sidebars, error pages). */
export async function listNewestArticles(deps: ContentDeps, limit = 5): Promise<ArticleSummary[]> {
  const ids = await listPublishedIds(deps.db, deps.clock.now().getTime(), 0, limit, {
    count: false,
  })
  return findSummariesByIds(deps.db, ids.ids)
}

/**
 * The `limit` newest stories of each of several sections (sub-sections' included), uncounted:
 * the front page's blocks. One id query per section, one summary query for all of them.
 */
export async function listNewestInSections(
  deps: ContentDeps,
  categoryIds: number[],
  limit = 4,
): Promise<Map<number, ArticleSummary[]>> {
  const now = deps.clock.now().getTime()
  const lists = await Promise.all(
    categoryIds.map((id) =>
      listLinkedIds(deps.db, 'article_categories', id, now, 0, limit, { count: false }),
    ),
  )
  const summaries = await findSummariesByIds(deps.db, [...new Set(lists.flatMap((l) => l.ids))])
  const byId = new Map(summaries.map((a) => [a.id, a]))
  return new Map(
    categoryIds.map((id, i) => [id, (lists[i]?.ids ?? []).flatMap((a) => byId.get(a) ?? [])]),
  )
}

/** The newest published stories. */
export async function listLatestArticles(
  deps: ContentDeps,
  request: PageRequest = {},
): Promise<Page<ArticleSummary>> {
  const { page, perPage, offset } = paging(request)
  return toPage(
    deps,
    await listPublishedIds(deps.db, deps.clock.now().getTime(), offset, perPage, {
      count: request.counts ?? true,
    }),
    page,
    perPage,
  )
}

export interface SectionListing {
  category: Category
  parent: Category | undefined
  children: Category[]
  articles: Page<ArticleSummary>
}

/** A section's stories, its sub-sections' stories included (they are linked to it too). */
export async function listSectionArticles(
  deps: ContentDeps,
  slug: string,
  request: PageRequest = {},
): Promise<SectionListing | undefined> {
  const category = await findCategoryBySlug(deps.db, slug)
  if (!category) return undefined
  const all = await listCategories(deps.db)
  const { page, perPage, offset } = paging(request)
  const ids = await listLinkedIds(
    deps.db,
    'article_categories',
    category.id,
    deps.clock.now().getTime(),
    offset,
    perPage,
    { count: request.counts ?? true },
  )
  return {
    category,
    parent: all.find((c) => c.id === category.parentId),
    children: all.filter((c) => c.parentId === category.id),
    articles: await toPage(deps, ids, page, perPage),
  }
}

export async function listTagArticles(
  deps: ContentDeps,
  slug: string,
  request: PageRequest = {},
): Promise<{ tag: Tag; articles: Page<ArticleSummary> } | undefined> {
  const tag = await findTagBySlug(deps.db, slug)
  if (!tag) return undefined
  const { page, perPage, offset } = paging(request)
  const ids = await listLinkedIds(
    deps.db,
    'article_tags',
    tag.id,
    deps.clock.now().getTime(),
    offset,
    perPage,
    { count: request.counts ?? true },
  )
  return { tag, articles: await toPage(deps, ids, page, perPage) }
}

export async function listAuthorArticles(
  deps: ContentDeps,
  slug: string,
  request: PageRequest = {},
): Promise<{ author: User; articles: Page<ArticleSummary> } | undefined> {
  const author = await findUserBySlug(deps.db, slug)
  if (!author) return undefined
  const { page, perPage, offset } = paging(request)
  const ids = await listLinkedIds(
    deps.db,
    'article_authors',
    author.id,
    deps.clock.now().getTime(),
    offset,
    perPage,
    { count: request.counts ?? true },
  )
  return { author, articles: await toPage(deps, ids, page, perPage) }
}

export async function listEditorsPicks(deps: ContentDeps, limit = 4): Promise<ArticleSummary[]> {
  return findSummariesByIds(
    deps.db,
    await listFlaggedIds(deps.db, 'is_editors_pick', deps.clock.now().getTime(), limit),
  )
}

export async function listFeaturedArticles(
  deps: ContentDeps,
  limit = 3,
): Promise<ArticleSummary[]> {
  return findSummariesByIds(
    deps.db,
    await listFlaggedIds(deps.db, 'is_featured', deps.clock.now().getTime(), limit),
  )
}

/**
 * The most-read published stories of the last `hours` (default 48), topped up with the latest
 * stories when fewer were read, so the Trending ticker is never empty on a new site.
 */
export async function listMostRead(
  deps: ContentDeps,
  options: { hours?: number; limit?: number } = {},
): Promise<ArticleSummary[]> {
  const limit = options.limit ?? 8
  const now = deps.clock.now()
  const since =
    Math.floor((now.getTime() - (options.hours ?? 48) * 3_600_000) / 3_600_000) * 3_600_000
  const viewed = await listMostViewedIds(deps.db, since, now.getTime(), limit * 2)
  const read = (
    await findSummariesByIds(
      deps.db,
      viewed.map((v) => v.articleId),
    )
  ).filter((a) => isVisibleToReaders(a, now))
  return topUp(deps, read.slice(0, limit), limit)
}

/**
 * Stories related to `article`: most shared tags first (newer wins ties), then the latest in
 * its section, then the latest anywhere.
 */
export async function listRelatedArticles(
  deps: ContentDeps,
  article: Article,
  limit = 6,
): Promise<ArticleSummary[]> {
  const now = deps.clock.now().getTime()
  const hits = await listRecentIdsForTags(
    deps.db,
    article.tags.map((t) => t.id),
    now,
    50,
  )
  const scores = new Map<number, { shared: number; latest: number }>()
  for (const hit of hits) {
    if (hit.articleId === article.id) continue
    const score = scores.get(hit.articleId) ?? { shared: 0, latest: 0 }
    score.shared += 1
    score.latest = Math.max(score.latest, hit.listedAt)
    scores.set(hit.articleId, score)
  }
  const byTags = [...scores.entries()]
    .sort((a, b) => b[1].shared - a[1].shared || b[1].latest - a[1].latest || b[0] - a[0])
    .slice(0, limit)
    .map(([id]) => id)
  const ids = [...byTags]
  if (ids.length < limit && article.category) {
    const section = await listLinkedIds(
      deps.db,
      'article_categories',
      article.category.id,
      now,
      0,
      limit + 1 + ids.length,
      { count: false },
    )
    for (const id of section.ids)
      if (id !== article.id && !ids.includes(id) && ids.length < limit) ids.push(id)
  }
  const related = await findSummariesByIds(deps.db, ids)
  return topUp(deps, related, limit, [article.id])
}

async function topUp(
  deps: ContentDeps,
  items: ArticleSummary[],
  limit: number,
  exclude: number[] = [],
): Promise<ArticleSummary[]> {
  if (items.length >= limit) return items
  const latest = await listPublishedIds(
    deps.db,
    deps.clock.now().getTime(),
    0,
    limit + items.length + exclude.length,
    { count: false },
  )
  const have = new Set([...items.map((a) => a.id), ...exclude])
  const more = latest.ids.filter((id) => !have.has(id)).slice(0, limit - items.length)
  return [...items, ...(await findSummariesByIds(deps.db, more))]
}

function paging(request: PageRequest): { page: number; perPage: number; offset: number } {
  const page = request.page ?? 1
  const perPage = request.perPage ?? 10
  if (!Number.isInteger(page) || page < 1)
    throw new AppError('VALIDATION_FAILED', 'page must be a positive whole number', {
      property: 'page',
    })
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new AppError('VALIDATION_FAILED', `perPage must be 1 to ${MAX_PER_PAGE}`, {
      property: 'perPage',
    })
  }
  return { page, perPage, offset: (page - 1) * perPage }
}

async function toPage(
  deps: ContentDeps,
  ids: IdPage,
  page: number,
  perPage: number,
): Promise<Page<ArticleSummary>> {
  return {
    items: await findSummariesByIds(deps.db, ids.ids),
    page,
    perPage,
    total: ids.total,
    totalPages: Math.max(1, Math.ceil(ids.total / perPage)),
  }
}
