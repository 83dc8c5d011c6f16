import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import { createUser } from '../../../src/auth/index.js'
import {
  createCategory,
  listCategories,
  listLatestArticles,
  listSectionArticles,
} from '../../../src/content/index.js'
import { migrateToLatest, pendingMigrations } from '../../../src/db/migrate.js'
import { addGeneratedStories, isDemoNeeded } from '../../../src/demo/index.js'
import { DEMO_ARTICLES } from '../../../src/demo/demo-content.js'
import { slugify } from '../../../src/text/slug.js'
import { findMenuItems, findSettings } from '../../../src/settings/index.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'
import { fillDemoSite, SYSTEM, testKernel } from '../../support/kernel.js'

describeDialects('migrations', (dialect) => {
  let t: TestDatabase
  afterEach(() => t.destroy())

  it('applies once and is a no-op the second time', async () => {
    t = await createTestDatabase(dialect, { migrate: false })
    expect((await pendingMigrations(t.db)).length).toBeGreaterThan(0)
    expect((await migrateToLatest(t.db)).applied.length).toBeGreaterThan(0)
    expect(await migrateToLatest(t.db)).toEqual({ applied: [] })
    expect(await pendingMigrations(t.db)).toEqual([])
  })

  it('finishes a migration that was interrupted after creating some tables', async () => {
    t = await createTestDatabase(dialect, { migrate: false })
    await sql`create table users (id integer primary key, email varchar(320) not null unique, name varchar(200) not null, slug varchar(200) not null unique, bio text not null default '', avatar_url text, role varchar(20) not null, password_hash text, social text not null default '{}', created_at bigint not null, updated_at bigint not null)`.execute(
      t.db,
    )
    await migrateToLatest(t.db)
    expect(await pendingMigrations(t.db)).toEqual([])
    expect(await isDemoNeeded(testKernel(t.db))).toBe(true)
  })
})

describeDialects('demo content', (dialect) => {
  let t: TestDatabase
  afterEach(() => t.destroy())

  it('fills an empty database with a believable newsroom', async () => {
    t = await createTestDatabase(dialect)
    const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))
    const mediaDir = path.join(t.dataDir, 'media')
    await fillDemoSite({ db: t.db, dialect, clock, dataDir: t.dataDir })
    const articles = DEMO_ARTICLES.length
    expect(articles).toBeGreaterThanOrEqual(40)
    expect(await isDemoNeeded(testKernel(t.db))).toBe(false)

    const sections = (await listCategories({ db: t.db })).filter((c) => c.parentId === null)
    expect(sections.map((s) => s.name)).toEqual([
      'News',
      'World',
      'Life & Style',
      'Sport',
      'Entertainment',
      'Health',
      'Tech',
      'Travel',
    ])
    for (const section of sections) {
      const listing = await listSectionArticles({ db: t.db, clock }, section.slug)
      expect(listing?.articles.total, section.slug).toBeGreaterThanOrEqual(5)
    }
    const latest = await listLatestArticles({ db: t.db, clock }, { perPage: 100 })
    expect(latest.total).toBe(articles)
    const withImage = latest.items.filter(
      (a) => a.image && fs.existsSync(path.join(mediaDir, a.image.url.replace('/media/', ''))),
    )
    expect(withImage).toHaveLength(articles)

    const users = await t.db.selectFrom('users').select(['role', 'bio']).execute()
    expect(users).toHaveLength(4)
    expect(users.every((u) => u.bio.length > 20)).toBe(true)

    // The denormalized comment counts match the approved comments stored.
    const counts = await t.db
      .selectFrom('articles as a')
      .leftJoin('comments as c', (join) =>
        join.onRef('c.article_id', '=', 'a.id').on('c.status', '=', 'approved'),
      )
      .select(['a.id', 'a.comment_count', (eb) => eb.fn.count<number>('c.id').as('approved')])
      .groupBy(['a.id', 'a.comment_count'])
      .execute()
    expect(counts.every((r) => Number(r.approved) === r.comment_count)).toBe(true)
    expect(counts.filter((r) => r.comment_count > 0).length).toBeGreaterThanOrEqual(10)
    const replies = await t.db
      .selectFrom('comments')
      .select('id')
      .where('parent_id', 'is not', null)
      .execute()
    expect(replies.length).toBeGreaterThan(0)

    const settings = await findSettings({ db: t.db })
    expect(settings.title).toBe('The Broadsheet Gazette')
    expect(settings.contactEmail).toMatch(/@/)
    expect(Object.keys(settings.social).length).toBeGreaterThanOrEqual(3)
    const menu = await findMenuItems({ db: t.db }, 'primary')
    expect(menu.map((m) => m.label)).toEqual([...sections.map((s) => s.name), 'Contact'])
    expect(menu.at(-1)?.url).toBe('/contact/')
    const pages = await t.db.selectFrom('pages').select('slug').orderBy('slug').execute()
    expect(pages.map((p) => p.slug)).toEqual(['about', 'contact'])
  })

  it('appends generated articles in bulk, listed in their sections', async () => {
    t = await createTestDatabase(dialect)
    const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))
    await fillDemoSite({ db: t.db, dialect, clock, dataDir: t.dataDir })
    const before = await listLatestArticles({ db: t.db, clock })
    const demoComments = (await t.db.selectFrom('comments').select('id').execute()).length
    const progress: number[] = []
    await addGeneratedStories(testKernel(t.db, clock), {
      articles: 900,
      batchSize: 400,
      now: clock.now().getTime(),
      onProgress: (done: number) => progress.push(done),
    })
    expect(progress).toEqual([400, 800, 900])
    const after = await listLatestArticles({ db: t.db, clock })
    expect(after.total).toBe(before.total + 900)
    const sport = await listSectionArticles({ db: t.db, clock }, 'sport', { perPage: 1 })
    expect(sport?.articles.total).toBeGreaterThan(50)
    // What readers send, in proportion: a comment per story on average, a subscriber per 10
    // stories, a contact message per 50 (the newsroom's other lists at scale).
    const count = async (table: 'comments' | 'subscribers' | 'contact_messages') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const generatedComments = (await count('comments')) - demoComments
    expect(generatedComments).toBeGreaterThan(700)
    expect(generatedComments).toBeLessThan(1_100)
    // Within a day of their story, and none after now: the newest stories are an hour old.
    const newest = await t.db
      .selectFrom('comments')
      .select((eb) => eb.fn.max('created_at').as('at'))
      .executeTakeFirstOrThrow()
    expect(Number(newest.at)).toBeLessThanOrEqual(clock.now().getTime())
    expect(await count('subscribers')).toBe(90)
    expect(await count('contact_messages')).toBe(18)
  })

  it('appends all generated articles or none: a failure in the second batch keeps none', async () => {
    t = await createTestDatabase(dialect)
    const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))
    const deps = testKernel(t.db, clock)
    await createCategory(deps, SYSTEM, { name: 'News' })
    await createUser(deps, SYSTEM, { email: 'ed@news.test', name: 'Ed', role: 'editor' })
    const failure: unknown = await addGeneratedStories(deps, {
      articles: 30,
      batchSize: 10,
      now: clock.now().getTime(),
      onProgress: (done: number) => {
        if (done === 20) throw new Error('interrupted')
      },
    }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'DEMO_FAILED' })
    expect((failure as Error).message).toBe(
      'the generated articles could not be added, and none of them were kept (interrupted)',
    )
    expect((await listLatestArticles({ db: t.db, clock })).total).toBe(0)
    for (const table of ['comments', 'subscribers', 'contact_messages'] as const) {
      const rows = await t.db.selectFrom(table).select('id').execute()
      expect(rows, table).toHaveLength(0)
    }
  })

  it('adds all of the demo or none of it: a failure half-way leaves the database empty', async () => {
    t = await createTestDatabase(dialect)
    const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))
    // A real disk failure half-way through: where one illustration should go, a folder stands.
    const title = DEMO_ARTICLES[20]!.title
    fs.mkdirSync(path.join(t.dataDir, 'media', 'demo', `${slugify(title, 60)}.svg`), {
      recursive: true,
    })
    const failure: unknown = await fillDemoSite({
      db: t.db,
      dialect,
      clock,
      dataDir: t.dataDir,
    }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'DEMO_FAILED' })
    expect((failure as Error).message).toMatch(
      /^the demo content could not be added, and nothing of it was kept \(/,
    )
    expect(await isDemoNeeded(testKernel(t.db))).toBe(true)
    for (const table of [
      'users',
      'categories',
      'articles',
      'pages',
      'menus',
      'settings',
    ] as const) {
      const rows = await t.db
        .selectFrom(table)
        .select(sql<number>`1`.as('one'))
        .execute()
      expect(rows, table).toHaveLength(0)
    }
  })
})
