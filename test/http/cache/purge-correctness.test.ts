/**
 * A story edit never leaves a stale headline behind: every reader page that shows the story is
 * cached, the headline is edited through the content service, and each page shows the new one.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import {
  type Article,
  articlePath,
  findArticle,
  listLatestArticles,
  listRelatedArticles,
  saveArticle,
} from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { fillDemoSite, SYSTEM, testKernel } from '../../support/kernel.js'

const SEEDED_AT = new Date('2026-11-27T12:00:00Z')
const NEW_HEADLINE = 'Harbour Council Reverses Course In Late Night Vote'

let database: TestDatabase
let app: FastifyInstance
let story: Article
let pages: Record<string, string>
const clock = fixedClock(SEEDED_AT)
const events = new EventBus((error) => {
  throw error
})

beforeAll(async () => {
  database = await createTestDatabase('sqlite')
  await fillDemoSite({ db: database.db, dialect: 'sqlite', clock, dataDir: database.dataDir })
  const config = parseConfig({ DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' })
  app = await buildApp({ db: database.db, clock, config, events })
  await app.ready()
  ;({ story, pages } = await pagesShowing(database))
})

afterAll(async () => {
  await app?.close()
  await database?.destroy()
})

/** The newest story in a top-level section with a tag it shares with another story. */
async function pagesShowing(db: TestDatabase) {
  const deps = testKernel(db.db, clock)
  const latest = await listLatestArticles(deps, { perPage: 20 })
  const all = (await Promise.all(latest.items.map((a) => findArticle(deps, a.id)))).filter(
    (a): a is Article => a !== undefined,
  )
  for (const candidate of all) {
    if (candidate.category?.parentId !== null || candidate.tags.length === 0) continue
    for (const other of all) {
      if (other.id === candidate.id) continue
      const related = await listRelatedArticles(deps, other, 6)
      if (!related.some((r) => r.id === candidate.id)) continue
      const tag = candidate.tags.find((t) => other.tags.some((o) => o.slug === t.slug))
      const author = candidate.authors[0]
      if (!tag || !author || !candidate.category) continue
      return {
        story: candidate,
        pages: {
          'front page': '/',
          section: `/${candidate.category.slug}/`,
          tag: `/tag/${tag.slug}/`,
          author: `/author/${author.slug}/`,
          'related stories': articlePath(other),
          'the story itself': articlePath(candidate),
          'RSS feed': '/feed/',
          'news sitemap': '/news-sitemap.xml',
        },
      }
    }
  }
  throw new Error('the demo content has no story suited to this test')
}

const get = (url: string) => app.inject({ method: 'GET', url })

describe('purge correctness', () => {
  it('shows the story on every page before the edit', async () => {
    for (const [name, url] of Object.entries(pages)) {
      const response = await get(url)
      expect(response.statusCode, `${name} ${url}`).toBe(200)
      expect(response.body, `${name} ${url}`).toContain(story.title)
    }
  })

  it('shows the new headline on every page right after the edit', async () => {
    for (const url of Object.values(pages)) await get(url) // warm every page
    await saveArticle(testKernel(database.db, clock, events), SYSTEM, story.id, {
      input: { title: NEW_HEADLINE },
    })
    for (const [name, url] of Object.entries(pages)) {
      const response = await get(url)
      expect(response.body, `${name} ${url}`).toContain(NEW_HEADLINE)
      expect(response.body, `${name} ${url}`).not.toContain(story.title)
    }
  })

  it('caches every one of those pages (routes declare their tags)', async () => {
    const uncached: string[] = []
    for (const [name, url] of Object.entries(pages)) {
      // The news sitemap's 48-hour window moves with the clock, not with writes: never cached.
      if (url === '/news-sitemap.xml') continue
      await get(url)
      if ((await get(url)).headers['x-cache'] !== 'HIT') uncached.push(`${name} ${url}`)
    }
    expect(uncached).toEqual([])
  })
})
