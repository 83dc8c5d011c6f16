/** The newsroom's view of articles: every status, paged, searched, filtered and counted. */
import type { Article, ArticleStatus, ArticleSummary } from './article.js'
import { findArticleById, findSummariesByIds } from './article.repository.js'
import type { ContentDeps } from './content-deps.js'
import {
  countByStatus,
  listNewsroomIds,
  type NewsroomSort,
  type NewsroomText,
  type NewsroomWhere,
} from './newsroom.repository.js'
import { findTagBySlug } from './taxonomy.repository.js'
import { slugify } from '../text/slug.js'

export type { NewsroomSort, NewsroomText } from './newsroom.repository.js'

export const NEWSROOM_SORTS: readonly NewsroomSort[] = [
  'updated-desc',
  'updated-asc',
  'published-desc',
  'published-asc',
  'title-asc',
  'title-desc',
]

export interface NewsroomFilter {
  status?: ArticleStatus | undefined
  /** Only articles this user wrote or co-wrote ("mine"; writers below editor always). */
  authorId?: number | undefined
  /** The author filter: articles by this person (within `authorId`'s, when both are given). */
  byAuthorId?: number | undefined
  /** A section (its sub-sections' stories are listed there too). */
  categoryId?: number | undefined
  /** A tag's slug (or its name). */
  tag?: string | undefined
  /** Publication date bounds, inclusive, as epoch ms. */
  from?: number | undefined
  to?: number | undefined
  /** Words to find in the headline, standfirst or body (the search domain turns them into `text`). */
  q?: string | undefined
  /** The stories `q` matched in the newsroom's full-text index. */
  text?: NewsroomText | undefined
  sort?: NewsroomSort | undefined
  page?: number | undefined
  perPage?: number | undefined
}

/** One page of the newsroom's article list, with the totals its tabs and pager need. */
export interface NewsroomPage {
  items: ArticleSummary[]
  /** Matching articles in the current tab. */
  total: number
  /** Matching articles per status, whatever the tab (the tabs' counts). */
  counts: Record<ArticleStatus | 'all', number>
  page: number
  perPage: number
  pages: number
  /** The search matched so many stories that only the newest this-many were searched. */
  searchedNewest?: number | undefined
}

const STATUSES: ArticleStatus[] = ['draft', 'pending', 'scheduled', 'published', 'archived']

/**
 * Find articles for the newsroom's list: one page of them, the total and the counts per status.
 * Filters combine (AND), the search's `text` among them.
 * @example await findNewsroomArticles(deps, { q: 'budget', status: 'published', page: 3 })
 */
export async function findNewsroomArticles(
  deps: ContentDeps,
  filter: NewsroomFilter = {},
): Promise<NewsroomPage> {
  const perPage = Math.min(Math.max(Math.trunc(filter.perPage ?? 25), 1), 200)
  const where = await whereOf(deps, filter)
  const empty = { draft: 0, pending: 0, scheduled: 0, published: 0, archived: 0 }
  const byStatus = where ? { ...empty, ...(await countByStatus(deps.db, where)) } : empty
  const all = STATUSES.reduce((sum, s) => sum + byStatus[s], 0)
  const total = filter.status ? byStatus[filter.status] : all
  const pages = Math.max(1, Math.ceil(total / perPage))
  const page = Math.min(Math.max(Math.trunc(filter.page ?? 1), 1), pages)
  const ids =
    where && total > 0
      ? await listNewsroomIds(deps.db, where, {
          sort: filter.sort,
          limit: perPage,
          offset: (page - 1) * perPage,
          matched: total,
          matchedAnyStatus: all,
        })
      : []
  return {
    items: await findSummariesByIds(deps.db, ids),
    total,
    counts: { ...byStatus, all },
    page,
    perPage,
    pages,
    ...(filter.text?.newestOnly ? { searchedNewest: filter.text.newestOnly } : {}),
  }
}

/** The SQL filters, or undefined when nothing can match (an unknown tag). */
async function whereOf(
  deps: ContentDeps,
  filter: NewsroomFilter,
): Promise<NewsroomWhere | undefined> {
  let tagId: number | undefined
  if (filter.tag) {
    const tag = await findTagBySlug(deps.db, slugify(filter.tag))
    if (!tag) return undefined
    tagId = tag.id
  }
  return {
    status: filter.status,
    authorId: filter.authorId,
    byAuthorId: filter.byAuthorId,
    categoryId: filter.categoryId,
    tagId,
    from: filter.from,
    to: filter.to,
    text: filter.text,
  }
}

/** Articles for the admin list, most recently updated first (a page of the list, no counts). */
export async function listNewsroomArticles(
  deps: ContentDeps,
  filter: NewsroomFilter = {},
): Promise<ArticleSummary[]> {
  return (await findNewsroomArticles(deps, filter)).items
}

/** Drafts, pending, scheduled… counted for the dashboard. */
export function countNewsroomArticles(
  deps: ContentDeps,
  filter: { authorId?: number } = {},
): Promise<Partial<Record<ArticleStatus, number>>> {
  return countByStatus(deps.db, filter.authorId)
}

/** One article in any status, for the editor (undefined when there is none). */
export function findNewsroomArticle(deps: ContentDeps, id: number): Promise<Article | undefined> {
  return findArticleById(deps.db, id)
}
