/**
 * Every list a reader page shows must be served by an index: these tests capture the SQL the
 * reader-facing services run and ask each database for its plan. A full scan of a content
 * table fails the test.
 */
import { sql, type CompiledQuery } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
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

  async function scansIn(): Promise<string[]> {
    const selects = captured.filter((q) => /^\s*select/i.test(q.sql))
    expect(selects.length).toBeGreaterThan(0)
    const scans: string[] = []
    if (dialect === 'postgres') await sql`set enable_seqscan = off`.execute(t.db)
    for (const query of selects) {
      const plan = await t.db.executeQuery<Record<string, unknown>>({
        ...query,
        sql: `${dialect === 'sqlite' ? 'explain query plan' : 'explain'} ${query.sql}`,
      })
      for (const row of plan.rows) {
        const line = String(dialect === 'sqlite' ? row.detail : row['QUERY PLAN'])
        const table =
          dialect === 'sqlite'
            ? /^SCAN (\w+)$/.exec(line)?.[1]
            : /Seq Scan on (\w+)/.exec(line)?.[1]
        const alias =
          table &&
          CONTENT_TABLES.find(
            (name) => name === table || query.sql.includes(`"${name}" as "${table}"`),
          )
        if (alias) scans.push(`${line} in: ${query.sql}`)
      }
    }
    return scans
  }

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
    expect(await scansIn()).toEqual([])
  })
})
