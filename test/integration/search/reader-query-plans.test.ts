/**
 * Reader search at a hundred thousand stories and more: the statement a search runs on
 * PostgreSQL can find its matches through the GIN index of the vectors (or, for a word in
 * nearly every story, by walking their primary key), and reads the texts by id for the page's
 * headlines, never a whole table. The test captures the SQL of each kind of search and asks
 * PostgreSQL for its plan.
 */
import { sql, type CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import { searchArticles, type SearchDeps, type SearchInput } from '../../../src/search/index.js'
import { planLines } from '../../support/query-plans.js'
import { fillDemoSite } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const describePostgres = DIALECTS.includes('postgres') ? describe : describe.skip

describePostgres('postgres: reader search query plans', () => {
  let t: TestDatabase
  let deps: SearchDeps
  let captured: CompiledQuery[] = []

  beforeAll(async () => {
    t = await createTestDatabase('postgres', {
      log: (event) => {
        if (event.level === 'query') captured.push(event.query)
      },
    })
    const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))
    const services = await fillDemoSite({
      db: t.db,
      dialect: 'postgres',
      clock,
      dataDir: t.dataDir,
    })
    deps = { db: t.db, clock, index: services.search }
  }, 60_000)
  afterAll(() => t.destroy())

  const SEARCHES: [string, SearchInput][] = [
    ['a word, ranked', { q: 'harbour' }],
    ['a word, newest first', { q: 'harbour', sort: 'date' }],
    ['two words', { q: 'harbour bridge' }],
    ['a quoted phrase', { q: '"gulls arrived"' }],
    ['a word in a section and a date range', { q: 'said', section: 'news', from: '2020-01-01' }],
  ]

  for (const [name, input] of SEARCHES) {
    it(`reads the index, never a whole table: ${name}`, async () => {
      captured = []
      await searchArticles(deps, input)
      // The search itself, not the estimates it asks the planner for first.
      const searches = captured.filter(
        (q) => /search_vectors/.test(q.sql) && !/^\s*explain/i.test(q.sql),
      )
      // One search, or two when whole words find little and prefixes are tried.
      expect(searches.length).toBeGreaterThanOrEqual(1)
      expect(searches.length).toBeLessThanOrEqual(2)
      // A table this small is read whole or walked by id whatever the query; with both
      // priced out, what is left shows whether the GIN index can find the matches at all.
      const plans = await t.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx)
        await sql`set local enable_indexscan = off`.execute(trx)
        return Promise.all(searches.map((query) => planLines(trx, 'postgres', query)))
      })
      for (const plan of plans) {
        const text = plan.join('\n')
        expect(text).not.toMatch(/Seq Scan on (search_|articles)/)
        // With a date range, the dates' index may find the stories to test instead.
        expect(text).toMatch(
          input.from
            ? /Bitmap Index Scan on search_vectors_(document|published)_idx/
            : /Bitmap Index Scan on search_vectors_document_idx/,
        )
      }
    })
  }
})
