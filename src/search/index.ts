/**
 * Full-text search: readers' over published articles, the newsroom's over every story (FTS5 on
 * SQLite, tsvector on PostgreSQL).
 */
export {
  indexArticle,
  indexStory,
  reindexAll,
  searchArticles,
  searchIndexListener,
  suggestHeadlines,
  type SearchDeps,
  type SearchInput,
  type SearchResults,
} from './search.service.js'
export type { SearchIndex } from './search-index.js'
/**
 * The newsroom's article list, searched: headline, standfirst and body of any story, through
 * the newsroom's full-text index.
 * @example await findNewsroomStories(services, { q: 'budget' })
 */
export { findNewsroomStories } from './newsroom-search.js'
export { parseSearchQuery, type ParsedQuery, type SnippetPart } from './search-query.js'
/** The two index implementations: FTS5 on SQLite, tsvector on PostgreSQL (picked at assembly). */
export { createPostgresSearchIndex } from './search.postgres.js'
export { createSqliteSearchIndex } from './search.sqlite.js'
