import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedTestApp, PUBLIC_URL, SEEDED_AT, type FeedTestApp } from './feed-test-app.js'
import { SITEINDEX_XSD, urlsetSchema, xmllintErrors } from './feed-validators.js'

const HOUR = 3_600_000

let t: FeedTestApp

beforeAll(async () => {
  t = await startFeedTestApp()
})

afterAll(async () => {
  await t.close()
})

async function get(url: string) {
  return t.app.inject({ method: 'GET', url })
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
}

function newsDates(xml: string): number[] {
  return [...xml.matchAll(/<news:publication_date>([^<]+)</g)].map((m) => Date.parse(m[1]!))
}

describe('sitemap index', () => {
  it('lists the page, section, tag and author sitemaps and one per month, and validates', async () => {
    const response = await get('/sitemap.xml')

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8')
    expect(await xmllintErrors(response.body, SITEINDEX_XSD)).toBe('')
    const children = locs(response.body)
    expect(children).toEqual(
      expect.arrayContaining([
        `${PUBLIC_URL}/sitemap-pages.xml`,
        `${PUBLIC_URL}/sitemap-sections.xml`,
        `${PUBLIC_URL}/sitemap-tags.xml`,
        `${PUBLIC_URL}/sitemap-authors.xml`,
        `${PUBLIC_URL}/sitemap-articles-2026-11.xml`,
      ]),
    )
    expect(response.body).toMatch(
      /<loc>https:\/\/news\.example\/sitemap-articles-2026-11\.xml<\/loc><lastmod>2026-11-27T\d{2}:\d{2}:\d{2}Z<\/lastmod>/,
    )
  })

  it('has child sitemaps that all answer and validate, and together list every story', async () => {
    const children = locs((await get('/sitemap.xml')).body)
    let articleUrls = 0
    let images = 0

    for (const child of children) {
      const response = await get(child.replace(PUBLIC_URL, ''))
      expect(response.statusCode, child).toBe(200)
      expect(await xmllintErrors(response.body, urlsetSchema()), child).toBe('')
      if (!child.includes('sitemap-articles-')) continue
      articleUrls += response.body.match(/<url>/g)?.length ?? 0
      images += response.body.match(/<image:image>/g)?.length ?? 0
    }

    // The demo publishes 49 stories, each with a featured image.
    expect(articleUrls).toBe(49)
    expect(images).toBe(49)
  })
})

describe('article sitemaps by month', () => {
  it('lists the month’s stories with their last update and featured image', async () => {
    const response = await get('/sitemap-articles-2026-11.xml')

    expect(response.statusCode).toBe(200)
    expect(await xmllintErrors(response.body, urlsetSchema())).toBe('')
    const urls = [...response.body.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1]!)
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) {
      expect(url).toMatch(/^<loc>https:\/\/news\.example\/2026\/11\/[a-z0-9-]+\/<\/loc>/)
      expect(url).toMatch(/<lastmod>2026-11-\d{2}T\d{2}:\d{2}:\d{2}Z<\/lastmod>/)
      expect(url).toMatch(
        /<image:image><image:loc>https:\/\/news\.example\/media\/demo\/[^<]+\.svg<\/image:loc><\/image:image>/,
      )
    }
  })

  it('answers 404 for a month without stories and for a malformed month', async () => {
    expect((await get('/sitemap-articles-2019-01.xml')).statusCode).toBe(404)
    expect((await get('/sitemap-articles-2026-13.xml')).statusCode).toBe(404)
    expect((await get('/sitemap-articles-2026-11-2.xml')).statusCode).toBe(404)
  })
})

describe('section, tag, author and page sitemaps', () => {
  it.each([
    ['/sitemap-sections.xml', /^https:\/\/news\.example\/[a-z-]+\/$/, '/world/'],
    ['/sitemap-tags.xml', /^https:\/\/news\.example\/tag\/[a-z0-9-]+\/$/, '/tag/film/'],
    [
      '/sitemap-authors.xml',
      /^https:\/\/news\.example\/author\/[a-z-]+\/$/,
      '/author/helena-marchetti/',
    ],
    ['/sitemap-pages.xml', /^https:\/\/news\.example\/([a-z-]+\/)?$/, '/about/'],
  ])('%s validates and lists absolute URLs with lastmod', async (url, pattern, expected) => {
    const response = await get(url)

    expect(response.statusCode).toBe(200)
    expect(await xmllintErrors(response.body, urlsetSchema())).toBe('')
    const entries = locs(response.body)
    expect(entries).toContain(`${PUBLIC_URL}${expected}`)
    for (const entry of entries) expect(entry).toMatch(pattern)
    expect(response.body.match(/<lastmod>/g)?.length).toBe(entries.length)
  })
})

describe('news sitemap', () => {
  it('validates and names the publication, language, date and title', async () => {
    const response = await get('/news-sitemap.xml')

    expect(response.statusCode).toBe(200)
    expect(await xmllintErrors(response.body, urlsetSchema())).toBe('')
    expect(response.body).toContain(
      '<news:publication><news:name>The Broadsheet Gazette</news:name><news:language>en</news:language></news:publication>',
    )
    expect(response.body).toMatch(/<news:title>[^<]+<\/news:title>/)
  })

  it('lists only stories published in the 48 hours before the clock', async () => {
    t.clock.set(SEEDED_AT)
    const now = await get('/news-sitemap.xml')
    const month = await get('/sitemap-articles-2026-11.xml')
    const dates = newsDates(now.body)
    const oldest = Math.min(...dates)

    expect(dates.length).toBeGreaterThan(0)
    expect(locs(month.body).length).toBeGreaterThan(dates.length)
    for (const date of dates) {
      expect(date).toBeGreaterThanOrEqual(SEEDED_AT.getTime() - 48 * HOUR)
      expect(date).toBeLessThanOrEqual(SEEDED_AT.getTime())
    }

    t.clock.set(new Date(oldest + 48 * HOUR - 60_000))
    const justBefore = newsDates((await get('/news-sitemap.xml')).body)
    t.clock.set(new Date(oldest + 48 * HOUR + 60_000))
    const justAfter = newsDates((await get('/news-sitemap.xml')).body)
    t.clock.set(new Date(SEEDED_AT.getTime() + 72 * HOUR))
    const later = await get('/news-sitemap.xml')
    t.clock.set(SEEDED_AT)

    expect(justBefore).toContain(oldest)
    expect(justAfter).not.toContain(oldest)
    expect(justAfter.length).toBe(justBefore.length - dates.filter((d) => d === oldest).length)
    expect(later.statusCode).toBe(200)
    expect(newsDates(later.body)).toEqual([])
  })
})

describe('the sitemap validator', () => {
  it('rejects a sitemap with a bad lastmod or an undeclared extension element', async () => {
    const bad = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      '<url><loc>https://news.example/a/</loc><lastmod>yesterday</lastmod></url>',
      '</urlset>',
    ].join('\n')
    const unknown = bad
      .replace('<lastmod>yesterday</lastmod>', '<x:y xmlns:x="urn:x">1</x:y>')
      .replace('yesterday', '')

    expect(await xmllintErrors(bad, urlsetSchema())).toMatch(/lastmod/)
    expect(await xmllintErrors(unknown, urlsetSchema())).not.toBe('')
  })
})

describe('page cache', () => {
  it('keeps sitemaps but not the news sitemap, whose window moves with the clock', async () => {
    await get('/sitemap-sections.xml')
    await get('/news-sitemap.xml')
    const sitemap = await get('/sitemap-sections.xml')
    const news = await get('/news-sitemap.xml')

    expect(sitemap.headers['x-cache']).toBe('HIT')
    expect(String(sitemap.headers['surrogate-key'])).toContain('sitemap')
    expect(news.headers['x-cache']).toBeUndefined()
  })
})

describe('robots.txt', () => {
  it('allows crawling, keeps out the newsroom and search, and lists both sitemaps', async () => {
    const response = await get('/robots.txt')

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    const lines = response.body.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin/',
        'Disallow: /search/',
        `Sitemap: ${PUBLIC_URL}/sitemap.xml`,
        `Sitemap: ${PUBLIC_URL}/news-sitemap.xml`,
      ]),
    )
  })
})
