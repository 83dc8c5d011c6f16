/** The newsroom's view of articles: every status, optionally one writer's only. */
import type { Article, ArticleStatus, ArticleSummary } from './article.js'
import { findArticleById, findSummariesByIds } from './article.repository.js'
import type { ContentDeps } from './content-deps.js'
import { countByStatus, listNewsroomIds } from './newsroom.repository.js'

export interface NewsroomFilter {
  status?: ArticleStatus
  /** Only articles this user wrote or co-wrote. */
  authorId?: number
  page?: number
  perPage?: number
}

/** Articles for the admin list, most recently updated first. */
export async function listNewsroomArticles(
  deps: ContentDeps,
  filter: NewsroomFilter = {},
): Promise<ArticleSummary[]> {
  const perPage = Math.min(Math.max(filter.perPage ?? 50, 1), 200)
  const page = Math.max(filter.page ?? 1, 1)
  const ids = await listNewsroomIds(deps.db, {
    status: filter.status,
    authorId: filter.authorId,
    limit: perPage,
    offset: (page - 1) * perPage,
  })
  return findSummariesByIds(deps.db, ids)
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
