import { sql, type Kysely } from 'kysely'
import { isPostgres } from './schema-helpers.js'

/**
 * SQLite: the list indexes of `2026_12_12_1000_create_list_search` keep prefixes of two to six
 * characters, not two and three. The last word of a list search is a prefix ("clean" as typed
 * finds "cleaner" and `cleanup@…`), and FTS5 answers a prefix it has not indexed by merging
 * the match lists of every word it begins into one, on every query: for the commonest word of
 * a million comments that is 600,000 entries, about 100 ms a query, though a page keeps only
 * the newest 20,000. An indexed prefix is read like a word, newest first, and stops there.
 * Porter stems the typed word first ("cleaning" searches "clean"), so six characters cover
 * most typed words; a longer stem falls back to the merge, over the fewer rows a long word is
 * in. The price is a bigger index: about 1.8 times the two-and-three one.
 *
 * FTS5 fixes its prefixes when the table is made, so each table is made again and filled from
 * its list (a minute or two for a million comments). The triggers on the lists stay: they
 * name the table, which is the same.
 */
const LISTS: { table: string; columns: string[] }[] = [
  { table: 'comments', columns: ['author_name', 'author_email', 'body'] },
  { table: 'contact_messages', columns: ['name', 'email', 'subject', 'message'] },
  { table: 'media', columns: ['alt', 'caption', 'credit', 'path'] },
  { table: 'subscribers', columns: ['name', 'email'] },
]

async function remake(db: Kysely<any>, prefix: string): Promise<void> {
  if (isPostgres(db)) return
  for (const list of LISTS) {
    // Names below are this file's constants, never input.
    /* eslint-disable no-restricted-properties */
    const fts = sql.raw(`${list.table}_fts`)
    const columns = sql.raw(list.columns.join(', '))
    await sql`drop table if exists ${fts}`.execute(db)
    await sql`create virtual table ${fts} using fts5(
      ${columns}, content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2', prefix = ${sql.lit(prefix)})`.execute(db)
    await sql`insert into ${fts} (rowid, ${columns})
      select id, ${columns} from ${sql.table(list.table)}`.execute(db)
    /* eslint-enable no-restricted-properties */
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await remake(db, '2 3 4 5 6')
}

export async function down(db: Kysely<any>): Promise<void> {
  await remake(db, '2 3')
}
