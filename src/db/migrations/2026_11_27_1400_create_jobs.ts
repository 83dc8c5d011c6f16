import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/** A durable job queue: any process may claim due jobs; each runs once. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('jobs').ifNotExists())
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('run_at', TIME, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('locked_until', TIME)
    .addColumn('last_error', 'text')
    .addColumn('unique_key', 'varchar(200)', (c) => c.unique())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('jobs_due_idx')
    .ifNotExists()
    .on('jobs')
    .columns(['status', 'run_at', 'id'])
    .execute()
  await db.schema
    .createIndex('jobs_locked_idx')
    .ifNotExists()
    .on('jobs')
    .columns(['status', 'locked_until'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute()
}
