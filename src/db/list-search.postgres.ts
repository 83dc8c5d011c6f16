/**
 * The newsroom lists' search on PostgreSQL: each list's table has a stored generated column
 * `search_document`, an English tsvector of its texts, names and addresses (the story list's
 * configuration), with a GIN index. PostgreSQL keeps it in step with every write itself, with no
 * trigger (`2026_12_12_1000_create_list_search` defines it; addresses and file names have their
 * punctuation turned into spaces, so `jane@example.org` is indexed as its words, as FTS5 splits
 * it on SQLite).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { ListSearch, SearchableList, SearchWord } from './list-search.js'

/** to_tsquery text: every word a quoted lexeme, the prefixes marked `:*`. */
export function toListTsQuery(words: SearchWord[]): string {
  return words
    .map((word) => `'${word.text.replace(/'/g, "''")}'${word.prefix ? ':*' : ''}`)
    .join(' & ')
}

function matches(list: SearchableList, words: SearchWord[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${list}.search_document`)} @@ to_tsquery('english'::regconfig, ${toListTsQuery(words)})`
}

/** The list indexes on PostgreSQL. It weighs the matches against the list's order itself. */
export const postgresListSearch: ListSearch = {
  plansItself: true,
  match(list: SearchableList, id: RawBuilder<unknown>, words: SearchWord[]) {
    return sql<SqlBool>`${id} in (select ${sql.table(list)}.id from ${sql.table(list)} where ${matches(list, words)})`
  },
  async countMatches(db, list, words, atMost) {
    const rows = await sql<{
      n: number
    }>`select count(*) as n from (select 1 from ${sql.table(list)}
      where ${matches(list, words)} limit ${atMost}) found`.execute(db)
    return Number(rows.rows[0]?.n ?? 0)
  },
}
