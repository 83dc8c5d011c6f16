/**
 * @module list-search
 * The search boxes of the newsroom's other lists (comments, contact messages, media, subscribers)
 * go through a full-text index of each list's rows, like the story list's: FTS5 tables kept in
 * step by triggers on SQLite (`list-search.sqlite.ts`), GIN indexes on a tsvector expression on
 * PostgreSQL (`list-search.postgres.ts`). `2026_12_12_1000_create_list_search` makes them.
 *
 * What a search finds: the rows holding every word typed, in the text (a comment, a message, a
 * caption) or in the names and addresses. The last word is also a prefix, as it is being typed
 * ("counc" finds "council"); the others are whole words (with the stemmer's forms). A last
 * word followed by punctuation ("jane@") is whole too: the user has finished it.
 *
 * Addresses: a newsroom user types the start of a name, an address or a domain, so an address
 * is indexed as its words: "jane.doe@example.org" as jane, doe, example and org. "jane@" finds
 * Jane's addresses but not Janet's, "jane.d" finds it, and "example.org" or "@example.org"
 * every address at that domain. A fragment from inside a word ("ane" for jane) no longer finds
 * it, as it did with the old `LIKE '%…%'` scans: that is the price of an index. Trigram indexes
 * (pg_trgm, FTS5's trigram tokenizer) would keep inner fragments, but need three characters
 * and a second index per list, with a different rule on each engine.
 * Trigram indexes (pg_trgm, FTS5's trigram tokenizer) would keep inner fragments but need
 * three characters, a second index per list and a different rule on each engine.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Database } from './database.js'

/** A word of a search box: matched whole (with its stemmed forms) or as a prefix. */
export interface SearchWord {
  text: string
  prefix: boolean
}

/** The lists searched through a list index. */
export type SearchableList = 'comments' | 'contact_messages' | 'media' | 'subscribers'

/**
 * One engine's list indexes. `seek` reads the matches first and fetches their rows by id (few
 * matches); `probe` lets the query walk the list's own order index and test each row (many).
 */
export interface ListSearch {
  /** The engine weighs matches against the list's order itself: `use` changes nothing. */
  readonly plansItself: boolean
  /**
   * A condition on `id` (the list's primary key): the row holds every one of `words`. With
   * `newest`, only that many matches count: those with the highest ids.
   */
  match(
    list: SearchableList,
    id: RawBuilder<unknown>,
    words: SearchWord[],
    use: 'seek' | 'probe',
    options?: { newest?: number },
  ): RawBuilder<SqlBool>
  /** How many rows of `list` hold every one of `words`, counting no further than `atMost`. */
  countMatches(
    db: Kysely<Database>,
    list: SearchableList,
    words: SearchWord[],
    atMost: number,
  ): Promise<number>
}

/**
 * Up to this many matches, a page fetches them by id and sorts them; beyond it the page walks
 * the list's order index and tests each row (as the story list does, `FEW_MATCHES`).
 */
export const FEW_LIST_MATCHES = 2_000

/**
 * Words in more rows than this (the commonest words of a million comments) search only the
 * newest this-many matches, as the story list does (`SEARCHED_MATCHES`): testing every row
 * against 600,000 matches takes most of a second. The screen says so.
 */
export const SEARCHED_LIST_MATCHES = 20_000

const WORD = /[\p{L}\p{N}]+/gu

/**
 * The words of a search box: lower case, letters and digits only, at most 12 of 64 characters;
 * the last one a prefix unless punctuation follows it.
 * @example listSearchWords('jane d') // [{ text: 'jane', prefix: false }, { text: 'd', prefix: true }]
 */
export function listSearchWords(q: string): SearchWord[] {
  const text = q.slice(0, 500).normalize('NFKC').toLowerCase().trim()
  const words = [...new Set((text.match(WORD) ?? []).filter((w) => w.length <= 64))].slice(0, 12)
  const finished = !/[\p{L}\p{N}]$/u.test(text)
  return words.map((word, i) => ({ text: word, prefix: i === words.length - 1 && !finished }))
}

/** A search box's condition, in the form that reads the fewest rows for the page. */
export interface ListTextFilter {
  /** The condition for a page of rows. */
  page: RawBuilder<SqlBool>
  /** The condition for counts (rows by id, whatever their order). */
  count: RawBuilder<SqlBool>
  /** Set when so many rows match that only the newest this-many are searched. */
  newestOnly?: number
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
  if (search.plansItself) {
    const seek = search.match(list, id, words, 'seek')
    return { page: seek, count: seek }
  }
  const found = await search.countMatches(db, list, words, SEARCHED_LIST_MATCHES + 1)
  const options = found > SEARCHED_LIST_MATCHES ? { newest: SEARCHED_LIST_MATCHES } : {}
  const seek = search.match(list, id, words, 'seek', options)
  return {
    page: found > FEW_LIST_MATCHES ? search.match(list, id, words, 'probe', options) : seek,
    count: seek,
    ...(options.newest ? { newestOnly: options.newest } : {}),
  }
}

/** `{ searchedNewest }` when a search was limited to its newest matches, else nothing. */
export function searchedNewestOf(text: ListTextFilter | undefined): { searchedNewest?: number } {
  return text?.newestOnly ? { searchedNewest: text.newestOnly } : {}
}
