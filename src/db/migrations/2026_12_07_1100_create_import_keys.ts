import type { Kysely } from 'kysely'
import { TIME } from './schema-helpers.js'

/**
 * Where imported things came from: one row per object an import wrote, keyed by the old site
 * (`wordpress:https://old.example.org`) and the id it had there. A second run of the same
 * export finds what the first wrote here instead of adding it again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_keys')
    .ifNotExists()
    .addColumn('source', 'varchar(300)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_keys_pk', ['source', 'kind', 'source_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_keys').ifExists().execute()
}
