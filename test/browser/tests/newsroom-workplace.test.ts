/**
 * The newsroom as a workplace, in Debian's Chromium: find a story in the archive by keyword and
 * section; change a colleague's role, then deactivate them and watch their session end; edit
 * your own profile and see it on your author page; type after a selected picture without
 * losing it; save a new story with a featured image and tags without a false "unsaved changes"
 * banner. axe checks the new screens, at desktop and phone widths.
 */
import { execFileSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { createUser, type User } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { createArticle, createCategory } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { uploadImage } from '../../../src/media/index.js'
import { createSqliteSearchIndex, reindexAll } from '../../../src/search/index.js'
import { axeViolations, browserUnavailable, launchBrowser } from '../../support/browser.js'
import { asUser, SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { AdminPage } from '../pages/admin-page.js'
import { EditorPage } from '../pages/editor-page.js'

const skipReason = browserUnavailable()
const PASSWORD = 'a long newsroom passphrase'

describe.skipIf(skipReason !== undefined)('the newsroom as a workplace in Chromium', () => {
  let database: TestDatabase
  let app: FastifyInstance
  const clock = fixedClock(new Date(Math.floor(Date.now() / 60_000) * 60_000))
  let baseURL: string
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let owner: User
  let colleague: User
  let figureStory: number

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-admin.js'], { stdio: 'inherit' })
    database = await createTestDatabase('sqlite')
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'http://news.test',
    })
    const events = new EventBus()
    app = await buildApp({ db: database.db, clock, config, events })
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const services = testServices({
      db: database.db,
      dialect: 'sqlite',
      clock,
      dataDir: database.dataDir,
    })

    owner = await createUser(services, SYSTEM, {
      email: 'olive@news.test',
      name: 'Olive Owner',
      role: 'owner',
      password: PASSWORD,
    })
    colleague = await createUser(services, SYSTEM, {
      email: 'ann@news.test',
      name: 'Ann Author',
      role: 'author',
      password: PASSWORD,
    })
    const harbour = await createCategory(services, SYSTEM, { name: 'Harbour' })
    const courts = await createCategory(services, SYSTEM, { name: 'Courts' })
    // An archive: 60 stories, one of them about lighthouse keepers in the Harbour section, and
    // another with the same word in Courts (the section filter tells them apart).
    for (let i = 1; i <= 60; i++) {
      const about =
        i === 37
          ? 'Lighthouse keepers return'
          : i === 12
            ? 'Lighthouse trial opens'
            : `Council notes ${i}`
      await createArticle(
        services,
        asUser(i % 2 ? owner : colleague),
        {
          title: about,
          standfirst: 'From the archive',
          bodyHtml: '<p>Words.</p>',
          primaryCategoryId: i === 12 ? courts.id : harbour.id,
        },
        { then: 'publish' },
      )
    }
    const photo = await sharp({
      create: { width: 600, height: 400, channels: 3, background: '#24506b' },
    })
      .jpeg()
      .toBuffer()
    const image = await uploadImage(services, SYSTEM, {
      filename: 'quay.jpg',
      bytes: photo,
      alt: 'The quay at dawn',
    })
    figureStory = (
      await createArticle(services, asUser(owner), {
        title: 'A story with a picture',
        bodyHtml: `<p>Before the picture.</p><figure class="image"><img src="${image.url}" alt="The quay at dawn" data-media-id="${image.id}"></figure>`,
      })
    ).id
    await reindexAll({ db: database.db, clock, index: createSqliteSearchIndex(database.db) })
    browser = await launchBrowser(baseURL)
    page = await browser.context.newPage()
    await new AdminPage(page).signIn(owner.email, PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await database?.destroy()
  })

  const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([])

  it('finds a story from the archive by keyword and section', async () => {
    const admin = new AdminPage(page)
    await admin.navLink('Stories').click()
    await expect(page.locator('.summary').textContent()).resolves.toBe('Showing 1–25 of 61')
    await expectNoAxeViolations()
    await page.locator('main').getByLabel('Search stories').fill('lighthouse')
    await admin.field('Section').selectOption({ label: 'Harbour' })
    await admin.button('Apply').first().click()
    await page.waitForURL(/q=lighthouse.*section=\d+/)
    const rows = page.locator('table.stories tbody tr')
    await expect(rows.count()).resolves.toBe(1)
    await rows.getByRole('link', { name: 'Lighthouse keepers return' }).click()
    await expect(page.locator('#title').inputValue()).resolves.toBe('Lighthouse keepers return')
    // "/" jumps to the search box from anywhere but a field.
    await page.goto('/admin/articles?page=2')
    await expect(page.locator('nav.pager [aria-current=page]').textContent()).resolves.toBe('2')
    await page.keyboard.press('/')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('q')
  })

  it('changes a colleague’s role, then deactivates them and ends their session', async () => {
    const theirs = await launchBrowser(baseURL)
    try {
      const theirPage = await theirs.context.newPage()
      await new AdminPage(theirPage).signIn(colleague.email, PASSWORD)

      const admin = new AdminPage(page)
      await admin.navLink('Staff').click()
      await expectNoAxeViolations()
      const row = page.getByRole('row').filter({ hasText: 'Ann Author' })
      await row.getByLabel('Role of Ann Author').selectOption('editor')
      await row.getByRole('button', { name: 'Change role' }).click()
      await expect(admin.notice().textContent()).resolves.toBe('Role changed.')
      await theirPage.reload()
      await expect(theirPage.getByText('(editor)').count()).resolves.toBe(1)

      page.once('dialog', (dialog) => void dialog.accept())
      await page
        .getByRole('row')
        .filter({ hasText: 'Ann Author' })
        .getByRole('button', { name: 'Deactivate' })
        .click()
      await expect(admin.notice().textContent()).resolves.toContain('signed out everywhere')
      await theirPage.goto('/admin/articles')
      await theirPage.waitForURL('**/admin/login')
    } finally {
      await theirs.close()
    }
  })

  it('edits your own profile and shows it on your author page', async () => {
    const admin = new AdminPage(page)
    await admin.openAccountMenu()
    await page.locator('details.account').getByRole('link', { name: 'Your profile' }).click()
    await expectNoAxeViolations()
    await admin.field('Name').fill('Olive Harbourmaster')
    await admin.field('Bio').fill('Edits the harbour desk and writes about boats.')
    await admin.field('Avatar').selectOption({ label: 'The quay at dawn' })
    await admin.button('Save profile').click()
    await expect(admin.notice().textContent()).resolves.toContain('Profile saved')
    await page.locator('.toast').first().waitFor()
    await admin.link('View your author page').click()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Olive Harbourmaster',
    )
    await expect(
      page.getByText('Edits the harbour desk and writes about boats.').count(),
    ).resolves.toBe(1)
  })

  it('keeps a selected picture when you type (Ctrl+End, or straight over it)', async () => {
    const editor = new EditorPage(page)
    await editor.open(figureStory)
    const figure = editor.body().locator('figure.image img')
    await figure.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('After the picture.')
    await expect(editor.body().locator('figure.image').count()).resolves.toBe(1)
    await figure.click()
    await page.keyboard.type('Typed over it.')
    await expect(editor.body().locator('figure.image').count()).resolves.toBe(1)
    const html = await editor.bodyHtml()
    expect(html).toMatch(/<figure class="image">.*<\/figure><p>Typed over it\.<\/p>/)
    expect(html).toContain('After the picture.')
    // Ctrl+K with nothing selected asks for the link and its words, and inserts both.
    await page.keyboard.press('End')
    const answers = ['https://example.org/quay', 'the quay timetable']
    const onDialog = (dialog: { accept(text: string): Promise<void> }) =>
      void dialog.accept(answers.shift() ?? '')
    page.on('dialog', onDialog)
    await page.keyboard.press('Control+k')
    await editor.body().getByRole('link', { name: 'the quay timetable' }).waitFor()
    page.off('dialog', onDialog)
  })

  it('saves a new story with a featured image and tags without a false unsaved-changes banner', async () => {
    const editor = new EditorPage(page)
    await editor.open()
    await editor.field('Headline').fill('Ferries run again')
    await editor.body().click()
    await page.keyboard.type('The first crossing left at six.')
    await editor.field('Image').selectOption({ index: 1 })
    await editor.field('Tags').fill('Ferries,harbour')
    // Autosave makes it a draft at its own address first, as it does while a reporter types.
    await page.waitForURL(/\/admin\/articles\/\d+$/)
    await editor
      .saveStatus()
      .filter({ hasText: /^Saved at/ })
      .waitFor()
    await editor.field('Tags').fill('Ferries,harbour,storms')
    await editor.button('Save draft').click()
    await page.waitForURL(/\/admin\/articles\/\d+\?done=save/)
    await editor.body().waitFor()
    await expect(editor.notice().textContent()).resolves.toBe('Saved.')
    await expect(editor.restoreOffer().count()).resolves.toBe(0)
    await page.reload()
    await editor.body().waitFor()
    await expect(editor.restoreOffer().count()).resolves.toBe(0)
  })

  it('works on a phone: the menu opens and the story list fits 390 px', async () => {
    const phone = await launchBrowser(baseURL, { width: 390 })
    try {
      const small = await phone.context.newPage()
      await new AdminPage(small).signIn(owner.email, PASSWORD)
      await small.goto('/admin/articles')
      const overflow = await small.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow).toBeLessThanOrEqual(0)
      await small.getByRole('button', { name: 'Menu' }).click()
      await small
        .getByRole('navigation', { name: 'Newsroom' })
        .getByRole('link', { name: 'Staff' })
        .click()
      await small.waitForURL('**/admin/users')
      expect(await axeViolations(small)).toEqual([])
    } finally {
      await phone.close()
    }
  })
})
