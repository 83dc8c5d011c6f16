/**
 * The search boxes of the newsroom's other lists read their full-text indexes, never the whole
 * table: these tests capture the SQL of each list's search (its page and its counts, in both
 * forms: few matches fetched by id, many matches tested while walking the list's order) and ask
 * each database for its plan. SQLite must read the list's FTS5 table by its MATCH constraint,
 * PostgreSQL the list's GIN index; neither may scan the list's table.
 */
import { sql, type CompiledQuery } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  addComments,
  countModerationQueue,
  listModerationQueue,
} from '../../../src/comments/index.js'
import { listContactMessages } from '../../../src/contact/index.js'
import { searchMedia } from '../../../src/media/index.js'
import { listSubscribers } from '../../../src/newsletter/index.js'
import type { Services } from '../../../src/services.js'
import { newsroom, T0 } from '../../support/content-fixtures.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { planLines, planProblems } from '../../support/query-plans.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'

/** Each list: its table, and what a plan line reading its index looks like. */
const LISTS = {
  comments: 'comments',
  contact: 'contact_messages',
  media: 'media',
  subscribers: 'subscribers',
} as const

/** Rows beside the ones searched for. */
const FILLER = 3_000

const INDEX_READ = {
  sqlite: (table: string) => new RegExp(`^SCAN ${table}_fts VIRTUAL TABLE INDEX \\d+:M`),
  postgres: (table: string) => new RegExp(`Bitmap Index Scan on ${table}_search_idx`),
}

describeDialects('newsroom list search query plans', (dialect) => {
  let t: TestDatabase
  let captured: CompiledQuery[]
  let deps: Services
  /** The same services, told every search matches more than a page fetches by id. */
  let many: Services

  beforeAll(async () => {
    captured = []
    t = await createTestDatabase(dialect, {
      log: (event) => {
        if (event.level === 'query') captured.push(event.query)
      },
    })
    const n = await newsroom(t.db)
    deps = { ...testServices({ db: t.db, dialect, dataDir: t.dataDir }), clock: n.clock }
    many = {
      ...deps,
      listSearch: { ...deps.listSearch, countMatches: () => Promise.resolve(1_000_000) },
    }
    const story = await n.published('The harbour wall')
    await addComments(
      deps,
      SYSTEM,
      Array.from({ length: 40 }, (_, i) => ({
        articleId: story.id,
        parentId: null,
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.org`,
        body: i % 4 === 0 ? 'The harbour wall is crumbling.' : 'Nothing to add.',
        status: i % 3 === 0 ? ('approved' as const) : ('pending' as const),
        createdAt: new Date(T0.getTime() - i * 60_000),
      })),
    )
    await t.db
      .insertInto('contact_messages')
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          name: `Sender ${i}`,
          email: `sender${i}@example.org`,
          subject: i % 4 === 0 ? 'A tip about the harbour' : `Message ${i}`,
          message: 'Hello newsroom.',
          created_at: T0.getTime() - i * 60_000,
        })),
      )
      .execute()
    await t.db
      .insertInto('media')
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          path: `2026/11/${i % 4 === 0 ? 'harbour-wall' : 'street'}-${i}.jpg`,
          mime_type: 'image/jpeg',
          width: 800,
          height: 600,
          caption: i % 4 === 0 ? 'The harbour at dawn' : 'A street',
          credit: 'Staff',
          created_at: T0.getTime() - i * 60_000,
        })),
      )
      .execute()
    await t.db
      .insertInto('subscribers')
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          email: i % 4 === 0 ? `harbour${i}@example.org` : `person${i}@example.org`,
          status: i % 3 === 0 ? ('unsubscribed' as const) : ('confirmed' as const),
          created_at: T0.getTime() - i * 60_000,
        })),
      )
      .execute()
    // Older rows that match none of the searches below, so that on PostgreSQL testing every
    // row costs more than reading the index (as it does at archive scale), then statistics.
    for (let start = 0; start < FILLER; start += 500) {
      const rows = Array.from({ length: 500 }, (_, i) => start + i)
      const created = (i: number) => T0.getTime() - (100 + i) * 60_000
      await t.db
        .insertInto('comments')
        .values(
          rows.map((i) => ({
            article_id: story.id,
            author_name: `Filler ${i}`,
            author_email: `filler${i}@filler.net`,
            body: `Nothing more (${i}).`,
            status: i % 2 === 0 ? ('pending' as const) : ('approved' as const),
            created_at: created(i),
          })),
        )
        .execute()
      await t.db
        .insertInto('contact_messages')
        .values(
          rows.map((i) => ({
            name: `Filler ${i}`,
            email: `filler${i}@filler.net`,
            subject: `Filler ${i}`,
            message: 'Nothing more.',
            created_at: created(i),
          })),
        )
        .execute()
      await t.db
        .insertInto('media')
        .values(
          rows.map((i) => ({
            path: `2025/01/filler-${i}.jpg`,
            mime_type: 'image/jpeg',
            width: 800,
            height: 600,
            created_at: created(i),
          })),
        )
        .execute()
      await t.db
        .insertInto('subscribers')
        .values(
          rows.map((i) => ({
            email: `filler${i}@filler.net`,
            status: 'confirmed' as const,
            created_at: created(i),
          })),
        )
        .execute()
    }
    if (dialect === 'postgres') await sql`analyze`.execute(t.db)
  }, 60_000)
  afterAll(() => t.destroy())

  /**
   * The captured queries that search `table`, each checked to read its index by what it asks.
   * PostgreSQL may also test rows by an index of the list's own (its primary key, its order)
   * when the other filters leave fewer rows than the words match: with index walks forbidden
   * too, the GIN index must then serve the search, so it can (the column and index agree).
   */
  async function expectIndexReads(queries: CompiledQuery[], table: string): Promise<void> {
    const searching = queries.filter((q) => /^\s*select/i.test(q.sql) && /match|@@/.test(q.sql))
    expect(searching.length).toBeGreaterThan(0)
    for (const query of searching) {
      const lines = await planLinesWith(query, { indexWalks: dialect === 'sqlite' })
      const reads = lines.filter((line) =>
        dialect === 'sqlite' ? line.includes(`${table}_fts`) : line.includes(`${table}_search_idx`),
      )
      expect(reads.length, `${query.sql}\n${lines.join('\n')}`).toBeGreaterThan(0)
      for (const line of reads) expect(line).toMatch(INDEX_READ[dialect](table))
    }
  }

  async function planLinesWith(
    query: CompiledQuery,
    options: { indexWalks: boolean },
  ): Promise<string[]> {
    if (dialect === 'sqlite') return planLines(t.db, dialect, query)
    // No scans (nor, unless allowed, index walks): which index can the search use?
    const walks = options.indexWalks ? 'on' : 'off'
    await sql`select set_config('enable_seqscan', 'off', false), set_config('enable_indexscan', ${walks}, false), set_config('enable_indexonlyscan', ${walks}, false)`.execute(
      t.db,
    )
    try {
      return await planLines(t.db, dialect, query)
    } finally {
      await sql`select set_config('enable_seqscan', 'on', false), set_config('enable_indexscan', 'on', false), set_config('enable_indexonlyscan', 'on', false)`.execute(
        t.db,
      )
    }
  }

  for (const [form, services] of [
    ['few matches, fetched by id', () => deps],
    ['many matches, walking the list’s order', () => many],
  ] as const) {
    it(`searches the comments queue and its counts through the index: ${form}`, async () => {
      captured = []
      await countModerationQueue(services(), undefined, { q: 'harbour wall' })
      const page = await listModerationQueue(services(), {
        status: 'pending',
        q: 'harb',
        limit: 5,
        offset: 5,
      })
      expect(page.length).toBeGreaterThan(0)
      await listModerationQueue(services(), {
        status: 'approved',
        q: 'example.org',
        authorId: 1,
        limit: 5,
        offset: 0,
      })
      const queries = [...captured]
      expect(await planProblems(t.db, dialect, queries, { tables: [LISTS.comments] })).toEqual([])
      await expectIndexReads(queries, LISTS.comments)
      if (services() === many)
        expect(
          await planProblems(t.db, dialect, queries, { tables: [], sortedPages: true }),
        ).toEqual([])
    })

    it(`searches the contact messages and their total through the index: ${form}`, async () => {
      captured = []
      const found = await listContactMessages(services(), { q: 'harbour tip', limit: 5, offset: 5 })
      expect(found.total).toBe(10)
      await listContactMessages(services(), { q: 'sender1@', limit: 5, offset: 0 })
      const queries = [...captured]
      expect(await planProblems(t.db, dialect, queries, { tables: [LISTS.contact] })).toEqual([])
      await expectIndexReads(queries, LISTS.contact)
      if (services() === many)
        expect(
          await planProblems(t.db, dialect, queries, { tables: [], sortedPages: true }),
        ).toEqual([])
    })

    it(`searches the media library and its total through the index: ${form}`, async () => {
      captured = []
      const found = await searchMedia(services(), {
        search: 'harbour',
        type: 'image/',
        perPage: 5,
        page: 2,
      })
      expect(found.total).toBe(10)
      await searchMedia(services(), { search: 'staff harb', perPage: 5 })
      const queries = [...captured]
      expect(await planProblems(t.db, dialect, queries, { tables: [LISTS.media] })).toEqual([])
      await expectIndexReads(queries, LISTS.media)
      if (services() === many)
        expect(
          await planProblems(t.db, dialect, queries, { tables: [], sortedPages: true }),
        ).toEqual([])
    })

    it(`searches the subscribers and their counts through the index: ${form}`, async () => {
      captured = []
      const found = await listSubscribers(services(), { search: 'harbour', limit: 5, offset: 5 })
      expect(found.total).toBe(10)
      await listSubscribers(services(), {
        search: 'example.org',
        status: 'confirmed',
        limit: 5,
        offset: 0,
      })
      const queries = [...captured]
      // Subscribers are listed by id: walking the table newest first (SQLite's `SCAN
      // subscribers` over its rowid, stopped by the page's limit) is walking the list's order.
      const scans = services() === many && dialect === 'sqlite' ? [] : [LISTS.subscribers]
      expect(await planProblems(t.db, dialect, queries, { tables: scans })).toEqual([])
      await expectIndexReads(queries, LISTS.subscribers)
      if (services() === many)
        expect(
          await planProblems(t.db, dialect, queries, { tables: [], sortedPages: true }),
        ).toEqual([])
    })
  }
})
