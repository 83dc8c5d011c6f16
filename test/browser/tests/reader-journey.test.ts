import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSiteSettings } from '../../../src/settings/index.js'
import {
  axeViolations,
  browserUnavailable,
  fullPageScreenshot,
  launchBrowser,
} from '../../support/browser.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'
import { DIALECTS } from '../../support/test-database.js'
import { ArticlePage } from '../pages/article-page.js'
import { HomePage } from '../pages/home-page.js'
import { SearchPage } from '../pages/search-page.js'
import { SectionPage } from '../pages/section-page.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const ARTICLE = '/2026/11/council-approves-412m-budget-after-late-night-vote-on-library-hours/'
const SCREENSHOTS = path.resolve('artifacts/screenshots')
const skipReason = browserUnavailable()

for (const dialect of DIALECTS)
  describe.skipIf(skipReason !== undefined)(`${dialect}: reader journey in Chromium`, () => {
    let site: SeededSite
    let baseURL: string
    let browser: Awaited<ReturnType<typeof launchBrowser>>
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      site = await buildSeededSite({ dialect })
      await updateSiteSettings(testKernel(site.db), SYSTEM, { postsPerPage: 4 })
      await site.app.listen({ port: 0, host: '127.0.0.1' })
      baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`
      browser = await launchBrowser(baseURL)
      context = browser.context
      page = await context.newPage()
    })
    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    async function commentsBy(name: string) {
      return site.db
        .selectFrom('comments')
        .select(['parent_id', 'status'])
        .where('author_name', '=', name)
        .execute()
    }

    it('opens the front page (smoke test)', async () => {
      const home = new HomePage(page)
      await home.goto()
      await expect(home.heading().textContent()).resolves.toBe('The Broadsheet Gazette')
    })

    it('goes from the front page to a section and on to a story', async () => {
      const home = new HomePage(page)
      await home.goto()
      await home.sectionLink('World').click()
      await page.waitForURL('**/world/')
      const section = new SectionPage(page)
      await expect(section.heading().textContent()).resolves.toBe('World')
      const link = section.storyLinks().first()
      const title = await link.textContent()
      await link.click()
      await page.waitForURL(/\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/)
      await expect(new ArticlePage(page).heading().textContent()).resolves.toBe(title)
    })

    it('replies to a comment with JavaScript: the form moves under it and back', async () => {
      const article = new ArticlePage(page)
      await article.goto(ARTICLE)
      await article.replyLink('Margaret Tull').click()
      expect(page.url()).toBe(`${baseURL}${ARTICLE}`)
      const parent = await article.formParentComment()
      expect(parent).toMatch(/^comment-\d+$/)
      await expect(article.respondHeading().textContent()).resolves.toBe('Leave A Reply')
      await expect(article.focusedElement()).resolves.toBe('comment-body')
      await article.cancelReply().click()
      await expect(article.formParentComment()).resolves.toBe('')
      await expect(article.respondHeading().textContent()).resolves.toBe('Add A Comment')
      await expect(article.cancelReply().isVisible()).resolves.toBe(false)

      await article.replyLink('Margaret Tull').click()
      site.clock.advance(60_000) // past the comment form's minimum fill time
      await article.postComment({
        comment: 'Replying with scripts on.',
        name: 'Script Reader',
        email: 'script@example.com',
      })
      await page.waitForURL('**?comment=pending#respond')
      await article.pendingNotice().waitFor()
      const [stored] = await commentsBy('Script Reader')
      expect(stored).toEqual({
        parent_id: Number(parent.replace('comment-', '')),
        status: 'pending',
      })
    })

    it('replies to a comment without JavaScript through ?replytocom', async () => {
      const noJs = await launchBrowser(baseURL, { javaScriptEnabled: false })
      try {
        const article = new ArticlePage(await noJs.context.newPage())
        await article.goto(ARTICLE)
        await article.replyLink('Margaret Tull').click()
        await article.page.waitForURL(/\?replytocom=\d+#respond$/)
        const parent = await article.page.evaluate(
          () => document.querySelector('#respond')?.closest('li.comment')?.id ?? '',
        )
        expect(parent).toMatch(/^comment-\d+$/)
        await expect(article.respondHeading().textContent()).resolves.toBe('Leave A Reply')
        await expect(article.cancelReply().getAttribute('href')).resolves.toBe(`${ARTICLE}#respond`)
        site.clock.advance(60_000) // past the comment form's minimum fill time
        await article.postComment({
          comment: 'Replying with scripts off.',
          name: 'Plain Reader',
          email: 'plain@example.com',
        })
        await article.page.waitForURL('**?comment=pending#respond')
        await article.pendingNotice().waitFor()
        const [stored] = await commentsBy('Plain Reader')
        expect(stored).toEqual({
          parent_id: Number(parent.replace('comment-', '')),
          status: 'pending',
        })
      } finally {
        await noJs.close()
      }
    })

    it('opens a suggested story from the overlay with the keyboard only', async () => {
      const home = new HomePage(page)
      await home.goto()
      await home.searchButton().click()
      await home.searchInput().pressSequentially('harbo')
      await home.searchSuggestions().first().waitFor()
      await page.keyboard.press('ArrowDown')
      const active = await home.searchInput().getAttribute('aria-activedescendant')
      expect(active).toBe('search-suggestion-0')
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/\d{4}\/\d{2}\/[^/]+\/$/)
    })

    it('searches from the overlay, then dismisses it with Esc and restores focus', async () => {
      const home = new HomePage(page)
      await home.goto()
      await home.searchButton().click()
      await home.searchDialog().waitFor({ state: 'visible' })
      await expect(home.focusedElement()).resolves.toBe('search-overlay-q')
      for (let i = 0; i < 4; i++) await page.keyboard.press('Tab')
      const inside = await page.evaluate(() =>
        Boolean(document.activeElement?.closest('#search-overlay')),
      )
      expect(inside).toBe(true)
      await home.searchInput().fill('harbour')
      await page.keyboard.press('Enter')
      await page.waitForURL('**/search/?q=harbour')
      const results = new SearchPage(page)
      await expect(results.heading().textContent()).resolves.toBe('Search results for “harbour”')
      expect(await results.resultLinks().count()).toBeGreaterThan(0)

      await results.searchButton().click()
      await results.searchDialog().waitFor({ state: 'visible' })
      await page.keyboard.press('Escape')
      await results.searchDialog().waitFor({ state: 'hidden' })
      await expect(results.focusedElement()).resolves.toBe('search-toggle')
      await results.searchButton().click()
      await results.closeSearchButton().click()
      await results.searchDialog().waitFor({ state: 'hidden' })
    })

    it('subscribes from the sidebar', async () => {
      const article = new ArticlePage(page)
      await article.goto(ARTICLE)
      const form = article.sidebarNewsletter()
      await form.getByLabel('Email address').fill('journey@example.com')
      await form.getByRole('button', { name: 'Subscribe' }).click()
      await page.waitForURL('**/subscribe')
      await expect(article.heading().textContent()).resolves.toBe(
        'Thanks — please check your inbox to confirm',
      )
      const row = await site.db
        .selectFrom('subscribers')
        .select(['status', 'source'])
        .where('email', '=', 'journey@example.com')
        .executeTakeFirst()
      expect(row).toEqual({ status: 'pending', source: 'sidebar' })
    })

    it('pages through a section', async () => {
      const section = new SectionPage(page)
      await section.goto('news')
      const first = await section.storyTitles()
      await section.olderLink().click()
      await page.waitForURL('**/news/page/2/')
      const second = await section.storyTitles()
      expect(second.length).toBeGreaterThan(0)
      expect(second.filter((t) => first.includes(t))).toEqual([])
    })

    // Rendering is the same on both databases: the screenshots come from the first run.
    it.skipIf(dialect !== DIALECTS[0])(
      'saves full-page screenshots of the front page and an article at 375 and 1280 px',
      async () => {
        for (const width of [375, 1280]) {
          await page.setViewportSize({ width, height: 900 })
          await page.goto('/')
          await fullPageScreenshot(page, path.join(SCREENSHOTS, `front-page-${width}.png`))
          await page.goto(ARTICLE)
          await fullPageScreenshot(page, path.join(SCREENSHOTS, `article-${width}.png`))
        }
        await page.setViewportSize({ width: 1280, height: 900 })
      },
    )

    // Markup is the same on both databases: axe runs on the first one only.
    const axeRun = dialect === DIALECTS[0]
    it.skipIf(!axeRun).each([
      ['front page', '/', 200],
      ['section', '/news/', 200],
      ['section page 2', '/news/page/2/', 200],
      ['sub-section', '/politics/', 200],
      ['article', ARTICLE, 200],
      ['tag', '/tag/libraries/', 200],
      ['author', '/author/helena-marchetti/', 200],
      ['static page', '/about/', 200],
      ['search results', '/search/?q=harbour', 200],
      ['subscribe', '/subscribe/', 200],
      ['not found', '/no-such-page/', 404],
    ])('has no axe violations on the %s', async (_name, url, status) => {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 })
        const response = await page.goto(url)
        expect(response?.status()).toBe(status)
        expect(await axeViolations(page)).toEqual([])
      }
    })

    it.skipIf(!axeRun)('has no axe violations while replying to a comment', async () => {
      const comment = await site.db
        .selectFrom('comments')
        .innerJoin('articles', 'articles.id', 'comments.article_id')
        .select('comments.id')
        .where('articles.slug', '=', ARTICLE.split('/')[3] ?? '')
        .where('comments.status', '=', 'approved')
        .executeTakeFirstOrThrow()
      const article = new ArticlePage(page)
      await article.goto(`${ARTICLE}?replytocom=${comment.id}`)
      await expect(article.formParentComment()).resolves.toBe(`comment-${comment.id}`)
      expect(await axeViolations(page)).toEqual([])
    })

    it.skipIf(!axeRun)(
      'has no axe violations with the search overlay and the mobile menu open',
      async () => {
        const home = new HomePage(page)
        await page.setViewportSize({ width: 375, height: 800 })
        await home.goto()
        await page.getByRole('button', { name: 'Menu' }).click()
        await page.getByRole('button', { name: 'Close Menu' }).waitFor()
        expect(await axeViolations(page)).toEqual([])
        await page.getByRole('button', { name: 'Close Menu' }).click()
        await home.searchButton().click()
        await home.searchDialog().waitFor({ state: 'visible' })
        expect(await axeViolations(page)).toEqual([])
      },
    )
  })
