/**
 * The site chrome (settings, menus, sidebar lists) is kept between renders, and every write is
 * seen at once: with the page cache off, only the memo stands between a write and the page.
 */
import * as cheerio from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import {
  createArticle,
  listCategories,
  listNewestArticles,
  saveArticle,
  stepArticle,
} from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { SITE_NOW } from '../../support/site-app.js'
import { fillDemoSite, SYSTEM, testKernel } from '../../support/kernel.js'

describe('site chrome kept between renders', () => {
  let database: TestDatabase
  let app: FastifyInstance
  const events = new EventBus()
  const clock = fixedClock(SITE_NOW)
  let queries = 0

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    await fillDemoSite({ db: database.db, dialect: 'sqlite', clock, dataDir: database.dataDir })
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      PAGE_CACHE: 'false',
      PUBLIC_URL: 'https://gazette.test',
    })
    // Count the statements the app runs, through the same connection.
    const db = database.db.withPlugin({
      transformQuery: (args) => {
        queries++
        return args.node
      },
      transformResult: async (args) => args.result,
    })
    app = await buildApp({ db, clock, config, events })
    await app.ready()
  })
  afterAll(async () => {
    await app?.close()
    await database?.destroy()
  })

  async function page(url: string) {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(200)
    return cheerio.load(response.body)
  }

  it('runs fewer queries once the chrome is known', async () => {
    await page('/world/')
    queries = 0
    await page('/world/')
    const warm = queries
    expect(warm).toBeGreaterThan(0)
    events.emit({ type: 'settings.changed', keys: [] })
    queries = 0
    await page('/world/')
    expect(queries).toBeGreaterThanOrEqual(warm + 5)
  })

  it('shows a new site title on the next page at once', async () => {
    await page('/news/')
    await updateSiteSettings({ db: database.db, clock, events }, SYSTEM, {
      title: 'The Harbour Times',
    })
    const $ = await page('/sport/')
    expect($('title').text()).toContain('The Harbour Times')
  })

  it("shows a new editors' pick in every sidebar at once", async () => {
    const deps = testKernel(database.db, clock, events)
    const story = (await listNewestArticles(deps, 10)).find((a) => !a.isEditorsPick)
    if (!story) throw new Error('every recent demo story is a pick')
    const picks = ($: cheerio.CheerioAPI) => $('[aria-labelledby="sidebar-picks"]').first().text()
    expect(picks(await page('/'))).not.toContain(story.title)
    await saveArticle(deps, SYSTEM, story.id, { input: { isEditorsPick: true } })
    expect(picks(await page('/world/'))).toContain(story.title)
  })
  it('counts a section again once a story joins it (its last page appears)', async () => {
    const deps = testKernel(database.db, clock, events)
    await updateSiteSettings(testKernel(database.db), SYSTEM, { postsPerPage: 1 })
    events.emit({ type: 'settings.changed', keys: ['postsPerPage'] })
    const $ = await page('/world/')
    const last = Math.max(
      ...$('a[href^="/world/page/"]')
        .map((_, a) => Number(/page\/(\d+)/.exec($(a).attr('href') ?? '')?.[1]))
        .get(),
    )
    expect((await app.inject({ url: `/world/page/${last}/` })).statusCode).toBe(200)
    expect((await app.inject({ url: `/world/page/${last + 1}/` })).statusCode).toBe(404)
    const world = (await listCategories({ db: database.db })).find((c) => c.slug === 'world')
    const draft = await createArticle(deps, SYSTEM, {
      title: 'Fishing fleets agree a quota swap',
      primaryCategoryId: world?.id ?? null,
    })
    await stepArticle(deps, SYSTEM, draft.id, 'publish')
    expect((await app.inject({ url: `/world/page/${last + 1}/` })).statusCode).toBe(200)
  })
})
