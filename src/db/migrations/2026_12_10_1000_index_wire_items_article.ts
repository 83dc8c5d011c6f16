import type { Kysely } from 'kysely'

/** A wire story's page names its source (`findStoryOrigin`): items by the story they became. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('wire_items_article_idx')
    .ifNotExists()
    .on('wire_items')
    .column('article_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('wire_items_article_idx').ifExists().execute()
}
