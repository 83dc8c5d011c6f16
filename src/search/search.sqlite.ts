/**
 * SQLite FTS5 search: one FTS5 table keyed by article id (rowid), porter stemming over
 * unicode61 without diacritics, prefix indexes for as-you-type, bm25 ranking weighted towards
 * headlines.
 */
import { sql, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../db/database.js'
import {
  RANKED_MATCHES,
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type StoryDocument,
} from './search-index.js'
import { MARK_END, MARK_START, splitSnippet, type ParsedQuery } from './search-query.js'

/**
 * FTS5 MATCH text from a parsed query: every word quoted (so no operator survives), prefix-matched
 * unless the query is `exact`.
 */
export function toFts5Match(query: ParsedQuery): string {
  const quote = (word: string) => `"${word.replace(/"/g, '""')}"`
  const terms = query.terms.map((t) => (query.exact ? quote(t) : `${quote(t)}*`))
  const phrases = query.phrases.map((p) => quote(p.join(' ')))
  return [...phrases, ...terms].join(' AND ')
}

/** Documents into the readers' index, many rows a statement (FTS5 takes a multi-row insert). */
async function insertDocuments(db: Kysely<Database>, docs: SearchDocument[]): Promise<void> {
  let i = 0
  while (i < docs.length) {
    // 100 a statement, a shorter rest in power-of-two pieces: few statements to prepare and keep.
    const size = Math.min(100, 2 ** Math.floor(Math.log2(docs.length - i)))
    const rows = docs
      .slice(i, i + size)
      .map(
        (d) =>
          sql`(${d.articleId}, ${d.title}, ${d.standfirst}, ${d.body}, ${d.tags}, ${d.authors}, ${d.publishedAt})`,
      )
    i += size
    await sql`insert into search_fts (rowid, title, standfirst, body, tags, authors, published_at) values ${sql.join(rows)}`.execute(
      db,
    )
  }
}

export function createSqliteSearchIndex(
  db: Kysely<Database>,
  options: { rankedMatches?: number } = {},
): SearchIndex {
  const cap = options.rankedMatches ?? RANKED_MATCHES
  async function insertStories(docs: StoryDocument[]): Promise<void> {
    if (docs.length === 0) return
    // Replace: a story saved while a rebuild runs may be in the index already.
    const rows = docs.map((d) => sql`(${d.articleId}, ${d.title}, ${d.standfirst}, ${d.body})`)
    await sql`insert or replace into newsroom_fts (rowid, title, standfirst, body) values ${sql.join(rows)}`.execute(
      db,
    )
  }
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
      await db.transaction().execute((trx) => insertDocuments(trx, docs))
    },
    async replaceMany(docs: SearchDocument[], removeIds: number[]) {
      const gone = [...docs.map((d) => d.articleId), ...removeIds]
      if (gone.length === 0) return
      // One transaction: FTS5 writes its pending terms once per commit, not once per story.
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < gone.length; i += 500)
          await sql`delete from search_fts where rowid in (${sql.join(gone.slice(i, i + 500))})`.execute(
            trx,
          )
        await insertDocuments(trx, docs)
      })
    },
    async remove(articleId: number) {
      await sql`delete from search_fts where rowid = ${articleId}`.execute(db)
    },
    async clear() {
      await sql`delete from search_fts`.execute(db)
    },
    async matchIds(query: ParsedQuery, limit: number) {
      const rows = await sql<{ id: number }>`select search_fts.rowid as id from search_fts
        where search_fts match ${toFts5Match(query)} order by search_fts.rowid desc limit ${limit}`.execute(
        db,
      )
      return rows.rows.map((r) => Number(r.id))
    },
    async upsertStory(doc: StoryDocument) {
      await insertStories([doc])
    },
    insertStories,
    async removeStory(articleId: number) {
      await sql`delete from newsroom_fts where rowid = ${articleId}`.execute(db)
    },
    async clearStories() {
      await sql`delete from newsroom_fts`.execute(db)
    },
    async countStories(query: ParsedQuery, atMost: number) {
      const rows = await sql<{ n: number }>`select count(*) as n from (select newsroom_fts.rowid
        from newsroom_fts where newsroom_fts match ${toFts5Match(query)} limit ${atMost})`.execute(
        db,
      )
      return Number(rows.rows[0]?.n ?? 0)
    },
    storyMatch(query: ParsedQuery, use: 'seek' | 'probe', options: { newest?: number } = {}) {
      // `+` keeps the id out of the planner's hands, so it walks the list's order index and
      // tests each story against the matches instead of reading and sorting all of them.
      const id = use === 'probe' ? sql`+${sql.ref('articles.id')}` : sql.ref('articles.id')
      // FTS5 walks its matches backwards by id cheaply: the newest N cost N, not the total.
      const newest =
        options.newest === undefined
          ? sql``
          : sql`order by newsroom_fts.rowid desc limit ${sql.lit(options.newest)}`
      return sql<SqlBool>`${id} in (select newsroom_fts.rowid from newsroom_fts
        where newsroom_fts match ${toFts5Match(query)} ${newest})`
    },
    async search(request: SearchRequest) {
      const match = toFts5Match(request.query)
      // Which stories match: the FTS5 index alone. Reading the UNINDEXED published_at column
      // loads each matching row's stored text, so dates come from the articles table's index.
      const filters = [sql`search_fts match ${match}`]
      if (request.from !== undefined || request.to !== undefined) {
        const dated = [sql`status = 'published'`]
        if (request.from !== undefined) dated.push(sql`published_at >= ${request.from}`)
        if (request.to !== undefined) dated.push(sql`published_at <= ${request.to}`)
        filters.push(
          sql`search_fts.rowid in (select id from articles where ${sql.join(dated, sql` and `)})`,
        )
      }
      if (request.categoryIds && request.categoryIds.length > 0) {
        filters.push(
          sql`search_fts.rowid in (select article_id from article_categories where category_id in (${sql.join(request.categoryIds)}) and listed_at is not null)`,
        )
      }
      const matches = sql.join(filters, sql` and `)
      // The (cap+1)th newest match, if there is one: past the cap only the newer ones are ranked.
      // FTS5 walks matches backwards by id cheaply; no full count of 300,000 matches is made.
      const cut = await sql<{ id: number }>`select search_fts.rowid as id from search_fts
        where ${matches} order by search_fts.rowid desc limit 1 offset ${cap}`.execute(db)
      const capped = cut.rows.length > 0
      // The newest `cap` matches, walked newest first: FTS5 stops after them. A `rowid >` bound
      // instead walks the word's matches from the oldest (300 ms for a word in a third of a
      // million stories).
      const newest = capped ? sql`order by search_fts.rowid desc limit ${cap}` : sql``
      const found = capped
        ? cap
        : Number(
            (
              await sql<{
                n: number
              }>`select count(*) as n from search_fts where ${matches}`.execute(db)
            ).rows[0]?.n ?? 0,
          )
      /**
       * A page of ids with their snippets, in the page's order. FTS5 gets the id range, not the
       * list (`+` keeps the list out of its hands): per-id lookups would rebuild a prefix match
       * each time.
       */
      const withSnippets = async (ids: number[]) => {
        if (ids.length === 0) return []
        const made = await sql<{ id: number; snippet: string }>`select search_fts.rowid as id,
            snippet(search_fts, 2, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
          from search_fts where search_fts match ${match}
            and search_fts.rowid between ${Math.min(...ids)} and ${Math.max(...ids)}
            and +search_fts.rowid in (${sql.join(ids)})`.execute(db)
        const byId = new Map(made.rows.map((r) => [Number(r.id), r.snippet]))
        return ids.map((id) => ({ id, snippet: byId.get(id) ?? '' }))
      }
      let rows: { id: number; snippet: string }[]
      if (request.sort === 'date') {
        // Newest first walks the articles index until a page of matches is found; snippets
        // are then made for that page only.
        const page = await sql<{ id: number }>`select a.id from articles a
          where a.status = 'published' and a.id in (select search_fts.rowid from search_fts where ${matches} ${newest})
          order by a.published_at desc, a.id desc limit ${request.limit} offset ${request.offset}`.execute(
          db,
        )
        rows = await withSnippets(page.rows.map((r) => Number(r.id)))
      } else {
        // bm25 ranks the matches; ties go to the newer story by id (reading each row's date
        // would load its text). The ids first, then snippets for them: with the snippet in the
        // ranking query SQLite makes one for every match before it sorts (2,000 for a common
        // word), not for the page it keeps.
        const page = await sql<{ id: number }>`select id from (select search_fts.rowid as id,
              bm25(search_fts, 10.0, 5.0, 1.0, 3.0, 2.0) as score
            from search_fts where ${matches} ${newest})
            order by score asc, id desc
            limit ${request.limit} offset ${request.offset}`.execute(db)
        rows = await withSnippets(page.rows.map((r) => Number(r.id)))
      }
      return {
        hits: rows.map((r) => ({ articleId: Number(r.id), snippet: splitSnippet(r.snippet) })),
        total: found,
        capped,
      }
    },
  }
}
