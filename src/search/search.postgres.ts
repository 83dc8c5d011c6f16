/**
 * PostgreSQL search: a tsvector per article (weighted: headline A, standfirst and tags B,
 * authors C, body D) with a GIN index, ranked by ts_rank, snippets from ts_headline. The vectors
 * sit in a narrow table of their own, the texts beside it for headlines. As on SQLite, at most
 * the newest `rankedMatches` matches are ranked.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Database } from '../db/database.js'
import {
  RANKED_MATCHES,
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type StoryDocument,
} from './search-index.js'
import { MARK_END, MARK_START, splitSnippet, type ParsedQuery } from './search-query.js'

const CONFIG = 'english'

/**
 * to_tsquery text: words become lexemes (non-word characters already stripped), prefix-matched
 * unless the query is `exact`.
 * With `phrasesAsWords`, a phrase's words match in any order (what the GIN index can answer).
 */
export function toTsQuery(query: ParsedQuery, options: { phrasesAsWords?: boolean } = {}): string {
  const lexeme = (word: string) => `'${word.replace(/'/g, "''")}'`
  const terms = query.terms.map((t) => (query.exact ? lexeme(t) : `${lexeme(t)}:*`))
  const operator = options.phrasesAsWords ? ' & ' : ' <-> '
  const phrases = query.phrases.map((p) => `(${p.map(lexeme).join(operator)})`)
  return [...phrases, ...terms].join(' & ')
}

export function createPostgresSearchIndex(
  db: Kysely<Database>,
  options: { rankedMatches?: number } = {},
): SearchIndex {
  const cap = options.rankedMatches ?? RANKED_MATCHES
  async function insertStories(docs: StoryDocument[]): Promise<void> {
    if (docs.length === 0) return
    // Replace: a story saved while a rebuild runs may be in the index already.
    const rows = docs.map((doc) => sql`(${doc.articleId}, ${storyVector(doc)})`)
    await sql`insert into newsroom_documents (article_id, document) values ${sql.join(rows)}
      on conflict (article_id) do update set document = excluded.document`.execute(db)
  }
  return {
    async upsert(doc: SearchDocument) {
      await db.transaction().execute((trx) => writeDocuments(trx, [doc]))
    },
    async insertMany(docs: SearchDocument[]) {
      if (docs.length === 0) return
      await db.transaction().execute((trx) => writeDocuments(trx, docs))
    },
    async replaceMany(docs: SearchDocument[], removeIds: number[]) {
      if (docs.length === 0 && removeIds.length === 0) return
      await db.transaction().execute(async (trx) => {
        if (removeIds.length > 0)
          await sql`delete from search_documents where article_id in (${sql.join(removeIds)})`.execute(
            trx,
          )
        for (let i = 0; i < docs.length; i += 200) await writeDocuments(trx, docs.slice(i, i + 200))
      })
    },
    async remove(articleId: number) {
      // Its vector goes with it (on delete cascade).
      await sql`delete from search_documents where article_id = ${articleId}`.execute(db)
    },
    async clear() {
      await sql`delete from search_vectors`.execute(db)
      await sql`delete from search_documents`.execute(db)
    },
    async matchIds(query: ParsedQuery, limit: number) {
      const tsquery = sql`to_tsquery(${sql.lit(CONFIG)}, ${toTsQuery(query)})`
      const rows = await sql<{ id: number }>`select v.article_id as id from search_vectors v
        where v.document @@ ${tsquery} order by v.article_id desc limit ${limit}`.execute(db)
      return rows.rows.map((r) => Number(r.id))
    },
    async upsertStory(doc: StoryDocument) {
      await insertStories([doc])
    },
    insertStories,
    async removeStory(articleId: number) {
      await sql`delete from newsroom_documents where article_id = ${articleId}`.execute(db)
    },
    async clearStories() {
      await sql`delete from newsroom_documents`.execute(db)
    },
    async countStories(query: ParsedQuery, atMost: number) {
      const rows = await sql<{
        n: number
      }>`select count(*) as n from (select 1 from newsroom_documents n
        where n.document @@ to_tsquery(${sql.lit(CONFIG)}, ${toTsQuery(query)}) limit ${atMost}) found`.execute(
        db,
      )
      return Number(rows.rows[0]?.n ?? 0)
    },
    // PostgreSQL weighs the matches against the list's order itself: one form serves both.
    storyMatch(query: ParsedQuery, _use: 'seek' | 'probe', options: { newest?: number } = {}) {
      const newest =
        options.newest === undefined
          ? sql``
          : sql`order by n.article_id desc limit ${sql.lit(options.newest)}`
      return sql<SqlBool>`${sql.ref('articles.id')} in (select n.article_id from newsroom_documents n
        where n.document @@ to_tsquery(${sql.lit(CONFIG)}, ${toTsQuery(query)}) ${newest})`
    },
    async search(request: SearchRequest) {
      const tsquery = sql`to_tsquery(${sql.lit(CONFIG)}, ${toTsQuery(request.query)})`
      const phrased = request.query.phrases.length > 0
      const order =
        request.sort === 'date'
          ? sql`v.published_at desc, v.article_id desc`
          : sql`ts_rank(v.document, ${tsquery}) desc, v.published_at desc, v.article_id desc`
      const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2`
      // Only the newest cap+1 matches are found (see `newestMatches`): one past the cap says
      // "more than", so no full count is made. Only those are ranked, by id alone (the sort
      // carries no text), and the texts are read for the page's headlines only.
      const statement = sql<{ found: number; id: number | null; snippet: string | null }>`
        with found as (${newestMatches(request, tsquery, cap + 1)}), page as (
          select v.article_id, row_number() over (order by ${order}) as position
          from search_vectors v
          where v.article_id in (select f.article_id from found f order by f.article_id desc limit ${cap})
          order by ${order} limit ${request.limit} offset ${request.offset}
        )
        select n.found, p.article_id as id,
          ts_headline(${sql.lit(CONFIG)}, d.body, ${tsquery}, ${options}) as snippet
        from (select count(*)::int as found from found) n
        left join page p on true
        left join search_documents d on d.article_id = p.article_id
        order by p.position`
      // The planner prices testing a story's vector at nothing, though it loads 4 KB each time,
      // so it walks the primary key for a word in 6 % of stories (40,000 vectors loaded for
      // 2,000 matches) where the GIN index gives them in milliseconds. The walk is kept for a
      // word in most stories (it stops after cap+1); everything else reads the GIN index.
      const walk =
        !phrased &&
        request.from === undefined &&
        request.to === undefined &&
        !request.categoryIds?.length &&
        (await matchedShare(db, tsquery)) > WALK_SHARE
      const rows = walk
        ? await statement.execute(db)
        : await db.transaction().execute(async (trx) => {
            // `set local` for this transaction only, both in one round trip.
            await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
              trx,
            )
            return statement.execute(trx)
          })
      const found = Number(rows.rows[0]?.found ?? 0)
      return {
        hits: rows.rows.flatMap((r) =>
          r.id === null
            ? []
            : [{ articleId: Number(r.id), snippet: splitSnippet(r.snippet ?? '') }],
        ),
        total: Math.min(found, cap),
        capped: found > cap,
      }
    },
  }
}

/**
 * Past this share of the stories matching, the newest matches are found by walking the primary
 * key backwards (cap+1 matches cost about cap/share vector loads) rather than by reading every
 * match from the GIN index and sorting their ids (about 0.3 µs each, but all of them).
 */
const WALK_SHARE = 0.3

/** The planner's estimate (from the vectors' statistics) of the share of stories matching. */
async function matchedShare(db: Kysely<Database>, tsquery: RawBuilder<unknown>): Promise<number> {
  const plan = async (query: RawBuilder<unknown>) => {
    const result = await sql<{
      'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }]
    }>`explain (format json) ${query}`.execute(db)
    return Number(result.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0)
  }
  const [matching, all] = await Promise.all([
    plan(sql`select 1 from search_vectors v where v.document @@ ${tsquery}`),
    plan(sql`select 1 from search_vectors v`),
  ])
  return all > 0 ? matching / all : 0
}

/**
 * The newest `limit` matches of a search, by id, never all of them. A word in most stories
 * walks the primary key backwards and stops after `limit`; a rarer one is read from the GIN
 * index (see `WALK_SHARE`). A phrase is found by its words in the GIN index, newest first, and
 * its word order is then checked on those until `limit` are found: each check loads the
 * story's vector.
 */
function newestMatches(request: SearchRequest, tsquery: RawBuilder<unknown>, limit: number) {
  const phrased = request.query.phrases.length > 0
  const indexed = phrased
    ? sql`to_tsquery(${sql.lit(CONFIG)}, ${toTsQuery(request.query, { phrasesAsWords: true })})`
    : tsquery
  const filters = [sql`v.document @@ ${indexed}`]
  if (request.from !== undefined) filters.push(sql`v.published_at >= ${request.from}`)
  if (request.to !== undefined) filters.push(sql`v.published_at <= ${request.to}`)
  if (request.categoryIds && request.categoryIds.length > 0) {
    filters.push(
      sql`v.article_id in (select article_id from article_categories where category_id in (${sql.join(request.categoryIds)}) and listed_at is not null)`,
    )
  }
  const where = sql.join(filters, sql` and `)
  if (!phrased)
    return sql`select v.article_id from search_vectors v where ${where}
      order by v.article_id desc limit ${limit}`
  // `offset 0` keeps the phrase test above the sort, so it runs in id order and stops early.
  return sql`select c.article_id from (select v.article_id, v.document from search_vectors v
      where ${where} order by v.article_id desc offset 0) c
    where c.document @@ ${tsquery} limit ${limit}`
}

/**
 * Add or replace documents: the texts (read for headlines) in `search_documents`, the vector
 * (read to find and rank matches) in the narrow `search_vectors`. Run inside a transaction.
 */
async function writeDocuments(db: Kysely<Database>, docs: SearchDocument[]): Promise<void> {
  if (docs.length === 0) return
  const texts = docs.map(
    (doc) =>
      sql`(${doc.articleId}, ${doc.title}, ${doc.standfirst}, ${doc.body}, ${doc.tags}, ${doc.authors}, ${doc.publishedAt})`,
  )
  await sql`insert into search_documents (article_id, title, standfirst, body, tags, authors, published_at)
    values ${sql.join(texts)}
    on conflict (article_id) do update set title = excluded.title, standfirst = excluded.standfirst, body = excluded.body,
      tags = excluded.tags, authors = excluded.authors, published_at = excluded.published_at`.execute(
    db,
  )
  const vectors = docs.map((doc) => sql`(${doc.articleId}, ${doc.publishedAt}, ${vector(doc)})`)
  await sql`insert into search_vectors (article_id, published_at, document) values ${sql.join(vectors)}
    on conflict (article_id) do update set published_at = excluded.published_at, document = excluded.document`.execute(
    db,
  )
}

function vector(doc: SearchDocument): RawBuilder<unknown> {
  const c = sql.lit(CONFIG)
  return sql`setweight(to_tsvector(${c}, ${doc.title}), 'A') || setweight(to_tsvector(${c}, ${doc.standfirst}), 'B')
    || setweight(to_tsvector(${c}, ${doc.tags}), 'B') || setweight(to_tsvector(${c}, ${doc.authors}), 'C')
    || setweight(to_tsvector(${c}, ${doc.body}), 'D')`
}

/** The newsroom's vector: the readers' weights for headline, standfirst and body. */
function storyVector(doc: StoryDocument): RawBuilder<unknown> {
  const c = sql.lit(CONFIG)
  return sql`setweight(to_tsvector(${c}, ${doc.title}), 'A') || setweight(to_tsvector(${c}, ${doc.standfirst}), 'B')
    || setweight(to_tsvector(${c}, ${doc.body}), 'D')`
}
