import type { Kysely } from 'kysely'

/**
 * A Content API filter on a primary tag (`primary_tag:world`: the story's own section) or a
 * primary author (`primary_author:olive`: its first byline) lists those stories newest or
 * oldest first. Both are columns of the story, so each gets an index that holds a section's or
 * a person's published stories in publication order (the link tables' listing indexes hold
 * every link, not only the primary one). They also serve the foreign keys' `set null` when a
 * section or a person is deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['primary_category_id', 'author_id'])
    await db.schema
      .createIndex(`articles_${column}_published_idx`)
      .ifNotExists()
      .on('articles')
      .columns([column, 'status', 'published_at', 'id'])
      .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['primary_category_id', 'author_id'])
    await db.schema.dropIndex(`articles_${column}_published_idx`).ifExists().execute()
}
