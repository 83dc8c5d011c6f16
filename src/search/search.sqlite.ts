/**
 * SQLite FTS5 search: one FTS5 table keyed by article id (rowid), porter stemming over
 * unicode61 without diacritics, prefix indexes for as-you-type, bm25 ranking weighted towards
 * headlines.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { SearchDocument, SearchIndex, SearchRequest } from './search-index.js'
import { MARK_END, MARK_START, splitSnippet, type ParsedQuery } from './search-query.js'

/** FTS5 MATCH text from a parsed query: every word quoted (so no operator survives), prefix-matched. */
export function toFts5Match(query: ParsedQuery): string {
  const quote = (word: string) => `"${word.replace(/"/g, '""')}"`
  const terms = query.terms.map((t) => `${quote(t)}*`)
  const phrases = query.phrases.map((p) => quote(p.join(' ')))
  return [...phrases, ...terms].join(' AND ')
}

export function createSqliteSearchIndex(db: Kysely<Database>): SearchIndex {
  return {
    async upsert(doc: SearchDocument) {
      await sql`delete from search_fts where rowid = ${doc.articleId}`.execute(db)
      await sql`insert into search_fts (rowid, title, standfirst, body, tags, authors, published_at)
        values (${doc.articleId}, ${doc.title}, ${doc.standfirst}, ${doc.body}, ${doc.tags}, ${doc.authors}, ${doc.publishedAt})`.execute(
        db,
      )
    },
    async insertMany(docs: SearchDocument[]) {
      if (docs.length === 0) return
      await db.transaction().execute(async (trx) => {
        for (const doc of docs) {
          await sql`insert into search_fts (rowid, title, standfirst, body, tags, authors, published_at)
            values (${doc.articleId}, ${doc.title}, ${doc.standfirst}, ${doc.body}, ${doc.tags}, ${doc.authors}, ${doc.publishedAt})`.execute(
            trx,
          )
        }
      })
    },
    async remove(articleId: number) {
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
    },
    async clear() {
      await sql`delete from search_fts`.execute(db)
    },
    async search(request: SearchRequest) {
      const match = toFts5Match(request.query)
      const filters = [sql`search_fts match ${match}`]
      if (request.from !== undefined) filters.push(sql`search_fts.published_at >= ${request.from}`)
      if (request.to !== undefined) filters.push(sql`search_fts.published_at <= ${request.to}`)
      if (request.categoryIds && request.categoryIds.length > 0) {
        filters.push(
          sql`search_fts.rowid in (select article_id from article_categories where category_id in (${sql.join(request.categoryIds)}) and listed_at is not null)`,
        )
      }
      const where = sql.join(filters, sql` and `)
      const order =
        request.sort === 'date'
          ? sql`search_fts.published_at desc, search_fts.rowid desc`
          : sql`bm25(search_fts, 10.0, 5.0, 1.0, 3.0, 2.0) asc, search_fts.published_at desc`
      const rows = await sql<{ id: number; snippet: string }>`
        select search_fts.rowid as id,
          snippet(search_fts, 2, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
        from search_fts where ${where} order by ${order} limit ${request.limit} offset ${request.offset}`.execute(
        db,
      )
      const count = await sql<{
        n: number
      }>`select count(*) as n from search_fts where ${where}`.execute(db)
      return {
        hits: rows.rows.map((r) => ({ articleId: Number(r.id), snippet: splitSnippet(r.snippet) })),
        total: Number(count.rows[0]?.n ?? 0),
      }
    },
  }
}
