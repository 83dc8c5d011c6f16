/**
 * Every field a Content API filter may name is answered from an index: the tests run one
 * filter per field (and Ghost's shorthands) through the read model the API uses, capture the
 * SQL, and ask each database for its plan. A full scan of a content table fails the test, as
 * for the reader lists (query-plans.test.ts).
 */
import type { CompiledQuery } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { planLines, planProblems } from '../../support/query-plans.js'
import { parseNqlFilter } from '../../../src/api/ghost/nql-filter.js'
import { API_FILTER_FIELDS, browseApiPosts, type ApiFilter } from '../../../src/content/index.js'
import { newsroom } from '../../support/content-fixtures.js'
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
  'categories',
  'tags',
  'users',
]

/** One filter per field the API accepts (Ghost's shorthands expand to the dotted fields). */
const FILTERS: Record<(typeof API_FILTER_FIELDS)[number], string[]> = {
  id: ['id:1', 'id:[1,2,3]'],
  slug: ['slug:harbour-story', 'slug:-harbour-story'],
  title: ["title:'Harbour story'", "title:~'harb'", "title:~^'harb'"],
  featured: ['featured:true'],
  published_at: ["published_at:>'2026-01-01'", "published_at:<='2026-12-31'"],
  updated_at: ["updated_at:>'2026-01-01'"],
  visibility: ['visibility:public'],
  'tags.slug': ['tag:harbour', 'tags:[harbour,storms]', 'tag:-harbour'],
  'authors.slug': ['author:wendy-writer', 'authors:-wendy-writer'],
  'primary_tag.slug': ['primary_tag:football'],
  'primary_author.slug': ['primary_author:wendy-writer'],
  status: ['status:published'],
}

describeDialects('Content API query plans', (dialect) => {
  let t: TestDatabase
  let captured: CompiledQuery[]
  let n: Awaited<ReturnType<typeof newsroom>>

  beforeEach(async () => {
    captured = []
    t = await createTestDatabase(dialect, {
      log: (event) => {
        if (event.level === 'query') captured.push(event.query)
      },
    })
    n = await newsroom(t.db)
    await n.published('Harbour story', { section: n.football, tags: ['Harbour', 'Storms'] })
    await n.published('Quiet day', { tags: ['Weather'] })
  })
  afterEach(() => t.destroy())

  const scansIn = (queries: CompiledQuery[]) =>
    planProblems(t.db, dialect, queries, { tables: CONTENT_TABLES })

  async function browse(
    filter: ApiFilter | undefined,
    page = 1,
    options: { audience?: 'readers' | 'staff'; every?: boolean } = {},
  ): Promise<CompiledQuery[]> {
    captured = []
    const { batches } = await browseApiPosts(n.deps, {
      filter,
      limit: 15,
      page,
      audience: options.audience,
    })
    for await (const batch of batches) void batch
    if (options.every) return [...captured]
    // Only the queries that find and count the stories (from the stories or, for one tag or
    // author, from the link tables' listing): loading their fields is by id.
    return captured.filter((q) => /"a"\."status"|"listed_at" <=/.test(q.sql))
  }

  it('has a filter here for every field the API accepts', () => {
    expect(Object.keys(FILTERS).sort()).toEqual([...API_FILTER_FIELDS].sort())
  })

  it('answers a filter on every field, and a tag filter deep in its pages, from indexes', async () => {
    const scans: string[] = []
    for (const [field, filters] of Object.entries(FILTERS))
      for (const text of filters) {
        const filter = parseNqlFilter(text, API_FILTER_FIELDS) as ApiFilter
        const queries = await browse(filter)
        expect(queries.length, `${field}: ${text}`).toBeGreaterThan(0)
        scans.push(...(await scansIn(queries)).map((s) => `${text}: ${s}`))
      }
    scans.push(...(await scansIn(await browse(undefined))))
    const tag = parseNqlFilter('tag:harbour', API_FILTER_FIELDS) as ApiFilter
    scans.push(...(await scansIn(await browse(tag, 50))))
    expect(scans).toEqual([])
  })

  it('reads a deep page of one tag or one author from its listing index, in order', async () => {
    const cases = {
      'tag:harbour': 'article_tags_listing_idx',
      'tag:football': 'article_categories_chosen_idx',
      'author:wendy-writer': 'article_authors_listing_idx',
    }
    for (const [text, index] of Object.entries(cases)) {
      const filter = parseNqlFilter(text, API_FILTER_FIELDS) as ApiFilter
      const queries = await browse(filter, 50)
      expect(queries.length, text).toBeGreaterThan(0)
      const options = { tables: CONTENT_TABLES, sortedPages: true }
      expect(await planProblems(t.db, dialect, queries, options), text).toEqual([])
      // Not every published story tested for the link, one by one: the link's own index (a
      // story in both the tag and the section of that slug is skipped by a link-table probe).
      for (const query of queries) {
        const plan = (await planLines(t.db, dialect, query)).join('\n')
        expect(plan, `${text}: ${query.sql}`).toContain(index)
        expect(plan, `${text}: ${query.sql}`).not.toMatch(/\bon articles\b|^(SCAN|SEARCH) a\b/m)
      }
    }
  })

  it('loads a page of posts with their bylines without counting anyone’s stories', async () => {
    const queries = await browse(undefined, 1, { every: true })
    expect(queries.length).toBeGreaterThan(3)
    // The people table is a newsroom's staff (the owner is looked up among them); the story
    // tables are what grow.
    const stories = CONTENT_TABLES.filter((table) => table !== 'users')
    expect(await planProblems(t.db, dialect, queries, { tables: stories })).toEqual([])
    expect(queries.some((q) => /group by/i.test(q.sql))).toBe(false)
  })

  it('answers the Admin API’s browse (every status but archived) from an index', async () => {
    const queries = await browse(undefined, 1, { audience: 'staff' })
    expect(queries.length).toBeGreaterThan(0)
    expect(await scansIn(queries)).toEqual([])
  })
})
