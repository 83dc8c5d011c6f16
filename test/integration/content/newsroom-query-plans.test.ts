/**
 * At a million stories every newsroom list page and its counts must answer quickly, so each
 * query they run is served by an index: these tests capture the SQL of the story list (status
 * counts, each filter, every sort, offset paging), of its search (both ways it reads the
 * newsroom's full-text index), of the comments queue and of the wire desk's badge (on every
 * newsroom page for editors), and ask each database for its plan. A full scan of a content
 * table fails, and on SQLite so does a sort of the whole table for a page (the page must come
 * in index order).
 */
import { sql, type CompiledQuery } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { planLines, planProblems } from '../../support/query-plans.js'
import { countModerationQueue, listModerationQueue } from '../../../src/comments/index.js'
import {
  createArticle,
  findNewsroomArticles,
  type NewsroomFilter,
} from '../../../src/content/index.js'
import { FEW_LINKED, listNewsroomIds } from '../../../src/content/newsroom.repository.js'
import { findNewsroomStories, parseSearchQuery, reindexAll } from '../../../src/search/index.js'
import type { Services } from '../../../src/services.js'
import { countNewItems } from '../../../src/wire/index.js'
import { newsroom } from '../../support/content-fixtures.js'
import { asUser, testServices } from '../../support/kernel.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'

const CONTENT_TABLES = [
  'articles',
  'newsroom_documents',
  'article_categories',
  'article_tags',
  'article_authors',
  'comments',
]

describeDialects('newsroom list query plans', (dialect) => {
  let t: TestDatabase
  let captured: CompiledQuery[]
  let n: Awaited<ReturnType<typeof newsroom>>
  let deps: Services

  beforeAll(async () => {
    captured = []
    t = await createTestDatabase(dialect, {
      log: (event) => {
        if (event.level === 'query') captured.push(event.query)
      },
    })
    n = await newsroom(t.db)
    deps = { ...testServices({ db: t.db, dialect, dataDir: t.dataDir }), clock: n.clock }
    for (let i = 0; i < 6; i++)
      await n.published(`Harbour story ${i}`, { section: n.football, tags: ['Harbour'] })
    await createArticle(deps, asUser(n.writer), {
      title: 'A draft about the council',
      bodyHtml: '<p>The ward boundaries move again.</p>',
    })
    // The fixtures write without announcements: fill both indexes from what they wrote.
    await reindexAll({ db: t.db, clock: n.clock, index: deps.search })
  }, 60_000)
  afterAll(() => t.destroy())

  const problems = (queries: CompiledQuery[]) =>
    planProblems(t.db, dialect, queries, { tables: CONTENT_TABLES, sortedPages: true })

  const CASES: [string, NewsroomFilter][] = [
    ['every story, counts per status', {}],
    ['a status tab', { status: 'published' }],
    ['drafts, oldest updated first', { status: 'draft', sort: 'updated-asc' }],
    ['page 3 (offset paging)', { page: 3, perPage: 2 }],
    ['headline A–Z', { sort: 'title-asc' }],
    ['headline Z–A in a tab', { status: 'published', sort: 'title-desc' }],
    ['newest published', { sort: 'published-desc' }],
    ['oldest published', { sort: 'published-asc' }],
    ['a section', { categoryId: 0 }],
    ['a tag', { tag: 'harbour' }],
    ['an author', { byAuthorId: 0 }],
    ['"mine"', { authorId: 0, status: 'draft' }],
    ['newest published in the drafts tab', { status: 'draft', sort: 'published-desc' }],
    ['oldest published in the published tab', { status: 'published', sort: 'published-asc' }],
  ]

  const resolve = (filter: NewsroomFilter): NewsroomFilter => ({
    ...filter,
    ...(filter.categoryId === 0 ? { categoryId: n.football.id } : {}),
    ...(filter.byAuthorId === 0 ? { byAuthorId: n.writer.id } : {}),
    ...(filter.authorId === 0 ? { authorId: n.writer.id } : {}),
  })

  /** A section's, tag's or person's few stories (SQLite): read from the link's index, sorted. */
  const LINK_READ =
    /SEARCH (article_authors|article_categories|article_tags) USING (COVERING )?INDEX \w+ \((user_id|category_id|tag_id)=\?/
  const linkedOnly = (filter: NewsroomFilter) =>
    [filter.authorId, filter.byAuthorId, filter.categoryId, filter.tag].filter(
      (v) => v !== undefined,
    ).length === 1

  for (const [name, filter] of CASES) {
    it(`serves the story list from indexes: ${name}`, async () => {
      const resolved = resolve(filter)
      captured = []
      const page = await findNewsroomStories(deps, resolved)
      const queries = captured
      expect(page.counts.all + page.total).toBeGreaterThan(0)
      if (dialect === 'sqlite' && linkedOnly(filter)) {
        // At most FEW_LINKED stories: fetched through the link's index and sorted, which is
        // bounded; no table is scanned.
        expect(
          await planProblems(t.db, dialect, queries, {
            tables: CONTENT_TABLES,
            sortedPages: false,
          }),
        ).toEqual([])
        const paged = queries.filter(
          (q) => /^\s*select/i.test(q.sql) && /\blimit\b/i.test(q.sql) && /"articles"/.test(q.sql),
        )
        expect(paged.length).toBeGreaterThan(0)
        for (const query of paged)
          expect((await planLines(t.db, dialect, query)).join('\n')).toMatch(LINK_READ)
      } else expect(await problems(queries)).toEqual([])
    })
  }

  it('walks the order’s index for a section, tag or person with many stories', async () => {
    captured = []
    for (const where of [{ authorId: n.writer.id }, { categoryId: n.football.id }, { tagId: 1 }])
      await listNewsroomIds(t.db, where, {
        limit: 25,
        offset: 0,
        matched: FEW_LINKED + 1,
        matchedAnyStatus: FEW_LINKED + 1,
      })
    expect(await problems(captured)).toEqual([])
  })

  it('reads a date range from the status and date index, and sorts only that range', async () => {
    captured = []
    const page = await findNewsroomStories(deps, { from: 0, to: Date.UTC(2100, 0, 1) })
    expect(page.total).toBeGreaterThan(0)
    const queries = captured.filter((q) => /^\s*select/i.test(q.sql))
    // No table scanned; a sort is allowed here: the range holds at most RANGE_SORTED stories.
    expect(
      await planProblems(t.db, dialect, queries, { tables: CONTENT_TABLES, sortedPages: false }),
    ).toEqual([])
    if (dialect === 'sqlite') {
      for (const query of queries.filter((q) => /published_at. >= \?/.test(q.sql))) {
        const plan = (await planLines(t.db, dialect, query)).join('\n')
        expect(plan).toMatch(
          /USING (COVERING )?INDEX articles_status_published_idx \(status=\? AND published_at>\?/,
        )
      }
    }
  })

  const SEARCHES: [string, NewsroomFilter][] = [
    ['a word', { q: 'harbour' }],
    ['in a tab and a section', { q: 'harbour', status: 'published', categoryId: 0 }],
    ['a word of a draft’s body, by headline', { q: 'boundar', sort: 'title-asc' }],
    ['two words, by an author, in a date range', { q: 'harbour story', byAuthorId: 0, from: 0 }],
    ['"mine", newest published first', { q: 'harbour', authorId: 0, sort: 'published-desc' }],
  ]
  /**
   * How a plan reads the newsroom's index: FTS5 with its MATCH constraint (`:M`), never a walk
   * of the whole virtual table; PostgreSQL through the GIN index, or by primary key when the
   * other filters leave fewer stories to test than the word matches (or, for the newest
   * matches only, newest first).
   */
  const INDEX_READS = {
    sqlite: /^SCAN newsroom_fts VIRTUAL TABLE INDEX \d+:M/,
    postgres: /Index Scan (Backward )?(using|on) newsroom_documents_(document_idx|pkey)/,
  }

  for (const [name, filter] of SEARCHES) {
    it(`serves a search through the newsroom's full-text index: ${name}`, async () => {
      const resolved = resolve(filter)
      // A few matches: read them from the index, fetch their stories by id, sort that handful
      // (at most FEW_MATCHES, so the sort is allowed; no content table is scanned).
      captured = []
      const page = await findNewsroomStories(deps, resolved)
      expect(page.total).toBeGreaterThan(0)
      const few = [...captured]
      expect(await planProblems(t.db, dialect, few, { tables: CONTENT_TABLES })).toEqual([])
      // Many matches: the list walks its order index and tests each story, sorting nothing.
      const query = parseSearchQuery(resolved.q ?? '')
      const text = {
        seek: deps.search.storyMatch(query, 'seek'),
        probe: deps.search.storyMatch(query, 'probe'),
        fewMatches: false,
      }
      captured = []
      expect((await findNewsroomArticles(deps, { ...resolved, text })).total).toBe(page.total)
      // A word in most stories: only its newest matches, walked the same way.
      await findNewsroomStories(deps, resolved, { fewMatches: 0, searchedMatches: 1 })
      const many = [...captured]
      expect(await problems(many)).toEqual([])
      // Every query that searches reads the full-text index by what it is asked, never whole.
      if (dialect === 'postgres') await sql`set enable_seqscan = off`.execute(t.db)
      for (const q of [...few, ...many].filter((c) => /newsroom_/.test(c.sql))) {
        const reads = (await planLines(t.db, dialect, q)).filter((line) =>
          dialect === 'sqlite' ? /newsroom_fts/.test(line) : /Scan.* newsroom_documents/.test(line),
        )
        expect(reads.length).toBeGreaterThan(0)
        for (const line of reads.filter((l) => !/Bitmap Heap Scan/.test(l)))
          expect(line).toMatch(INDEX_READS[dialect])
      }
      if (dialect === 'postgres') await sql`set enable_seqscan = on`.execute(t.db)
    })
  }

  it('serves the comments queue, its counts and its search from indexes', async () => {
    captured = []
    await countModerationQueue(deps)
    await listModerationQueue(deps, { status: 'pending', limit: 50, offset: 50 })
    await listModerationQueue(deps, { status: 'spam', q: 'harbour', limit: 50, offset: 0 })
    expect(await problems(captured)).toEqual([])
  })

  it('serves a writer’s own queue and its counts from the comment and byline indexes, not their stories’ rows', async () => {
    captured = []
    await countModerationQueue(deps, n.writer.id)
    await listModerationQueue(deps, {
      status: 'pending',
      authorId: n.writer.id,
      limit: 50,
      offset: 0,
    })
    // A writer's few stories' comments are fetched by story and sorted (bounded): no scan.
    expect(await planProblems(t.db, dialect, captured, { tables: CONTENT_TABLES })).toEqual([])
    // Whose story a comment is on comes from the bylines' index: reading each story's row to
    // see took a minute over a million stories for someone with none.
    const counting = captured.find((q) => /count\(\*\)/i.test(q.sql) && /comments/.test(q.sql))
    expect(counting).toBeDefined()
    const storyReads = (await planLines(t.db, dialect, counting!)).filter(
      (line) => /\barticles\b/.test(line) && !/article_authors/.test(line),
    )
    expect(storyReads).toEqual([])
  })

  it('counts the items waiting on the wire desk (the navigation badge) from an index', async () => {
    captured = []
    await countNewItems(deps)
    const queries = captured
    expect(await planProblems(t.db, dialect, queries, { tables: ['wire_items'] })).toEqual([])
  })
})
