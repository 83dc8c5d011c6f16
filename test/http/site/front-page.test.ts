import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findSettings } from '../../../src/settings/index.js'
import { READER_CACHE_CONTROL } from '../../../src/site/render/site-render.js'
import { buildSeededSite, getPage, SITE_NOW, type SeededSite } from '../../support/site-app.js'

let site: SeededSite

beforeAll(async () => {
  site = await buildSeededSite()
})
afterAll(async () => {
  await site.close()
})

describe('site chrome', () => {
  it('answers reader pages as cacheable UTF-8 HTML', async () => {
    const { response } = await getPage(site.app, '/')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe(READER_CACHE_CONTROL)
    expect(response.body.startsWith('<!doctype html>')).toBe(true)
  })

  it("shows the site name, today's date in the site's zone and the section menu", async () => {
    const { $ } = await getPage(site.app, '/')
    const settings = await findSettings({ db: site.db })
    expect($('header .site-logo').text()).toBe('The Broadsheet Gazette')
    const today = new Intl.DateTimeFormat(settings.locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: settings.timeZone,
    }).format(SITE_NOW)
    expect($('.today time').text()).toBe(today)
    expect(today).toMatch(/^Tuesday/)
    const menu = $('nav[aria-label="Sections"] a')
      .map((_, a) => $(a).text())
      .get()
    expect(menu).toEqual([
      'News',
      'World',
      'Life & Style',
      'Sport',
      'Entertainment',
      'Health',
      'Tech',
      'Travel',
      'Contact',
    ])
  })

  it('marks the current section in the menu', async () => {
    const { $ } = await getPage(site.app, '/world/')
    expect($('nav[aria-label="Sections"] a[aria-current="page"]').text()).toBe('World')
    const sub = await getPage(site.app, '/europe/')
    expect(sub.$('nav[aria-label="Sections"] a[aria-current]').text()).toBe('World')
  })

  it('has a skip link, a main landmark, a mobile menu and the search overlay', async () => {
    const { $ } = await getPage(site.app, '/about/')
    expect($('a.skip-link').attr('href')).toBe('#main')
    expect($('main#main')).toHaveLength(1)
    expect($('#offcanvas button[data-menu-close]').text()).toContain('Close Menu')
    expect($('#offcanvas .whats-hot li')).toHaveLength(3)
    // A button for the overlay (shown by site.js) and a link for readers without JavaScript.
    expect($('button[data-search-open]').attr('aria-haspopup')).toBe('dialog')
    expect($('a[data-search-fallback]').attr('href')).toBe('/search/')
    expect($('#search-overlay').text()).toContain(
      'Type above and press Enter to search. Press Esc to cancel.',
    )
    expect($('#search-overlay form').attr('action')).toBe('/search/')
  })

  it('shows social links, the Subscribe button and the eight-story Trending ticker', async () => {
    const { $ } = await getPage(site.app, '/')
    const social = $('.topbar .social-links a')
    expect(social.map((_, a) => $(a).find('.sr-only').text()).get()).toEqual([
      'Facebook',
      'X (Twitter)',
      'Instagram',
      'Pinterest',
      'YouTube',
    ])
    expect(social.first().attr('href')).toBe('https://www.facebook.com/broadsheetgazette')
    expect($('a.subscribe-button').text()).toBe('Subscribe')
    expect($('a.subscribe-button').attr('href')).toBe('/subscribe/')
    expect($('.trending-label').text()).toBe('Trending')
    const trending = $('.trending-list a')
    expect(trending).toHaveLength(8)
    trending.each((_, a) => expect($(a).attr('href')).toMatch(/^\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/))
  })

  it('ends with the footer menu, contact email, newsletter form and copyright', async () => {
    const { $ } = await getPage(site.app, '/')
    const footer = $('footer.site-footer')
    expect(
      footer
        .find('nav[aria-label="Footer"] a')
        .map((_, a) => $(a).text())
        .get(),
    ).toContain('About')
    expect(footer.find('a[href="mailto:newsroom@broadsheet.example"]')).toHaveLength(1)
    expect(footer.find('h2').text()).toBe('Subscribe to Updates')
    expect(
      footer.find('form[action="/subscribe"][method="post"] input[type="email"]'),
    ).toHaveLength(1)
    expect(footer.find('.copyright').text()).toBe('© 2026 The Broadsheet Gazette')
  })

  it('serves the stylesheet and script under versioned, long-cached URLs', async () => {
    const { $ } = await getPage(site.app, '/')
    const css = $('link[rel="stylesheet"]').attr('href') ?? ''
    const js = $('script[src]').attr('src') ?? ''
    expect(css).toMatch(/^\/assets\/site\.css\?v=[0-9a-f]{12}$/)
    expect($('script[src]').attr('defer')).toBeDefined()
    const cssResponse = await site.app.inject(css)
    expect(cssResponse.statusCode).toBe(200)
    expect(cssResponse.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(cssResponse.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(cssResponse.body).toContain('prefers-color-scheme: dark')
    const jsResponse = await site.app.inject(js)
    expect(jsResponse.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect($('[src^="http"], link[href^="http"][rel="stylesheet"]')).toHaveLength(0)
  })
})

describe('front page', () => {
  it('preloads the lead picture first, fetched at high priority as the picture itself asks', async () => {
    const { $ } = await getPage(site.app, '/')
    const preload = $('head link[rel="preload"][as="image"]')
    const img = $('.hero-lead img')
    expect(preload).toHaveLength(1)
    expect(preload.attr('fetchpriority')).toBe('high')
    expect(img.attr('fetchpriority')).toBe('high')
    expect(preload.attr('imagesrcset')).toBe(img.attr('srcset'))
    expect(preload.attr('imagesizes')).toBe(img.attr('sizes'))
    // Before the stylesheet; the labels' face at low priority; the lead story is prefetched by
    // site.js after load, not while the page loads.
    expect($('head link').index(preload)).toBeLessThan(
      $('head link').index($('link[rel=stylesheet]')),
    )
    expect($('head link[rel="preload"][as="font"]').attr('fetchpriority')).toBe('low')
    expect($('link[rel="prefetch"]')).toHaveLength(0)
    expect($('.hero-lead').attr('data-prefetch')).toBe($('.hero-lead .card-title a').attr('href'))
  })

  it('leads with the featured story and makes the site name its only h1', async () => {
    const { $ } = await getPage(site.app, '/')
    expect($('h1')).toHaveLength(1)
    expect($('h1').text()).toBe('The Broadsheet Gazette')
    expect($('.hero-lead .card-title').text()).toBe(
      'Council approves £412m budget after late-night vote on library hours',
    )
  })

  it("lists What's Hot (three), Latest Posts and Editors Picks", async () => {
    const { $ } = await getPage(site.app, '/')
    expect($('#whats-hot').text()).toBe("What's Hot")
    expect($('.hero-hot .card-title')).toHaveLength(3)
    expect($('#latest-posts').text()).toBe('Latest Posts')
    expect($('#latest-posts').parent().find('.card').length).toBeGreaterThanOrEqual(3)
    expect($('#sidebar-picks').text()).toBe('Editors Picks')
    expect($('#sidebar-picks').parent().find('.card')).toHaveLength(4)
  })

  it('shows each story at most once (the Trending ticker apart)', async () => {
    const { $ } = await getPage(site.app, '/')
    const links = $('main .card-title a, .hero .card-title a, .sidebar .card-title a')
      .map((_, a) => $(a).attr('href'))
      .get()
    expect(links.length).toBeGreaterThan(30)
    expect(links.filter((href, i) => links.indexOf(href) !== i)).toEqual([])
  })

  it('shows a block per top-level section with its latest stories', async () => {
    const { $ } = await getPage(site.app, '/')
    const blocks = $('.section-block')
    expect(blocks.map((_, b) => $(b).find('.block-title > a').first().text()).get()).toEqual([
      'News',
      'World',
      'Life & Style',
      'Sport',
      'Entertainment',
      'Health',
      'Tech',
      'Travel',
    ])
    expect(blocks.first().find('.card')).toHaveLength(4)
  })

  it('has the newsletter sign-up and the labelled sidebar advertisement', async () => {
    const { $ } = await getPage(site.app, '/')
    expect($('#sidebar-subscribe').text()).toBe('Subscribe to News')
    const ad = $('[data-ad-slot="sidebar"]')
    expect(ad.find('.ad-label').text()).toBe('Advertisement')
    expect(ad.find('a').attr('href')).toBe('/about/')
    expect(ad.find('img').attr('src')).toBe('/media/demo/ad-subscribe.svg')
    expect($('[data-ad-slot="home"]')).toHaveLength(0)
  })
})
