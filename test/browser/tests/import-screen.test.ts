/**
 * Settings → Import in Debian's Chromium: the owner uploads a WordPress export, reads the report
 * (counts per type, the warnings that name what stayed behind), finds an imported story in the
 * newsroom's list, and reads it on the reader site with its comment thread; its old address
 * answers with a redirect to the new one. The same file again adds nothing.
 */
import { execFileSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { createUser } from '../../../src/auth/index.js'
import { systemClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { EventBus } from '../../../src/events.js'
import { axeViolations, browserUnavailable, launchBrowser } from '../../support/browser.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'
import { AdminPage } from '../pages/admin-page.js'

const skipReason = browserUnavailable()
const PASSWORD = 'a long newsroom passphrase'
const WXR = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')
const HEADLINE = 'Council votes to rebuild the north quay'

beforeAll(() => {
  if (skipReason === undefined)
    execFileSync(process.execPath, ['scripts/build-admin.js'], { stdio: 'inherit' })
})

for (const dialect of DIALECTS)
  describe.skipIf(skipReason !== undefined)(`${dialect}: the import screen in Chromium`, () => {
    let database: TestDatabase
    let app: FastifyInstance
    let baseURL: string
    let browser: Awaited<ReturnType<typeof launchBrowser>>
    let page: Page

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      const config = parseConfig({
        DATA_DIR: database.dataDir,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DEMO_CONTENT: 'false',
        PUBLIC_URL: 'http://news.test',
      })
      app = await buildApp({
        db: database.db,
        dialect,
        clock: systemClock,
        config,
        events: new EventBus(),
      })
      await app.listen({ port: 0, host: '127.0.0.1' })
      baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      const services = testServices({ db: database.db, dialect, dataDir: database.dataDir })
      await createUser(services, SYSTEM, {
        email: 'olive@news.test',
        name: 'Olive Owner',
        role: 'owner',
        password: PASSWORD,
      })
      browser = await launchBrowser(baseURL)
      page = await browser.context.newPage()
    })
    afterAll(async () => {
      await browser?.close()
      await app?.close()
      await database?.destroy()
    })

    async function upload(): Promise<void> {
      await page.goto('/admin/import')
      await page.getByLabel('WordPress (WXR)').check()
      await page.getByLabel('Export file').setInputFiles(WXR)
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      await page.locator('#import-report').waitFor()
    }

    const cell = (type: string, column: string) =>
      page.locator(`#import-report tr[data-type="${type}"] td[data-${column}]`)

    it('uploads a WordPress export and shows the report', async () => {
      await new AdminPage(page).signIn('olive@news.test', PASSWORD)
      await upload()

      await expect.poll(() => cell('articles', 'imported').textContent()).toBe('6')
      expect(await cell('pages', 'imported').textContent()).toBe('1')
      expect(Number(await cell('comments', 'imported').textContent())).toBeGreaterThanOrEqual(3)
      expect(await cell('menus', 'imported').textContent()).toBe('1')
      await expect.poll(() => page.locator('#import-report').textContent()).toMatch(/pingback/)
      expect(await page.locator('#import-report .warnings').textContent()).toMatch(
        /pictures were left at their old address/,
      )
      if (dialect === DIALECTS[0]) expect(await axeViolations(page)).toEqual([])
    })

    it('lists the imported story in the newsroom', async () => {
      await page.goto('/admin/articles')
      await expect.poll(() => page.getByRole('link', { name: HEADLINE }).count()).toBe(1)
    })

    it('shows the story and its comment thread on the reader site, and redirects its old address', async () => {
      const response = await page.goto('/?p=10')
      expect(response?.ok()).toBe(true)
      expect(new URL(page.url()).pathname).toBe('/2024/03/council-votes-north-quay/')
      expect(await page.locator('h1').first().textContent()).toContain(HEADLINE)
      const comments = page.locator('#comments')
      await expect.poll(() => comments.textContent()).toContain('The ramp')
      expect(await comments.textContent()).toContain('It will, from the south pier.')
    })

    it('adds nothing when the same file is uploaded again', async () => {
      await upload()
      await expect.poll(() => cell('articles', 'imported').textContent()).toBe('0')
      expect(await cell('articles', 'skipped').textContent()).toBe('6')
      expect(await cell('comments', 'imported').textContent()).toBe('0')
    })
  })
