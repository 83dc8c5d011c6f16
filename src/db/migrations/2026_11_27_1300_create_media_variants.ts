import type { Kysely } from 'kysely'
import { withId } from './schema-helpers.js'

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('media_variants').ifNotExists())
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('format', 'varchar(10)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('media_variants_media_idx')
    .ifNotExists()
    .on('media_variants')
    .columns(['media_id', 'kind', 'format'])
    .execute()
  await db.schema
    .createIndex('media_mime_idx')
    .ifNotExists()
    .on('media')
    .columns(['mime_type', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_mime_idx').ifExists().execute()
  await db.schema.dropTable('media_variants').ifExists().execute()
}
