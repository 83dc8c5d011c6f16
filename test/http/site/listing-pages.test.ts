import type { CheerioAPI } from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { createArticle } from '../../../src/content/index.js'
import { buildSeededSite, getPage, SITE_NOW, type SeededSite } from '../../support/site-app.js'
import { fixedClock } from '../../../src/clock.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

let site: SeededSite

beforeAll(async () => {
  site = await buildSeededSite()
  // Small pages, so the demo's sections have a second page.
  await updateSiteSettings(testKernel(site.db), SYSTEM, { postsPerPage: 3 })
})
afterAll(async () => {
  await site.close()
})

/** Slugs of published stories linked to a section (its sub-sections' included), from the DB. */
async function sectionSlugs(slug: string): Promise<string[]> {
  const rows = await site.db
    .selectFrom('articles as a')
    .innerJoin('article_categories as ac', 'ac.article_id', 'a.id')
    .innerJoin('categories as c', 'c.id', 'ac.category_id')
    .select('a.slug')
    .where('c.slug', '=', slug)
    .where('a.status', '=', 'published')
    .execute()
  return rows.map((r) => r.slug)
}

function storySlugs($: CheerioAPI): string[] {
  return $('main .card-title a')
    .map((_, a) => ($(a).attr('href') ?? '').split('/')[3] ?? '')
    .get()
}

describe('section page', () => {
  it('lists only the section’s stories, with its description and sub-sections', async () => {
    const { response, $ } = await getPage(site.app, '/news/')
    expect(response.statusCode).toBe(200)
    expect($('h1').text()).toBe('News')
    expect($('.archive-description').text()).toContain('council chamber')
    expect(
      $('nav.subsections a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/local/', '/politics/'])
    const allowed = await sectionSlugs('news')
    const shown = storySlugs($)
    expect(shown).toHaveLength(3)
    for (const slug of shown) expect(allowed).toContain(slug)
  })

  it('pages through the section: page 2 differs from page 1', async () => {
    const one = storySlugs((await getPage(site.app, '/news/')).$)
    const page2 = await getPage(site.app, '/news/page/2/')
    expect(page2.response.statusCode).toBe(200)
    const two = storySlugs(page2.$)
    expect(two.length).toBeGreaterThan(0)
    expect(two.filter((s) => one.includes(s))).toEqual([])
    expect(page2.$('nav[aria-label="Pagination"] a[rel="prev"]').attr('href')).toBe('/news/')
    expect(page2.$('nav[aria-label="Pagination"] [aria-current="page"]').text()).toBe('Page 2')
    expect((await getPage(site.app, '/news/')).$('a[rel="next"]').attr('href')).toBe(
      '/news/page/2/',
    )
  })

  it('404s beyond the last page and sends /page/1/ home', async () => {
    expect((await site.app.inject('/news/page/99/')).statusCode).toBe(404)
    const first = await site.app.inject('/news/page/1/')
    expect(first.statusCode).toBe(301)
    expect(first.headers.location).toBe('/news/')
  })

  it('serves a sub-section at its own slug and redirects /parent/child/ there', async () => {
    const { $ } = await getPage(site.app, '/politics/')
    expect($('h1').text()).toBe('Politics')
    expect($('nav[aria-label="Breadcrumb"] a').last().attr('href')).toBe('/news/')
    const allowed = await sectionSlugs('politics')
    for (const slug of storySlugs($)) expect(allowed).toContain(slug)
    const moved = await site.app.inject('/news/politics/')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/politics/')
    expect((await site.app.inject('/world/politics/')).statusCode).toBe(404)
  })
})

describe('tag, author and static pages', () => {
  it('lists a tag’s stories', async () => {
    const tag = await site.db
      .selectFrom('tags')
      .innerJoin('article_tags', 'article_tags.tag_id', 'tags.id')
      .select(['tags.slug', 'tags.name'])
      .groupBy(['tags.slug', 'tags.name'])
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .executeTakeFirstOrThrow()
    const { response, $ } = await getPage(site.app, `/tag/${tag.slug}/`)
    expect(response.statusCode).toBe(200)
    expect($('h1').text()).toBe(tag.name)
    const tagged = await site.db
      .selectFrom('articles')
      .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('articles.slug')
      .where('tags.slug', '=', tag.slug)
      .execute()
    const shown = storySlugs($)
    expect(shown.length).toBeGreaterThan(0)
    for (const slug of shown) expect(tagged.map((t) => t.slug)).toContain(slug)
    expect((await site.app.inject('/tag/no-such-tag/')).statusCode).toBe(404)
  })

  it('shows an author with avatar, bio, social links and their stories', async () => {
    const { $ } = await getPage(site.app, '/author/anjali-whitcombe/')
    expect($('h1').text()).toBe('Anjali Whitcombe')
    expect($('.author-header img.avatar').attr('src')).toBe(
      '/media/demo/avatar-anjali-whitcombe.svg',
    )
    expect($('.author-header .archive-description').text()).toContain(
      'technology, science and health',
    )
    expect(
      $('.author-header .social-links a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      'https://www.facebook.com/anjaliwhitcombe.gazette',
      'https://x.com/anjaliw_science',
      'https://www.linkedin.com/in/anjali-whitcombe-writes',
    ])
    expect(storySlugs($)).toHaveLength(3)
    expect((await site.app.inject('/author/nobody/')).statusCode).toBe(404)
  })

  it('serves the About and Contact pages', async () => {
    const about = await getPage(site.app, '/about/')
    expect(about.$('h1').text()).toBe('About Us')
    expect(about.$('.page-body h2').first().text()).toBe('Our newsroom')
    const contact = await getPage(site.app, '/contact/')
    expect(contact.$('h1').text()).toBe('Contact')
    expect(contact.$('.contact-email a').attr('href')).toBe('mailto:newsroom@broadsheet.example')
    expect(contact.$('nav[aria-label="Sections"] a[aria-current="page"]').text()).toBe('Contact')
  })

  it('adds the missing trailing slash and 404s unknown top-level paths', async () => {
    const moved = await site.app.inject('/about')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/about/')
    const { response, $ } = await getPage(site.app, '/no-such-thing/')
    expect(response.statusCode).toBe(404)
    expect($('h1').text()).toBe('Page not found')
  })
})

describe('search', () => {
  it('redirects WordPress’s /?s= to the results page', async () => {
    const response = await site.app.inject('/?s=harbour%20bridge')
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe('/search/?q=harbour%20bridge')
  })

  it('finds published stories by words in the headline or standfirst', async () => {
    const { $ } = await getPage(site.app, '/search/?q=council')
    expect($('h1').text()).toBe('Search results for “council”')
    expect($('#search-page-q').val()).toBe('council')
    const titles = $('main .card-title a')
      .map((_, a) => $(a).text())
      .get()
    expect(titles.length).toBeGreaterThan(0)
    expect(titles).toContain('Council approves £412m budget after late-night vote on library hours')
    expect($('.result-count').text()).toMatch(/^\d+ stories match “council”, best matches first\.$/)
    // The match is marked in headlines as in snippets, as text.
    expect($('.search-result .card-title mark').first().text()).toBe('Council')
    expect($('.search-result .meta-author').first().text()).toMatch(/^By /)
  })

  it('says so when nothing matches, and shows just the box without a query', async () => {
    const none = await getPage(site.app, '/search/?q=zzqxv')
    expect(none.$('.result-count').text()).toBe('No stories match “zzqxv”.')
    expect(none.$('.search-empty h2').first().text()).toBe('Try this')
    expect(none.$('.search-empty .section-chips a').first().attr('href')).toBe('/news/')
    expect(none.$('.search-empty .card').length).toBeGreaterThan(0)
    const empty = await getPage(site.app, '/search/')
    expect(empty.$('h1').text()).toBe('Search the archive')
    expect(empty.$('main .card')).toHaveLength(0)
  })
})

describe('a story without a standfirst', () => {
  it('shows its excerpt on a typographic card, as Ghost shows its excerpt', async () => {
    // Published a minute before the site's now: the newest story in Tech.
    const deps = testKernel(site.db, fixedClock(new Date(SITE_NOW.getTime() - 60_000)))
    const tech = await site.db
      .selectFrom('categories')
      .select('id')
      .where('slug', '=', 'tech')
      .executeTakeFirstOrThrow()
    await createArticle(
      deps,
      SYSTEM,
      {
        title: 'Ferry timetable app goes open source',
        bodyHtml: '<p>The harbour’s ferry timetable app is now open source.</p>',
        primaryCategoryId: tech.id,
      },
      { then: 'publish' },
    )
    const { $ } = await getPage(site.app, '/tech/')
    const card = $('main .card').filter((_, el) =>
      $(el).find('.card-title').text().includes('Ferry timetable app'),
    )
    expect(card).toHaveLength(1)
    expect(card.hasClass('card-no-image')).toBe(true)
    expect(card.find('.card-standfirst').text()).toContain('ferry timetable app is now open source')
  })
})
