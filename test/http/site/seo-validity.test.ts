/**
 * Every reader page type is valid HTML by the Nu HTML Checker: no errors (warnings are listed
 * by `npm run audit`, not failed on). One checker run for all pages, for speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { nuCheck, nuUnavailable } from '../../support/nu-checker.js'
import { PAGE_TYPES } from '../../support/page-types.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const skipReason = nuUnavailable('nu-html-checker')

describe.skipIf(skipReason !== undefined)('Nu HTML Checker', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite()
    await updateSiteSettings(testKernel(site.db), SYSTEM, { postsPerPage: 4 })
  })
  afterAll(async () => {
    await site?.close()
  })

  it('finds no error on any reader page type', async () => {
    const documents: Record<string, string> = {}
    for (const [name, page] of Object.entries(PAGE_TYPES)) {
      const response = await site.app.inject({ url: page.url, headers: { accept: 'text/html' } })
      expect(response.statusCode, page.url).toBe(page.status)
      documents[name] = response.body
    }
    const errors = nuCheck(documents).filter((m) => m.type === 'error')
    expect(errors.map((e) => `${e.document}:${e.line ?? '?'} ${e.message}`)).toEqual([])
  })
})
