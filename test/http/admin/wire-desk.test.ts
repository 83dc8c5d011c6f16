/** The Wire screen: add a source by a site's address, poll it, and work its items. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articlePath, createArticle } from '../../../src/content/index.js'
import { findSettings } from '../../../src/settings/index.js'
import { SYSTEM } from '../../support/kernel.js'
import { $, Browser, buildAdminApp, makeUser, NOW, type AdminApp } from './admin-test-app.js'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'
import { syntheticFeed } from '../../support/synthetic-feed.js'

describe('admin: the wire desk', () => {
  let t: AdminApp
  let server: FeedServer
  const editor = () => new Browser(t.app)
  let desk: Browser

  beforeAll(async () => {
    server = await startFeedServer()
    t = await buildAdminApp({ WIRE_ALLOW_PRIVATE: 'true' })
    await makeUser(t, 'editor')
    await makeUser(t, 'author')
    desk = editor()
    await desk.login('editor@example.com')
    server.route('/home/', {
      contentType: 'text/html; charset=utf-8',
      body: '<html><head><title>Partner</title><link rel="alternate" type="application/rss+xml" href="/home/feed.xml"></head></html>',
    })
    server.route('/home/feed.xml', {
      body: syntheticFeed({
        name: 'Partner Gazette',
        items: 3,
        newest: new Date(NOW.getTime() - 3_600_000),
      }),
    })
    server.route('/broken.xml', {
      body: '<rss><channel><item><title>half',
      contentType: 'application/rss+xml',
    })
  })
  afterAll(async () => {
    await t.close()
    await server.close()
  })

  it('is in the navigation for editors, and refused to authors', async () => {
    const author = new Browser(t.app)
    await author.login('author@example.com')

    const page = await desk.get('/admin/wire')
    const refused = await author.get('/admin/wire')
    const authorHome = await author.get('/admin/articles')

    expect(page.statusCode).toBe(200)
    expect($(page)('nav a[href="/admin/wire"]').text()).toBe('Wire')
    expect(refused.statusCode).toBe(403)
    expect($(authorHome)('nav a[href="/admin/wire"]')).toHaveLength(0)
  })

  it('adds a source from a site address, keeping what was typed when it fails', async () => {
    const bad = await desk.post(
      '/admin/wire/sources',
      { url: server.url('/nowhere/'), name: 'Typed name' },
      { formPage: '/admin/wire' },
    )
    const added = await desk.post(
      '/admin/wire/sources',
      { url: server.url('/home/'), publish: 'review', mode: 'excerpt', interval: '15' },
      { formPage: '/admin/wire' },
    )
    const page = await desk.get('/admin/wire')

    expect(bad.statusCode).toBe(400)
    expect($(bad)('[role=alert]').text()).toMatch(/404/)
    expect($(bad)('#name').val()).toBe('Typed name')
    expect(added.statusCode).toBe(303)
    expect($(page)('[data-source] strong').text()).toContain('Partner Gazette')
  })

  it('refuses full text without the licence confirmed', async () => {
    const response = await desk.post(
      '/admin/wire/sources',
      { url: server.url('/home/feed.xml'), mode: 'full', interval: '15' },
      { formPage: '/admin/wire' },
    )

    expect(response.statusCode).toBe(400)
    expect($(response)('[role=alert]').text()).toContain('licensed')
  })

  it('polls a source, then publishes, drafts and skips its items', async () => {
    const page0 = await desk.get('/admin/wire')
    const sourceId = $(page0)('[data-source]').first().attr('data-source')!
    const polled = await desk.post(
      `/admin/wire/sources/${sourceId}/poll`,
      {},
      { formPage: '/admin/wire' },
    )
    const page = await desk.get('/admin/wire')
    const ids = $(page)('[data-item]')
      .map((_, el) => $(page)(el).attr('data-item'))
      .get()

    expect(polled.statusCode).toBe(303)
    expect(ids).toHaveLength(3)
    expect($(page)('[data-testid=wire-badge]').text()).toBe('3')
    expect($(page)('h1 .count .visually-hidden').text()).toBe('3 new wire items')
    const elsewhere = $(await desk.get('/admin/articles'))
    expect(elsewhere('nav a[href="/admin/wire"] .count [aria-hidden=true]').text()).toBe('3')
    expect(elsewhere('nav a[href="/admin/wire"] .count .visually-hidden').text()).toBe(
      '3 new wire items',
    )

    const published = await desk.post(
      '/admin/wire/items',
      { one: `publish:${ids[0]}` },
      { formPage: '/admin/wire' },
    )
    const drafted = await desk.post(
      '/admin/wire/items',
      { one: `draft:${ids[1]}` },
      { formPage: '/admin/wire' },
    )
    const skipped = await desk.post(
      '/admin/wire/items',
      { ids: ids[2]!, action: 'skip' },
      { formPage: '/admin/wire' },
    )
    const again = await desk.post(
      '/admin/wire/items',
      { one: `publish:${ids[0]}` },
      { formPage: '/admin/wire' },
    )

    expect(published.statusCode).toBe(303)
    expect(drafted.statusCode).toBe(303)
    expect(drafted.headers.location).toMatch(/^\/admin\/articles\/\d+$/)
    expect(skipped.statusCode).toBe(303)
    expect(decodeURIComponent(String(again.headers.location))).toContain('0 items published')
    const stories = await t.db
      .selectFrom('articles')
      .select(['status', 'canonical_url', 'body_html'])
      .orderBy('id')
      .execute()
    expect(stories.map((s) => s.status)).toEqual(['published', 'draft'])
    expect(stories[0]!.canonical_url).toMatch(
      /^https:\/\/partner-gazette\.example\/news\/story-3\//,
    )
    expect(stories[0]!.body_html).toContain('Read the full story at Partner Gazette')
    const after = await desk.get('/admin/wire')
    expect($(after)('[data-testid=wire-badge]').text()).toBe('0')
    expect($(after)('nav a[href="/admin/wire"] .count')).toHaveLength(0)
  })

  it('gives a wire story a canonical link to the original, names it in JSON-LD, and keeps it out of the news sitemap', async () => {
    const own = await createArticle(
      t.deps,
      SYSTEM,
      { title: 'Our own scoop', bodyHtml: '<p>Ours.</p>' },
      { then: 'publish' },
    )
    const wire = await t.db
      .selectFrom('articles')
      .select(['id', 'slug', 'published_at', 'canonical_url'])
      .where('status', '=', 'published')
      .where('canonical_url', '!=', '')
      .executeTakeFirstOrThrow()
    const { timeZone } = await findSettings({ db: t.db })
    const wirePath = articlePath(
      { slug: wire.slug, publishedAt: new Date(Number(wire.published_at)) },
      timeZone,
    )
    const page = await t.app.inject({ method: 'GET', url: wirePath })
    const sitemap = await t.app.inject({ method: 'GET', url: '/news-sitemap.xml' })

    expect(page.statusCode).toBe(200)
    expect($(page)('link[rel=canonical]').attr('href')).toBe(wire.canonical_url)
    // No one here signed it: the byline names where it came from, not an empty "By".
    const byline = $(page)('.byline-names')
    expect(byline.text().replace(/\s+/g, ' ').trim()).toBe('From Partner Gazette')
    expect($(page)('.article-body, .entry-content, article').text()).toMatch(
      /By Reporter \d, Partner Gazette/,
    )
    expect(byline.find('a').attr('href')).toMatch(/^https?:\/\/[^/]+\//)
    expect(byline.find('a[rel=author]')).toHaveLength(0)
    // A feed that signs every item with its own name: no writer to name in JSON-LD.
    await t.db.updateTable('wire_items').set({ author: 'partner gazette' }).execute()
    t.app.purgeCacheTags(['latest'])
    const unsigned = await t.app.inject({ method: 'GET', url: wirePath })
    expect($(unsigned)('.byline-names').text().replace(/\s+/g, ' ').trim()).toBe(
      'From Partner Gazette',
    )
    const signedGraph = $(page)('script[type="application/ld+json"]').text()
    expect(signedGraph).toMatch(/"author":\[\{"@type":"Person","name":"Reporter \d"\}\]/)
    const unsignedGraph = $(unsigned)('script[type="application/ld+json"]').text()
    expect(unsignedGraph).toMatch(
      /"author":\[\{"@type":"Organization","name":"Partner Gazette","url":"https?:[^"]+"\}\]/,
    )
    const ownPage = await t.app.inject({ method: 'GET', url: articlePath(own, timeZone) })
    expect($(ownPage)('.byline-names').text()).not.toContain('From ')
    const graph = $(page)('script[type="application/ld+json"]').text()
    expect(graph).toContain(`"isBasedOn":"${wire.canonical_url}"`)
    expect($(page)('a:contains("Read the full story at Partner Gazette")').attr('href')).toBe(
      wire.canonical_url,
    )
    expect(sitemap.body).toContain(own.slug)
    expect(sitemap.body).not.toContain(wire.slug)
    const rss = await t.app.inject({ method: 'GET', url: '/feed/' })
    const json = await t.app.inject({ method: 'GET', url: '/feed.json' })
    const source = wire.canonical_url.replace(/&/g, '&amp;')
    expect(rss.body).toContain(`<dc:source>${source}</dc:source>`)
    expect(rss.body.match(/<dc:source>/g)).toHaveLength(1)
    const items = (JSON.parse(json.body) as { items: { external_url?: string }[] }).items
    expect(items.filter((i) => i.external_url).map((i) => i.external_url)).toEqual([
      wire.canonical_url,
    ])
  })

  it('changes the settings of a source, keeping what was typed when they are wrong', async () => {
    const list = await desk.get('/admin/wire')
    const id = $(list)('[data-source]').first().attr('data-source')!
    const form = await desk.get(`/admin/wire/sources/${id}`)
    const fields = {
      name: 'Partner Gazette (wire)',
      mode: 'excerpt',
      publish: 'auto',
      interval: '2',
      excludeWords: 'horoscope, lottery',
      mapCategories: 'yes',
    }
    const wrong = await desk.post(`/admin/wire/sources/${id}`, fields, { formPage: '/admin/wire' })
    const saved = await desk.post(
      `/admin/wire/sources/${id}`,
      { ...fields, interval: '60' },
      { formPage: '/admin/wire' },
    )
    const after = await desk.get(`/admin/wire/sources/${id}`)

    expect($(form)('#name').val()).toBe('Partner Gazette')
    expect(wrong.statusCode).toBe(400)
    expect($(wrong)('[role=alert]').text()).toMatch(/5 to 1440 minutes/)
    expect($(wrong)('#excludeWords').val()).toBe('horoscope, lottery')
    expect(saved.statusCode).toBe(303)
    expect($(after)('#interval').val()).toBe('60')
    expect($(after)('#excludeWords').val()).toBe('horoscope, lottery')
    expect($(after)('#publish option[selected]').val()).toBe('auto')
  })

  it('refuses an unknown source action without touching the source', async () => {
    const list = await desk.get('/admin/wire')
    const id = $(list)('[data-source]').first().attr('data-source')!

    const response = await desk.post(
      `/admin/wire/sources/${id}/explode`,
      {},
      { formPage: '/admin/wire' },
    )
    const after = await desk.get('/admin/wire')

    const junk = await desk.post(
      '/admin/wire/items',
      { one: 'publish:abc' },
      { formPage: '/admin/wire' },
    )

    expect(response.statusCode).toBe(400)
    expect($(after)(`[data-source="${id}"]`)).toHaveLength(1)
    expect(junk.statusCode).toBe(400)
  })

  it('shows what is wrong with a broken source, and makes no story of it', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="Broken" xmlUrl="${server.url('/broken.xml')}"/></body></opml>`
    const before = await t.db.selectFrom('articles').select('id').execute()
    const imported = await desk.post('/admin/wire/opml', { opml }, { formPage: '/admin/wire' })
    const list0 = await desk.get('/admin/wire')
    const id = $(list0)('[data-source]')
      .filter((_, el) => $(list0)(el).text().includes('Broken'))
      .attr('data-source')!
    const polled = await desk.post(
      `/admin/wire/sources/${id}/poll`,
      {},
      { formPage: '/admin/wire' },
    )
    const list = await desk.get('/admin/wire')

    expect(imported.statusCode).toBe(303)
    expect(decodeURIComponent(String(polled.headers.location))).toContain('Broken failed')
    expect($(list)(`[data-source="${id}"] [data-testid=source-error]`).text()).toMatch(
      /1 failed poll: .+/,
    )
    expect(await t.db.selectFrom('articles').select('id').execute()).toHaveLength(before.length)
  })
})
