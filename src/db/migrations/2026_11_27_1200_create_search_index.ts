import { sql, type Kysely } from 'kysely'
import { isPostgres, TIME } from './schema-helpers.js'

/**
 * The full-text index differs by engine (the one place migrations branch on dialect):
 * SQLite gets an FTS5 table keyed by article id; PostgreSQL a table with a weighted tsvector
 * and a GIN index. `src/search/search.*.ts` read and write them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .createTable('search_documents')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.primaryKey().references('articles.id').onDelete('cascade'),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('standfirst', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('authors', 'text', (c) => c.notNull())
      .addColumn('published_at', TIME, (c) => c.notNull())
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute()
    await sql`create index if not exists search_documents_document_idx on search_documents using gin (document)`.execute(
      db,
    )
    await db.schema
      .createIndex('search_documents_published_idx')
      .ifNotExists()
      .on('search_documents')
      .columns(['published_at', 'article_id'])
      .execute()
    return
  }
  await sql`create virtual table if not exists search_fts using fts5(
    title, standfirst, body, tags, authors, published_at unindexed,
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropTable('search_documents').ifExists().execute()
  else await sql`drop table if exists search_fts`.execute(db)
}
