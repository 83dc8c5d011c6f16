/**
 * At a million stories every newsroom list page and its counts must answer quickly, so each
 * query they run is served by an index: these tests capture the SQL of the story list (status
 * counts, each filter, search, every sort, offset paging), of the comments queue and of the wire
 * desk's badge (on every newsroom page for editors), and ask each database for its plan. A full
 * scan of a content table fails, and on SQLite so does a sort of the whole table for a page (the
 * page must come in index order).
 */
import type { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { planProblems } from '../../support/query-plans.js'
import { countModerationQueue, listModerationQueue } from '../../../src/comments/index.js'
import { createArticle, type NewsroomFilter } from '../../../src/content/index.js'
import { findNewsroomStories } from '../../../src/search/index.js'
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
    await createArticle(deps, asUser(n.writer), { title: 'A draft about the council' })
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
    ['a date range', { from: 0, to: Date.UTC(2100, 0, 1) }],
    ['a search', { q: 'harbour' }],
    ['a search in a tab and section', { q: 'harbour', status: 'published', categoryId: 0 }],
    ['newest published in the drafts tab', { status: 'draft', sort: 'published-desc' }],
    ['oldest published in the published tab', { status: 'published', sort: 'published-asc' }],
  ]

  for (const [name, filter] of CASES) {
    it(`serves the story list from indexes: ${name}`, async () => {
      const resolved: NewsroomFilter = {
        ...filter,
        ...(filter.categoryId === 0 ? { categoryId: n.football.id } : {}),
        ...(filter.byAuthorId === 0 ? { byAuthorId: n.writer.id } : {}),
        ...(filter.authorId === 0 ? { authorId: n.writer.id } : {}),
      }
      captured = []
      const page = await findNewsroomStories(deps, resolved)
      const queries = captured
      expect(page.counts.all + page.total).toBeGreaterThan(0)
      expect(await problems(queries)).toEqual([])
    })
  }

  it('serves the comments queue, its counts and its search from indexes', async () => {
    captured = []
    await countModerationQueue(deps)
    await listModerationQueue(deps, { status: 'pending', limit: 50, offset: 50 })
    await listModerationQueue(deps, { status: 'spam', q: 'harbour', limit: 50, offset: 0 })
    expect(await problems(captured)).toEqual([])
  })

  it('counts the items waiting on the wire desk (the navigation badge) from an index', async () => {
    captured = []
    await countNewItems(deps)
    const queries = captured
    expect(await planProblems(t.db, dialect, queries, { tables: ['wire_items'] })).toEqual([])
  })
})
