import { sql, type Kysely } from 'kysely'
import { isPostgres, TIME } from './schema-helpers.js'

/**
 * PostgreSQL: the readers' tsvectors move out of `search_documents` into a narrow table of their
 * own (id, date, vector). Finding matches reads only this table: the GIN index gives the ids, and
 * a word in nearly every story walks its primary key, so neither step drags the stored texts
 * (a row of 2 KB) through the cache; the texts are read for the page's headlines alone.
 * SQLite's FTS5 table is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await db.schema
    .createTable('search_vectors')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('search_documents.article_id').onDelete('cascade'),
    )
    .addColumn('published_at', TIME, (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute()
  await sql`insert into search_vectors (article_id, published_at, document)
    select article_id, published_at, document from search_documents`.execute(db)
  await sql`create index if not exists search_vectors_document_idx on search_vectors using gin (document)`.execute(
    db,
  )
  await db.schema
    .createIndex('search_vectors_published_idx')
    .ifNotExists()
    .on('search_vectors')
    .columns(['published_at', 'article_id'])
    .execute()
  // The planner picks the GIN index or the primary key by how common each word is: give it
  // the vectors' statistics now rather than when autovacuum comes round.
  await sql`analyze search_vectors`.execute(db)
  await db.schema.dropIndex('search_documents_document_idx').ifExists().execute()
  await db.schema.dropIndex('search_documents_published_idx').ifExists().execute()
  await db.schema.alterTable('search_documents').dropColumn('document').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return
  await db.schema
    .alterTable('search_documents')
    .addColumn('document', sql`tsvector`)
    .execute()
  await sql`update search_documents d set document = v.document
    from search_vectors v where v.article_id = d.article_id`.execute(db)
  await sql`delete from search_documents where document is null`.execute(db)
  await sql`alter table search_documents alter column document set not null`.execute(db)
  await sql`create index if not exists search_documents_document_idx on search_documents using gin (document)`.execute(
    db,
  )
  await db.schema
    .createIndex('search_documents_published_idx')
    .ifNotExists()
    .on('search_documents')
    .columns(['published_at', 'article_id'])
    .execute()
  await db.schema.dropTable('search_vectors').ifExists().execute()
}
