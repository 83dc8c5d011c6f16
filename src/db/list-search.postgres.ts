/**
 * The newsroom lists' search on PostgreSQL: a GIN index on an English tsvector of each list's
 * texts, names and addresses (the story list's configuration). The index is on an expression,
 * so PostgreSQL keeps it in step with every write itself, with no trigger and no second copy of
 * the text. The expressions below must stay word for word those of
 * `2026_12_12_1000_create_list_search`, or the planner cannot use the index (the query-plan
 * tests would fail).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { ListSearch, SearchableList, SearchWord } from './list-search.js'

/**
 * Each list's indexed text. Addresses and file names have their punctuation turned into
 * spaces first: PostgreSQL's parser would keep `jane@example.org` or `2026/11/harbour.png` as
 * one token, where a search wants its words (as FTS5 splits them on SQLite).
 */
const DOCUMENTS: Record<SearchableList, string> = {
  comments: `author_name || ' ' || translate(author_email, '@.', '  ') || ' ' || body`,
  contact_messages: `name || ' ' || translate(email, '@.', '  ') || ' ' || subject || ' ' || message`,
  media: `alt || ' ' || caption || ' ' || credit || ' ' || translate(path, '/._-', '    ')`,
  subscribers: `name || ' ' || translate(email, '@.', '  ')`,
}

/** to_tsquery text: every word a quoted lexeme, the prefixes marked `:*`. */
export function toListTsQuery(words: SearchWord[]): string {
  return words
    .map((word) => `'${word.text.replace(/'/g, "''")}'${word.prefix ? ':*' : ''}`)
    .join(' & ')
}

function matches(list: SearchableList, words: SearchWord[]): RawBuilder<SqlBool> {
  // The expressions are constants of this file, never user input.
  // eslint-disable-next-line no-restricted-properties
  const document = sql.raw(DOCUMENTS[list])
  return sql<SqlBool>`to_tsvector('english'::regconfig, ${document}) @@ to_tsquery('english'::regconfig, ${toListTsQuery(words)})`
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
