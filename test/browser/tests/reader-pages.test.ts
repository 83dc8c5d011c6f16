/**
 * Every reader page type in Chromium at a desktop (1366×900) and a phone (390×844), with and
 * without JavaScript, screenshotted into artifacts/reader-pages/ for a designer's look, and
 * the cases that once looked unfinished checked: no story twice on the front page, the sidebar
 * in view beside the long column, the ticker moving and pausing, one Esc closing search, and
 * a refused comment coming back with its text.
 */
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { browserUnavailable, fullPageScreenshot, launchBrowser } from '../../support/browser.js'
import { PAGE_TYPES } from '../../support/page-types.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'
import { ArticlePage } from '../pages/article-page.js'
import { HomePage } from '../pages/home-page.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const OUT = path.resolve('artifacts/reader-pages')
const ARTICLE = PAGE_TYPES.article!.url
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const
const EXTRA_PAGES: Record<string, string> = {
  contact: '/contact/',
  subscribe: '/subscribe/',
  'search without matches': '/search/?q=zzqxv',
}
const skipReason = browserUnavailable()

describe.skipIf(skipReason !== undefined)('reader pages, as a designer sees them', () => {
  let site: SeededSite
  let baseURL: string
  const browsers: Awaited<ReturnType<typeof launchBrowser>>[] = []

  beforeAll(async () => {
    site = await buildSeededSite()
    await updateSiteSettings(testKernel(site.db), SYSTEM, { postsPerPage: 4 })
    // Two stories without a picture (before any page is cached), for the typographic cards.
    const pictureless = await site.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .offset(6)
      .limit(2)
      .execute()
    await site.db
      .updateTable('articles')
      .set({ featured_media_id: null })
      .where(
        'id',
        'in',
        pictureless.map((a) => a.id),
      )
      .execute()
    await site.app.listen({ port: 0, host: '127.0.0.1' })
    baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const browser of browsers) await browser.close()
    await site?.close()
  })

  async function open(size: (typeof SIZES)[number], javaScriptEnabled = true): Promise<Page> {
    const browser = await launchBrowser(baseURL, { width: size.width, javaScriptEnabled })
    browsers.push(browser)
    const page = await browser.context.newPage()
    await page.setViewportSize({ width: size.width, height: size.height })
    return page
  }

  for (const size of SIZES) {
    for (const js of [true, false]) {
      it(`screenshots every page type, ${size.name}, ${js ? 'with' : 'without'} JavaScript`, async () => {
        const page = await open(size, js)
        const pages = {
          ...Object.fromEntries(Object.entries(PAGE_TYPES).map(([k, v]) => [k, v.url])),
          ...EXTRA_PAGES,
        }
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(url)
          // Nothing wider than the screen: no sideways scrolling of the page itself.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          )
          expect(overflow, `${name} at ${size.width}px`).toBeLessThanOrEqual(0)
          const file = `${name.replace(/\W+/g, '-')}-${size.width}${js ? '' : '-nojs'}.png`
          await fullPageScreenshot(page, path.join(OUT, file))
        }
      })
    }

    it(`shows each front-page story once, ${size.name}`, async () => {
      const page = await open(size)
      await new HomePage(page).goto()
      const hrefs = await page
        .locator('.hero .card-title a, main .card-title a, .sidebar .card-title a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      expect(hrefs.length).toBeGreaterThan(30)
      expect(hrefs.filter((href, i) => hrefs.indexOf(href) !== i)).toEqual([])
      // Stories without a picture keep the grid's rhythm as typographic cards.
      const typographic = page.locator('.card-grid.card-no-image')
      expect(await typographic.count()).toBeGreaterThan(0)
      await expect(typographic.first().locator('.card-standfirst').isVisible()).resolves.toBe(true)
    })
  }

  it('gives only the lead story a big picture at the top of the phone front page', async () => {
    const page = await open(SIZES[1])
    await new HomePage(page).goto()
    // The other top stories and the latest ones are a list with thumbnails, which ask for the
    // smallest rendition; on the desktop the same cards keep their big pictures.
    const thumbs = page.locator('.hero-side .card-media img, .grid-compact .card-media img')
    expect(await thumbs.count()).toBeGreaterThan(4)
    for (const img of await thumbs.all()) {
      await img.scrollIntoViewIfNeeded()
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.currentSrc))
        .toMatch(/-w320\./)
      expect((await img.boundingBox())!.width).toBeLessThanOrEqual(110)
    }
    expect((await page.locator('.hero-lead img').boundingBox())!.width).toBeGreaterThan(350)
    const desktop = await open(SIZES[0])
    await new HomePage(desktop).goto()
    expect(
      (await desktop.locator('.grid-compact .card-media img').first().boundingBox())!.width,
    ).toBeGreaterThan(200)
  })

  it('keeps the sidebar’s newsletter and ad in view beside the long front page', async () => {
    const page = await open(SIZES[0])
    const home = new HomePage(page)
    await home.goto()
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
    for (const y of [2500, 4000, pageHeight - 2500]) {
      await page.evaluate((top) => window.scrollTo(0, top), y)
      const box = await home.stickySidebarBox()
      expect(box, `at ${y}px`).not.toBeNull()
      expect(box!.top).toBeGreaterThanOrEqual(0)
      expect(box!.bottom).toBeLessThanOrEqual(900)
    }
  })

  it('moves the ticker, pauses it on hover and with its button, and steps it', async () => {
    const page = await open(SIZES[0])
    const home = new HomePage(page)
    await home.goto()
    await page.locator('[data-ticker-ready]').waitFor()
    const start = await home.tickerOffset()
    await page.waitForFunction((x) => {
      const list = document.querySelector('[data-ticker-viewport] ul')
      const transform = list ? getComputedStyle(list).transform : 'none'
      return transform !== 'none' && -new DOMMatrixReadOnly(transform).m41 > x + 20
    }, start)
    await home.ticker().locator('.ticker-viewport').hover()
    const hovered = await home.tickerOffset()
    await home.animationFrames(30)
    expect(await home.tickerOffset()).toBe(hovered)
    await page.mouse.move(0, 600)
    await home.tickerButton('Pause the ticker').click()
    const paused = await home.tickerOffset()
    await page.mouse.move(0, 600)
    await home.animationFrames(30)
    expect(await home.tickerOffset()).toBe(paused)
    await home.tickerButton('Next trending story').click()
    expect(await home.tickerOffset()).not.toBe(paused)
  })

  it('keeps the ticker still under prefers-reduced-motion, but its buttons still step', async () => {
    const page = await open(SIZES[0])
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const home = new HomePage(page)
    await home.goto()
    await home.tickerButton('Next trending story').waitFor()
    const start = await home.tickerOffset()
    await home.animationFrames(40)
    expect(await home.tickerOffset()).toBe(start)
    await home.tickerButton('Next trending story').click()
    expect(await home.tickerOffset()).toBeGreaterThan(start)
  })

  it('shows the ticker as a plain list without JavaScript, every story reachable', async () => {
    const page = await open(SIZES[0], false)
    const home = new HomePage(page)
    await home.goto()
    const links = home.ticker().getByRole('link')
    expect(await links.count()).toBeGreaterThan(2)
    await expect(home.ticker().getByRole('button').count()).resolves.toBe(0)
    await links.last().scrollIntoViewIfNeeded()
    await expect(links.last().isVisible()).resolves.toBe(true)
  })

  it('closes the search overlay with one Esc, even with text typed', async () => {
    const page = await open(SIZES[1])
    const home = new HomePage(page)
    await home.goto()
    await home.searchButton().click()
    await home.searchDialog().waitFor({ state: 'visible' })
    await home.searchInput().fill('harbour')
    await page.keyboard.press('Escape')
    await home.searchDialog().waitFor({ state: 'hidden' })
    await expect(home.focusedElement()).resolves.toBe('search-toggle')
  })

  it('offers a plain search link without JavaScript', async () => {
    const page = await open(SIZES[1], false)
    const home = new HomePage(page)
    await home.goto()
    await expect(home.searchButton().count()).resolves.toBe(0)
    await home.searchLink().click()
    await page.waitForURL('**/search/')
  })

  it('fills the phone header’s menu place without JavaScript: a link to every section in the footer', async () => {
    const page = await open(SIZES[1], false)
    const home = new HomePage(page)
    await home.goto()
    await expect(home.menuButton().count()).resolves.toBe(0)
    const box = await home.menuLink().boundingBox()
    expect(box?.width).toBeGreaterThanOrEqual(38)
    expect(box?.x).toBeLessThan(40)
    await home.menuLink().click()
    await page.waitForURL('**/#footer-nav')
    const footer = page.getByRole('navigation', { name: 'Footer' })
    await expect(footer.isVisible()).resolves.toBe(true)
    const sections = await home.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link')
      .allTextContents()
    const listed = await footer.getByRole('link').allTextContents()
    expect(sections.length).toBeGreaterThan(2)
    expect(listed).toEqual(expect.arrayContaining(sections))
    expect(new Set(listed).size).toBe(listed.length)
  })

  it('shows the menu button in the same place with JavaScript, and no link', async () => {
    const page = await open(SIZES[1])
    const home = new HomePage(page)
    await home.goto()
    await expect(home.menuLink().count()).resolves.toBe(0)
    const box = await home.menuButton().boundingBox()
    expect(box?.x).toBeLessThan(40)
    await home.menuButton().click()
    await expect(page.getByRole('dialog', { name: 'Menu' }).isVisible()).resolves.toBe(true)
  })

  for (const js of [true, false]) {
    it(`brings a refused comment back with its text, ${js ? 'with' : 'without'} JavaScript`, async () => {
      const page = await open(SIZES[1], js)
      const article = new ArticlePage(page)
      await article.goto(ARTICLE)
      const text = `My <b>kept</b> words, ${js ? 'scripted' : 'plain'}.`
      await article.commentField().fill(text)
      await article.nameField().fill('Keeper')
      // Valid to the browser, refused by the server: no top-level domain.
      await article.emailField().fill('keeper@localhost')
      site.clock.advance(60_000)
      await article.postButton().click()
      await page.waitForURL('**/comments#respond')
      // The form, its text and the error are in view: the action's fragment took the reader there.
      await expect(article.commentField().isVisible()).resolves.toBe(true)
      const inView = await article.commentField().evaluate((el) => {
        const box = el.getBoundingClientRect()
        return box.top >= 0 && box.top < window.innerHeight
      })
      expect(inView).toBe(true)
      await expect(article.commentField().inputValue()).resolves.toBe(text)
      await expect(article.nameField().inputValue()).resolves.toBe('Keeper')
      await expect(article.emailField().getAttribute('aria-invalid')).resolves.toBe('true')
      await expect(article.page.locator('#comment-email-error').textContent()).resolves.toBe(
        'Please give a valid email address.',
      )
      await fullPageScreenshot(page, path.join(OUT, `comment-refused-390${js ? '' : '-nojs'}.png`))
    })
  }
})
