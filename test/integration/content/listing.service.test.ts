import { beforeEach, expect, it } from 'vitest'
import { recordViews, ViewBuffer } from '../../../src/analytics/index.js'
import {
  createArticle,
  listAuthorArticles,
  listEditorsPicks,
  listLatestArticles,
  listMostRead,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
  stepArticle,
} from '../../../src/content/index.js'
import { HOUR, newsroom, T0 } from '../../support/content-fixtures.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

describeDialects('reader lists', (dialect) => {
  const t = useTestDatabase(dialect)
  let n: Awaited<ReturnType<typeof newsroom>>

  beforeEach(async () => {
    n = await newsroom(t.db)
  })

  it('lists the latest published stories newest first, with stable pages', async () => {
    for (let i = 1; i <= 5; i++) await n.published(`Story ${i}`, { hoursAgo: 10 - i })
    const scheduled = await createArticle(n.deps, asUser(n.writer), { title: 'Tomorrow' })
    await stepArticle(n.deps, SYSTEM, scheduled.id, 'schedule', {
      publishAt: new Date(T0.getTime() + HOUR),
    })

    const first = await listLatestArticles(n.deps, { perPage: 2 })
    const second = await listLatestArticles(n.deps, { page: 2, perPage: 2 })
    const third = await listLatestArticles(n.deps, { page: 3, perPage: 2 })
    expect(first.items.map((a) => a.title)).toEqual(['Story 5', 'Story 4'])
    expect(second.items.map((a) => a.title)).toEqual(['Story 3', 'Story 2'])
    expect(third.items.map((a) => a.title)).toEqual(['Story 1'])
    expect(first.total).toBe(5)
    expect(first.totalPages).toBe(3)
    await expect(listLatestArticles(n.deps, { page: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
  })

  it('lists a section with its sub-sections’ stories, and only published ones', async () => {
    await n.published('Cup final', { section: n.football, hoursAgo: 1 })
    await n.published('Tennis open', { section: n.sport, hoursAgo: 2 })
    const gone = await n.published('Dropped story', { section: n.sport, hoursAgo: 3 })
    await n.published('Summit', { section: n.world, hoursAgo: 4 })
    await stepArticle(n.deps, SYSTEM, gone.id, 'unpublish')

    const sport = await listSectionArticles(n.deps, 'sport')
    expect(sport?.articles.items.map((a) => a.title)).toEqual(['Cup final', 'Tennis open'])
    expect(sport?.children.map((c) => c.slug)).toEqual(['football'])
    const football = await listSectionArticles(n.deps, 'football')
    expect(football?.articles.items.map((a) => a.title)).toEqual(['Cup final'])
    expect(football?.parent?.slug).toBe('sport')
    expect(football?.articles.items[0]?.category?.slug).toBe('football')
    expect(await listSectionArticles(n.deps, 'nope')).toBeUndefined()
  })

  it('lists by tag and by author', async () => {
    await n.published('Rates rise', { tags: ['Economy'], hoursAgo: 2 })
    await n.published('Jobs report', { tags: ['Economy', 'Jobs'], hoursAgo: 1 })
    await n.published('Match report', { tags: ['Football'], hoursAgo: 3 })
    const economy = await listTagArticles(n.deps, 'economy')
    expect(economy?.articles.items.map((a) => a.title)).toEqual(['Jobs report', 'Rates rise'])
    const author = await listAuthorArticles(n.deps, n.writer.slug, { perPage: 2 })
    expect(author?.articles.total).toBe(3)
    expect(author?.articles.items).toHaveLength(2)
  })

  it('lists editors’ picks', async () => {
    await n.published('Picked', { pick: true, hoursAgo: 2 })
    await n.published('Not picked', { hoursAgo: 1 })
    expect((await listEditorsPicks(n.deps)).map((a) => a.title)).toEqual(['Picked'])
  })

  it('ranks most read in the last 48 hours and tops up with the latest', async () => {
    const a = await n.published('Quiet', { hoursAgo: 3 })
    const b = await n.published('Popular', { hoursAgo: 5 })
    const c = await n.published('Old favourite', { hoursAgo: 100 })
    await recordViews(
      { db: t.db },
      { articleId: a.id, at: new Date(T0.getTime() - 2 * HOUR), views: 5 },
    )
    await recordViews(
      { db: t.db },
      { articleId: b.id, at: new Date(T0.getTime() - 2 * HOUR), views: 50 },
    )
    await recordViews(
      { db: t.db },
      { articleId: b.id, at: new Date(T0.getTime() - 1 * HOUR), views: 1 },
    )
    await recordViews(
      { db: t.db },
      { articleId: c.id, at: new Date(T0.getTime() - 60 * HOUR), views: 1000 },
    )
    const top = await listMostRead(n.deps, { limit: 3 })
    expect(top.map((s) => s.title)).toEqual(['Popular', 'Quiet', 'Old favourite'])
  })

  it('lets fresh views outweigh older ones (recency decay)', async () => {
    const older = await n.published('Yesterday’s hit', { hoursAgo: 41 })
    const fresh = await n.published('Breaking now', { hoursAgo: 2 })
    await recordViews(
      { db: t.db },
      { articleId: older.id, at: new Date(T0.getTime() - 40 * HOUR), views: 30 },
    )
    await recordViews(
      { db: t.db },
      { articleId: fresh.id, at: new Date(T0.getTime() - 1 * HOUR), views: 12 },
    )
    const top = await listMostRead(n.deps, { limit: 2 })
    expect(top.map((s) => s.title)).toEqual(['Breaking now', 'Yesterday’s hit'])
  })

  it('buffers beacon views and writes them as hourly aggregates', async () => {
    const story = await n.published('Counted', { hoursAgo: 3 })
    const buffer = new ViewBuffer()
    for (let i = 0; i < 7; i++) buffer.add(story.id, T0.getTime() - 30 * 60_000)
    buffer.add(story.id, T0.getTime())
    buffer.add(999_999, T0.getTime())
    expect(buffer.size).toBe(3)
    expect(await buffer.flush(n.deps)).toBe(8)
    expect(buffer.size).toBe(0)
    const rows = await t.db
      .selectFrom('page_views')
      .select(['hour', 'views'])
      .where('article_id', '=', story.id)
      .orderBy('hour')
      .execute()
    expect(rows).toEqual([
      { hour: T0.getTime() - HOUR, views: 7 },
      { hour: T0.getTime(), views: 1 },
    ])
  })

  it('relates stories by shared tags, then section, then recency', async () => {
    const subject = await n.published('Subject', {
      tags: ['Ports', 'Trade'],
      section: n.world,
      hoursAgo: 10,
    })
    await n.published('Shares both', { tags: ['Ports', 'Trade'], section: n.sport, hoursAgo: 9 })
    await n.published('Shares one', { tags: ['Trade'], section: n.sport, hoursAgo: 1 })
    await n.published('Same section', { section: n.world, hoursAgo: 8 })
    await n.published('Unrelated', { section: n.sport, hoursAgo: 7 })
    const related = await listRelatedArticles(n.deps, subject, 4)
    expect(related.map((a) => a.title)).toEqual([
      'Shares both',
      'Shares one',
      'Same section',
      'Unrelated',
    ])
  })
})
