import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { CheerioAPI } from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import { findPublishedArticle, saveArticle } from '../../../src/content/index.js'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { buildSeededSite, getPage, SITE_NOW, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const ORIGIN = 'https://gazette.test'
const SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'
const ARTICLE = `/2026/11/${SLUG}/`
const TITLE = 'Council approves £412m budget after late-night vote on library hours'
const OFFSET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/

type Node = Record<string, unknown>

let site: SeededSite

beforeAll(async () => {
  site = await buildSeededSite()
  // Four stories a page, so sections have a page 2.
  await updateSiteSettings(testKernel(site.db), SYSTEM, { postsPerPage: 4 })
})
afterAll(async () => {
  await site.close()
})

/** The value at `keys` inside parsed JSON (undefined when any step is missing). */
function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

/** Every JSON-LD node on the page (one script holding an @graph, or several). */
function jsonLd($: CheerioAPI): Node[] {
  const scripts = $('script[type="application/ld+json"]')
  expect(scripts.length).toBeGreaterThan(0)
  return scripts.get().flatMap((s) => {
    const data = JSON.parse($(s).html() ?? '') as Node
    expect(data['@context']).toBe('https://schema.org')
    return (at(data, '@graph') as Node[] | undefined) ?? [data]
  })
}

function ofType(nodes: Node[], type: string): Node {
  const node = nodes.find((n) => n['@type'] === type)
  if (!node) throw new Error(`no ${type} in ${nodes.map((n) => n['@type']).join(', ')}`)
  return node
}

const meta = ($: CheerioAPI, key: string) =>
  $(`meta[property="${key}"], meta[name="${key}"]`).attr('content')

describe('the head of an article', () => {
  it('has title, description, canonical, robots and the feed, icon and manifest links', async () => {
    const { $ } = await getPage(site.app, ARTICLE)
    expect($('title').text()).toBe(`${TITLE} | The Broadsheet Gazette`)
    expect(meta($, 'description')).toMatch(/^Harbourton’s councillors passed/)
    expect($('link[rel="canonical"]').attr('href')).toBe(`${ORIGIN}${ARTICLE}`)
    expect(meta($, 'robots')).toBe('max-image-preview:large')
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/feed/')
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe('/feed.atom')
    expect($('link[rel="alternate"][type="application/feed+json"]').attr('href')).toBe('/feed.json')
    expect($('link[rel="icon"]').attr('type')).toBe('image/svg+xml')
    expect($('link[rel="apple-touch-icon"]').attr('href')).toMatch(/\.png\?v=/)
    expect($('link[rel="manifest"]').attr('href')).toBe('/manifest.webmanifest')
  })

  it('has OpenGraph and Twitter tags with a real 1200×630 social image', async () => {
    const { $ } = await getPage(site.app, ARTICLE)
    expect(meta($, 'og:type')).toBe('article')
    expect(meta($, 'og:title')).toBe(TITLE)
    expect(meta($, 'og:url')).toBe(`${ORIGIN}${ARTICLE}`)
    expect(meta($, 'og:site_name')).toBe('The Broadsheet Gazette')
    expect(meta($, 'og:image:width')).toBe('1200')
    expect(meta($, 'og:image:height')).toBe('630')
    expect(meta($, 'og:image:type')).toBe('image/jpeg')
    expect(meta($, 'article:published_time')).toMatch(OFFSET_DATE)
    expect(meta($, 'twitter:card')).toBe('summary_large_image')
    expect(meta($, 'twitter:site')).toBe('@broadsheetgazette')
    const image = meta($, 'og:image') ?? ''
    expect(image).toMatch(new RegExp(`^${ORIGIN}/media/.*-social\\.jpg$`))
    expect(meta($, 'twitter:image')).toBe(image)
    const file = await site.app.inject(image.slice(ORIGIN.length))
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
  })

  it('describes the story as NewsArticle JSON-LD with crops, dates, authors and publisher', async () => {
    const { $ } = await getPage(site.app, ARTICLE)
    const article = ofType(jsonLd($), 'NewsArticle')
    expect(article.headline).toBe(TITLE)
    expect(article.image).toHaveLength(3)
    expect(at(article, 'image', 0)).toMatch(/-crop-16x9\.jpg$/)
    expect(at(article, 'image', 1)).toMatch(/-crop-4x3\.jpg$/)
    expect(at(article, 'image', 2)).toMatch(/-crop-1x1\.jpg$/)
    expect(article.datePublished).toMatch(OFFSET_DATE)
    expect(article.dateModified).toMatch(OFFSET_DATE)
    const visible = $('.byline-meta time').first().attr('datetime') ?? ''
    expect(new Date(article.datePublished as string).getTime()).toBe(new Date(visible).getTime())
    expect(article.dateModified).toBe(article.datePublished)
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Helena Marchetti', url: `${ORIGIN}/author/helena-marchetti/` },
      { '@type': 'Person', name: 'Idris Fenwick', url: `${ORIGIN}/author/idris-fenwick/` },
    ])
    expect(at(article, 'publisher', 'name')).toBe('The Broadsheet Gazette')
    expect(at(article, 'publisher', 'logo', 'url')).toMatch(
      /^https:\/\/gazette\.test\/assets\/icon-512\.png/,
    )
    expect(article.isAccessibleForFree).toBe(true)
    expect(at(article, 'mainEntityOfPage', '@id')).toBe(`${ORIGIN}${ARTICLE}`)
  })

  it('gives the breadcrumb as BreadcrumbList JSON-LD', async () => {
    const { $ } = await getPage(site.app, ARTICLE)
    const crumbs = ofType(jsonLd($), 'BreadcrumbList').itemListElement as Node[]
    expect(crumbs.map((c) => [c.position, c.name, c.item])).toEqual([
      [1, 'Home', `${ORIGIN}/`],
      [2, 'News', `${ORIGIN}/news/`],
      [3, 'Politics', `${ORIGIN}/politics/`],
      [4, TITLE, `${ORIGIN}${ARTICLE}`],
    ])
  })

  it('serves the lead image responsively and first, the cards below it lazily', async () => {
    const { $ } = await getPage(site.app, ARTICLE)
    const lead = $('figure.featured-image img')
    expect(lead.attr('fetchpriority')).toBe('high')
    expect(lead.attr('loading')).toBeUndefined()
    expect(lead.attr('src')).toMatch(/\.jpg$/)
    expect(lead.attr('srcset')).toMatch(/-w320\.jpg 320w, .*-w640\.jpg 640w, .*-w1024\.jpg 1024w/)
    expect(lead.attr('srcset')).toMatch(/1200w$/)
    expect(lead.attr('sizes')).toContain('848px')
    expect([lead.attr('width'), lead.attr('height')]).toEqual(['1600', '900'])
    const cards = $('.keep-reading .card-media img')
    expect(cards.length).toBe(6)
    cards.each((_, img) => {
      expect($(img).attr('loading')).toBe('lazy')
      expect($(img).attr('srcset')).toContain('320w')
      expect($(img).attr('width')).toBeDefined()
    })
  })

  it('puts the canonical URL and headline in every share link and prefills the email', async () => {
    const { $ } = await getPage(site.app, ARTICLE)
    const url = encodeURIComponent(`${ORIGIN}${ARTICLE}`)
    const links = $('.share-links a')
    expect(links.length).toBe(10)
    links.each((_, a) => expect($(a).attr('href')).toContain(url))
    const email = $('.share-email').first().attr('href') ?? ''
    const mail = new URL(email)
    expect(mail.protocol).toBe('mailto:')
    expect(mail.searchParams.get('subject')).toBe(TITLE)
    expect(mail.searchParams.get('body')).toBe(`${TITLE}\n\n${ORIGIN}${ARTICLE}`)
    const native = $('[data-share-native]').first()
    expect(native.attr('hidden')).toBeDefined()
    expect(native.find('button').attr('data-url')).toBe(`${ORIGIN}${ARTICLE}`)
  })
})

describe('the head of other pages', () => {
  it('names the organisation and the site search on the front page', async () => {
    const { $ } = await getPage(site.app, '/')
    expect($('link[rel="canonical"]').attr('href')).toBe(`${ORIGIN}/`)
    expect(meta($, 'og:image:width')).toBe('1200')
    const nodes = jsonLd($)
    const org = ofType(nodes, 'NewsMediaOrganization')
    expect(org.name).toBe('The Broadsheet Gazette')
    expect(at(org, 'logo', 'url')).toMatch(/icon-512\.png/)
    expect(org.sameAs).toContain('https://x.com/broadsheetgazette')
    const website = ofType(nodes, 'WebSite')
    expect(at(website, 'potentialAction', '@type')).toBe('SearchAction')
    expect(at(website, 'potentialAction', 'target', 'urlTemplate')).toBe(
      `${ORIGIN}/search/?q={search_term_string}`,
    )
    expect(at(website, 'potentialAction', 'query-input')).toBe('required name=search_term_string')
  })

  it('links the pages of a section with rel=prev/next and its own feeds', async () => {
    const first = await getPage(site.app, '/news/')
    expect(first.$('link[rel="prev"]')).toHaveLength(0)
    expect(first.$('link[rel="next"]').attr('href')).toBe(`${ORIGIN}/news/page/2/`)
    const { response, $ } = await getPage(site.app, '/news/page/2/')
    expect(response.statusCode).toBe(200)
    expect($('link[rel="canonical"]').attr('href')).toBe(`${ORIGIN}/news/page/2/`)
    expect($('link[rel="prev"]').attr('href')).toBe(`${ORIGIN}/news/`)
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/news/feed/')
    const crumbs = ofType(jsonLd($), 'BreadcrumbList').itemListElement as Node[]
    expect(at(crumbs.at(-1), 'name')).toBe('News')
  })

  it('loads the first picture of a list first and the rest lazily', async () => {
    const { $ } = await getPage(site.app, '/news/')
    const images = $('main .archive-grid .card-media img')
    expect(images.length).toBeGreaterThan(1)
    expect(images.first().attr('fetchpriority')).toBe('high')
    expect(images.first().attr('loading')).toBeUndefined()
    images.slice(1).each((_, img) => expect($(img).attr('loading')).toBe('lazy'))
  })

  it('describes an author page as a ProfilePage about a Person', async () => {
    const { $ } = await getPage(site.app, '/author/helena-marchetti/')
    expect(meta($, 'og:type')).toBe('profile')
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe(
      '/author/helena-marchetti/feed/',
    )
    const profile = ofType(jsonLd($), 'ProfilePage')
    expect(at(profile, 'mainEntity', '@type')).toBe('Person')
    expect(at(profile, 'mainEntity', 'name')).toBe('Helena Marchetti')
    expect(at(profile, 'mainEntity', 'url')).toBe(`${ORIGIN}/author/helena-marchetti/`)
    expect(at(profile, 'mainEntity', 'description')).toContain('editor of The Broadsheet Gazette')
  })

  it('links tag pages to the tag’s feeds', async () => {
    const { response, $ } = await getPage(site.app, '/tag/budget/')
    expect(response.statusCode).toBe(200)
    expect($('link[rel="canonical"]').attr('href')).toBe(`${ORIGIN}/tag/budget/`)
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe(
      '/tag/budget/feed.atom',
    )
  })

  it('keeps search results and error pages out of the index', async () => {
    for (const url of ['/search/?q=council', '/no-such-page/']) {
      const { $ } = await getPage(site.app, url)
      expect(meta($, 'robots')).toBe('noindex')
      expect($('link[rel="canonical"]')).toHaveLength(0)
    }
  })

  it('serves the CSS and JS compressed (brotli or gzip, as the browser asks)', async () => {
    const { $ } = await getPage(site.app, '/')
    const css = $('link[rel="stylesheet"]').attr('href') ?? ''
    const plain = await site.app.inject(css)
    const br = await site.app.inject({ url: css, headers: { 'accept-encoding': 'gzip, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
    const js = $('script[src^="/assets/site.js"]').attr('src') ?? ''
    const gz = await site.app.inject({ url: js, headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).length).toBeGreaterThan(gz.rawPayload.length)
  })

  it('serves a web app manifest with PNG icons', async () => {
    const response = await site.app.inject('/manifest.webmanifest')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('application/manifest+json')
    const manifest = response.json<{ name: string; start_url: string; icons: Node[] }>()
    expect(manifest.name).toBe('The Broadsheet Gazette')
    expect(manifest.start_url).toBe('/')
    const png = manifest.icons.find((i) => i.sizes === '512x512')
    expect(png?.type).toBe('image/png')
    expect((await site.app.inject(png?.src as string)).statusCode).toBe(200)
  })
})

describe('a story updated after publication', () => {
  it('keeps its feed id and shows "Updated", visibly and as dateModified', async () => {
    const slug = 'harbourton-athletic-reach-cup-semi-final-with-a-stoppage-time-winner'
    const lookup = await findPublishedArticle(site, slug)
    if (lookup.kind !== 'published') throw new Error('demo article missing')
    const idOf = async () => {
      const feed = (await site.app.inject('/feed.json')).json<{ items: Node[] }>()
      return at(
        feed.items.find((i) => String(i.url).includes(slug)),
        'id',
      ) as string | undefined
    }
    const before = await idOf()
    expect(before).toBeDefined()

    const later = new Date(SITE_NOW.getTime() + 3 * 3_600_000)
    await saveArticle(testKernel(site.db, fixedClock(later)), SYSTEM, lookup.article.id, {
      input: {
        standfirst: 'Updated with the manager’s reaction.',
      },
    })

    expect(await idOf()).toBe(before)
    const { $ } = await getPage(site.app, `/2026/11/${slug}/`)
    const updated = $('.byline-meta span')
      .filter((_, s) => $(s).text().startsWith('Updated'))
      .find('time')
    expect(updated.attr('datetime')).toBe(later.toISOString())
    const article = ofType(jsonLd($), 'NewsArticle')
    expect(new Date(article.dateModified as string).getTime()).toBe(later.getTime())
    expect(article.dateModified).toMatch(OFFSET_DATE)
    expect(meta($, 'article:modified_time')).toBe(article.dateModified)
    expect(new Date(article.datePublished as string).getTime()).toBe(
      lookup.article.publishedAt?.getTime(),
    )
  })
})
