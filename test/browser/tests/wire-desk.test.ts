/**
 * The wire desk in Debian's Chromium, as an editor works it: follow a partner's feed (a real
 * local feed server) for review, poll it, find its items on the desk, publish one as it came,
 * open another in the editor, change its headline and publish it (the attribution stays), skip
 * the third. The stories are then in the newsroom's list and on the site, each linking to its
 * original with the source named. axe checks the desk.
 */
import { execFileSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { createUser } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { createCategory } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { axeViolations, browserUnavailable, launchBrowser } from '../../support/browser.js'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { AdminPage } from '../pages/admin-page.js'
import { EditorPage } from '../pages/editor-page.js'

const skipReason = browserUnavailable()
const PASSWORD = 'a long newsroom passphrase'
const SOURCE = 'Valley Courier'
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000)

const STORIES = [
  {
    title: 'Reservoir reaches its highest level in a decade',
    slug: 'reservoir-level',
    author: 'Mara Lind',
    text: 'Engineers opened the spillway on Monday as spring rain filled the upper valley.',
  },
  {
    title: 'Orchard growers try netting against late frost',
    slug: 'orchard-netting',
    author: 'Tomas Berg',
    text: 'Three farms on the south slope are testing fleece nets over their apple blossom.',
  },
  {
    title: 'Weekly market moves to the old tram depot',
    slug: 'market-moves',
    author: 'Ines Valk',
    text: 'Stallholders voted to move indoors while the square is resurfaced this summer.',
  },
]

/** An RSS 2.0 feed of the three stories, newest first, an hour apart. */
function partnerFeed(): string {
  const items = STORIES.map(
    (s, i) => `<item>
<title>${s.title}</title>
<link>https://courier.example/news/${s.slug}/?utm_source=rss</link>
<guid isPermaLink="false">courier-${s.slug}</guid>
<pubDate>${new Date(NOW.getTime() - (i + 1) * 3_600_000).toUTCString()}</pubDate>
<dc:creator>${s.author}</dc:creator>
<description><![CDATA[<p>${s.text}</p>]]></description>
</item>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The ${SOURCE}</title><link>https://courier.example/</link>
<description>News from the valley</description>
${items.join('\n')}
</channel></rss>`
}

describe.skipIf(skipReason !== undefined)('the wire desk in Chromium', () => {
  let database: TestDatabase
  let app: FastifyInstance
  let feeds: FeedServer
  const clock = fixedClock(NOW)
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let desk: AdminPage
  let baseURL: string

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-admin.js'], { stdio: 'inherit' })
    feeds = await startFeedServer()
    feeds.route('/courier/rss.xml', { body: partnerFeed() })
    database = await createTestDatabase('sqlite')
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'http://news.test',
      // The feed server is on loopback, which the wire refuses otherwise.
      WIRE_ALLOW_PRIVATE: 'true',
    })
    app = await buildApp({ db: database.db, clock, config, events: new EventBus() })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const services = testServices({
      db: database.db,
      dialect: 'sqlite',
      clock,
      dataDir: database.dataDir,
    })
    await createUser(services, SYSTEM, {
      email: 'edna@news.test',
      name: 'Edna Editor',
      role: 'editor',
      password: PASSWORD,
    })
    await createCategory(services, SYSTEM, { name: 'Region' })
    baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    browser = await launchBrowser(baseURL)
    page = await browser.context.newPage()
    desk = new AdminPage(page)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await feeds?.close()
    await database?.destroy()
  })

  const itemRow = (title: string) => page.getByRole('row').filter({ hasText: title })
  const sourceRow = () => page.locator('[data-source]').filter({ hasText: SOURCE })
  const badge = () => page.getByTestId('wire-badge').textContent()

  it('follows a feed for review and polls it onto the desk', async () => {
    await desk.signIn('edna@news.test', PASSWORD)
    await desk.navLink('Wire').click()
    await page.waitForURL('**/admin/wire')
    await expect(page.getByText('No sources yet').isVisible()).resolves.toBe(true)
    expect(await axeViolations(page)).toEqual([])

    const address = `http://127.0.0.1:${new URL(feeds.url('/')).port}/courier/rss.xml`
    await desk.field('Feed or site address').fill(address)
    await desk.field('Name').fill(SOURCE)
    await page.getByLabel('Section', { exact: true }).last().selectOption({ label: 'Region' })
    await desk.field('Publishing').selectOption('review')
    await desk.button('Add source').click()
    await page.waitForURL('**/admin/wire?notice=*')
    await expect(desk.notice().textContent()).resolves.toBe(`Now following ${SOURCE}.`)
    await expect(sourceRow().textContent()).resolves.toContain('for review')

    await sourceRow().getByRole('button', { name: 'Poll now' }).click()
    await page.waitForURL('**/admin/wire?notice=*')
    await expect(desk.notice().textContent()).resolves.toBe(`${SOURCE}: 3 new, 0 updated.`)
    for (const story of STORIES) {
      const row = itemRow(story.title)
      await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe(SOURCE)
      await expect(row.locator('.status').textContent()).resolves.toBe('new')
    }
    await expect(badge()).resolves.toBe('3')
    // Read once to name the source, once by the poll, as a reader that names itself and us.
    const asked = feeds.requestsTo('/courier/rss.xml')
    expect(asked).toHaveLength(2)
    expect(asked[1]!.headers['user-agent']).toBe('Broadsheet/1.0 (feed reader; +http://news.test)')
    expect(await axeViolations(page)).toEqual([])
  })

  it('counts the new items beside Wire in the navigation, at desktop and 390 px (screenshots in artifacts/)', async () => {
    const shots = path.resolve('artifacts/newsroom')
    await page.goto('/admin/articles')
    const wire = desk.navLink('Wire 3 new wire items')
    await expect(wire.isVisible()).resolves.toBe(true)
    await expect(wire.locator('[aria-hidden=true]').last().textContent()).resolves.toBe('3')
    await page.screenshot({ path: path.join(shots, 'wire-badge-desktop.png') })
    expect(await axeViolations(page)).toEqual([])

    const phone = await launchBrowser(baseURL, { width: 390 })
    try {
      const small = await phone.context.newPage()
      await new AdminPage(small).signIn('edna@news.test', PASSWORD)
      await small.goto('/admin/articles')
      const menu = small.getByRole('button', { name: 'Menu 3 new wire items' })
      await small.screenshot({ path: path.join(shots, 'wire-badge-390-closed.png') })
      await menu.click()
      await new AdminPage(small).navLink('Wire 3 new wire items').waitFor({ state: 'visible' })
      // The navigation slides in: the screenshot waits for it (a finished transition).
      await small.screenshot({
        path: path.join(shots, 'wire-badge-390.png'),
        animations: 'disabled',
      })
      expect(await axeViolations(small)).toEqual([])
      const overflow = await small.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow).toBe(0)
    } finally {
      await phone.close()
    }
    await page.goto('/admin/wire')
    await expect(
      page.getByRole('heading', { name: 'Wire 3 new wire items' }).isVisible(),
    ).resolves.toBe(true)
    await page.screenshot({ path: path.join(shots, 'wire-desk-desktop.png') })
  })

  it('finds an item by a word of its headline', async () => {
    await desk.field('Words in the headline').fill('orchard')
    await desk.button('Show').click()
    await page.waitForURL('**/admin/wire?*q=orchard*')
    await expect(page.locator('[data-item]').count()).resolves.toBe(1)
    await expect(itemRow(STORIES[1]!.title).isVisible()).resolves.toBe(true)
    await page.goto('/admin/wire')
  })

  it('publishes one item as it came', async () => {
    await itemRow(STORIES[0]!.title).getByRole('button', { name: 'Publish' }).click()
    await page.waitForURL('**/admin/wire?notice=*')
    await expect(desk.notice().textContent()).resolves.toBe('1 item published.')
    await expect(itemRow(STORIES[0]!.title).locator('.status').textContent()).resolves.toBe(
      'published',
    )
    await expect(badge()).resolves.toBe('2')
  })

  it('opens another in the editor with its attribution, and publishes it with a new headline', async () => {
    await itemRow(STORIES[1]!.title).getByRole('button', { name: 'Edit' }).click()
    await page.waitForURL(/\/admin\/articles\/\d+$/)
    const editor = new EditorPage(page)
    await editor.body().waitFor()
    await expect(editor.field('Headline').inputValue()).resolves.toBe(STORIES[1]!.title)
    await expect(editor.body().textContent()).resolves.toContain(`Read the full story at ${SOURCE}`)
    await expect(editor.body().textContent()).resolves.toContain(`By Tomas Berg, ${SOURCE}`)
    await editor.field('Headline').fill('Frost nets on trial in valley orchards')
    await editor.button('Publish').click()
    await page
      .getByRole('dialog', { name: 'Publish this story now?' })
      .getByRole('button', { name: 'Publish now' })
      .click()
    await page.waitForURL(/\/admin\/articles\/\d+\?done=publish/)
    await expect(editor.status().textContent()).resolves.toBe('published')
  })

  it('skips the third, and the badge counts nothing new', async () => {
    await page.goto('/admin/wire')
    await itemRow(STORIES[2]!.title).getByRole('button', { name: 'Skip' }).click()
    await page.waitForURL('**/admin/wire?notice=*')
    await expect(desk.notice().textContent()).resolves.toBe('1 item skipped.')
    await expect(itemRow(STORIES[2]!.title).locator('.status').textContent()).resolves.toBe(
      'skipped',
    )
    await expect(badge()).resolves.toBe('0')
    // The edited story's item links to its story now.
    await expect(
      itemRow(STORIES[1]!.title).getByRole('link', { name: 'Open story' }).isVisible(),
    ).resolves.toBe(true)
  })

  it('lists both stories in the newsroom as published, and not the skipped one', async () => {
    await desk.navLink('Stories').click()
    for (const title of [STORIES[0]!.title, 'Frost nets on trial in valley orchards']) {
      const row = page.getByRole('row').filter({ hasText: title })
      await expect(row.textContent()).resolves.toContain('published')
    }
    await expect(
      page.getByRole('row').filter({ hasText: STORIES[2]!.title }).count(),
    ).resolves.toBe(0)
  })

  it('shows each story on the site in its section, linking to the original and naming the source', async () => {
    for (const [title, story] of [
      [STORIES[0]!.title, STORIES[0]!],
      ['Frost nets on trial in valley orchards', STORIES[1]!],
    ] as const) {
      await page.goto('/region/')
      // In the section's list (the Trending ticker above it moves).
      await page.getByRole('main').getByRole('link', { name: title }).first().click()
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title)
      const original = `https://courier.example/news/${story.slug}/?utm_source=rss`
      const readMore = page.getByRole('link', { name: `Read the full story at ${SOURCE}` })
      await expect(readMore.getAttribute('href')).resolves.toBe(original)
      await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(
        original,
      )
      await expect(page.locator('.article-body').textContent()).resolves.toContain(
        `By ${story.author}, ${SOURCE}`,
      )
      await expect(page.locator('.article-body').textContent()).resolves.toContain(story.text)
      // The credit line that opens the body is not a paragraph to set a drop cap on.
      const credit = page.locator('.article-body > p').first()
      await expect(credit.textContent()).resolves.toBe(`By ${story.author}, ${SOURCE}`)
      await expect(
        credit.evaluate((p) => getComputedStyle(p, '::first-letter').float),
      ).resolves.toBe('none')
    }
    await page.goto('/region/')
    await expect(page.getByRole('link', { name: STORIES[2]!.title }).count()).resolves.toBe(0)
  })
})
