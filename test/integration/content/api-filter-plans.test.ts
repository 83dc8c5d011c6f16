/**
 * The Content API filter and order shapes a Ghost front-end asks for that the single-tag
 * listing does not cover (several slugs, a link with other tests, a primary tag or author, an
 * order other than newest first) must hold at a million stories: each page is read from an
 * index in its order and stops at the page, never a walk of every published story nor a sort
 * of the story table. These tests capture the SQL a browse runs (the page and its total) and
 * ask each database for its plan.
 */
import { sql, type CompiledQuery } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { planLines } from '../../support/query-plans.js'
import { parseNqlFilter } from '../../../src/api/ghost/nql-filter.js'
import {
  API_FILTER_FIELDS,
  browseApiPosts,
  type ApiFilter,
  type ApiOrder,
} from '../../../src/content/index.js'
import { newsroom } from '../../support/content-fixtures.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'

/** Served from the link listings: the stories are read by primary key, one by one. */
const LISTINGS = [
  'tag:harbour',
  'author:wendy-writer',
  'tag:[harbour,storms]',
  'tags:[harbour,football]',
  'author:[wendy-writer,olive-owner]',
  'tag:harbour+featured:true',
  'tag:harbour+author:wendy-writer',
  "tag:harbour+published_at:>'2026-01-01'",
  "featured:false+tag:[harbour,weather]+title:~'story'",
  'primary_tag:football',
  'primary_tag:[football,weather]',
  'primary_author:wendy-writer',
  'primary_author:[wendy-writer,olive-owner]+tag:harbour',
]

/** Orders other than newest first, alone and with a filter. */
const ORDERS: [string, string | undefined][] = [
  ['published_at asc', undefined],
  ['published_at asc', 'tag:harbour'],
  ['published_at asc', 'tag:[harbour,storms]+featured:false'],
  ['title asc', undefined],
  ['title asc', 'tag:harbour'],
  ['title desc', 'featured:false'],
  ['updated_at desc', undefined],
  ['updated_at desc', 'tag:harbour'],
  ['updated_at asc', 'author:wendy-writer'],
]

/** How each database reads a story by its id, or by the index of its own primary link. */
const STORY_READS = {
  sqlite:
    /^SEARCH a USING (INTEGER PRIMARY KEY|(COVERING )?INDEX articles_(primary_category_id|author_id)_published_idx)\b/,
  postgres:
    /Index (Only )?Scan (Backward )?using (articles_pkey|articles_(primary_category_id|author_id)_published_idx) on articles a\b/,
}

describeDialects('Content API filter and order query plans', (dialect) => {
  let t: TestDatabase
  let captured: CompiledQuery[]
  let n: Awaited<ReturnType<typeof newsroom>>

  beforeAll(async () => {
    captured = []
    t = await createTestDatabase(dialect, {
      log: (event) => {
        if (event.level === 'query') captured.push(event.query)
      },
    })
    n = await newsroom(t.db)
    await n.published('Harbour story', { section: n.football, tags: ['Harbour', 'Storms'] })
    await n.published('Quiet day', { tags: ['Weather'], hoursAgo: 2 })
  }, 60_000)
  afterAll(() => t.destroy())

  /** The queries of one browse that find and count its stories (loading them is by id). */
  async function browse(text: string | undefined, order?: string, page = 50) {
    const filter =
      text === undefined ? undefined : (parseNqlFilter(text, API_FILTER_FIELDS) as ApiFilter)
    const orders = order
      ? [{ field: order.split(' ')[0], direction: order.split(' ')[1] } as ApiOrder]
      : undefined
    const query = { filter, order: orders, limit: 15 }
    captured = []
    // The total (counted, as without the memo) and the first page…
    await drain(browseApiPosts(n.deps, { ...query, page: 1 }))
    // …and a deep page, as if a million stories matched (the fixture's few would end first).
    await drain(browseApiPosts(n.deps, { ...query, page }, { rememberTotal: async () => 1e6 }))
    // Not the queries that load the page's stories by id.
    return captured.filter(
      (q) => /"a"\."status"|"listed_at" <=/.test(q.sql) && !/"a"\."id" in \([?$]/.test(q.sql),
    )
  }

  async function drain(browsing: ReturnType<typeof browseApiPosts>) {
    for await (const batch of (await browsing).batches) void batch
  }

  /**
   * Every plan line that scans or sorts: a full scan of any table (a story walk, or a whole
   * link table), a sort of the rows (SQLite's temporary b-tree; PostgreSQL's Sort node). One
   * sort is allowed of the rows of a page merged from several arms, each read in index order
   * and capped at the page's end (`limit` in every arm): it sorts those few rows, no table.
   */
  async function scansAndSorts(queries: CompiledQuery[]): Promise<string[]> {
    const problems: string[] = []
    // PostgreSQL scans and sorts tiny tables whatever their indexes: forbid both, to see
    // whether it can do without (it keeps a sort or a scan only when no index can serve),
    // and bitmap reads, which it prefers to probes by id while it has no statistics.
    if (dialect === 'postgres')
      await sql`set enable_seqscan = off; set enable_sort = off; set enable_bitmapscan = off`.execute(
        t.db,
      )
    for (const query of queries) {
      const arms = query.sql.split(' union all ').length
      const capped = arms > 1 && (query.sql.match(/\blimit\b/gi) ?? []).length === arms + 1
      let previous = ''
      for (const line of await planLines(t.db, dialect, query)) {
        // SQLite sorts each capped arm's rows to merge them; PostgreSQL sorts them all at the top.
        const cappedSort =
          capped &&
          (dialect === 'sqlite'
            ? /^USE TEMP B-TREE FOR ORDER BY$/.test(line) && /^SCAN arm\d+$/.test(previous)
            : /^ {2}-> {2}Sort\b|^ {8}Sort Key/.test(line))
        previous = line
        if (cappedSort) continue
        const bad =
          dialect === 'sqlite'
            ? /^SCAN (a|articles|l|e|p|ft|fc|fa)\b|TEMP B-TREE/.test(line)
            : /Seq Scan|Sort\b|Bitmap Heap Scan on articles/.test(line)
        if (bad) problems.push(`${line} in: ${query.sql}`)
      }
    }
    if (dialect === 'postgres')
      await sql`set enable_seqscan = on; set enable_sort = on; set enable_bitmapscan = on`.execute(
        t.db,
      )
    return problems
  }

  it('answers several slugs, a link with other tests and a primary link from the listings', async () => {
    for (const text of LISTINGS) {
      const queries = await browse(text)
      // Its total, a deep page (page 50) and the first (when something matches).
      expect(queries.length, text).toBeGreaterThanOrEqual(2)
      expect(await scansAndSorts(queries), text).toEqual([])
      if (dialect === 'postgres') await sql`set enable_seqscan = off`.execute(t.db)
      for (const query of queries) {
        const lines = await planLines(t.db, dialect, query)
        // The stories are never walked: read only by id, or from their own primary link's index.
        const storyReads = lines.filter((line) =>
          dialect === 'sqlite' ? /^(SCAN|SEARCH) a\b/.test(line) : / on articles a\b/.test(line),
        )
        // SQLite plans without statistics, so the plan is the one it runs at any size: every
        // read of a story is by id. PostgreSQL weighs a tiny table's indexes as it pleases, so
        // only its pages (ordered, capped) are held to reading the listing indexes.
        if (dialect === 'sqlite')
          for (const line of storyReads)
            expect(line, `${text}: ${query.sql}`).toMatch(STORY_READS[dialect])
        if (dialect === 'sqlite' || /\blimit\b/.test(query.sql))
          expect(lines.join('\n'), `${text}: ${query.sql}`).toMatch(
            /_listing_idx|_chosen_idx|articles_(primary_category_id|author_id)_published_idx/,
          )
      }
      if (dialect === 'postgres') await sql`set enable_seqscan = on`.execute(t.db)
    }
  })

  it('reads every order from an index in that order, with or without a filter', async () => {
    for (const [order, text] of ORDERS) {
      const queries = await browse(text, order)
      expect(queries.length, `${order} ${text}`).toBeGreaterThan(0)
      const page = queries.filter((q) => /\blimit\b/i.test(q.sql))
      expect(page.length, `${order} ${text}`).toBe(2)
      // A deep page of many matches walks the order's index, sorting nothing…
      const walks = page.filter((q) => !/"a"\."id" in \(select/.test(q.sql))
      expect(await scansAndSorts(walks), `${order} ${text}`).toEqual([])
      // …and a listing of few (the fixture's, on page 1) is read by id and those few sorted.
      const few = page.filter((q) => /"a"\."id" in \(select/.test(q.sql))
      const listed =
        text !== undefined && /tag|author/.test(text) && !order.startsWith('published_at')
      expect(few.length, `${order} ${text}`).toBe(listed ? 1 : 0)
      if (dialect === 'postgres') await sql`set enable_seqscan = off`.execute(t.db)
      for (const query of few)
        for (const line of await planLines(t.db, dialect, query)) {
          expect(line, query.sql).not.toMatch(/^SCAN (a|articles|l)\b|Seq Scan/)
          if (dialect === 'sqlite' && /^(SCAN|SEARCH) a\b/.test(line))
            expect(line, query.sql).toMatch(STORY_READS.sqlite)
        }
      if (dialect === 'postgres') await sql`set enable_seqscan = on`.execute(t.db)
    }
  })
})
