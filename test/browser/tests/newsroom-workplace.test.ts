/**
 * The newsroom as a workplace, in Debian's Chromium: find a story in the archive by keyword and
 * section; change a colleague's role, then deactivate them and watch their session end; edit
 * your own profile and see it on your author page; type after a selected picture without
 * losing it; save a new story with a featured image and tags without a false "unsaved changes"
 * banner. axe checks the new screens, at desktop and phone widths.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { createUser, type User } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { createArticle, createCategory, findNewsroomArticle } from '../../../src/content/index.js'
import { addComments } from '../../../src/comments/index.js'
import { EventBus } from '../../../src/events.js'
import { createIntegration } from '../../../src/integrations/index.js'
import { importSubscribers } from '../../../src/newsletter/index.js'
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
  let desk: User
  let leaver: User
  let leaverStory: number
  let figureStory: number
  let keepersStory = 0
  let services: ReturnType<typeof testServices>

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
    services = testServices({
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
    desk = await createUser(services, SYSTEM, {
      email: 'dan@news.test',
      name: 'Dan Desk',
      role: 'editor',
      password: PASSWORD,
    })
    leaver = await createUser(services, SYSTEM, {
      email: 'lee@news.test',
      name: 'Lee Leaver',
      role: 'author',
      password: PASSWORD,
    })
    // Its keys are long unbroken words: the Integrations screen must still fit a phone.
    await createIntegration(services, asUser(owner), { name: 'Front end', role: 'editor' })
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
      const story = await createArticle(
        services,
        asUser(i % 2 ? owner : colleague),
        {
          title: about,
          standfirst: 'From the archive',
          bodyHtml: '<p>Words.</p>',
          primaryCategoryId: i === 12 ? courts.id : harbour.id,
          tags: i === 37 ? ['Lighthouses'] : [],
        },
        { then: 'publish' },
      )
      if (i === 37) keepersStory = story.id
    }
    // Some reader traffic, so the comments, subscribers and contact screens have rows.
    await addComments(
      services,
      SYSTEM,
      ['The harbour lights are back, thank you.', 'Which keepers came back?', 'Great photos.'].map(
        (body, n) => ({
          articleId: keepersStory,
          parentId: null,
          authorName: ['Hal Reader', 'Jo Quay', 'Sam Pier'][n] ?? 'Reader',
          authorEmail: `reader${n}@example.com`,
          body,
          status: 'pending' as const,
          createdAt: new Date(clock.now().getTime() - n * 3_600_000),
        }),
      ),
    )
    await importSubscribers(
      services,
      SYSTEM,
      'email\nhal@example.com\njo@example.com\nsam@example.com',
    )
    await database.db
      .insertInto('contact_messages')
      .values({
        name: 'Tilda Tipster',
        email: 'tilda@example.com',
        subject: 'The lighthouse is for sale',
        message: 'The council lists it from Monday.',
        created_at: clock.now().getTime(),
      })
      .execute()
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
    leaverStory = (
      await createArticle(services, asUser(leaver), {
        title: 'A draft left behind',
        bodyHtml: '<p>Half done.</p>',
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
    await expect(page.locator('.summary').textContent()).resolves.toBe('Showing 1–25 of 62')
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

  it('picks a section, a tag and an author by typing, adds a tag inline, and saves them', async () => {
    const editor = new EditorPage(page)
    await editor.open()
    await editor.field('Headline').fill('Lamps lit on the breakwater')
    await editor.body().click()
    await page.keyboard.type('The keepers lit the lamps at dusk.')
    await editor.choose('Section', 'harb', 'Harbour')
    await editor.choose('Tags', 'lighth', 'Lighthouses')
    // A tag nobody has used yet: typed, then Enter adds it (saving creates it).
    await editor.combobox('Tags').fill('Breakwater lamps')
    await page.getByRole('option', { name: 'Add new tag “Breakwater lamps”' }).waitFor()
    await expectNoAxeViolations()
    await editor.combobox('Tags').press('Enter')
    await editor.choose('Authors', 'dan', 'Dan Desk')
    await expect(editor.chosen('Tags').allTextContents()).resolves.toEqual([
      'Lighthouses×',
      'Breakwater lamps×',
    ])
    // Backspace in the empty box takes the last choice back; the ✕ button does the same.
    await editor.combobox('Tags').press('Backspace')
    await expect(editor.chosen('Tags').count()).resolves.toBe(1)
    await editor.combobox('Tags').fill('Breakwater lamps')
    await editor.combobox('Tags').press('Enter')
    await editor.button('Save draft').click()
    await page.waitForURL(/\/admin\/articles\/\d+\?done=save/)
    await editor.body().waitFor()
    const saved = await findNewsroomArticle(services, editor.articleId())
    expect(saved?.category?.name).toBe('Harbour')
    expect(saved?.tags.map((t) => t.name)).toEqual(['Lighthouses', 'Breakwater lamps'])
    expect(saved?.authors.map((a) => a.name)).toContain('Dan Desk')
    await expect(editor.chosen('Section').allTextContents()).resolves.toEqual(['Harbour×'])
    await expect(editor.chosen('Authors').allTextContents()).resolves.toContain('Dan Desk×')
    await expect(editor.restoreOffer().count()).resolves.toBe(0)
  })

  it('deletes a colleague handing their story to someone, and resends then revokes an invitation', async () => {
    const admin = new AdminPage(page)
    await page.goto('/admin/users')
    await page
      .getByRole('row')
      .filter({ hasText: 'Lee Leaver' })
      .getByRole('link', { name: 'Delete…' })
      .click()
    await expect(admin.heading().textContent()).resolves.toBe('Delete Lee Leaver')
    await expectNoAxeViolations()
    await admin.field('Give their stories to').selectOption({ label: 'Dan Desk (editor)' })
    await admin.button('Delete Lee Leaver').click()
    await expect(admin.notice().textContent()).resolves.toContain('Deleted')
    const story = await findNewsroomArticle(services, leaverStory)
    expect(story?.authors.map((a) => a.id)).toEqual([desk.id])

    await admin.field('Name').fill('Ivy Intern')
    await admin.field('Email').fill('ivy@news.test')
    await admin.button('Send invitation').click()
    await expect(admin.notice().textContent()).resolves.toBe('Invitation sent.')
    const row = page.getByRole('row').filter({ hasText: 'Ivy Intern' })
    await expect(row.getByText('Invited').count()).resolves.toBe(1)
    await expectNoAxeViolations()
    await row.getByRole('button', { name: 'Resend invitation to Ivy Intern' }).click()
    await expect(admin.notice().textContent()).resolves.toContain('new invitation')
    page.once('dialog', (dialog) => void dialog.accept())
    await page
      .getByRole('row')
      .filter({ hasText: 'Ivy Intern' })
      .getByRole('button', { name: 'Revoke invitation to Ivy Intern' })
      .click()
    await expect(admin.notice().textContent()).resolves.toContain('Invitation revoked')
    await expect(page.getByRole('row').filter({ hasText: 'Ivy Intern' }).count()).resolves.toBe(0)
  })

  it('lists your sessions on your profile and signs out everywhere else', async () => {
    const other = await launchBrowser(baseURL)
    try {
      const otherPage = await other.context.newPage()
      await new AdminPage(otherPage).signIn(owner.email, PASSWORD)
      const admin = new AdminPage(page)
      await page.goto('/admin/profile')
      const sessions = page.locator('table.sessions tbody tr')
      await expect(sessions.count()).resolves.toBeGreaterThanOrEqual(2)
      await expect(page.getByText('(this browser)').count()).resolves.toBe(1)
      await admin.button('Sign out everywhere else').click()
      await expect(admin.notice().textContent()).resolves.toContain('Every other browser')
      await expect(sessions.count()).resolves.toBe(1)
      await otherPage.goto('/admin/articles')
      await otherPage.waitForURL('**/admin/login')
    } finally {
      await other.close()
    }
  })

  it('shows the changed screens without axe violations at desktop and 390 px (screenshots in artifacts/)', async () => {
    const screens: [string, string][] = [
      ['staff', '/admin/users'],
      ['delete-user', `/admin/users/${desk.id}/delete`],
      ['profile', '/admin/profile'],
      ['comments', '/admin/comments?q=harbour'],
      ['subscribers', '/admin/subscribers'],
      ['media', '/admin/media?q=quay'],
      ['contact', '/admin/contact'],
      ['integrations', '/admin/integrations'],
      ['editor', `/admin/articles/${figureStory}`],
    ]
    const phone = await launchBrowser(baseURL, { width: 390 })
    try {
      const small = await phone.context.newPage()
      await new AdminPage(small).signIn(owner.email, PASSWORD)
      for (const [size, view] of [
        ['desktop', page],
        ['390', small],
      ] as const) {
        for (const [name, url] of screens) {
          await view.goto(url)
          if (name === 'editor') {
            await new EditorPage(view).body().waitFor()
            await new EditorPage(view).combobox('Tags').fill('light')
            await view.getByRole('option', { name: 'Lighthouses' }).waitFor()
          }
          await view.screenshot({
            path: path.resolve(`artifacts/newsroom/${name}-${size}.png`),
            fullPage: true,
          })
          expect({ url, size, violations: await axeViolations(view) }).toEqual({
            url,
            size,
            violations: [],
          })
          const overflow = await view.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          )
          expect({ url, size, overflow }).toEqual({ url, size, overflow: 0 })
        }
      }
    } finally {
      await phone.close()
    }
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
