import type { Kysely } from 'kysely'
import { TIME } from './schema-helpers.js'

/**
 * Views older than a fortnight move from hourly rows into one row per article per day
 * (`page_view_days`), kept for good; the daily clean-up finds what to remove through the
 * indexes below instead of scanning sessions, sign-in failures and jobs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_view_days')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('day', TIME, (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('page_view_days_pk', ['article_id', 'day'])
    .execute()
  await db.schema
    .createIndex('page_view_days_day_idx')
    .ifNotExists()
    .on('page_view_days')
    .columns(['day', 'article_id'])
    .execute()
  await db.schema
    .createIndex('sessions_expires_idx')
    .ifNotExists()
    .on('sessions')
    .column('expires_at')
    .execute()
  await db.schema
    .createIndex('login_attempts_created_idx')
    .ifNotExists()
    .on('login_attempts')
    .column('created_at')
    .execute()
  await db.schema
    .createIndex('jobs_finished_idx')
    .ifNotExists()
    .on('jobs')
    .columns(['status', 'updated_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_finished_idx').ifExists().execute()
  await db.schema.dropIndex('login_attempts_created_idx').ifExists().execute()
  await db.schema.dropIndex('sessions_expires_idx').ifExists().execute()
  await db.schema.dropTable('page_view_days').ifExists().execute()
}
