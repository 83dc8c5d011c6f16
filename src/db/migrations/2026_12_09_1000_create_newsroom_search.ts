import { sql, type Kysely } from 'kysely'
import { htmlToText } from '../../content/reading-time.js'
import { isPostgres } from './schema-helpers.js'

/**
 * The newsroom finds any story by a word of its headline, standfirst or body, whatever its
 * status, through a second full-text index beside the readers' (which holds published stories
 * only). Same engines and tokenisation as `2026_11_27_1200_create_search_index`: FTS5 with
 * porter stemming and prefix indexes on SQLite, an English tsvector with a GIN index on
 * PostgreSQL. The newsroom shows no snippets, so neither keeps the text: the FTS5 table is
 * contentless (rows deletable by id) and PostgreSQL keeps only the vector.
 *
 * Every story already written is indexed here (the plain text of a body is made as the app
 * makes it, from a pure function that only knows strings).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .createTable('newsroom_documents')
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.primaryKey().references('articles.id').onDelete('cascade'),
      )
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute()
    // Vectors stay in the table's own pages (compressed) rather than out of line: with them
    // out of line the table looks tiny, so the planner scans it instead of the GIN index and
    // pays to fetch every vector (200 ms against 0.5 ms for a rare word in 20,000 stories).
    await sql`alter table newsroom_documents alter column document set storage main`.execute(db)
    await sql`alter table newsroom_documents set (toast_tuple_target = 8160)`.execute(db)
  } else {
    await sql`create virtual table if not exists newsroom_fts using fts5(
      title, standfirst, body, content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db)
  }
  await backfill(db)
  if (isPostgres(db)) {
    // Built after the backfill: one pass over the vectors instead of an update per row.
    await sql`create index if not exists newsroom_documents_document_idx on newsroom_documents using gin (document)`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropTable('newsroom_documents').ifExists().execute()
  else await sql`drop table if exists newsroom_fts`.execute(db)
}

async function backfill(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db)
  let afterId = 0
  for (;;) {
    const rows: { id: number; title: string; standfirst: string; body_html: string }[] = await db
      .selectFrom('articles')
      .select(['id', 'title', 'standfirst', 'body_html'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(500)
      .execute()
    if (rows.length === 0) return
    const values = rows.map((r) => {
      const body = htmlToText(r.body_html)
      return postgres
        ? sql`(${r.id}, setweight(to_tsvector('english', ${r.title}), 'A')
            || setweight(to_tsvector('english', ${r.standfirst}), 'B')
            || setweight(to_tsvector('english', ${body}), 'D'))`
        : sql`(${r.id}, ${r.title}, ${r.standfirst}, ${body})`
    })
    await (
      postgres
        ? sql`insert into newsroom_documents (article_id, document) values ${sql.join(values)}`
        : sql`insert into newsroom_fts (rowid, title, standfirst, body) values ${sql.join(values)}`
    ).execute(db)
    afterId = rows[rows.length - 1]?.id ?? afterId
  }
}
