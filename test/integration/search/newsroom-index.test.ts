/**
 * The newsroom's full-text index on both dialects: every story whatever its status, by a word
 * of its headline, standfirst or body, kept in step by the use cases' announcements, combined
 * with the list's filters and counts; the readers' search still shows published stories only.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { createUser, type User } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import {
  createArticle,
  createCategory,
  deleteArticle,
  importArticles,
  saveArticle,
  stepArticle,
  type Category,
  type NewsroomFilter,
} from '../../../src/content/index.js'
import { down, up } from '../../../src/db/migrations/2026_12_09_1000_create_newsroom_search.js'
import { findNewsroomStories, reindexAll, searchArticles } from '../../../src/search/index.js'
import type { Services } from '../../../src/services.js'
import { asUser, SYSTEM, testServices } from '../../support/kernel.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'

describeDialects("the newsroom's search index", (dialect) => {
  let t: TestDatabase
  let services: Services
  let writer: User
  let business: Category
  const clock = fixedClock(new Date('2026-12-01T09:00:00Z'))

  const titles = async (filter: NewsroomFilter) =>
    (await findNewsroomStories(services, filter)).items.map((a) => a.title).sort()
  /** Announcements reach the index after the commit: wait until the list shows the change. */
  const eventually = (check: () => Promise<void>) =>
    vi.waitFor(check, { timeout: 5_000, interval: 20 })

  beforeAll(async () => {
    t = await createTestDatabase(dialect)
    services = testServices({ db: t.db, dialect, clock, dataDir: t.dataDir })
    writer = await createUser(services, SYSTEM, {
      email: 'w@example.com',
      name: 'Wren Writer',
      role: 'author',
    })
    business = await createCategory(services, SYSTEM, { name: 'Business' })
    await createArticle(services, asUser(writer), {
      title: 'Ferry timetable changes',
      standfirst: 'Winter sailings start early',
      bodyHtml: '<p>The <em>marrowbine</em> route closes for repairs.</p>',
    })
    const pending = await createArticle(services, asUser(writer), {
      title: 'Mill owners meet',
      bodyHtml: '<p>Talk of the marrowbine route again.</p>',
      primaryCategoryId: business.id,
    })
    await stepArticle(services, asUser(writer), pending.id, 'submit')
    await createArticle(
      services,
      SYSTEM,
      { title: 'Bridge reopens', bodyHtml: '<p>Cyclists cheer the marrowbine link.</p>' },
      { then: 'publish' },
    )
  }, 60_000)
  afterAll(() => t.destroy())

  it('finds a draft, a pending and a published story by a word of their bodies', async () => {
    await eventually(async () => {
      expect(await titles({ q: 'marrowbine' })).toEqual([
        'Bridge reopens',
        'Ferry timetable changes',
        'Mill owners meet',
      ])
    })
    expect(await titles({ q: 'sailings' })).toEqual(['Ferry timetable changes'])
    expect(await titles({ q: 'marrow' })).toHaveLength(3)
    expect(await titles({ q: 'marrowbine link' })).toEqual(['Bridge reopens'])
    expect(await titles({ q: 'ferries' })).toEqual(['Ferry timetable changes'])
  })

  it('keeps the readers to published stories', async () => {
    await eventually(async () => {
      const readers = await searchArticles(
        { db: t.db, clock, index: services.search },
        { q: 'marrowbine' },
      )
      expect(readers.items.map((i) => i.article.title)).toEqual(['Bridge reopens'])
    })
  })

  it('combines the search with the filters and counts each status tab', async () => {
    await eventually(async () => {
      const page = await findNewsroomStories(services, { q: 'marrowbine', status: 'pending' })
      expect(page.items.map((a) => a.title)).toEqual(['Mill owners meet'])
      expect(page.total).toBe(1)
      expect(page.counts).toMatchObject({ all: 3, draft: 1, pending: 1, published: 1 })
    })
    expect(await titles({ q: 'marrowbine', categoryId: business.id })).toEqual(['Mill owners meet'])
    expect(await titles({ q: 'marrowbine', authorId: writer.id })).toEqual([
      'Ferry timetable changes',
      'Mill owners meet',
    ])
    expect(await titles({ q: 'marrowbine', sort: 'title-asc', perPage: 1, page: 2 })).toEqual([
      'Ferry timetable changes',
    ])
  })

  it('searches only the newest matches of a word in most stories, and says so', async () => {
    await eventually(async () => {
      expect(await titles({ q: 'marrowbine' })).toHaveLength(3)
    })
    for (const fewMatches of [0, 10]) {
      const capped = await findNewsroomStories(
        services,
        { q: 'marrowbine', sort: 'title-asc' },
        { fewMatches, searchedMatches: 2 },
      )
      expect(capped.searchedNewest).toBe(2)
      expect(capped.counts.all).toBe(2)
      expect(capped.items.map((a) => a.title)).toEqual(['Bridge reopens', 'Mill owners meet'])
    }
    const whole = await findNewsroomStories(services, { q: 'marrowbine' }, { searchedMatches: 3 })
    expect(whole.searchedNewest).toBeUndefined()
    expect(whole.counts.all).toBe(3)
  })

  it('finds nothing for words no story has, or for punctuation alone', async () => {
    for (const q of ['quetzalcoatlite', '!!!', '"', 'NEAR(', "'; drop table articles; --"]) {
      const page = await findNewsroomStories(services, { q })
      expect(page.total).toBe(0)
      expect(page.counts.all).toBe(0)
    }
  })

  it('follows edits, archiving and deletion', async () => {
    const draft = await createArticle(services, asUser(writer), {
      title: 'Lighthouse keeper',
      bodyHtml: '<p>The glimmerwick lamp is lit.</p>',
    })
    await eventually(async () => {
      expect(await titles({ q: 'glimmerwick' })).toEqual(['Lighthouse keeper'])
    })
    await saveArticle(services, asUser(writer), draft.id, {
      input: { bodyHtml: '<p>The lanternhollow lamp is lit.</p>' },
    })
    await eventually(async () => {
      expect(await titles({ q: 'glimmerwick' })).toEqual([])
      expect(await titles({ q: 'lanternhollow' })).toEqual(['Lighthouse keeper'])
    })
    await stepArticle(services, SYSTEM, draft.id, 'publish')
    await stepArticle(services, SYSTEM, draft.id, 'archive')
    await eventually(async () => {
      expect(await titles({ q: 'lanternhollow', status: 'archived' })).toEqual([
        'Lighthouse keeper',
      ])
    })
    await deleteArticle(services, SYSTEM, draft.id)
    await eventually(async () => {
      expect(await titles({ q: 'lanternhollow' })).toEqual([])
    })
  })

  it('indexes imported stories of any status', async () => {
    await importArticles(services, SYSTEM, [
      {
        title: 'From the old site',
        bodyHtml: '<p>A thimbleworth of rain.</p>',
        status: 'draft',
        publishedAt: null,
        authorIds: [writer.id],
        primaryCategoryId: null,
      },
    ])
    await eventually(async () => {
      expect(await titles({ q: 'thimbleworth' })).toEqual(['From the old site'])
    })
  })

  it('is rebuilt whole by a reindex, and filled from the archive by its migration', async () => {
    await reindexAll({ db: t.db, clock, index: services.search })
    expect(await titles({ q: 'marrowbine' })).toHaveLength(3)
    await down(t.db)
    await up(t.db)
    expect(await titles({ q: 'marrowbine' })).toHaveLength(3)
    expect(await titles({ q: 'sailings' })).toEqual(['Ferry timetable changes'])
  })
})
