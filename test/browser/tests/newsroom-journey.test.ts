/**
 * A newsroom's day in Debian's Chromium: the owner sets up and invites an editor and a
 * contributor; the contributor writes (bold, link, an image from the library) and submits; the
 * editor previews, schedules two minutes ahead (the injectable clock moves, no real wait), the
 * story goes out, then the editor edits and restores an earlier revision. A tab killed mid-edit
 * offers its unsaved paragraph back. axe checks every admin screen on the way.
 */
import { execFileSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dateToZonedInput } from '../../../src/admin/zoned-time.js'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { publishDueArticles } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { findSettings } from '../../../src/settings/index.js'
import { axeViolations, browserUnavailable, launchBrowser } from '../../support/browser.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'
import { AdminPage } from '../pages/admin-page.js'
import { EditorPage } from '../pages/editor-page.js'
import { HomePage } from '../pages/home-page.js'
import { MediaLibraryPage } from '../pages/media-library-page.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const skipReason = browserUnavailable()
const PASSWORD = 'a long newsroom passphrase'
const HEADLINE = 'Harbour ferries return after the storm'

// The admin bundle once per file, then the same journey on each database.
beforeAll(() => {
  if (skipReason === undefined)
    execFileSync(process.execPath, ['scripts/build-admin.js'], { stdio: 'inherit' })
})

for (const dialect of DIALECTS)
  describe.skipIf(skipReason !== undefined)(`${dialect}: newsroom journey in Chromium`, () => {
    let database: TestDatabase
    let app: FastifyInstance
    const clock = fixedClock(new Date(Math.floor(Date.now() / 60_000) * 60_000))
    const events = new EventBus()
    let baseURL: string
    let browser: Awaited<ReturnType<typeof launchBrowser>>
    let context: BrowserContext
    let page: Page
    let articleId: number
    const invitations = new Map<string, string>()

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      const config = parseConfig({
        DATA_DIR: database.dataDir,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DEMO_CONTENT: 'false',
        PUBLIC_URL: 'http://news.test',
      })
      app = await buildApp({ db: database.db, dialect, clock, config, events })
      await app.listen({ port: 0, host: '127.0.0.1' })
      baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      browser = await launchBrowser(baseURL)
      context = browser.context
      page = await context.newPage()
    })
    afterAll(async () => {
      await browser?.close()
      await app?.close()
      await database?.destroy()
    })

    // Markup is the same on both databases: axe checks the screens on the first one only.
    async function expectNoAxeViolations(): Promise<void> {
      if (dialect !== DIALECTS[0]) return
      expect(await axeViolations(page)).toEqual([])
    }

    it('sets up the owner account (smoke test)', async () => {
      const admin = new AdminPage(page)
      await page.goto('/admin/')
      await expect(admin.heading().textContent()).resolves.toBe('Set up your newsroom')
      await admin.field('Your name').fill('Olive Owner')
      await admin.field('Email').fill('olive@news.test')
      await admin.field('Password').fill(PASSWORD)
      await admin.button('Create owner account').click()
      await page.waitForURL('**/admin/dashboard')
    })

    it('invites an editor and a contributor and reads the invitations in the outbox', async () => {
      const admin = new AdminPage(page)
      for (const [name, email, role] of [
        ['Edna Editor', 'edna@news.test', 'editor'],
        ['Carl Contributor', 'carl@news.test', 'contributor'],
      ] as const) {
        await admin.navLink('Staff').click()
        await admin.field('Name').fill(name)
        await admin.field('Email').fill(email)
        await admin.field('Role').selectOption(role)
        await admin.button('Send invitation').click()
        await page.waitForURL('**/admin/users?invited=1')
      }
      await admin.navLink('Outbox').click()
      for (const email of ['edna@news.test', 'carl@news.test']) {
        await page.goto('/admin/outbox')
        await page.getByRole('row').filter({ hasText: email }).getByRole('link').first().click()
        const text = (await page.locator('pre').first().textContent()) ?? ''
        const link = /https?:\/\/\S+\/admin\/reset\/\S+/.exec(text)?.[0]
        expect(link).toBeDefined()
        invitations.set(email, link ?? '')
      }
    })

    it('adds a section and walks the site-management screens', async () => {
      const admin = new AdminPage(page)
      await admin.navLink('Sections, tags & menus').click()
      await expectNoAxeViolations()
      await admin.link('Sections').click()
      await admin.field('Name').fill('Local')
      await admin.field('Description').fill('News from the harbour towns')
      await admin.button('Add section').click()
      await page.waitForURL('**/admin/sections?done=1')
      await expect(page.getByRole('link', { name: 'Local' }).count()).resolves.toBe(1)
      await expectNoAxeViolations()
      for (const path of [
        '/admin/tags',
        '/admin/menus',
        '/admin/redirects',
        '/admin/settings',
        '/admin/audit',
      ]) {
        await page.goto(path)
        await expectNoAxeViolations()
      }
    })

    it('uploads a photo to the media library with its alt text', async () => {
      const library = new MediaLibraryPage(page)
      await library.open()
      const photo = await sharp({
        create: { width: 1200, height: 800, channels: 3, background: '#1f6f8b' },
      })
        .jpeg()
        .toBuffer()
      await library
        .fileInput()
        .setInputFiles({ name: 'ferry.jpg', mimeType: 'image/jpeg', buffer: photo })
      await library.button('Upload').click()
      await page.waitForURL('**/admin/media?uploaded=1')
      await expect(library.images().count()).resolves.toBe(1)
      await expectNoAxeViolations()
      await library.images().first().getByRole('link').click()
      await library.field('Alt text').fill('A ferry leaving the harbour')
      await library.field('Credit').fill('Photo: Olive Owner')
      await library.button('Save details').click()
      await page.waitForURL('**/admin/media/*?done=1')
      await expectNoAxeViolations()
      await library.signOut()
    })

    it('lets the contributor write with bold, a link and the photo, then submit it', async () => {
      const editor = new EditorPage(page)
      await editor.acceptInvitation(invitations.get('carl@news.test') ?? '', PASSWORD)
      await editor.signIn('carl@news.test', PASSWORD)
      await editor.open()
      await editor.field('Headline').fill(HEADLINE)
      await expect(editor.field('Slug').inputValue()).resolves.toBe(
        'harbour-ferries-return-after-the-storm',
      )
      await editor.choose('Section', 'loc', 'Local')
      await editor.body().click()
      await page.keyboard.type('Services resume on Monday after a ')
      await page.keyboard.press('Control+b')
      await page.keyboard.type('unanimous')
      await page.keyboard.press('Control+b')
      await page.keyboard.type(' vote by the harbour board.')
      await page.keyboard.press('Enter')
      await page.keyboard.type('Read the timetable')
      await page.keyboard.press('Shift+Home')
      page.once('dialog', (dialog) => void dialog.accept('https://example.org/timetable'))
      await editor.tool('Link').click()
      await editor.body().getByRole('link', { name: 'Read the timetable' }).waitFor()
      await editor.body().locator('p').last().click()
      await page.keyboard.press('End')
      await page.keyboard.press('Enter')
      await editor.tool('Image from the media library').click()
      const dialog = editor.mediaDialog()
      await expect(dialog.getByText('Your role can pick existing images').count()).resolves.toBe(1)
      await dialog.getByRole('button', { name: /A ferry leaving the harbour/ }).click()
      await dialog.getByLabel('Caption').fill('The first crossing since Friday')
      await dialog.getByRole('button', { name: 'Insert image' }).click()
      // Caption and credit stay editable under the image once it is in the story.
      const figure = editor.body().locator('figure.image')
      await expect(figure.getByLabel('Caption').inputValue()).resolves.toBe(
        'The first crossing since Friday',
      )
      await figure.getByLabel('Caption').fill('The first crossing since Friday, at dawn')
      await figure.getByLabel('Credit').fill('Photo: Harbour Board')
      await expect.poll(() => editor.bodyHtml()).toContain('<cite>Photo: Harbour Board</cite>')
      await expect(editor.stats().textContent()).resolves.toMatch(/^1[0-9] words · 1 min read$/)
      // Autosave turns the new article into a saved draft at its own address.
      await page.waitForURL(/\/admin\/articles\/\d+$/)
      await page.locator('#save-status', { hasText: /^Saved at/ }).waitFor()
      articleId = editor.articleId()
      await expectNoAxeViolations()
      await editor.button('Submit for review').click()
      await page.waitForURL(`**/admin/articles/${articleId}?done=submit`)
      await expect(editor.status().textContent()).resolves.toBe('pending')
      const html = await editor.bodyHtml()
      expect(html).toContain('<strong>unanimous</strong>')
      expect(html).toMatch(
        /<a [^>]*href="https:\/\/example.org\/timetable"[^>]*>Read the timetable<\/a>/,
      )
      expect(html).toMatch(
        /<figure class="image"><img src="\/media\/[^"]+" alt="A ferry leaving the harbour"/,
      )
      expect(html).toContain(
        '<figcaption>The first crossing since Friday, at dawn <cite>Photo: Harbour Board</cite></figcaption>',
      )
      expect(html).toMatch(/<img [^>]*data-media-id="\d+"/)
      await editor.signOut()
    })

    it('lets the editor preview the pending article and schedule it two minutes ahead', async () => {
      const editor = new EditorPage(page)
      await editor.acceptInvitation(invitations.get('edna@news.test') ?? '', PASSWORD)
      await editor.signIn('edna@news.test', PASSWORD)
      await editor.open(articleId)
      const [preview] = await Promise.all([
        context.waitForEvent('page'),
        editor.link('Preview').click(),
      ])
      await preview.waitForLoadState()
      expect(preview.url()).toMatch(/\/preview\/[A-Za-z0-9_-]+$/)
      await expect(preview.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HEADLINE)
      await expect(
        preview.getByRole('region', { name: 'Preview notice' }).textContent(),
      ).resolves.toContain('not published')
      await expect(
        preview.locator('meta[name="robots"]').getAttribute('content'),
      ).resolves.toContain('noindex')
      await expect(preview.locator('.article-body strong').textContent()).resolves.toBe('unanimous')
      await preview.close()

      const { timeZone } = await findSettings({ db: database.db })
      const at = dateToZonedInput(new Date(clock.now().getTime() + 2 * 60_000), timeZone)
      await editor.field(`Publish at (${timeZone.replace(/_/g, ' ')} time)`).fill(at)
      await editor.button('Schedule').click()
      // The confirmation says where the story goes and when, in the site's zone, spelt out.
      const confirm = page.getByRole('dialog', { name: 'Schedule this story?' })
      await expect(confirm.textContent()).resolves.toContain('In the Local section')
      await expect(confirm.textContent()).resolves.toContain(`${timeZone.replace(/_/g, ' ')} time`)
      await expectNoAxeViolations()
      await confirm.getByRole('button', { name: 'Schedule', exact: true }).click()
      await page.waitForURL(`**/admin/articles/${articleId}?done=schedule`)
      await expect(editor.notice().textContent()).resolves.toMatch(/^Scheduled: it goes live on /)
      await expect(editor.status().textContent()).resolves.toBe('scheduled')
    })

    it('publishes the story at its minute, on the front page and in its section', async () => {
      const home = new HomePage(page)
      await home.goto()
      expect(await page.getByRole('link', { name: HEADLINE }).count()).toBe(0)
      clock.advance(60_000)
      expect(await publishDueArticles(testKernel(database.db, clock, events), SYSTEM)).toEqual([])
      clock.advance(60_000)
      expect(await publishDueArticles(testKernel(database.db, clock, events), SYSTEM)).toEqual([
        articleId,
      ])
      await home.goto()
      await expect(page.getByRole('link', { name: HEADLINE }).first().isVisible()).resolves.toBe(
        true,
      )
      await page.goto('/local/')
      await expect(page.getByRole('link', { name: HEADLINE }).first().isVisible()).resolves.toBe(
        true,
      )
      // The photo in the story is served from the library's renditions, caption and credit below.
      await page.getByRole('link', { name: HEADLINE }).first().click()
      const figure = page.locator('.article-body figure.image')
      await expect(figure.locator('img').getAttribute('srcset')).resolves.toMatch(/ 320w, /)
      await expect(figure.locator('figcaption').textContent()).resolves.toBe(
        'The first crossing since Friday, at dawn Photo: Harbour Board',
      )
    })

    it('shows the dashboard with the views chart drawn in the browser', async () => {
      await page.goto('/admin/dashboard')
      await page.locator('#views-chart svg[role="img"]').waitFor()
      await expectNoAxeViolations()
    })

    it('lets the editor update the story and restore the earlier revision', async () => {
      const editor = new EditorPage(page)
      await editor.open(articleId)
      await expect(editor.status().textContent()).resolves.toBe('published')
      await editor.body().click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      await page.keyboard.type('Update: the evening crossing is cancelled.')
      await editor.button('Update').click()
      await page.waitForURL(`**/admin/articles/${articleId}?done=save`)
      expect(await editor.bodyHtml()).toContain('evening crossing is cancelled')
      await expectNoAxeViolations()

      await editor.link('Revisions').click()
      await expectNoAxeViolations()
      const rows = page.getByRole('row')
      const earlier = rows.nth(2) // header, the current version, then the one before it
      await earlier.getByRole('link', { name: /^Compare version/ }).click()
      await expect(page.locator('ins').first().textContent()).resolves.toContain('evening crossing')
      await expectNoAxeViolations()
      await page.getByRole('button', { name: /^Restore version/ }).click()
      await page.waitForURL(`**/admin/articles/${articleId}?done=restored`)
      await editor.body().waitFor()
      expect(await editor.bodyHtml()).not.toContain('evening crossing')
      expect(await editor.bodyHtml()).toContain('<strong>unanimous</strong>')
    })

    it('offers the unsaved paragraph of a killed tab back when the article is reopened', async () => {
      const editor = new EditorPage(page)
      await editor.open(articleId)
      await editor.body().click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      await page.keyboard.type('A paragraph typed just before the tab crashed.')
      await editor.saveStatus().filter({ hasText: 'Unsaved changes' }).waitFor()
      await page.close({ runBeforeUnload: false })

      page = await context.newPage()
      const reopened = new EditorPage(page)
      await reopened.open(articleId)
      const offer = reopened.restoreOffer()
      await expect(offer.textContent()).resolves.toMatch(/You have unsaved changes from/)
      await expectNoAxeViolations()
      await offer.getByRole('button', { name: 'Restore' }).click()
      await expect(reopened.body().textContent()).resolves.toContain(
        'A paragraph typed just before the tab crashed.',
      )
    })
  })
