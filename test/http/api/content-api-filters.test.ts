/**
 * The filter shapes served from the link listings (several slugs, a link with other tests, a
 * primary tag or author) and the orders read from their own indexes answer exactly what the
 * general query answers: each is asked through the official client next to the same filter
 * written so that no listing can serve it (`(…),slug:no-such-story`, an `or` at the top), page
 * by page, with its total. And a publish changes the total the next browse gives.
 */
import GhostContentAPI from '@tryghost/content-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle } from '../../../src/content/index.js'
import { asUser, SYSTEM } from '../../support/kernel.js'
import { buildApiNewsroom, type ApiNewsroom } from '../../support/api-newsroom.js'
import { DIALECTS } from '../../support/test-database.js'

const SHAPES = [
  'tag:[economy,harbour]',
  'tags:[world,harbour,football]',
  'author:[wren-writer,olive-owner]',
  'tag:economy+featured:true',
  'tag:world+author:wren-writer',
  "tag:economy+published_at:>'2026-11-15'",
  "featured:false+tag:[economy,harbour]+title:~'budget'",
  'primary_tag:world',
  'primary_tag:harbour',
  'primary_tag:[sport,harbour]',
  'primary_author:wren-writer',
  'primary_author:[wren-writer,olive-owner]+tag:economy',
  'tag:no-such-tag',
]

const ORDERS = [undefined, 'published_at asc', 'title asc', 'updated_at desc']

const MINUTE = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: Ghost Content API filters served from indexes`, () => {
    let site: ApiNewsroom
    let api: ReturnType<typeof GhostContentAPI>

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect)
      api = GhostContentAPI({ url: site.url, key: site.integration.contentKey, version: 'v5.0' })
      const { services, owner, writer, clock } = site
      const publish = { then: 'publish' as const }
      // Stories without a section (their primary tag is their first tag), with two bylines,
      // featured, and tagged and filed under sections of the same slug.
      const stories = [
        {
          title: 'Harbour budget talks',
          tags: ['Harbour', 'Economy'],
          by: writer,
          isFeatured: true,
        },
        { title: 'Storm at the harbour', tags: ['Weather', 'Harbour'], by: owner },
        { title: 'Budget: the harbour bill', tags: ['Economy', 'World'], by: owner, also: writer },
        { title: 'Ferry strike', tags: ['Harbour'], by: writer, isFeatured: true },
      ]
      for (const story of stories) {
        clock.advance(MINUTE)
        await createArticle(
          services,
          asUser(story.by),
          {
            title: story.title,
            bodyHtml: `<p>${story.title}.</p>`,
            tags: story.tags,
            authorIds: story.also ? [story.by.id, story.also.id] : [story.by.id],
            isFeatured: story.isFeatured ?? false,
          },
          publish,
        )
      }
    })
    afterAll(() => site?.close())

    async function every(filter: string, order: string | undefined) {
      const ids: unknown[] = []
      let total = -1
      for (let page = 1; page < 20; page++) {
        const posts = await api.posts.browse({ filter, order, limit: 2, page, fields: 'id' })
        total = Number(posts.meta.pagination.total)
        ids.push(...posts.map((p) => p.id))
        if (posts.meta.pagination.next === null) break
      }
      return { ids, total }
    }

    it('answers each shape as the general query does, page by page, with its total', async () => {
      for (const filter of SHAPES)
        for (const order of ORDERS) {
          const served = await every(filter, order)
          const general = await every(`(${filter}),slug:no-such-story`, order)
          expect(served, `${filter} ${order}`).toEqual(general)
          expect(served.ids.length, `${filter} ${order}`).toBe(served.total)
        }
      // The shapes are not vacuous: each matches what the fixture says.
      const titles = async (filter: string) =>
        (await api.posts.browse({ filter, limit: 'all' })).map((p) => p.title)
      expect(await titles('tag:[economy,harbour]')).toEqual([
        'Ferry strike',
        'Budget: the harbour bill',
        'Storm at the harbour',
        'Harbour budget talks',
        'Budget reaction_100%',
        'Budget vote passes',
      ])
      expect(await titles('primary_tag:harbour')).toEqual(['Ferry strike', 'Harbour budget talks'])
      expect(await titles('primary_author:wren-writer')).toEqual([
        'Ferry strike',
        'Harbour budget talks',
        'Budget reaction_100%',
      ])
      expect(await titles('author:wren-writer+tag:harbour+featured:true')).toEqual([
        'Ferry strike',
        'Harbour budget talks',
      ])
    })

    it('gives the next browse a new total after a publish, for every shape', async () => {
      const totals = async () =>
        Promise.all(
          SHAPES.map(
            async (filter) => (await api.posts.browse({ filter, limit: 1 })).meta.pagination.total,
          ),
        )
      const before = await totals()
      expect(await totals()).toEqual(before)
      site.clock.advance(MINUTE)
      await createArticle(
        site.services,
        SYSTEM,
        {
          title: 'Late harbour budget',
          bodyHtml: '<p>Ink.</p>',
          tags: ['Harbour', 'Economy'],
          authorIds: [site.writer.id],
          isFeatured: true,
        },
        { then: 'publish' },
      )
      const after = await totals()
      const grew = SHAPES.filter((_, i) => after[i] === Number(before[i]) + 1)
      expect(grew).toEqual([
        'tag:[economy,harbour]',
        'tags:[world,harbour,football]',
        'author:[wren-writer,olive-owner]',
        'tag:economy+featured:true',
        "tag:economy+published_at:>'2026-11-15'",
        'primary_tag:harbour',
        'primary_tag:[sport,harbour]',
        'primary_author:wren-writer',
        'primary_author:[wren-writer,olive-owner]+tag:economy',
      ])
    })
  })
}
