/**
 * Every reader page type and every newsroom screen loads in Debian's Chromium under the site's
 * own Content-Security-Policy without a single violation (issue 17), and so does the API
 * reference at /api/docs/. The policy is enforced here
 * (the other browser tests bypass it to inject axe-core).
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../../src/auth/index.js'
import { queueImport } from '../../../src/provenance/index.js'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { browserUnavailable, launchBrowser } from '../../support/browser.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { NEWSROOM_SCREENS } from '../../support/newsroom-screens.js'
import { PAGE_TYPES } from '../../support/page-types.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'

const skipReason = browserUnavailable()
const PASSWORD = 'a long newsroom passphrase'

/** Record CSP violations: the console's report and the DOM event, whichever comes. */
async function watchViolations(page: Page, found: string[]): Promise<void> {
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text()))
      found.push(`${page.url()}: ${message.text()}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      )
    })
  })
}

describe.skipIf(skipReason !== undefined)('Content-Security-Policy in Chromium', () => {
  let site: SeededSite
  let baseURL: string
  let browser: Awaited<ReturnType<typeof launchBrowser>>

  beforeAll(async () => {
    site = await buildSeededSite()
    const deps = testKernel(site.db)
    await updateSiteSettings(deps, SYSTEM, { postsPerPage: 4 })
    await createUser(deps, SYSTEM, {
      email: 'csp-owner@example.com',
      name: 'Policy Owner',
      role: 'admin',
      password: PASSWORD,
    })
    // An import waiting for a job runner (there is none here): its page polls its status.
    const upload = path.join(site.dataDir, 'waiting.upload')
    fs.copyFileSync('test/fixtures/importers/wordpress/ledger-1.2.xml', upload)
    await queueImport(deps, SYSTEM, {
      source: 'wordpress',
      filename: 'ledger.xml',
      file: upload,
      dryRun: false,
    })
    await site.app.listen({ port: 0, host: '127.0.0.1' })
    baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`
    browser = await launchBrowser(baseURL, { enforceCsp: true })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  it('loads every reader page type without a violation', async () => {
    const page = await browser.context.newPage()
    const found: string[] = []
    await watchViolations(page, found)
    for (const { url, status } of Object.values(PAGE_TYPES)) {
      const response = await page.goto(url, { waitUntil: 'load' })
      expect(response?.status(), url).toBe(status)
      expect(response?.headers()['content-security-policy'], url).toContain("script-src 'self'")
    }
    expect(found).toEqual([])
  })

  it('loads every newsroom screen without a violation', async () => {
    const page = await browser.context.newPage()
    const found: string[] = []
    await watchViolations(page, found)
    await page.goto('/admin/login')
    await page.getByLabel('Email').fill('csp-owner@example.com')
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: /sign in/i }).click()
    await page.waitForURL(/\/admin\/dashboard/)
    // A story with a picture, in the editor: TipTap's styles come from the stylesheet.
    await page.goto('/admin/articles')
    const edit = await page
      .locator('a[href^="/admin/articles/"][href$="/edit"], td a[href^="/admin/articles/"]')
      .first()
      .getAttribute('href')
    for (const url of [...NEWSROOM_SCREENS, edit ?? '/admin/articles/1']) {
      const response = await page.goto(url, { waitUntil: 'load' })
      expect(response?.status(), url).toBe(200)
      const policy = response?.headers()['content-security-policy'] ?? ''
      expect(policy, url).toContain("frame-ancestors 'none'")
      expect(policy, url).toMatch(/style-src 'self';/)
    }
    // The import's page: its script loads and polls the status endpoint under the policy.
    const polled = page.waitForResponse((r) => r.url().endsWith('/admin/import/1/status'))
    await page.goto('/admin/import/1', { waitUntil: 'load' })
    expect((await polled).status()).toBe(200)
    expect(found).toEqual([])
  })

  it('renders the API reference at /api/docs/ from this site alone, without a violation', async () => {
    const page = await browser.context.newPage()
    const found: string[] = []
    const elsewhere: string[] = []
    await watchViolations(page, found)
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(baseURL) && !url.startsWith('data:')) elsewhere.push(url)
    })
    const response = await page.goto('/api/docs/', { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';")
    await page.getByText('/ghost/api/admin/tags/{id}/').first().waitFor()
    await page.getByText('/ghost/api/content/posts/', { exact: true }).first().waitFor()
    expect(found).toEqual([])
    expect(elsewhere).toEqual([])
  })

  it('catches a violation when one happens (the test can fail)', async () => {
    const page = await browser.context.newPage()
    const found: string[] = []
    await watchViolations(page, found)
    await page.goto('/')
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = 1'
      document.body.append(script)
    })
    await expect.poll(() => found.length).toBeGreaterThan(0)
  })
})
