/**
 * The newsroom's article list with its keyword search: headline, standfirst and body of every
 * story, whatever its status, through the newsroom's full-text index.
 */
import { sql, type SqlBool } from 'kysely'
import { findNewsroomArticles, type NewsroomFilter, type NewsroomPage } from '../content/index.js'
import type { ContentDeps } from '../content/index.js'
import type { SearchIndex } from './search-index.js'
import {
  isEmptyQuery,
  parseSearchQuery,
  WHOLE_WORDS_ENOUGH,
  type ParsedQuery,
} from './search-query.js'

/**
 * Up to this many matches, their stories are fetched by id, counted and the page sorted (a few
 * milliseconds); beyond it, fetching a row per match costs more than walking the list's order
 * and status indexes and testing each story (measured on 50,000 stories: counting 1,450 matches
 * by fetching took 20 ms, 50,000 took 490 ms where the walk took 120).
 */
export const FEW_MATCHES = 2_000

/**
 * A word in more stories than this (the commonest words of a big archive) searches only its
 * newest this-many matches, as the readers' search ranks only its newest: reading every match
 * of a word in most of a million stories takes seconds. The list says so.
 */
export const SEARCHED_MATCHES = 20_000

/**
 * One page of the newsroom's article list; `q` keeps the stories with every word in their
 * headline, standfirst or body (each word also as a prefix, so a half-typed word finds).
 * @example await findNewsroomStories(services, { q: 'harbour', status: 'published', page: 2 })
 */
export async function findNewsroomStories(
  deps: ContentDeps & { search: SearchIndex },
  filter: NewsroomFilter,
  /** Where the search changes its ways (tests lower them). */
  limits: { fewMatches?: number; searchedMatches?: number } = {},
): Promise<NewsroomPage> {
  const few = limits.fewMatches ?? FEW_MATCHES
  const searched = limits.searchedMatches ?? SEARCHED_MATCHES
  const q = filter.q?.trim()
  if (!q) return findNewsroomArticles(deps, filter)
  const query = parseSearchQuery(q)
  if (isEmptyQuery(query)) {
    // Punctuation alone has no words to find: nothing matches it.
    const none = sql<SqlBool>`1 = 0`
    return findNewsroomArticles(deps, {
      ...filter,
      text: { seek: none, probe: none, fewMatches: true },
    })
  }
  let used: ParsedQuery = { ...query, exact: true }
  let found = await deps.search.countStories(used, searched + 1)
  if (query.terms.length > 0 && found < WHOLE_WORDS_ENOUGH) {
    used = query
    found = await deps.search.countStories(used, searched + 1)
  }
  const capped = found > searched
  const options = capped ? { newest: searched } : {}
  return findNewsroomArticles(deps, {
    ...filter,
    text: {
      seek: deps.search.storyMatch(used, 'seek', options),
      probe: deps.search.storyMatch(used, 'probe', options),
      fewMatches: Math.min(found, searched) <= few,
      ...(capped ? { newestOnly: searched } : {}),
    },
  })
}
