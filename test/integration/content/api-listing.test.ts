/**
 * A filter on one tag or one author, newest first, is answered from the link tables' listing
 * index instead of testing every story. The answer must be the one the general filter gives:
 * sections chosen (not inherited) count as tags, a story with a tag and a section of the same
 * slug appears once, and drafts and stories published after now stay out.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { parseNqlFilter } from '../../../src/api/ghost/nql-filter.js'
import {
  API_FILTER_FIELDS,
  browseApiPosts,
  createArticle,
  type ApiFilter,
} from '../../../src/content/index.js'
import { newsroom } from '../../support/content-fixtures.js'
import { asUser } from '../../support/kernel.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'

describeDialects('Content API one-tag and one-author pages', (dialect) => {
  let t: TestDatabase
  let n: Awaited<ReturnType<typeof newsroom>>

  beforeEach(async () => {
    t = await createTestDatabase(dialect)
    n = await newsroom(t.db)
    // Listed under sport only as football's parent: not a sport story.
    await n.published('Harbour story', { section: n.football, tags: ['Harbour', 'Storms'] })
    await n.published('Quiet day', { tags: ['Weather'], hoursAgo: 2 })
    // The tag "Sport" and the section sport share a slug.
    await n.published('Sport tag only', { tags: ['Sport'], hoursAgo: 3 })
    await n.published('Sport twice', { section: n.sport, tags: ['Sport', 'Harbour'], hoursAgo: 3 })
    await n.published('Sport section', { section: n.sport, hoursAgo: 4 })
    await n.published('Tomorrow', { tags: ['Harbour'], hoursAgo: -24 })
    await createArticle(n.deps, asUser(n.writer), {
      title: 'Draft',
      bodyHtml: '<p>Not yet.</p>',
      primaryCategoryId: n.sport.id,
      tags: ['Harbour'],
    })
  })
  afterEach(() => t.destroy())

  async function page(filter: ApiFilter, pageNumber: number, limit = 2) {
    const { total, batches } = await browseApiPosts(n.deps, { filter, limit, page: pageNumber })
    const titles: string[] = []
    for await (const posts of batches) titles.push(...posts.map((p) => p.title))
    return { total, titles }
  }

  it('answers as the general filter does, page by page', async () => {
    const filters = [
      'tag:harbour',
      'tag:sport',
      'tags:football',
      'tag:world',
      'tag:weather',
      'tag:nothing',
      'author:wendy-writer',
      'author:nobody',
    ]
    for (const text of filters) {
      const filter = parseNqlFilter(text, API_FILTER_FIELDS) as ApiFilter
      // Wrapped in a group, the same filter takes the general path.
      const general = { and: [filter] }
      for (const p of [1, 2, 3, 4])
        expect(await page(filter, p), `${text}, page ${p}`).toEqual(await page(general, p))
    }
  })

  it('lists chosen sections and tags, each story once, newest first', async () => {
    const sport = parseNqlFilter('tag:sport', API_FILTER_FIELDS) as ApiFilter
    expect(await page(sport, 1, 15)).toEqual({
      total: 3,
      // Published at the same minute: the later id first, as the general order has it.
      titles: ['Sport twice', 'Sport tag only', 'Sport section'],
    })
    const harbour = parseNqlFilter('tag:harbour', API_FILTER_FIELDS) as ApiFilter
    expect((await page(harbour, 1, 15)).titles).toEqual(['Harbour story', 'Sport twice'])
  })
})
