import type { RawBuilder, SqlBool } from 'kysely'
import type { ParsedQuery, SnippetPart } from './search-query.js'

/**
 * At most this many matches are ranked: for a word in most of a million stories, ranking every
 * match takes half a second, the newest 2,000 a few milliseconds. Below the cap (nearly every
 * real query) nothing changes. Both implementations rank the same newest matches.
 */
export const RANKED_MATCHES = 2_000

/** What the index stores for one published article. */
export interface SearchDocument {
  articleId: number
  title: string
  standfirst: string
  /** Plain text of the body. */
  body: string
  tags: string
  authors: string
  publishedAt: number
}

/** What the newsroom's index stores for one story, whatever its status. */
export interface StoryDocument {
  articleId: number
  title: string
  standfirst: string
  /** Plain text of the body. */
  body: string
}

export interface SearchRequest {
  query: ParsedQuery
  /** Limit to articles listed in these sections (a section and its sub-sections). */
  categoryIds?: number[]
  /** Epoch ms bounds on the publication time, inclusive. */
  from?: number
  to?: number
  sort: 'relevance' | 'date'
  offset: number
  limit: number
}

export interface SearchHit {
  articleId: number
  snippet: SnippetPart[]
}

/**
 * Full-text search behind one interface: `search.sqlite.ts` (FTS5, bm25) and
 * `search.postgres.ts` (tsvector, GIN, ts_rank) implement it.
 */
export interface SearchIndex {
  upsert(doc: SearchDocument): Promise<void>
  /** Add many documents at once (rebuilds); documents must not be in the index yet. */
  insertMany(docs: SearchDocument[]): Promise<void>
  /**
   * Put many documents in the index, replacing those there already, and take `removeIds` out,
   * in one transaction (imports: a batch at a time rather than one commit per story).
   */
  replaceMany(docs: SearchDocument[], removeIds: number[]): Promise<void>
  remove(articleId: number): Promise<void>
  clear(): Promise<void>
  search(request: SearchRequest): Promise<SearchAnswer>
  /** Ids of the newest matches (up to `limit`), without ranking or snippets: for filtering. */
  matchIds(query: ParsedQuery, limit: number): Promise<number[]>
  /** The newsroom's index (every story, any status): add or replace one story. */
  upsertStory(doc: StoryDocument): Promise<void>
  /** Add or replace many stories at once (rebuilds, imports). */
  insertStories(docs: StoryDocument[]): Promise<void>
  removeStory(articleId: number): Promise<void>
  clearStories(): Promise<void>
  /** How many stories match `query` in the newsroom's index, counting no further than `atMost`. */
  countStories(query: ParsedQuery, atMost: number): Promise<number>
  /**
   * A condition on `articles.id`: the story matches `query` in the newsroom's index. `seek`
   * reads the matches first and lets the query fetch their stories by id (few matches);
   * `probe` lets the query walk an index of its own and test each story (many matches).
   * With `newest`, only that many matches count: those with the highest ids.
   */
  storyMatch(
    query: ParsedQuery,
    use: 'seek' | 'probe',
    options?: { newest?: number },
  ): RawBuilder<SqlBool>
}

export interface SearchAnswer {
  hits: SearchHit[]
  /** Matches found, or the number ranked when `capped`. */
  total: number
  /**
   * More stories matched than are ranked: a word in most of a huge archive. Only the newest
   * `total` matches were ranked and can be paged through.
   */
  capped?: boolean
}
