import type { Kysely } from 'kysely'

/** The newsroom lists articles by status, most recently updated first. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('articles_status_updated_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'updated_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_status_updated_idx').ifExists().execute()
}
