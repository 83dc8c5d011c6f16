/**
 * The newsroom's article list with its keyword search: headline and standfirst of every story,
 * plus the bodies of published ones through the full-text index.
 */
import { findNewsroomArticles, type NewsroomFilter, type NewsroomPage } from '../content/index.js'
import type { ContentDeps } from '../content/index.js'
import type { SearchIndex } from './search-index.js'
import { isEmptyQuery, parseSearchQuery } from './search-query.js'

/** The full-text index lends at most this many published matches (the newest) to the list. */
const TEXT_MATCHES = 1_000

/**
 * One page of the newsroom's article list; `q` also finds published stories by their body.
 * @example await findNewsroomStories(services, { q: 'harbour', status: 'published', page: 2 })
 */
export async function findNewsroomStories(
  deps: ContentDeps & { search: SearchIndex },
  filter: NewsroomFilter,
): Promise<NewsroomPage> {
  const q = filter.q?.trim()
  if (!q) return findNewsroomArticles(deps, filter)
  const query = parseSearchQuery(q)
  const textIds = isEmptyQuery(query) ? [] : await deps.search.matchIds(query, TEXT_MATCHES)
  return findNewsroomArticles(deps, { ...filter, q, textIds })
}
