/**
 * The newsroom's story list on both dialects: counts per status, pages, case-insensitive
 * headline search plus published bodies through each dialect's index, filters and sorting, and
 * bulk actions that skip what the actor may not do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, type User } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import {
  applyToArticles,
  createArticle,
  createCategory,
  findNewsroomArticle,
  type Category,
} from '../../../src/content/index.js'
import { findNewsroomStories, reindexAll } from '../../../src/search/index.js'
import type { Services } from '../../../src/services.js'
import { asUser, SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const NOW = new Date('2026-06-01T09:00:00Z')
const HOUR = 3_600_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: the newsroom's story list`, () => {
    let t: TestDatabase
    let services: Services
    let reporter: User
    let contributor: User
    let world: Category
    const clock = fixedClock(NOW)

    beforeAll(async () => {
      t = await createTestDatabase(dialect)
      services = testServices({ db: t.db, dialect, clock, dataDir: t.dataDir })
      reporter = await createUser(services, SYSTEM, {
        email: 'r@example.com',
        name: 'Rita Reporter',
        role: 'author',
      })
      contributor = await createUser(services, SYSTEM, {
        email: 'c@example.com',
        name: 'Cy Contributor',
        role: 'contributor',
      })
      world = await createCategory(services, SYSTEM, { name: 'World' })
      for (let i = 1; i <= 12; i++) {
        clock.set(new Date(NOW.getTime() + i * HOUR))
        await createArticle(
          services,
          asUser(i <= 6 ? reporter : contributor),
          {
            title: i === 3 ? 'Harbour Wall Gives Way' : `Story ${i}`,
            bodyHtml: i === 4 ? '<p>A quokka on the ferry.</p>' : '<p>Words.</p>',
            primaryCategoryId: i % 3 === 0 ? world.id : null,
            tags: i % 4 === 0 ? ['Storms'] : [],
          },
          i <= 6 ? { then: 'publish' } : {},
        )
      }
      await reindexAll({ db: t.db, clock, index: services.search })
    })
    afterAll(() => t.destroy())

    const titles = async (filter: Parameters<typeof findNewsroomStories>[1]) =>
      (await findNewsroomStories(services, filter)).items.map((a) => a.title)

    it('counts every status and pages through all of them', async () => {
      const first = await findNewsroomStories(services, { perPage: 5 })
      expect(first.counts).toMatchObject({ all: 12, published: 6, draft: 6, pending: 0 })
      expect(first.pages).toBe(3)
      const last = await findNewsroomStories(services, { perPage: 5, page: 3 })
      expect(last.items.map((a) => a.title)).toEqual(['Story 2', 'Story 1'])
      const drafts = await findNewsroomStories(services, { status: 'draft', perPage: 5 })
      expect(drafts.total).toBe(6)
    })

    it('keeps its tab counts equal to the stories, through every kind of write', async () => {
      // What the database holds, counted here: every story, and per section, tag and byline.
      const counted = async (
        link?: 'article_categories' | 'article_tags' | 'article_authors',
        ref?: number,
      ) => {
        let query = t.db
          .selectFrom('articles')
          .select(['articles.status', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('articles.status')
        if (link === 'article_categories')
          query = query.where('articles.id', 'in', (eb) =>
            eb
              .selectFrom('article_categories')
              .select('article_id')
              .where('category_id', '=', ref!),
          )
        if (link === 'article_tags')
          query = query.where('articles.id', 'in', (eb) =>
            eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', ref!),
          )
        if (link === 'article_authors')
          query = query.where('articles.id', 'in', (eb) =>
            eb.selectFrom('article_authors').select('article_id').where('user_id', '=', ref!),
          )
        const rows = await query.execute()
        const all = rows.reduce((sum, r) => sum + Number(r.n), 0)
        return { ...Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), all }
      }
      const shown = async (filter: Parameters<typeof findNewsroomStories>[1] = {}) => {
        const { counts } = await findNewsroomStories(services, filter)
        return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))
      }
      const storms = await t.db
        .selectFrom('tags')
        .select('id')
        .where('slug', '=', 'storms')
        .executeTakeFirstOrThrow()
      const same = async () => {
        expect(await shown()).toEqual(await counted())
        expect(await shown({ categoryId: world.id })).toEqual(
          await counted('article_categories', world.id),
        )
        expect(await shown({ tag: 'storms' })).toEqual(await counted('article_tags', storms.id))
        expect(await shown({ byAuthorId: reporter.id })).toEqual(
          await counted('article_authors', reporter.id),
        )
        expect(await shown({ authorId: contributor.id })).toEqual(
          await counted('article_authors', contributor.id),
        )
      }
      const extra: number[] = []
      for (const i of [1, 2, 3, 4]) {
        const made = await createArticle(services, asUser(reporter), {
          title: `Counted ${i}`,
          primaryCategoryId: i % 2 ? world.id : null,
          tags: i > 2 ? ['Storms'] : [],
        })
        extra.push(made.id)
      }
      await same()
      await applyToArticles(services, SYSTEM, extra.slice(0, 3), { kind: 'publish' })
      await applyToArticles(services, SYSTEM, extra.slice(0, 1), { kind: 'unpublish' })
      await applyToArticles(services, SYSTEM, extra.slice(1, 2), { kind: 'archive' })
      await same()
      await applyToArticles(services, SYSTEM, extra.slice(0, 2), { kind: 'tag', tag: 'Storms' })
      await applyToArticles(services, SYSTEM, extra.slice(1, 4), {
        kind: 'move',
        categoryId: world.id,
      })
      await same()
      await applyToArticles(services, SYSTEM, extra, { kind: 'delete' })
      await same()
      expect((await shown()).all).toBe(12)
    })

    it('finds headlines whatever the case, and published bodies through the index', async () => {
      expect(await titles({ q: 'harbour wall' })).toEqual(['Harbour Wall Gives Way'])
      expect(await titles({ q: 'quokka' })).toEqual(['Story 4'])
      expect(await titles({ q: 'nothing like it' })).toEqual([])
    })

    it('searches whole words first, and parts of words when those find little', async () => {
      const teller = await createArticle(services, SYSTEM, { title: 'Storyteller at the quay' })
      await reindexAll({ db: t.db, clock, index: services.search })
      // Eleven "Story N" headlines are enough whole-word matches: the storyteller is left out.
      const whole = await titles({ q: 'story', perPage: 50 })
      expect(whole).toHaveLength(11)
      expect(whole).not.toContain('Storyteller at the quay')
      expect(await titles({ q: 'storytel' })).toEqual(['Storyteller at the quay'])
      await applyToArticles(services, SYSTEM, [teller.id], { kind: 'delete' })
    })

    it('filters by section, tag, author and dates, and sorts', async () => {
      expect(await titles({ categoryId: world.id, sort: 'title-asc' })).toEqual([
        'Harbour Wall Gives Way',
        'Story 12',
        'Story 6',
        'Story 9',
      ])
      expect(await titles({ tag: 'storms' })).toEqual(['Story 12', 'Story 8', 'Story 4'])
      expect(await titles({ byAuthorId: contributor.id, perPage: 2 })).toEqual([
        'Story 12',
        'Story 11',
      ])
      const from = NOW.getTime() + 2 * HOUR
      expect(await titles({ from, to: from + HOUR })).toEqual(['Harbour Wall Gives Way', 'Story 2'])
      // A range in headline order (sorted, not walked for): on PostgreSQL too.
      expect(await titles({ from, to: from + HOUR, sort: 'title-desc' })).toEqual([
        'Story 2',
        'Harbour Wall Gives Way',
      ])
      // Drafts have no publication time: they come after the published ones either way.
      const oldest = await titles({ sort: 'published-asc', perPage: 7 })
      expect(oldest.slice(0, 6)).toEqual([
        'Story 1',
        'Story 2',
        'Harbour Wall Gives Way',
        'Story 4',
        'Story 5',
        'Story 6',
      ])
    })

    it('applies a bulk action to what the actor may change and reports the rest', async () => {
      const drafts = await findNewsroomStories(services, { status: 'draft' })
      const ids = drafts.items.map((a) => a.id)
      const result = await applyToArticles(services, asUser(reporter), ids, { kind: 'archive' })
      expect(result.done).toEqual([])
      expect(result.skipped.map((s) => s.code)).toEqual(ids.map(() => 'FORBIDDEN'))
      const moved = await applyToArticles(services, SYSTEM, ids.slice(0, 2), {
        kind: 'move',
        categoryId: world.id,
      })
      expect(moved.done).toEqual(ids.slice(0, 2))
      expect((await findNewsroomArticle(services, ids[0]!))?.category?.name).toBe('World')
    })
  })
}
