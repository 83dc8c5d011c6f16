import GhostAdminAPI from '@tryghost/admin-api'
import GhostContentAPI from '@tryghost/content-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../../src/auth/index.js'
import { createIntegration } from '../../../src/integrations/index.js'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'
import { SYSTEM } from '../../support/kernel.js'
import { DIALECTS } from '../../support/test-database.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: Ghost Admin API pages and tags`, () => {
    let site: ApiNewsroom
    let admin: ReturnType<typeof GhostAdminAPI>
    let content: ReturnType<typeof GhostContentAPI>

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect)
      admin = GhostAdminAPI({ url: site.url, key: site.integration.adminApiKey, version: 'v5.0' })
      content = GhostContentAPI({
        url: site.url,
        key: site.integration.contentKey,
        version: 'v5.0',
      })
    })
    afterAll(() => site.close())

    it('adds a draft page from HTML, publishes it, and readers then see it', async () => {
      const draft = await admin.pages.add(
        {
          title: 'Corrections policy',
          html: '<p>We fix mistakes.</p><script>alert(1)</script>',
          meta_title: 'How we correct',
          authors: [{ slug: 'wren-writer' }],
        },
        { source: 'html' },
      )
      expect(draft).toMatchObject({
        title: 'Corrections policy',
        slug: 'corrections-policy',
        status: 'draft',
        html: '<p>We fix mistakes.</p>',
        meta_title: 'How we correct',
        published_at: null,
        url: `${PUBLIC_URL}/corrections-policy/`,
      })
      expect(draft.primary_author).toMatchObject({ slug: 'wren-writer' })
      await expect(content.pages.read({ slug: 'corrections-policy' })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      const drafts = await admin.pages.browse({ filter: 'status:draft' })
      expect(drafts.map((p) => p.slug)).toEqual(['corrections-policy'])

      site.clock.advance(1000)
      const published = await admin.pages.edit({
        id: draft.id,
        updated_at: draft.updated_at,
        status: 'published',
      })
      expect(published.status).toBe('published')
      expect(published.published_at).toBe(published.updated_at)
      expect(await content.pages.read({ slug: 'corrections-policy' })).toMatchObject({
        title: 'Corrections policy',
      })
      expect(await admin.pages.read({ slug: 'corrections-policy' })).toMatchObject({ id: draft.id })
      const audit = await listAudit(site.services, {
        subjectType: 'page',
        subjectId: Number(draft.id),
      })
      expect(audit.map((e) => [e.action, e.actorKind, e.actorName])).toEqual([
        ['page.update', 'integration', 'Front end'],
        ['page.create', 'integration', 'Front end'],
      ])
    })

    it('refuses a stale page edit with 409 and deletes a page for good', async () => {
      const page = await admin.pages.add({ title: 'Masthead', status: 'published' })
      site.clock.advance(1000)
      await admin.pages.edit({ id: page.id, updated_at: page.updated_at, title: 'Our masthead' })
      await expect(
        admin.pages.edit({ id: page.id, updated_at: page.updated_at, title: 'Stale' }),
      ).rejects.toMatchObject({ name: 'UpdateCollisionError' })
      await expect(admin.pages.add({ title: 'Later', status: 'scheduled' })).rejects.toMatchObject({
        name: 'ValidationError',
      })
      await admin.pages.delete({ id: page.id })
      await expect(admin.pages.read({ id: page.id })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      await expect(content.pages.read({ slug: 'masthead' })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      const response = await fetch(`${site.url}/masthead/`)
      expect(response.status).toBe(404)
    })

    it('browses, adds, edits and deletes tags, sections included', async () => {
      const tags = await admin.tags.browse({ limit: 'all', include: 'count.posts' })
      expect(tags.map((t) => t.slug)).toEqual(
        expect.arrayContaining(['world', 'sport', 'economy', 'parliament', 'football']),
      )
      expect(tags.find((t) => t.slug === 'economy')).toMatchObject({ count: { posts: 2 } })

      const added = await admin.tags.add({ name: 'Elections', description: 'Votes and polls.' })
      expect(added).toMatchObject({
        name: 'Elections',
        slug: 'elections',
        description: 'Votes and polls.',
        visibility: 'public',
        url: `${PUBLIC_URL}/tag/elections/`,
      })
      const again = await admin.tags.add({ name: 'Elections' })
      expect(again.slug).toBe('elections-2')

      const edited = await admin.tags.edit({ id: added.id, name: 'Elections 2027', slug: 'vote' })
      expect(edited).toMatchObject({ name: 'Elections 2027', slug: 'vote' })
      expect(await admin.tags.read({ slug: 'vote' })).toMatchObject({ id: added.id })
      const redirect = await fetch(`${site.url}/tag/elections/`, { redirect: 'manual' })
      expect(redirect.status).toBe(301)

      const section = await admin.tags.read({ slug: 'world' })
      expect(section.id).toMatch(/^s\d+$/)
      expect(
        await admin.tags.edit({ id: section.id, description: 'News from abroad.' }),
      ).toMatchObject({ name: 'World', description: 'News from abroad.' })
      await expect(admin.tags.delete({ id: section.id })).rejects.toMatchObject({
        name: 'ValidationError',
      })

      const football = await admin.tags.read({ slug: 'football' })
      await admin.tags.delete({ id: football.id })
      await expect(admin.tags.read({ id: football.id })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      const cup = await content.posts.read({ id: String(site.ids.cup) }, { include: 'tags' })
      expect((cup.tags as { slug: string }[]).map((t) => t.slug)).toEqual(['sport'])
      const audit = await listAudit(site.services, { subjectType: 'tag' })
      expect(audit.map((e) => [e.action, e.actorName])).toEqual(
        expect.arrayContaining([
          ['tag.create', 'Front end'],
          ['tag.update', 'Front end'],
          ['tag.delete', 'Front end'],
        ]),
      )
    })

    it('keeps pages and tags out of an author or contributor key’s reach', async () => {
      const author = await createIntegration(site.services, SYSTEM, {
        name: 'Author bot',
        role: 'author',
      })
      const api = GhostAdminAPI({ url: site.url, key: author.adminApiKey, version: 'v5.0' })
      await expect(api.tags.add({ name: 'Gossip' })).rejects.toMatchObject({
        name: 'NoPermissionError',
      })
      await expect(api.pages.add({ title: 'Takeover' })).rejects.toMatchObject({
        name: 'NoPermissionError',
      })
      const tag = await admin.tags.read({ slug: 'economy' })
      await expect(api.tags.delete({ id: tag.id })).rejects.toMatchObject({
        name: 'NoPermissionError',
      })
      expect((await admin.tags.read({ slug: 'economy' })).name).toBe('Economy')
    })
  })
}
