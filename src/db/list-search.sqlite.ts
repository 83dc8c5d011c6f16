/**
 * The newsroom lists' search on SQLite: one contentless FTS5 table per list (`comments_fts`,
 * `contact_messages_fts`, `media_fts`, `subscribers_fts`), keyed by the row's id and kept in
 * step by triggers on the list's table, with the story list's tokenizer (porter stemming over
 * unicode61 without diacritics) and prefix indexes of two to six characters for as-you-type
 * (`2026_12_15_1000_list_search_prefixes`): a prefix not indexed is answered by merging every
 * word it begins, on each query.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { ListSearch, SearchableList, SearchWord } from './list-search.js'

/** FTS5 MATCH text: every word quoted (so no operator survives), the prefixes starred. */
export function toListMatch(words: SearchWord[]): string {
  return words
    .map((word) => `"${word.text.replace(/"/g, '""')}"${word.prefix ? '*' : ''}`)
    .join(' AND ')
}

/** The list indexes on SQLite. */
export const sqliteListSearch: ListSearch = {
  plansItself: false,
  match(
    list: SearchableList,
    id: RawBuilder<unknown>,
    words: SearchWord[],
    use: 'seek' | 'probe',
    options: { newest?: number } = {},
  ) {
    const fts = sql.table(`${list}_fts`)
    // `+` keeps the id out of the planner's hands: it walks the list's order index and tests
    // each row against the matches (read once) instead of fetching and sorting all of them.
    const row = use === 'probe' ? sql`+${id}` : id
    // FTS5 walks its matches backwards by id cheaply: the newest N cost N, not the total.
    const newest =
      options.newest === undefined
        ? sql``
        : sql`order by ${fts}.rowid desc limit ${sql.lit(options.newest)}`
    return sql<SqlBool>`${row} in (select ${fts}.rowid from ${fts} where ${fts} match ${toListMatch(words)} ${newest})`
  },
  async countMatches(db, list, words, atMost) {
    const fts = sql.table(`${list}_fts`)
    const rows = await sql<{ n: number }>`select count(*) as n from (select ${fts}.rowid from ${fts}
      where ${fts} match ${toListMatch(words)} limit ${atMost})`.execute(db)
    return Number(rows.rows[0]?.n ?? 0)
  },
}
