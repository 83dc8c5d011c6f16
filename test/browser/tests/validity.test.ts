/**
 * axe-core finds no accessibility violation on any reader page type, in Debian's Chromium,
 * at a phone's width and a desktop's.
 */
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { axeViolations, browserUnavailable, launchBrowser } from '../../support/browser.js'
import { PAGE_TYPES } from '../../support/page-types.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const skipReason = browserUnavailable()

describe.skipIf(skipReason !== undefined)('axe on every page type', () => {
  let site: SeededSite
  let baseURL: string
  const browsers: Awaited<ReturnType<typeof launchBrowser>>[] = []

  beforeAll(async () => {
    site = await buildSeededSite()
    await updateSiteSettings(testKernel(site.db), SYSTEM, { postsPerPage: 4 })
    await site.app.listen({ port: 0, host: '127.0.0.1' })
    baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const browser of browsers) await browser.close()
    await site?.close()
  })

  for (const width of [390, 1280]) {
    it(`finds no violation at ${width} px`, async () => {
      const browser = await launchBrowser(baseURL, { width })
      browsers.push(browser)
      const page: Page = await browser.context.newPage()
      const found: string[] = []
      for (const [name, { url, status }] of Object.entries(PAGE_TYPES)) {
        const response = await page.goto(url)
        expect(response?.status(), url).toBe(status)
        for (const v of await axeViolations(page)) {
          found.push(`${name} (${url}): ${v.id} – ${v.help} @ ${v.targets.join(', ')}`)
        }
      }
      expect(found).toEqual([])
    })
  }
})
