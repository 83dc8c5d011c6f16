/**
 * Settings → Import in Debian's Chromium: the owner uploads a WordPress export, which is queued
 * as a job; the import's page shows a progress bar that the page's script moves as the job
 * runs, then the report (counts per type, the warnings that name what stayed behind). The
 * imported story is in the newsroom's list and on the reader site with its comment thread; its
 * old address answers with a redirect to the new one. The same file again adds nothing.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeWxr } from '../../../scripts/generate-wxr.js'
import { buildApp } from '../../../src/app.js'
import { createUser } from '../../../src/auth/index.js'
import { parseConfig } from '../../../src/config.js'
import { EventBus } from '../../../src/events.js'
import { startJobs, type JobRunner } from '../../../src/jobs/index.js'
import {
  axeViolations,
  browserUnavailable,
  fullPageScreenshot,
  launchBrowser,
} from '../../support/browser.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'
import { AdminPage } from '../pages/admin-page.js'

const skipReason = browserUnavailable()
const PASSWORD = 'a long newsroom passphrase'
const WXR = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')
const HEADLINE = 'Council votes to rebuild the north quay'
/** Enough stories that the import takes a few of the script's polls. */
const BIG_POSTS = 2000
/** Whether a queued import starts at once (as in startup.ts); off to look at a waiting one. */
let wake = true

beforeAll(() => {
  if (skipReason === undefined)
    execFileSync(process.execPath, ['scripts/build-admin.js'], { stdio: 'inherit' })
})

for (const dialect of DIALECTS)
  describe.skipIf(skipReason !== undefined)(`${dialect}: the import screen in Chromium`, () => {
    let database: TestDatabase
    let app: FastifyInstance
    let runner: JobRunner
    let browser: Awaited<ReturnType<typeof launchBrowser>>
    let page: Page
    let bigWxr: string
    let baseURL: string

    beforeAll(async () => {
      database = await createTestDatabase(dialect)
      const config = parseConfig({
        DATA_DIR: database.dataDir,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DEMO_CONTENT: 'false',
        PUBLIC_URL: 'http://news.test',
      })
      const events = new EventBus()
      const services = testServices({ db: database.db, dialect, dataDir: database.dataDir, events })
      app = await buildApp({ services, config })
      await app.listen({ port: 0, host: '127.0.0.1' })
      baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      // As startup.ts does: a queued import starts at once, not at the next poll.
      runner = startJobs(services, (error) => console.error(error), { intervalMs: 60_000 })
      events.on((event) => {
        if (event.type === 'job.queued' && wake) void runner.tick()
      })
      await createUser(services, SYSTEM, {
        email: 'olive@news.test',
        name: 'Olive Owner',
        role: 'owner',
        password: PASSWORD,
      })
      bigWxr = path.join(database.dataDir, 'gazette.xml')
      const out = fs.createWriteStream(bigWxr)
      await writeWxr(out, { posts: BIG_POSTS, comments: BIG_POSTS, seed: 3 })
      await new Promise((resolve) => out.end(resolve))
      browser = await launchBrowser(baseURL)
      page = await browser.context.newPage()
    })
    afterAll(async () => {
      await browser?.close()
      await runner?.stop()
      await app?.close()
      await database?.destroy()
    })

    async function upload(file: string): Promise<void> {
      await page.goto('/admin/import')
      await page.getByLabel('WordPress (WXR)').check()
      await page.getByLabel('Export file').setInputFiles(file)
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      await page.waitForURL(/\/admin\/import\/\d+$/)
    }

    const report = () => page.locator('#import-report')
    const cell = (type: string, column: string) =>
      page.locator(`#import-report tr[data-type="${type}"] td[data-${column}]`)

    it('uploads a WordPress export and, once its job has run, shows the report', async () => {
      await new AdminPage(page).signIn('olive@news.test', PASSWORD)
      await upload(WXR)

      await report().waitFor({ timeout: 30_000 })
      await expect.poll(() => cell('articles', 'imported').textContent()).toBe('6')
      expect(await cell('pages', 'imported').textContent()).toBe('1')
      expect(Number(await cell('comments', 'imported').textContent())).toBeGreaterThanOrEqual(3)
      expect(await cell('menus', 'imported').textContent()).toBe('1')
      expect(await report().textContent()).toMatch(/pingback/)
      expect(await page.locator('#import-report .warnings').textContent()).toMatch(
        /pictures were left at their old address/,
      )
      if (dialect === DIALECTS[0]) expect(await axeViolations(page)).toEqual([])
    })

    it('lists the imports with their state, and the imported story in the newsroom', async () => {
      await page.goto('/admin/import')
      const rows = page.locator('#recent-imports tbody tr')
      await expect.poll(() => rows.count()).toBe(1)
      expect(await rows.first().locator('td[data-state]').getAttribute('data-state')).toBe('done')
      await page.goto('/admin/articles?q=north+quay')
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
      await upload(WXR)
      await report().waitFor({ timeout: 30_000 })
      await expect.poll(() => cell('articles', 'imported').textContent()).toBe('0')
      expect(await cell('articles', 'skipped').textContent()).toBe('6')
      expect(await cell('comments', 'imported').textContent()).toBe('0')
    })

    it('moves the progress bar while a large export is imported', async () => {
      await upload(bigWxr)

      const bar = page.locator('progress#import-progress')
      const phase = page.locator('#import-phase')
      // The script updates the bar in place: the page is not reloaded until the import is over.
      await expect
        .poll(() => phase.textContent(), { timeout: 60_000, interval: 100 })
        .toMatch(new RegExp(`Writing stories and their comments: [1-9]\\d* of ${BIG_POSTS}`))
      expect(Number(await bar.getAttribute('max'))).toBeGreaterThanOrEqual(BIG_POSTS)
      expect(Number(await bar.evaluate((el: HTMLProgressElement) => el.value))).toBeGreaterThan(0)
      // The page reloads itself the moment the import ends, which may be now: the picture is
      // taken when it can be (axe runs on a waiting import's page, which holds still, below).
      if (dialect === DIALECTS[0])
        await fullPageScreenshot(page, 'artifacts/import-progress.png').catch(() => {})

      await report().waitFor({ timeout: 120_000 })
      const imported = (await cell('articles', 'imported').textContent()) ?? ''
      expect(Number(imported.replace(/\D/g, ''))).toBeGreaterThan(1000)
      expect(await bar.count()).toBe(0)
      if (dialect === DIALECTS[0]) await fullPageScreenshot(page, 'artifacts/import-report.png')
    })

    it('without JavaScript, refreshes the import page until the report is there', async () => {
      const noScript = await launchBrowser(baseURL, { javaScriptEnabled: false })
      wake = false
      try {
        const plain = await noScript.context.newPage()
        await new AdminPage(plain).signIn('olive@news.test', PASSWORD)
        await plain.goto('/admin/import')
        await plain.getByLabel('Export file').setInputFiles(WXR)
        await plain.getByRole('button', { name: 'Import', exact: true }).click()
        await plain.waitForURL(/\/admin\/import\/\d+$/)
        expect(await plain.locator('#import-phase').textContent()).toBe('Waiting to start…')
        expect(await plain.locator('progress#import-progress').count()).toBe(1)
        // While it waits the page holds still: axe checks it as a reader with JavaScript has it.
        await page.goto(plain.url())
        await page.locator('progress#import-progress').waitFor()
        expect(await axeViolations(page)).toEqual([])

        await runner.tick()

        // No reload from here: the page's own <noscript> refresh brings the report.
        await plain.locator('#import-report').waitFor({ timeout: 15_000 })
        expect(
          await plain
            .locator('#import-report tr[data-type="articles"] td[data-skipped]')
            .textContent(),
        ).toBe('6')
      } finally {
        wake = true
        await noScript.close()
      }
    })
  })
