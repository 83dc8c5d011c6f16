import GhostContentAPI from '@tryghost/content-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateProfile } from '../../../src/auth/index.js'
import {
  createArticle,
  findTagByNameOrSlug,
  renameTag,
  saveArticle,
} from '../../../src/content/index.js'
import { rotateIntegrationKey } from '../../../src/integrations/index.js'
import { SYSTEM } from '../../support/kernel.js'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'
import { DIALECTS } from '../../support/test-database.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: Ghost Content API`, () => {
    let site: ApiNewsroom
    let api: ReturnType<typeof GhostContentAPI>

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect)
      api = GhostContentAPI({ url: site.url, key: site.integration.contentKey, version: 'v5.0' })
    })
    afterAll(() => site.close())

    const titles = (posts: { title?: unknown }[]) => posts.map((p) => p.title)
    const filtered = async (filter: string) =>
      titles(await api.posts.browse({ filter, order: 'published_at asc' }))

    it('browses published stories newest first with pagination meta', async () => {
      const posts = await api.posts.browse({ include: 'tags,authors' })
      expect(titles(posts)).toEqual([
        'Budget reaction_100%',
        'Cup final tonight',
        'Budget vote passes',
      ])
      expect(posts.meta.pagination).toEqual({
        page: 1,
        limit: 15,
        pages: 1,
        total: 3,
        next: null,
        prev: null,
      })
      const budget = posts[2]!
      expect(budget).toMatchObject({
        id: String(site.ids.budget),
        slug: 'budget-vote-passes',
        featured: true,
        visibility: 'public',
        custom_excerpt: 'A narrow win for the finance minister.',
        meta_title: 'Budget vote passes narrowly',
        url: `${PUBLIC_URL}/2026/11/budget-vote-passes/`,
        og_image: null,
      })
      expect(budget.published_at).toBe('2026-11-14T09:30:00.000+00:00')
      expect(budget.html).toContain('<strong>passed</strong>')
      expect(budget.plaintext).toBeUndefined()
      expect((budget.tags as { slug: string }[]).map((t) => t.slug)).toEqual([
        'world',
        'economy',
        'parliament',
      ])
      expect(budget.primary_tag).toMatchObject({ slug: 'world', url: `${PUBLIC_URL}/world/` })
      expect(budget.primary_author).toMatchObject({ slug: 'olive-owner', bio: 'Runs the paper.' })
      expect(JSON.stringify(posts)).not.toContain('@gazette.test')
    })

    it('reads one story by id and by slug, without meta, and 404s the draft', async () => {
      const byId = await api.posts.read({ id: String(site.ids.cup) }, { formats: 'plaintext' })
      expect(byId).toMatchObject({ title: 'Cup final tonight', plaintext: 'Kick-off is at eight.' })
      expect(byId.html).toBeUndefined()
      expect(byId.meta).toBeUndefined()
      const bySlug = await api.posts.read({ slug: 'cup-final-tonight' })
      expect(bySlug.id).toBe(String(site.ids.cup))
      await expect(api.posts.read({ id: String(site.ids.draft) })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      const response = await fetch(
        `${site.url}/ghost/api/content/posts/${site.ids.draft}/?key=${site.integration.contentKey}`,
      )
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({ errors: [{ type: 'NotFoundError' }] })
    })

    it('pages, limits, orders and picks fields', async () => {
      const first = await api.posts.browse({ limit: 2, order: 'title asc', fields: 'title,slug' })
      expect(first).toEqual(
        Object.assign(
          [
            { title: 'Budget reaction_100%', slug: 'budget-reaction-100' },
            { title: 'Budget vote passes', slug: 'budget-vote-passes' },
          ],
          { meta: expect.anything() as unknown },
        ),
      )
      expect(first.meta.pagination).toMatchObject({
        page: 1,
        limit: 2,
        pages: 2,
        next: 2,
        prev: null,
      })
      const second = await api.posts.browse({ limit: 2, page: 2, order: 'title asc' })
      expect(titles(second)).toEqual(['Cup final tonight'])
      const all = await api.posts.browse({ limit: 'all', fields: 'id' })
      expect(all).toHaveLength(3)
      expect(all.meta.pagination).toMatchObject({ limit: 'all', pages: 1, total: 3 })
    })

    it('filters with every NQL operator and Ghost’s shorthands', async () => {
      expect(await filtered('tag:economy')).toEqual(['Budget vote passes', 'Budget reaction_100%'])
      expect(await filtered('tags:world')).toEqual(['Budget vote passes', 'Budget reaction_100%'])
      expect(await filtered('tag:-economy')).toEqual(['Cup final tonight'])
      expect(await filtered('tag:[football,parliament]')).toEqual([
        'Budget vote passes',
        'Cup final tonight',
      ])
      expect(await filtered('tag:-[football,parliament]')).toEqual(['Budget reaction_100%'])
      expect(await filtered('primary_tag:sport')).toEqual(['Cup final tonight'])
      expect(await filtered('author:wren-writer')).toEqual(['Budget reaction_100%'])
      expect(await filtered('primary_author:olive-owner')).toEqual([
        'Budget vote passes',
        'Cup final tonight',
      ])
      expect(await filtered('featured:true')).toEqual(['Budget vote passes'])
      expect(await filtered('slug:-cup-final-tonight+visibility:public')).toEqual([
        'Budget vote passes',
        'Budget reaction_100%',
      ])
      expect(await filtered(`id:${site.ids.cup}`)).toEqual(['Cup final tonight'])
      expect(await filtered("published_at:>'2026-11-15 00:00:00'")).toEqual([
        'Cup final tonight',
        'Budget reaction_100%',
      ])
      expect(await filtered("published_at:>='2026-11-15T09:30:00Z'")).toEqual([
        'Cup final tonight',
        'Budget reaction_100%',
      ])
      expect(await filtered("published_at:<'2026-11-15'")).toEqual(['Budget vote passes'])
      expect(await filtered("published_at:<='2026-11-15T09:30:00.000+00:00'")).toEqual([
        'Budget vote passes',
        'Cup final tonight',
      ])
      expect(await filtered("updated_at:>'2020-01-01'+featured:false")).toEqual([
        'Cup final tonight',
        'Budget reaction_100%',
      ])
      expect(await filtered("title:~'budget'")).toEqual([
        'Budget vote passes',
        'Budget reaction_100%',
      ])
      expect(await filtered("title:~'_100%'")).toEqual(['Budget reaction_100%'])
      expect(await filtered("title:-~'budget'")).toEqual(['Cup final tonight'])
      expect(await filtered("title:~^'cup'")).toEqual(['Cup final tonight'])
      expect(await filtered("title:~$'passes'")).toEqual(['Budget vote passes'])
      expect(await filtered('(tag:football,tag:parliament)+featured:false')).toEqual([
        'Cup final tonight',
      ])
      expect(await filtered('visibility:paid')).toEqual([])
    })

    it('answers bad parameters with a 400 in Ghost’s envelope, never a 500', async () => {
      const key = site.integration.contentKey
      for (const query of [
        'filter=email:x',
        'filter=tag:(',
        "filter=published_at:>'soon'",
        'filter=id:abc',
        'limit=0',
        'limit=lots',
        'page=0',
        'order=password%20desc',
        'order=title%20sideways',
        'include=secrets',
        'formats=pdf',
      ]) {
        const response = await fetch(`${site.url}/ghost/api/content/posts/?key=${key}&${query}`)
        expect(response.status, query).toBe(400)
        const body = (await response.json()) as { errors: { type: string; message: string }[] }
        expect(body.errors[0]!.type, query).toMatch(/ValidationError|BadRequestError/)
      }
      await expect(api.posts.browse({ filter: 'email:x' })).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining('email') as unknown,
      })
    })

    it('refuses a missing or unknown key with 403 NoPermissionError', async () => {
      for (const suffix of ['', '?key=0123456789abcdef0123456789']) {
        const response = await fetch(`${site.url}/ghost/api/content/posts/${suffix}`)
        expect(response.status).toBe(403)
        expect(await response.json()).toMatchObject({ errors: [{ type: 'NoPermissionError' }] })
      }
    })

    it('serves tags (sections first), authors, pages and settings', async () => {
      const tags = await api.tags.browse({ include: 'count.posts', order: 'slug asc' })
      expect(tags.map((t) => [t.slug, (t.count as { posts: number }).posts])).toEqual([
        ['economy', 2],
        ['football', 1],
        ['parliament', 1],
        ['sport', 1],
        ['world', 2],
      ])
      expect(await api.tags.read({ slug: 'world' })).toMatchObject({
        name: 'World',
        url: `${PUBLIC_URL}/world/`,
      })
      const authors = await api.authors.browse({ include: 'count.posts' })
      expect(authors.map((a) => a.slug)).toEqual(['olive-owner', 'wren-writer'])
      expect(JSON.stringify(authors)).not.toContain('email')
      const wren = await api.authors.read({ slug: 'wren-writer' })
      expect(wren).toMatchObject({ name: 'Wren Writer', url: `${PUBLIC_URL}/author/wren-writer/` })
      expect(wren.count).toBeUndefined()
      const pages = await api.pages.browse({ include: 'authors' })
      expect(pages).toHaveLength(1)
      expect(pages[0]).toMatchObject({ slug: 'about-us', url: `${PUBLIC_URL}/about-us/` })
      expect(pages[0]!.primary_author).toMatchObject({ slug: 'olive-owner' })
      const settings = await api.settings.browse()
      expect(settings).toMatchObject({ title: 'Broadsheet', url: `${PUBLIC_URL}/` })
      expect(await api.tiers.browse()).toHaveLength(0)
      expect(await api.newsletters.browse()).toHaveLength(0)
    })

    it('serves the legacy versioned paths and Ghost’s headers', async () => {
      const legacy = GhostContentAPI({
        url: site.url,
        key: site.integration.contentKey,
        version: 'v3',
      })
      expect(await legacy.posts.browse({ limit: 1 })).toHaveLength(1)
      const response = await fetch(
        `${site.url}/ghost/api/canary/content/tags/?key=${site.integration.contentKey}`,
        {
          headers: { 'accept-version': 'v5.0' },
        },
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('content-version')).toMatch(/^v5\./)
      expect(response.headers.get('vary')).toContain('Accept-Version')
    })
  })
}

describe('Ghost Content API through the page cache', () => {
  let site: ApiNewsroom

  beforeAll(async () => {
    site = await buildApiNewsroom('sqlite')
  })
  afterAll(() => site.close())

  it('answers repeats from the cache with ETag/304, purged by a publish and by a key change', async () => {
    const url = `${site.url}/ghost/api/content/posts/?key=${site.integration.contentKey}&limit=1`
    const first = await fetch(url)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const second = await fetch(url)
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(second.headers.get('access-control-allow-origin')).toBe('*')
    const etag = second.headers.get('etag')!
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304)

    await createArticle(
      site.services,
      SYSTEM,
      { title: 'Breaking: harbour floods', bodyHtml: '<p>Water.</p>', authorIds: [site.owner.id] },
      { then: 'publish' },
    )
    const purged = await fetch(url)
    expect(purged.headers.get('x-cache')).not.toBe('HIT')
    const body = (await purged.json()) as {
      posts: { title: string }[]
      meta: { pagination: { total: number } }
    }
    expect(body.posts[0]!.title).toBe('Breaking: harbour floods')
    // The total, kept between requests, is dropped by the same purge.
    expect(body.meta.pagination.total).toBe(4)

    await fetch(url)
    await rotateIntegrationKey(site.services, SYSTEM, site.integration.id, 'content')
    expect((await fetch(url)).status).toBe(403)
  })
})

describe('Ghost Content API rate limit', () => {
  let site: ApiNewsroom

  beforeAll(async () => {
    site = await buildApiNewsroom('sqlite', { API_RATE_LIMIT: '3', PAGE_CACHE: 'false' })
  })
  afterAll(() => site.close())

  it('answers 429 with Retry-After once a key has used its minute', async () => {
    const url = `${site.url}/ghost/api/content/tags/?key=${site.integration.contentKey}`
    for (let i = 0; i < 3; i++) expect((await fetch(url)).status).toBe(200)
    const limited = await fetch(url)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toMatchObject({ errors: [{ type: 'TooManyRequestsError' }] })
  })
})

describe('Ghost Content API totals without the page cache', () => {
  let site: ApiNewsroom

  beforeAll(async () => {
    site = await buildApiNewsroom('sqlite', { PAGE_CACHE: 'false' })
  })
  afterAll(() => site.close())

  it('counts a story published after the total was first given', async () => {
    const api = GhostContentAPI({
      url: site.url,
      key: site.integration.contentKey,
      version: 'v5.0',
    })
    expect((await api.posts.browse({ limit: 1 })).meta.pagination.total).toBe(3)
    expect((await api.posts.browse({ limit: 1, filter: 'tag:world' })).meta.pagination.total).toBe(
      2,
    )
    await createArticle(
      site.services,
      SYSTEM,
      { title: 'Late edition', bodyHtml: '<p>Ink.</p>', authorIds: [site.owner.id] },
      { then: 'publish' },
    )
    expect((await api.posts.browse({ limit: 1 })).meta.pagination.total).toBe(4)
  })

  it('shows an edited story, a renamed tag and a renamed writer on the next browse', async () => {
    const url = `${site.url}/ghost/api/content/posts/?key=${site.integration.contentKey}&include=tags,authors`
    type Post = { id: string; title: string; tags: { name: string }[]; authors: { name: string }[] }
    const browse = async (extra = '') =>
      ((await (await fetch(url + extra)).json()) as { posts: Post[] }).posts
    const budget = async () => (await browse()).find((p) => p.id === String(site.ids.budget))!
    const before = await budget()
    expect(before.title).toBe('Budget vote passes')
    expect(await budget()).toEqual(before)

    await saveArticle(site.services, SYSTEM, site.ids.budget, {
      input: { title: 'Budget vote passes at last' },
    })
    expect((await budget()).title).toBe('Budget vote passes at last')

    const economy = await findTagByNameOrSlug(site.services, 'economy')
    await renameTag(site.services, SYSTEM, { id: economy!.id, name: 'The Economy' })
    expect((await budget()).tags.map((t) => t.name)).toContain('The Economy')

    await updateProfile(site.services, SYSTEM, site.owner.id, { name: 'Olive Editor' })
    expect((await budget()).authors.map((a) => a.name)).toEqual(['Olive Editor'])

    // The keys of a post follow the fields the client asked for, in its order.
    const [slugFirst] = await browse('&fields=slug,title&limit=1')
    const [titleFirst] = await browse('&fields=title,slug&limit=1')
    expect(Object.keys(slugFirst!).slice(0, 2)).toEqual(['slug', 'title'])
    expect(Object.keys(titleFirst!).slice(0, 2)).toEqual(['title', 'slug'])
  })
})
