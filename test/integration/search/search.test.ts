import { afterAll, beforeAll, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import {
  createArticle,
  importArticleBatch,
  saveArticle,
  stepArticle,
} from '../../../src/content/index.js'
import * as splitSearchVectors from '../../../src/db/migrations/2026_12_11_1000_split_search_vectors.js'
import { EventBus } from '../../../src/events.js'
import {
  parseSearchQuery,
  reindexAll,
  searchArticles,
  searchIndexListener,
  suggestHeadlines,
  type SearchDeps,
} from '../../../src/search/index.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'
import { fillDemoSite, SYSTEM } from '../../support/kernel.js'

const NASTY = [
  '"',
  '*',
  'NEAR(',
  'a NEAR(b c',
  '-',
  ':',
  '^',
  '"unbalanced',
  'x:y',
  'AND OR NOT',
  "'; drop table articles; --",
  '🙂🙃',
  'مرحبا بالعالم',
  'שלום',
  'a'.repeat(10_240),
  '\u0000\u0001',
  '()',
  '{}[]',
]

describeDialects('full-text search', (dialect) => {
  let t: TestDatabase
  let deps: SearchDeps
  let events: EventBus
  const clock = fixedClock(new Date('2026-11-27T09:00:00Z'))

  beforeAll(async () => {
    t = await createTestDatabase(dialect)
    events = new EventBus((error) => {
      throw error
    })
    const services = await fillDemoSite({ db: t.db, dialect, clock, dataDir: t.dataDir })
    // The demo fills quietly; this suite's writes are followed by its own listener.
    deps = { db: t.db, clock, index: services.search }
    events.on(searchIndexListener(deps))
    expect(await reindexAll(deps)).toBeGreaterThanOrEqual(40)
  })
  afterAll(() => t.destroy())

  it('finds a story by a word that only appears in its body, with a highlighted snippet', async () => {
    const draft = await createArticle({ ...deps, events }, SYSTEM, {
      title: 'Quiet afternoon on the quay',
      bodyHtml: '<p>Nothing happened until the zanzibarine gulls arrived at dusk.</p>',
    })
    await stepArticle({ ...deps, events }, SYSTEM, draft.id, 'publish')
    await events.settled()
    const results = await searchArticles(deps, { q: 'zanzibarine' })
    expect(results.items.map((i) => i.article.title)).toEqual(['Quiet afternoon on the quay'])
    expect(results.items[0]?.snippet.some((p) => p.match && /zanzibarine/i.test(p.text))).toBe(true)
  })

  it("keeps a snippet's paragraphs apart: a byline line does not run into the story", async () => {
    const draft = await createArticle({ ...deps, events }, SYSTEM, {
      title: 'Ferry timetable changes',
      bodyHtml:
        '<p><em>By Ana Ruiz, The Ledger</em></p>\n<p>The quorvath ferry sails an hour later from May.</p>',
    })
    await stepArticle({ ...deps, events }, SYSTEM, draft.id, 'publish')
    await events.settled()
    const results = await searchArticles(deps, { q: 'quorvath' })
    const snippet = results.items[0]?.snippet.map((p) => p.text).join('')
    expect(snippet).toContain('The Ledger · The quorvath ferry')
  })

  it('follows an imported batch: published stories in, drafts out, a changed one replaced', async () => {
    const kernel = { ...deps, events }
    const story = (
      slug: string,
      word: string,
      status: 'published' | 'draft',
      fingerprint: string,
    ) => ({
      title: `Imported ${slug}`,
      slug,
      bodyHtml: `<p>The ${word} was seen again.</p>`,
      status,
      publishedAt: status === 'published' ? new Date('2026-11-20T08:00:00Z') : null,
      authorIds: [],
      primaryCategoryId: null,
      tags: ['Quayside'],
      origin: { source: 'search-test', id: slug },
      fingerprint,
    })
    // The index itself (readers' results would hide a draft left in it).
    const titles = new Map<number, string>()
    const found = async (q: string) =>
      (await deps.index.matchIds(parseSearchQuery(q), 10)).map((id) => titles.get(id) ?? id)
    const { ids } = await importArticleBatch(kernel, SYSTEM, [
      story('one', 'quokkaberry', 'published', 'a'),
      story('two', 'wombatplum', 'draft', 'a'),
    ])
    titles.set(ids[0]!, 'Imported one').set(ids[1]!, 'Imported two')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await found('quokkaberry')).toEqual(['Imported one'])
    expect(await found('wombatplum')).toEqual([])
    expect(await found('quokkaberry quayside')).toEqual(['Imported one'])
    // The old site changed them: one withdrawn, the other published with new words.
    await importArticleBatch(kernel, SYSTEM, [
      story('one', 'quokkaberry', 'draft', 'b'),
      story('two', 'numbatfig', 'published', 'b'),
    ])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await found('quokkaberry')).toEqual([])
    expect(await found('numbatfig')).toEqual(['Imported two'])
  })

  it('matches prefixes while typing', async () => {
    const full = await searchArticles(deps, { q: 'zanzibarine' })
    const partial = await searchArticles(deps, { q: 'zanzib' })
    expect(partial.items.map((i) => i.article.id)).toEqual(full.items.map((i) => i.article.id))
  })

  it('prefers whole words, and takes words as prefixes only when whole words find little', async () => {
    const story = (n: number, word: string) => ({
      title: `Kelp survey ${n}`,
      slug: `kelp-survey-${n}`,
      bodyHtml: `<p>Divers counted the ${word} along the breakwater.</p>`,
      status: 'published' as const,
      publishedAt: new Date(Date.UTC(2026, 10, 1, n)),
      authorIds: [],
      primaryCategoryId: null,
      tags: [],
      origin: { source: 'search-test-words', id: String(n) },
      fingerprint: 'a',
    })
    await importArticleBatch({ ...deps, events }, SYSTEM, [
      ...Array.from({ length: 10 }, (_, n) => story(n, n % 2 ? 'marmalisks' : 'marmalisk')),
      story(10, 'marmaliskeries'),
    ])
    await new Promise((resolve) => setTimeout(resolve, 200))
    // Ten whole-word matches (stemmed: the plural counts) are enough: the longer word is left out.
    const whole = await searchArticles(deps, { q: 'marmalisk', perPage: 20 })
    expect(whole.total).toBe(10)
    expect(whole.items.map((i) => i.article.title)).not.toContain('Kelp survey 10')
    // A part of a word finds no whole word, so every word it begins is matched.
    const typed = await searchArticles(deps, { q: 'marmali', perPage: 20 })
    expect(typed.total).toBe(11)
    expect(typed.items.map((i) => i.article.title)).toContain('Kelp survey 10')
  })

  it('ranks headline matches first and sorts by date on request', async () => {
    const relevance = await searchArticles(deps, { q: 'Harbourton', perPage: 50 })
    expect(relevance.total).toBeGreaterThan(5)
    expect(relevance.items[0]?.article.title.toLowerCase()).toContain('harbourton')
    const byDate = await searchArticles(deps, { q: 'Harbourton', sort: 'date', perPage: 50 })
    const times = byDate.items.map((i) => i.article.publishedAt?.getTime() ?? 0)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(byDate.total).toBe(relevance.total)
  })

  it('honours quoted phrases', async () => {
    const phrase = await searchArticles(deps, { q: '"gulls arrived"' })
    expect(phrase.items.map((i) => i.article.title)).toEqual(['Quiet afternoon on the quay'])
    expect((await searchArticles(deps, { q: '"arrived gulls"' })).total).toBe(0)
  })

  it('filters by section and date range, and pages', async () => {
    const sport = await searchArticles(deps, { q: 'harbourton', section: 'sport', perPage: 50 })
    expect(sport.total).toBeGreaterThan(0)
    expect(
      sport.items.every((i) => ['sport', 'football'].includes(i.article.category?.slug ?? '')),
    ).toBe(true)
    const recent = await searchArticles(deps, {
      q: 'harbourton',
      from: '2026-11-26',
      perPage: 50,
    })
    expect(
      recent.items.every((i) => (i.article.publishedAt?.getTime() ?? 0) >= Date.UTC(2026, 10, 26)),
    ).toBe(true)
    expect(recent.total).toBeLessThan(
      (await searchArticles(deps, { q: 'harbourton', perPage: 50 })).total,
    )
    const first = await searchArticles(deps, { q: 'harbourton', perPage: 5 })
    const second = await searchArticles(deps, { q: 'harbourton', perPage: 5, page: 2 })
    expect(second.items.map((i) => i.article.id)).not.toEqual(first.items.map((i) => i.article.id))
    await expect(searchArticles(deps, { q: 'x', from: 'yesterday' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      property: 'from',
    })
  })

  it('follows updates, unpublishing and archiving', async () => {
    const draft = await createArticle({ ...deps, events }, SYSTEM, {
      title: 'Quillothorpe keeper retires',
      bodyHtml: '<p>After forty years.</p>',
    })
    expect((await searchArticles(deps, { q: 'quillothorpe' })).total).toBe(0)
    await stepArticle({ ...deps, events }, SYSTEM, draft.id, 'publish')
    await events.settled()
    expect((await searchArticles(deps, { q: 'quillothorpe' })).total).toBe(1)
    await saveArticle({ ...deps, events }, SYSTEM, draft.id, {
      input: { title: 'Vantablick keeper retires' },
    })
    await events.settled()
    expect((await searchArticles(deps, { q: 'quillothorpe' })).total).toBe(0)
    expect((await searchArticles(deps, { q: 'vantablick' })).total).toBe(1)
    await stepArticle({ ...deps, events }, SYSTEM, draft.id, 'archive')
    await events.settled()
    expect((await searchArticles(deps, { q: 'vantablick' })).total).toBe(0)
  })

  it('never fails on hostile or odd input', async () => {
    for (const q of NASTY) {
      const results = await searchArticles(deps, { q })
      expect(results.total, JSON.stringify(q.slice(0, 20))).toBeGreaterThanOrEqual(0)
    }
  })

  it('suggests up to five headlines', async () => {
    const suggestions = await suggestHeadlines(deps, 'harbo')
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.length).toBeLessThanOrEqual(5)
  })

  it('keeps every match when its vectors move tables (the migration, down and up)', async () => {
    const before = await searchArticles(deps, { q: 'harbour', perPage: 100 })
    expect(before.total).toBeGreaterThan(0)
    await splitSearchVectors.down(t.db)
    await splitSearchVectors.up(t.db)
    const after = await searchArticles(deps, { q: 'harbour', perPage: 100 })
    expect(after.items.map((i) => i.article.id)).toEqual(before.items.map((i) => i.article.id))
    expect(after.total).toBe(before.total)
  })
})
