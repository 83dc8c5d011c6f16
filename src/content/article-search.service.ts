import { validationError } from '../errors.js'
import type { ArticleSummary, Page } from './article.js'
import { findSummariesByIds } from './article.repository.js'
import { searchPublishedIds } from './article-search.repository.js'
import type { ContentDeps } from './article.service.js'

const MAX_QUERY = 200
const MAX_WORDS = 8

/**
 * Published articles whose title or standfirst contains every word of `query` (case-insensitive),
 * newest first. An empty query finds nothing.
 */
export async function searchArticles(
  deps: ContentDeps,
  query: string,
  request: { page?: number; perPage?: number } = {},
): Promise<Page<ArticleSummary>> {
  const page = request.page ?? 1
  const perPage = request.perPage ?? 10
  if (!Number.isInteger(page) || page < 1)
    throw validationError('page', 'page must be a positive whole number')
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
    throw validationError('perPage', 'perPage must be 1 to 100')
  if (query.length > MAX_QUERY)
    throw validationError('q', `search terms must be at most ${MAX_QUERY} characters`)
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS)
  if (words.length === 0) return { items: [], page, perPage, total: 0, totalPages: 1 }
  const ids = await searchPublishedIds(
    deps.db,
    words,
    deps.clock.now().getTime(),
    (page - 1) * perPage,
    perPage,
  )
  return {
    items: await findSummariesByIds(deps.db, ids.ids),
    page,
    perPage,
    total: ids.total,
    totalPages: Math.max(1, Math.ceil(ids.total / perPage)),
  }
}
