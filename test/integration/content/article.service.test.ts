import { beforeEach, expect, it } from 'vitest'
import {
  createArticle,
  findPublishedArticle,
  findRedirect,
  listRevisions,
  publishDueArticles,
  saveArticle,
  stepArticle,
} from '../../../src/content/index.js'
import type { DomainEvent } from '../../../src/events.js'
import { HOUR, newsroom, T0 } from '../../support/content-fixtures.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

describeDialects('article service', (dialect) => {
  const t = useTestDatabase(dialect)
  let n: Awaited<ReturnType<typeof newsroom>>

  beforeEach(async () => {
    n = await newsroom(t.db)
  })

  it('creates a sanitized draft with slug, reading time, excerpt and a first revision', async () => {
    const words = Array.from({ length: 650 }, (_, i) => `word${i}`).join(' ')
    const article = await createArticle(n.deps, asUser(n.writer), {
      title: 'Kim Jong-un’s huge swipe at ally',
      bodyHtml: `<p>${words}</p><script>alert(1)</script>`,
      primaryCategoryId: n.football.id,
      tags: ['Russia', 'russia', 'North Korea'],
    })
    expect(article.slug).toBe('kim-jong-uns-huge-swipe-at-ally')
    expect(article.status).toBe('draft')
    expect(article.bodyHtml).not.toContain('script')
    expect(article.wordCount).toBe(650)
    expect(article.readingMinutes).toBe(4)
    expect(article.excerpt.endsWith('…')).toBe(true)
    expect(article.tags.map((t) => t.slug)).toEqual(['russia', 'north-korea'])
    expect(article.categories.map((c) => c.slug)).toEqual(['football'])
    expect(article.authors.map((a) => a.id)).toEqual([n.writer.id])
    expect(await listRevisions({ db: t.db }, article.id)).toHaveLength(1)
  })

  it('gives clashing titles unique slugs', async () => {
    const a = await createArticle(n.deps, asUser(n.writer), { title: 'Ünïcödé' })
    const b = await createArticle(n.deps, asUser(n.writer), { title: 'Unicode' })
    expect([a.slug, b.slug]).toEqual(['unicode', 'unicode-2'])
  })

  it('refuses an empty headline and an unknown section without storing anything', async () => {
    await expect(createArticle(n.deps, asUser(n.writer), { title: '   ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      property: 'title',
    })
    await expect(
      createArticle(n.deps, asUser(n.writer), { title: 'x', primaryCategoryId: 9999 }),
    ).rejects.toMatchObject({ code: 'CATEGORY_NOT_FOUND' })
    const count = await t.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1 - 1)
  })

  it('detects a save based on an old version instead of overwriting', async () => {
    const draft = await createArticle(n.deps, asUser(n.writer), { title: 'Budget vote' })
    await saveArticle(n.deps, asUser(n.writer), draft.id, {
      input: { standfirst: 'First editor' },
      expectedVersion: draft.version,
    })
    await expect(
      saveArticle(n.deps, asUser(n.writer), draft.id, {
        input: { standfirst: 'Second editor' },
        expectedVersion: draft.version,
      }),
    ).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    })
    const lookup = await t.db
      .selectFrom('articles')
      .select(['standfirst', 'version'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow()
    expect(lookup).toEqual({ standfirst: 'First editor', version: 2 })
    expect(await listRevisions({ db: t.db }, draft.id)).toHaveLength(2)
  })

  it('walks the workflow: review, publish, unpublish, archive', async () => {
    const draft = await createArticle(n.deps, asUser(n.writer), {
      title: 'Harbour bridge',
      primaryCategoryId: n.world.id,
    })
    expect((await stepArticle(n.deps, SYSTEM, draft.id, 'submit')).status).toBe('pending')
    const published = await stepArticle(n.deps, SYSTEM, draft.id, 'publish')
    expect(published.status).toBe('published')
    expect(published.publishedAt).toEqual(T0)
    expect((await findPublishedArticle(n.deps, 'harbour-bridge')).kind).toBe('published')
    await expect(stepArticle(n.deps, SYSTEM, draft.id, 'publish')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    })

    n.clock.advance(HOUR)
    await stepArticle(n.deps, SYSTEM, draft.id, 'unpublish')
    expect((await findPublishedArticle(n.deps, 'harbour-bridge')).kind).toBe('missing')
    const republished = await stepArticle(n.deps, SYSTEM, draft.id, 'publish')
    expect(republished.publishedAt).toEqual(T0)

    await stepArticle(n.deps, SYSTEM, draft.id, 'archive')
    expect(await findPublishedArticle(n.deps, 'harbour-bridge')).toEqual({
      kind: 'gone',
      slug: 'harbour-bridge',
    })
  })

  it('publishes scheduled articles when their minute comes, exactly once', async () => {
    const draft = await createArticle(n.deps, asUser(n.writer), { title: 'Election night' })
    await expect(
      stepArticle(n.deps, SYSTEM, draft.id, 'schedule', {
        publishAt: new Date(T0.getTime() - 1000),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await stepArticle(n.deps, SYSTEM, draft.id, 'schedule', {
      publishAt: new Date(T0.getTime() + 2 * 60_000),
    })
    expect(await publishDueArticles(n.deps, SYSTEM)).toEqual([])
    expect((await findPublishedArticle(n.deps, 'election-night')).kind).toBe('missing')

    n.clock.advance(2 * 60_000)
    const [first, second] = await Promise.all([
      publishDueArticles(n.deps, SYSTEM),
      publishDueArticles(n.deps, SYSTEM),
    ])
    expect([...first, ...second]).toEqual([draft.id])
    const lookup = await findPublishedArticle(n.deps, 'election-night')
    expect(lookup.kind === 'published' && lookup.article.publishedAt).toEqual(
      new Date(T0.getTime() + 2 * 60_000),
    )
  })

  it('announces what each change touched, before and after', async () => {
    const events: DomainEvent[] = []
    const deps = { ...n.deps, events: { emit: (e: DomainEvent) => events.push(e) } }
    const draft = await createArticle(deps, asUser(n.writer), {
      title: 'Derby day',
      primaryCategoryId: n.football.id,
      tags: ['Derby'],
    })
    await stepArticle(deps, SYSTEM, draft.id, 'publish')
    await saveArticle(deps, SYSTEM, draft.id, {
      input: { primaryCategoryId: n.world.id, tags: ['Rivals'] },
    })
    // Each new tag is announced too, before the article that brought it.
    expect(events.map((e) => e.type)).toEqual([
      'tag.changed',
      'article.changed',
      'article.changed',
      'tag.changed',
      'article.changed',
    ])
    const [created, published, moved] = events.filter(
      (e): e is Extract<DomainEvent, { type: 'article.changed' }> => e.type === 'article.changed',
    )
    expect(created?.before).toBeNull()
    expect(published?.before?.status).toBe('draft')
    expect(published?.after).toMatchObject({
      status: 'published',
      categorySlugs: ['football', 'sport'],
      tagSlugs: ['derby'],
    })
    expect(moved?.before?.categorySlugs).toEqual(['football', 'sport'])
    expect(moved?.after).toMatchObject({
      categorySlugs: ['world'],
      tagSlugs: ['rivals'],
      authorIds: [n.writer.id],
    })
  })

  it('leaves a redirect when a published article changes slug', async () => {
    const article = await n.published('Old headline')
    const updated = await saveArticle(n.deps, SYSTEM, article.id, {
      input: { slug: 'new-headline' },
    })
    expect(updated.slug).toBe('new-headline')
    const redirect = await findRedirect({ db: t.db }, '/2026/06/old-headline/')
    expect(redirect).toMatchObject({ toPath: '/2026/06/new-headline/', statusCode: 301 })
  })
})
