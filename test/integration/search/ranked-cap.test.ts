/**
 * Search ranks at most `rankedMatches` matches, on SQLite and PostgreSQL alike: past that (a word in most of a huge
 * archive) the newest matches are ranked and the page says so; below it nothing changes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import {
  createPostgresSearchIndex,
  createSqliteSearchIndex,
  reindexAll,
  searchArticles,
  type SearchDeps,
} from '../../../src/search/index.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'
import { fillDemoSite } from '../../support/kernel.js'

describeDialects('ranking capped to the newest matches', (dialect) => {
  let t: TestDatabase
  let capped: SearchDeps
  let uncapped: SearchDeps
  const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))

  beforeAll(async () => {
    t = await createTestDatabase(dialect)
    await fillDemoSite({ db: t.db, dialect, clock, dataDir: t.dataDir })
    const index = dialect === 'sqlite' ? createSqliteSearchIndex : createPostgresSearchIndex
    uncapped = { db: t.db, clock, index: index(t.db, { rankedMatches: 10_000 }) }
    capped = { db: t.db, clock, index: index(t.db, { rankedMatches: 5 }) }
    await reindexAll(uncapped)
  })
  afterAll(() => t.destroy())

  async function allMatches(q: string): Promise<number[]> {
    const all = await searchArticles(uncapped, { q, perPage: 100 })
    expect(all.capped).toBe(false)
    return all.items.map((i) => i.article.id)
  }

  it('ranks only the newest matches of a very common word, and says so', async () => {
    const every = await allMatches('said')
    expect(every.length).toBeGreaterThan(20)
    const newest = [...every].sort((a, b) => b - a).slice(0, 5)
    const first = await searchArticles(capped, { q: 'said', perPage: 2 })
    expect(first).toMatchObject({ capped: true, total: 5, totalPages: 3 })
    const pages = [
      first,
      ...(await Promise.all(
        [2, 3].map((page) => searchArticles(capped, { q: 'said', perPage: 2, page })),
      )),
    ]
    const ids = pages.flatMap((p) => p.items.map((i) => i.article.id))
    expect([...ids].sort((a, b) => b - a)).toEqual(newest)
  })

  it('sorts the capped matches newest first on request', async () => {
    const result = await searchArticles(capped, { q: 'said', sort: 'date', perPage: 5 })
    expect(result.capped).toBe(true)
    const times = result.items.map((i) => i.article.publishedAt?.getTime() ?? 0)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(result.items).toHaveLength(5)
  })

  it('changes nothing below the cap', async () => {
    const every = await allMatches('harbour bridge')
    expect(every.length).toBeGreaterThan(0)
    expect(every.length).toBeLessThanOrEqual(5)
    const result = await searchArticles(capped, { q: 'harbour bridge', perPage: 10 })
    expect(result.capped).toBe(false)
    expect(result.items.map((i) => i.article.id)).toEqual(every)
  })
})
