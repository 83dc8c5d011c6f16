import { sql, type Kysely } from 'kysely'
import { isPostgres } from './schema-helpers.js'

/**
 * SQLite: the newsroom's remaining per-status counts kept by triggers, as `story_counts` keeps
 * every story's (2026_12_14_1000_create_story_counts; the same reasons, and PostgreSQL goes on
 * counting for the same ones).
 *
 * - `story_facet_counts`: stories per status in each section (`c`), tag (`t`) and byline
 *   (`a`), following the link tables, so a section's, a tag's or a person's list (and
 *   "mine") shows its tabs without counting tens of thousands of stories.
 * - `comment_counts`: comments per status, for the moderation queue's tabs.
 *
 * A story's deletion is counted before it happens, while its links are still there; the links
 * its deletion then cascades away find no story and count nothing.
 */
const FACETS = [
  { kind: 'c', table: 'article_categories', column: 'category_id' },
  { kind: 't', table: 'article_tags', column: 'tag_id' },
  { kind: 'a', table: 'article_authors', column: 'user_id' },
] as const

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await sql`create table if not exists story_facet_counts (
    kind text not null, ref integer not null, status text not null, n integer not null,
    primary key (kind, ref, status)) without rowid`.execute(db)
  await sql`create table if not exists comment_counts (
    status text primary key, n integer not null) without rowid`.execute(db)
  await sql`delete from story_facet_counts`.execute(db)
  await sql`delete from comment_counts`.execute(db)
  await sql`insert into comment_counts (status, n)
    select status, count(*) from comments group by status`.execute(db)
  // Names below are this file's constants, never input.
  /* eslint-disable no-restricted-properties */
  for (const { kind, table, column } of FACETS) {
    const k = sql.lit(kind)
    const t = sql.raw(table)
    const c = sql.raw(column)
    await sql`insert into story_facet_counts (kind, ref, status, n)
      select ${k}, l.${c}, a.status, count(*) from ${t} l join articles a on a.id = l.article_id
      group by l.${c}, a.status`.execute(db)
    const added = (row: 'new') =>
      sql`insert into story_facet_counts (kind, ref, status, n)
        select ${k}, ${sql.raw(row)}.${c}, status, 1 from articles where id = ${sql.raw(row)}.article_id
        on conflict (kind, ref, status) do update set n = n + 1;`
    // On a cascade from the story's deletion the story is gone: nothing to count (see above).
    const removed = sql`update story_facet_counts set n = n - 1
        where kind = ${k} and ref = old.${c}
          and status = (select status from articles where id = old.article_id);`
    await sql`create trigger if not exists ${sql.raw(`${table}_counts_insert`)}
      after insert on ${t} begin ${added('new')} end`.execute(db)
    await sql`create trigger if not exists ${sql.raw(`${table}_counts_delete`)}
      after delete on ${t} begin ${removed} end`.execute(db)
    await sql`create trigger if not exists ${sql.raw(`${table}_counts_update`)}
      after update of article_id, ${c} on ${t} begin ${removed} ${added('new')} end`.execute(db)
    await sql`create trigger if not exists ${sql.raw(`${table}_counts_story_delete`)}
      before delete on articles begin
        update story_facet_counts set n = n - 1
          where kind = ${k} and status = old.status
            and ref in (select ${c} from ${t} where article_id = old.id);
      end`.execute(db)
    await sql`create trigger if not exists ${sql.raw(`${table}_counts_story_status`)}
      after update of status on articles when old.status is not new.status begin
        update story_facet_counts set n = n - 1
          where kind = ${k} and status = old.status
            and ref in (select ${c} from ${t} where article_id = new.id);
        insert into story_facet_counts (kind, ref, status, n)
          select ${k}, ${c}, new.status, 1 from ${t} where article_id = new.id
          on conflict (kind, ref, status) do update set n = n + 1;
      end`.execute(db)
  }
  /* eslint-enable no-restricted-properties */
  await sql`create trigger if not exists comment_counts_insert after insert on comments
    begin
      insert into comment_counts (status, n) values (new.status, 1)
        on conflict (status) do update set n = n + 1;
    end`.execute(db)
  await sql`create trigger if not exists comment_counts_delete after delete on comments
    begin
      update comment_counts set n = n - 1 where status = old.status;
    end`.execute(db)
  await sql`create trigger if not exists comment_counts_update after update of status on comments
    when old.status is not new.status
    begin
      update comment_counts set n = n - 1 where status = old.status;
      insert into comment_counts (status, n) values (new.status, 1)
        on conflict (status) do update set n = n + 1;
    end`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  /* eslint-disable no-restricted-properties */
  for (const { table } of FACETS)
    for (const suffix of ['insert', 'delete', 'update', 'story_delete', 'story_status'])
      await sql`drop trigger if exists ${sql.raw(`${table}_counts_${suffix}`)}`.execute(db)
  /* eslint-enable no-restricted-properties */
  await sql`drop trigger if exists comment_counts_insert`.execute(db)
  await sql`drop trigger if exists comment_counts_delete`.execute(db)
  await sql`drop trigger if exists comment_counts_update`.execute(db)
  await sql`drop table if exists story_facet_counts`.execute(db)
  await sql`drop table if exists comment_counts`.execute(db)
}
