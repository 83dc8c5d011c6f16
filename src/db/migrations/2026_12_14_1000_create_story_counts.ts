import { sql, type Kysely } from 'kysely'
import { isPostgres } from './schema-helpers.js'

/**
 * SQLite: how many stories are in each status, kept by triggers on `articles`, so the
 * newsroom's tabs and dashboard read five rows instead of counting a million stories (about
 * 100 ms) on every list page. Every write keeps it right whoever makes it: the front door,
 * imports, a backup's restore, a deleted user's stories.
 *
 * PostgreSQL goes on counting (an index-only scan): there every story written would update one
 * shared row per status, so concurrent publishing and imports would queue on it and could
 * deadlock between two statuses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await sql`create table if not exists story_counts (
    status text primary key, n integer not null) without rowid`.execute(db)
  await sql`delete from story_counts`.execute(db)
  await sql`insert into story_counts (status, n)
    select status, count(*) from articles group by status`.execute(db)
  await sql`create trigger if not exists story_counts_insert after insert on articles
    begin
      insert into story_counts (status, n) values (new.status, 1)
        on conflict (status) do update set n = n + 1;
    end`.execute(db)
  await sql`create trigger if not exists story_counts_delete after delete on articles
    begin
      update story_counts set n = n - 1 where status = old.status;
    end`.execute(db)
  await sql`create trigger if not exists story_counts_update after update of status on articles
    when old.status is not new.status
    begin
      update story_counts set n = n - 1 where status = old.status;
      insert into story_counts (status, n) values (new.status, 1)
        on conflict (status) do update set n = n + 1;
    end`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return
  await sql`drop trigger if exists story_counts_insert`.execute(db)
  await sql`drop trigger if exists story_counts_delete`.execute(db)
  await sql`drop trigger if exists story_counts_update`.execute(db)
  await sql`drop table if exists story_counts`.execute(db)
}
