import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * Corrections and updates appended to published articles (shown to readers with their date),
 * and the secret token behind each article's preview link.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('article_corrections'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_corrections_article_idx')
    .on('article_corrections')
    .columns(['article_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('article_previews')
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('articles.id').onDelete('cascade'),
    )
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_previews').ifExists().execute()
  await db.schema.dropTable('article_corrections').ifExists().execute()
}
