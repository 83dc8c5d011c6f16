/**
 * Every list a reader page shows must be served by an index: these tests capture the SQL the
 * reader-facing services run and ask each database for its plan. A full scan of a content
 * table fails the test.
 */
import type { CompiledQuery } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { planProblems } from '../../support/query-plans.js'
import {
  findPublishedArticle,
  listAuthorArticles,
  listEditorsPicks,
  listFeaturedArticles,
  listLatestArticles,
  listMostRead,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
  publishDueArticles,
} from '../../../src/content/index.js'
import { newsroom } from '../../support/content-fixtures.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'
import { SYSTEM } from '../../support/kernel.js'

const CONTENT_TABLES = [
  'articles',
  'article_categories',
  'article_tags',
  'article_authors',
  'page_views',
  'comments',
]

describeDialects('reader query plans', (dialect) => {
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
    await n.published('Harbour story', { section: n.football, tags: ['Harbour'], pick: true })
    captured = []
  })
  afterEach(() => t.destroy())

  it('serves every reader list from an index', async () => {
    await listLatestArticles(n.deps, { page: 2 })
    await listSectionArticles(n.deps, 'sport', { page: 3 })
    await listTagArticles(n.deps, 'harbour')
    await listAuthorArticles(n.deps, n.writer.slug)
    await listEditorsPicks(n.deps)
    await listFeaturedArticles(n.deps)
    await listMostRead(n.deps)
    await publishDueArticles(n.deps, SYSTEM)
    const lookup = await findPublishedArticle(n.deps, 'harbour-story')
    if (lookup.kind !== 'published') throw new Error('expected the story')
    await listRelatedArticles(n.deps, lookup.article)
    expect(await planProblems(t.db, dialect, captured, { tables: CONTENT_TABLES })).toEqual([])
  })
})
