import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * Imports started from the newsroom (Settings → Import): the uploaded file waiting in the data
 * directory, the job's progress (phase, done of total, written a few times a second at most)
 * and, at the end, the report as JSON or the error that stopped it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('imports'))
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('filename', 'varchar(300)', (c) => c.notNull())
    .addColumn('file', 'varchar(1000)', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('queued'))
    .addColumn('phase', 'varchar(20)')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report', 'text')
    .addColumn('error', 'varchar(1000)')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imports').ifExists().execute()
}
