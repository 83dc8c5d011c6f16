import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveArticle } from '../../../src/content/index.js'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { startFeedTestApp, PUBLIC_URL, type FeedTestApp } from './feed-test-app.js'
import { jsonFeedErrors, parseFeed } from './feed-validators.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

interface JsonFeedItem {
  id: string
  url: string
  title: string
  content_html?: string
  content_text?: string
  image?: string
  date_published: string
  date_modified: string
  authors: { name: string; url: string }[]
  tags: string[]
}

let t: FeedTestApp

beforeAll(async () => {
  t = await startFeedTestApp()
})

afterAll(async () => {
  await t.close()
})

async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers })
}

async function jsonFeed(url = '/feed.json'): Promise<{ items: JsonFeedItem[] }> {
  const response = await get(url)
  expect(response.statusCode).toBe(200)
  return response.json()
}

describe('site feeds', () => {
  it('serves RSS 2.0 that a feed parser reads, with 20 whole stories and absolute URLs', async () => {
    const response = await get('/feed/')

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    const feed = await parseFeed(response.body)
    expect(feed.title).toBe('The Broadsheet Gazette')
    expect(feed.items).toHaveLength(20)
    const item = feed.items[0]!
    expect(item.link).toMatch(/^https:\/\/news\.example\/2026\/11\/[a-z0-9-]+\/$/)
    expect(item.guid).toMatch(/^tag:news\.example,\d{4}-\d{2}-\d{2}:article:\d+$/)
    expect(item['content:encoded']).toContain('<p>')
    expect(item.creator).toBeTruthy()
    expect(item.categories?.length).toBeGreaterThan(0)
    expect(item.enclosure?.url).toMatch(/^https:\/\/news\.example\/media\/demo\/.+\.svg$/)
    expect(item.enclosure?.type).toBe('image/svg+xml')
    expect(Number(item.enclosure?.length)).toBeGreaterThan(0)
    expect(response.body).toContain('<guid isPermaLink="false">')
    expect(response.body).toMatch(/<media:content url="https:\/\/news\.example\/media\/demo\//)
  })

  it('serves Atom 1.0 that a feed parser reads, with ids, updated dates and authors', async () => {
    const response = await get('/feed.atom')

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    const feed = await parseFeed(response.body)
    expect(feed.items).toHaveLength(20)
    const entry = feed.items[0]!
    expect(entry.id).toMatch(/^tag:news\.example,\d{4}-\d{2}-\d{2}:article:\d+$/)
    expect(entry.link).toMatch(/^https:\/\/news\.example\//)
    expect(entry.author).toBeTruthy()
    expect(entry.content).toContain('<p>')
    expect(response.body).toMatch(/<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/updated>/)
    expect(response.body).toContain('<link rel="enclosure" type="image/svg+xml"')
  })

  it('serves JSON Feed 1.1 that validates against the published schema', async () => {
    const response = await get('/feed.json')

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8')
    const feed = response.json<{ version: string; items: JsonFeedItem[] }>()
    expect(jsonFeedErrors(feed)).toEqual([])
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items).toHaveLength(20)
    const item = feed.items[0]!
    expect(item.image).toMatch(/^https:\/\/news\.example\/media\//)
    expect(item.authors[0]?.url).toMatch(/^https:\/\/news\.example\/author\/[a-z-]+\/$/)
    expect(item.content_html).toContain('<p>')
  })

  it('proves the JSON Feed validator rejects a broken feed', () => {
    expect(
      jsonFeedErrors({ version: 'https://jsonfeed.org/version/1.1', items: [{}] }),
    ).not.toEqual([])
  })

  it('lists the newest stories first', async () => {
    const feed = await jsonFeed()
    const dates = feed.items.map((i) => Date.parse(i.date_published))

    expect(dates).toEqual([...dates].sort((a, b) => b - a))
  })
})

describe('section, tag and author feeds', () => {
  it.each([
    ['/world/feed/', 'rss'],
    ['/world/feed.atom', 'atom'],
    ['/tag/film/feed/', 'rss'],
    ['/author/helena-marchetti/feed.atom', 'atom'],
  ])('%s parses and carries only its own stories', async (url) => {
    const response = await get(url)

    expect(response.statusCode).toBe(200)
    const feed = await parseFeed(response.body)
    expect(feed.items.length).toBeGreaterThan(0)
    expect(feed.items.length).toBeLessThanOrEqual(20)
  })

  it('validates section, tag and author JSON Feeds and filters their items', async () => {
    const section = await get('/world/feed.json')
    const tag = await get('/tag/film/feed.json')
    const author = await get('/author/helena-marchetti/feed.json')

    for (const response of [section, tag, author]) {
      expect(response.statusCode).toBe(200)
      expect(jsonFeedErrors(response.json())).toEqual([])
    }
    expect(tag.json<{ items: JsonFeedItem[] }>().items.every((i) => i.tags.includes('Film'))).toBe(
      true,
    )
    expect(
      author
        .json<{ items: JsonFeedItem[] }>()
        .items.every((i) => i.authors.some((a) => a.name === 'Helena Marchetti')),
    ).toBe(true)
    expect(section.json<{ title: string }>().title).toBe('World – The Broadsheet Gazette')
  })

  it.each(['/no-such-section/feed/', '/no-such-section/feed.json', '/tag/no-such-tag/feed.atom'])(
    'answers 404 for an unknown scope: %s',
    async (url) => {
      const response = await get(url)

      expect(response.statusCode).toBe(404)
    },
  )

  it('answers 404 for an unknown author', async () => {
    expect((await get('/author/nobody/feed/')).statusCode).toBe(404)
  })
})

describe('conditional GET', () => {
  it('answers 304 to a matching If-None-Match and 200 to a stale one', async () => {
    const first = await get('/feed/')
    const etag = first.headers.etag as string

    const again = await get('/feed/', { 'if-none-match': etag })
    const stale = await get('/feed/', { 'if-none-match': '"not-this-one"' })

    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(stale.statusCode).toBe(200)
  })

  it('answers 304 to If-Modified-Since at or after Last-Modified when the feed renders', async () => {
    const first = await get('/feed.json')
    const lastModified = first.headers['last-modified'] as string
    // The page cache answers hits by ETag only; this checks the feed route's own validators,
    // which run on a miss (after a purge).
    t.app.purgeCacheTags(['feed'])
    const same = await get('/feed.json', { 'if-modified-since': lastModified })
    t.app.purgeCacheTags(['feed'])
    const older = await get('/feed.json', {
      'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString(),
    })

    expect(lastModified).toMatch(/GMT$/)
    expect(same.statusCode).toBe(304)
    expect(older.statusCode).toBe(200)
  })

  it('is served from the page cache, tagged for purging, with its validators', async () => {
    await get('/world/feed/')
    const hit = await get('/world/feed/')
    const revalidated = await get('/world/feed/', { 'if-none-match': hit.headers.etag as string })

    expect(hit.headers['x-cache']).toBe('HIT')
    expect(String(hit.headers['surrogate-key'])).toContain('feed')
    expect(hit.headers['last-modified']).toMatch(/GMT$/)
    expect(revalidated.statusCode).toBe(304)
  })
})

describe('a story updated after publication', () => {
  it('keeps its feed id and GUID while its updated date, title and URL change', async () => {
    const before = (await jsonFeed()).items[0]!
    const rssBefore = await get('/feed/')
    const atomBefore = await parseFeed((await get('/feed.atom')).body)
    const id = Number(before.id.split(':').pop())

    t.clock.advance(3 * 3_600_000)
    await saveArticle(testKernel(t.database.db, t.clock, t.events), SYSTEM, id, {
      input: {
        title: 'Festival opens: an updated headline',
        slug: 'festival-opens-updated',
      },
    })
    const after = (await jsonFeed()).items.find((i) => i.id === before.id)
    const rssAfter = await parseFeed((await get('/feed/')).body)
    const atomAfter = await parseFeed((await get('/feed.atom')).body)
    const revalidated = await get('/feed/', { 'if-none-match': rssBefore.headers.etag as string })

    expect(after).toBeDefined()
    expect(after?.title).toBe('Festival opens: an updated headline')
    expect(after?.url).toContain('/festival-opens-updated/')
    expect(after?.date_published).toBe(before.date_published)
    expect(Date.parse(after!.date_modified)).toBeGreaterThan(Date.parse(before.date_modified))
    expect(rssAfter.items.map((i) => i.guid)).toContain(before.id)
    expect(atomBefore.items[0]?.id).toBe(before.id)
    expect(atomAfter.items.find((i) => i.id === before.id)?.title).toBe(
      'Festival opens: an updated headline',
    )
    expect(revalidated.statusCode).toBe(200)
    expect((await get('/feed.atom')).body).toContain(
      `<updated>${new Date(t.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')}</updated>`,
    )
  })
})

describe('feedContent setting', () => {
  it('carries only excerpts when set to "excerpt"', async () => {
    await updateSiteSettings(testKernel(t.database.db), SYSTEM, { feedContent: 'excerpt' })
    t.events.emit({ type: 'settings.changed', keys: ['feedContent'] })
    try {
      const rss = await get('/feed/')
      const json = await jsonFeed()

      expect(rss.body).not.toContain('<content:encoded>')
      expect(json.items[0]?.content_html).toBeUndefined()
      expect(json.items[0]?.content_text).toBeTruthy()
      expect(jsonFeedErrors(json)).toEqual([])
    } finally {
      await updateSiteSettings(testKernel(t.database.db), SYSTEM, { feedContent: 'full' })
      t.events.emit({ type: 'settings.changed', keys: ['feedContent'] })
    }
  })
})

describe('escaping', () => {
  it('keeps feeds well-formed with markup, CDATA terminators and control characters in a story', async () => {
    const id = Number((await jsonFeed()).items[1]!.id.split(':').pop())
    await saveArticle(testKernel(t.database.db, t.clock, t.events), SYSTEM, id, {
      input: {
        title: 'Ampersands & <angles> ]]> and a bell\u0007',
        standfirst: 'Quotes "double" and \'single\' ]]>',
        bodyHtml: '<p>Code: <code>a]]&gt;b</code> and x]]>y</p>',
      },
    })

    const rss = await get('/feed/')
    const atom = await get('/feed.atom')
    const rssFeed = await parseFeed(rss.body)
    const atomFeed = await parseFeed(atom.body)

    expect(rss.body).not.toContain('\u0007')
    expect(rssFeed.items.some((i) => i.title === 'Ampersands & <angles> ]]> and a bell')).toBe(true)
    expect(atomFeed.items.some((i) => i.title === 'Ampersands & <angles> ]]> and a bell')).toBe(
      true,
    )
    expect(jsonFeedErrors((await get('/feed.json')).json())).toEqual([])
  })

  it('carries a plain-text standfirst as text in every format, never as markup', async () => {
    const id = Number((await jsonFeed()).items[2]!.id.split(':').pop())
    const standfirst = 'Tom & Jerry <img src=x onerror=alert(1)>'
    await saveArticle(testKernel(t.database.db, t.clock, t.events), SYSTEM, id, {
      input: {
        standfirst,
      },
    })
    const rss = (await get('/feed/')).body
    // One XML decoding leaves HTML that shows the characters: what a feed reader renders.
    const description = /<description>(Tom &amp;amp; Jerry[^<]*)<\/description>/.exec(rss)?.[1]
    expect(description).toBe('Tom &amp;amp; Jerry &amp;lt;img src=x onerror=alert(1)&amp;gt;')
    expect(rss).not.toContain('&lt;img')
    const atom = (await get('/feed.atom')).body
    expect(atom).toContain(
      '<summary type="text">Tom &amp; Jerry &lt;img src=x onerror=alert(1)&gt;</summary>',
    )
    const json = (await get('/feed.json')).json<{ items: { summary?: string }[] }>()
    expect(json.items.some((i) => i.summary === standfirst)).toBe(true)
  })
})

describe('absolute URLs', () => {
  it('uses the configured public URL everywhere', async () => {
    const body = (await get('/feed.json')).body

    expect(body).not.toMatch(/"(?:url|image|avatar|home_page_url|feed_url)":"\//)
    expect(body).toContain(`"feed_url":"${PUBLIC_URL}/feed.json"`)
  })
})
