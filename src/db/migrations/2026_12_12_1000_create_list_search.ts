import { sql, type Kysely } from 'kysely'
import { isPostgres } from './schema-helpers.js'

/**
 * The search boxes of the comments queue, contact messages, media library and subscribers go
 * through a full-text index instead of `LIKE '%…%'` scans (see `db/list-search.ts`). Same
 * engines and tokenisation as the story list's (`2026_12_09_1000_create_newsroom_search`).
 *
 * SQLite: a contentless FTS5 table per list (rows deletable by id), filled from the rows there
 * now and kept in step by triggers on the list's table, so every write keeps it right whoever
 * makes it (forms, imports, backup restore, a story's deletion cascading to its comments).
 *
 * PostgreSQL: a stored generated column `search_document` (an English tsvector of the list's
 * columns) with a GIN index. PostgreSQL computes it on every insert and update itself, and adding
 * it computes it for the rows there now. Stored rather than an expression index: testing a row
 * then reads its vector instead of parsing its text again (90 µs a comment), which the planner
 * does not price, so it would scan a small list's texts rather than read the index.
 */
const LISTS: { table: string; columns: string[]; document: string }[] = [
  {
    table: 'comments',
    columns: ['author_name', 'author_email', 'body'],
    document: `author_name || ' ' || translate(author_email, '@.', '  ') || ' ' || body`,
  },
  {
    table: 'contact_messages',
    columns: ['name', 'email', 'subject', 'message'],
    document: `name || ' ' || translate(email, '@.', '  ') || ' ' || subject || ' ' || message`,
  },
  {
    table: 'media',
    columns: ['alt', 'caption', 'credit', 'path'],
    document: `alt || ' ' || caption || ' ' || credit || ' ' || translate(path, '/._-', '    ')`,
  },
  {
    table: 'subscribers',
    columns: ['name', 'email'],
    document: `name || ' ' || translate(email, '@.', '  ')`,
  },
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const list of LISTS) {
    // Names below are this file's constants, never input.
    /* eslint-disable no-restricted-properties */
    if (isPostgres(db)) {
      await sql`alter table ${sql.table(list.table)} add column if not exists search_document tsvector
        generated always as (to_tsvector('english'::regconfig, ${sql.raw(list.document)})) stored`.execute(
        db,
      )
      await sql`create index if not exists ${sql.raw(`${list.table}_search_idx`)} on ${sql.table(list.table)}
        using gin (search_document)`.execute(db)
      await sql`analyze ${sql.table(list.table)}`.execute(db)
      continue
    }
    const fts = `${list.table}_fts`
    const columns = list.columns.join(', ')
    const fresh = list.columns.map((c) => `new.${c}`).join(', ')
    await sql`create virtual table if not exists ${sql.raw(fts)} using fts5(
      ${sql.raw(columns)}, content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db)
    await sql`insert into ${sql.raw(fts)} (rowid, ${sql.raw(columns)})
      select id, ${sql.raw(columns)} from ${sql.table(list.table)}`.execute(db)
    await sql`create trigger if not exists ${sql.raw(`${fts}_insert`)} after insert on ${sql.table(list.table)}
      begin
        insert into ${sql.raw(fts)} (rowid, ${sql.raw(columns)}) values (new.id, ${sql.raw(fresh)});
      end`.execute(db)
    await sql`create trigger if not exists ${sql.raw(`${fts}_delete`)} after delete on ${sql.table(list.table)}
      begin
        delete from ${sql.raw(fts)} where rowid = old.id;
      end`.execute(db)
    // Only a change to an indexed column rewrites the row's entry (moderation changes none).
    await sql`create trigger if not exists ${sql.raw(`${fts}_update`)}
      after update of id, ${sql.raw(columns)} on ${sql.table(list.table)}
      begin
        delete from ${sql.raw(fts)} where rowid = old.id;
        insert into ${sql.raw(fts)} (rowid, ${sql.raw(columns)}) values (new.id, ${sql.raw(fresh)});
      end`.execute(db)
    /* eslint-enable no-restricted-properties */
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const list of LISTS) {
    /* eslint-disable no-restricted-properties */
    if (isPostgres(db)) {
      await sql`drop index if exists ${sql.raw(`${list.table}_search_idx`)}`.execute(db)
      await sql`alter table ${sql.table(list.table)} drop column if exists search_document`.execute(
        db,
      )
      continue
    }
    const fts = `${list.table}_fts`
    for (const suffix of ['insert', 'delete', 'update'])
      await sql`drop trigger if exists ${sql.raw(`${fts}_${suffix}`)}`.execute(db)
    await sql`drop table if exists ${sql.raw(fts)}`.execute(db)
    /* eslint-enable no-restricted-properties */
  }
}
