/**
 * @module list-search
 * The search boxes of the newsroom's other lists (comments, contact messages, media, subscribers)
 * go through a full-text index of each list's rows, like the story list's: FTS5 tables kept in
 * step by triggers on SQLite (`list-search.sqlite.ts`), GIN indexes on a tsvector expression on
 * PostgreSQL (`list-search.postgres.ts`). `2026_12_12_1000_create_list_search` makes them.
 *
 * What a search finds: the rows holding every word typed, each word also as a prefix ("counc"
 * finds "council"), in the text (a comment, a message, a caption) and in the names and
 * addresses. An address is indexed as its words: "jane.doe@example.org" as jane, doe, example
 * and org, so "jane@", "jane.d", "example.org" and "@example.org" each find it (the part
 * before the @ and the domain are both prefixes of words). A fragment from inside a word ("ane"
 * for jane) no longer finds it, as it did with the old `LIKE '%…%'` scans; that is the price
 * of an index, and what a newsroom user types is the start of a name, an address or a domain.
 * Trigram indexes (pg_trgm, FTS5's trigram tokenizer) would keep inner fragments but need
 * three characters, a second index per list and a different rule on each engine.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Database } from './database.js'

/** The lists searched through a list index. */
export type SearchableList = 'comments' | 'contact_messages' | 'media' | 'subscribers'

/**
 * One engine's list indexes. `seek` reads the matches first and fetches their rows by id (few
 * matches); `probe` lets the query walk the list's own order index and test each row (many).
 */
export interface ListSearch {
  /** The engine weighs matches against the list's order itself: `use` changes nothing. */
  readonly plansItself: boolean
  /** A condition on `id` (the list's primary key): the row holds every one of `words`. */
  match(
    list: SearchableList,
    id: RawBuilder<unknown>,
    words: string[],
    use: 'seek' | 'probe',
  ): RawBuilder<SqlBool>
  /** How many rows of `list` hold every one of `words`, counting no further than `atMost`. */
  countMatches(
    db: Kysely<Database>,
    list: SearchableList,
    words: string[],
    atMost: number,
  ): Promise<number>
}

/**
 * Up to this many matches, a page fetches them by id and sorts them; beyond it the page walks
 * the list's order index and tests each row (as the story list does, `FEW_MATCHES`).
 */
export const FEW_LIST_MATCHES = 2_000

const WORD = /[\p{L}\p{N}]+/gu

/** The words of a search box: lower case, letters and digits only, at most 12 of 64 characters. */
export function listSearchWords(q: string): string[] {
  const words = q.slice(0, 500).normalize('NFKC').toLowerCase().match(WORD) ?? []
  return [...new Set(words.filter((w) => w.length <= 64))].slice(0, 12)
}

/** A search box's condition, in the form that reads the fewest rows for the page. */
export interface ListTextFilter {
  /** The condition for a page of rows. */
  page: RawBuilder<SqlBool>
  /** The condition for counts (rows by id, whatever their order). */
  count: RawBuilder<SqlBool>
}

/**
 * The condition for the search box `q` on `list` (undefined when `q` is blank: no filter).
 * Punctuation alone has no words to find: nothing matches it, as in the story list.
 * @example const text = await listTextFilter(db, search, 'comments', sql.ref('comments.id'), 'counc')
 */
export async function listTextFilter(
  db: Kysely<Database>,
  search: ListSearch,
  list: SearchableList,
  id: RawBuilder<unknown>,
  q: string | undefined,
): Promise<ListTextFilter | undefined> {
  if (!q?.trim()) return undefined
  const words = listSearchWords(q)
  if (words.length === 0) {
    const none = sql<SqlBool>`1 = 0`
    return { page: none, count: none }
  }
  const seek = search.match(list, id, words, 'seek')
  if (search.plansItself) return { page: seek, count: seek }
  const found = await search.countMatches(db, list, words, FEW_LIST_MATCHES + 1)
  return {
    page: found > FEW_LIST_MATCHES ? search.match(list, id, words, 'probe') : seek,
    count: seek,
  }
}
