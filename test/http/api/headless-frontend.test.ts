/**
 * The data calls a Ghost headless front-end makes (the Next.js and Gatsby starters, through
 * `@tryghost/content-api`), in the order a static build makes them, answered by Broadsheet:
 * every list whole, every post readable by its slug, every tag and author page fillable.
 */
import GhostContentAPI from '@tryghost/content-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'
import { DIALECTS } from '../../support/test-database.js'

type Tag = { slug: string; name: string; url: string }
type Author = { slug: string; name: string; url: string; profile_image: string | null }

for (const dialect of DIALECTS) {
  describe(`${dialect}: a Ghost headless front-end's build`, () => {
    let site: ApiNewsroom
    let api: ReturnType<typeof GhostContentAPI>

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect)
      api = GhostContentAPI({ url: site.url, key: site.integration.contentKey, version: 'v5.0' })
    })
    afterAll(() => site.close())

    it('builds every page of a static site from the Content API', async () => {
      const settings = await api.settings.browse()
      expect(settings).toMatchObject({ title: 'Broadsheet', url: `${PUBLIC_URL}/` })
      expect(Array.isArray(settings.navigation)).toBe(true)

      const posts = await api.posts.browse({
        limit: 'all',
        include: 'tags,authors',
        formats: 'html,plaintext',
      })
      expect(posts.map((p) => p.slug)).toEqual([
        'budget-reaction-100',
        'cup-final-tonight',
        'budget-vote-passes',
      ])
      for (const post of posts) {
        // Front-ends render these without checking: each must be there.
        expect(post.primary_author, String(post.slug)).toMatchObject({
          url: expect.stringMatching(/^https:\/\/gazette\.test\/author\//) as unknown,
        })
        expect(post.primary_tag, String(post.slug)).not.toBeNull()
        expect(post.url as string).toMatch(new RegExp(`^${PUBLIC_URL}/`))
        expect(typeof post.html).toBe('string')
        expect(typeof post.plaintext).toBe('string')
        expect(post.reading_time).toBeGreaterThanOrEqual(0)
        const page = await api.posts.read(
          { slug: post.slug as string },
          { include: 'tags,authors' },
        )
        expect(page).toMatchObject({ id: post.id, title: post.title })
        expect(page.authors as Author[]).toEqual(post.authors)
      }

      const tags = (await api.tags.browse({
        limit: 'all',
        include: 'count.posts',
      })) as unknown as Tag[]
      expect(tags.map((t) => t.slug).sort()).toEqual([
        'economy',
        'football',
        'parliament',
        'sport',
        'world',
      ])
      for (const tag of tags) {
        const tagged = await api.posts.browse({
          filter: `tag:${tag.slug}`,
          include: 'tags,authors',
        })
        expect(tagged.length, tag.slug).toBeGreaterThan(0)
        for (const post of tagged)
          expect(
            (post.tags as Tag[]).map((t) => t.slug),
            tag.slug,
          ).toContain(tag.slug)
        expect(await api.tags.read({ slug: tag.slug })).toMatchObject({ name: tag.name })
      }

      const authors = (await api.authors.browse({ limit: 'all' })) as unknown as Author[]
      expect(authors.map((a) => a.slug)).toEqual(['olive-owner', 'wren-writer'])
      expect(JSON.stringify(authors)).not.toContain('@')
      for (const author of authors) {
        const theirs = await api.posts.browse({ filter: `authors:${author.slug}`, limit: 'all' })
        expect(theirs.length, author.slug).toBeGreaterThan(0)
        expect(await api.authors.read({ slug: author.slug })).toMatchObject({ url: author.url })
      }

      const pages = await api.pages.browse({ limit: 'all', include: 'authors' })
      expect(pages.map((p) => p.slug)).toEqual(['about-us'])
      expect(await api.pages.read({ slug: 'about-us' })).toMatchObject({ title: 'About us' })
    })
  })
}
