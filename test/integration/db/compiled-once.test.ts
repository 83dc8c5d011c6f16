/** Reads compiled once give the same rows as the query built afresh, with each call's values. */
import { beforeEach, expect, it } from 'vitest'
import { compiledInsert, compiledOnce } from '../../../src/db/compiled-once.js'
import type { Database } from '../../../src/db/database.js'
import { newsroom } from '../../support/content-fixtures.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import type { Kysely } from 'kysely'

type Db = Kysely<Database>

const titlesIn = compiledOnce((db: Db, ids: readonly number[], status: 'published' | 'draft') =>
  db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where('id', 'in', ids)
    .where('status', '=', status)
    .orderBy('id'),
)

const newest = compiledOnce((db: Db, limit: number) =>
  db
    .selectFrom('articles')
    .select('title')
    .where('status', '=', 'published')
    .orderBy('id', 'desc')
    .limit(limit),
)

describeDialects('compiledOnce', (dialect) => {
  const t = useTestDatabase(dialect)
  let ids: number[]

  beforeEach(async () => {
    const n = await newsroom(t.db)
    ids = []
    for (const title of ['One', 'Two', 'Three', 'Four'])
      ids.push((await n.published(title, { hoursAgo: 1 })).id)
  })

  it('answers each call with its own values, lists of any length included', async () => {
    const [one, two, three, four] = ids as [number, number, number, number]
    expect((await titlesIn(t.db, [one, three], 'published')).map((r) => r.title)).toEqual([
      'One',
      'Three',
    ])
    expect((await titlesIn(t.db, [two, four], 'published')).map((r) => r.title)).toEqual([
      'Two',
      'Four',
    ])
    expect((await titlesIn(t.db, [four], 'published')).map((r) => r.title)).toEqual(['Four'])
    expect(await titlesIn(t.db, [one, two, three], 'draft')).toEqual([])
    expect((await newest(t.db, 2)).map((r) => r.title)).toEqual(['Four', 'Three'])
    expect((await newest(t.db, 3)).map((r) => r.title)).toEqual(['Four', 'Three', 'Two'])
  })

  it('gives the rows the query built afresh gives', async () => {
    const fresh = await t.db
      .selectFrom('articles')
      .select(['id', 'title'])
      .where('id', 'in', ids)
      .where('status', '=', 'published')
      .orderBy('id')
      .execute()
    expect(await titlesIn(t.db, ids, 'published')).toEqual(fresh)
  })

  it('works inside a transaction', async () => {
    await t.db.transaction().execute(async (tx) => {
      await tx.updateTable('articles').set({ title: 'Renamed' }).where('id', '=', ids[0]!).execute()
      expect((await titlesIn(tx, [ids[0]!], 'published'))[0]?.title).toBe('Renamed')
    })
  })
})

type TagValues = {
  name: string
  slug: string
  description?: string | undefined
  created_at: number
}

const insertTags = compiledInsert((db: Db, rows: TagValues[]) =>
  db.insertInto('tags').values(rows).returning(['id', 'slug']),
)

describeDialects('compiledInsert', (dialect) => {
  const t = useTestDatabase(dialect)

  it('inserts every row, in order, across chunks and column sets, in a transaction too', async () => {
    const rows: TagValues[] = Array.from({ length: 1203 }, (_, i) => ({
      name: `Tag ${i}`,
      slug: `tag-${i}`,
      // A run without the column takes its default, as Kysely's own insert does.
      description: i >= 600 && i < 610 ? undefined : `About ${i}`,
      created_at: 1000 + i,
    }))
    const inserted = await t.db.transaction().execute((tx) => insertTags(tx, rows))
    expect(inserted.map((r) => r.slug)).toEqual(rows.map((r) => r.slug))
    const stored = await t.db
      .selectFrom('tags')
      .select(['name', 'slug', 'description', 'created_at'])
      .orderBy('id')
      .execute()
    expect(stored.map((r) => ({ ...r, created_at: Number(r.created_at) }))).toEqual(
      rows.map((r) => ({ ...r, description: r.description ?? '' })),
    )
  })

  it('does nothing for no rows', async () => {
    expect(await insertTags(t.db, [])).toEqual([])
  })
})
