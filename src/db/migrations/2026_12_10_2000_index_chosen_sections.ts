import { sql, type Kysely } from 'kysely'

/**
 * The stories chosen for a section (not listed there as a child section's ancestor), newest
 * first: a Content API `tag:` filter on a section reads it whole from this index, instead of
 * looking up each listing row to skip the inherited ones.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('article_categories_chosen_idx')
    .ifNotExists()
    .on('article_categories')
    .columns(['category_id', 'listed_at', 'article_id'])
    .where(sql.ref('inherited'), '=', sql.lit(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('article_categories_chosen_idx').ifExists().execute()
}
