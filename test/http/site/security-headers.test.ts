/** Security headers and the Content-Security-Policy on reader and newsroom pages (issue 17). */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../src/http/security-headers.js'
import { buildSeededSite, getPage, type SeededSite } from '../../support/site-app.js'

function directives(csp: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of String(csp ?? '').split(';')) {
    const [name = '', ...values] = part.trim().split(/\s+/)
    if (name) map.set(name, values)
  }
  return map
}

describe('security headers under an https PUBLIC_URL', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite({ publicUrl: 'https://gazette.test' })
  })
  afterAll(() => site.close())

  it('gives reader pages nosniff, a referrer policy, permissions policy, HSTS and a strict CSP', async () => {
    const { response } = await getPage(site.app, '/')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(response.headers['permissions-policy']).toContain('camera=()')
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000')
    const csp = directives(response.headers['content-security-policy'])
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(csp.get('frame-src')).toContain('https://www.youtube-nocookie.com')
    expect(csp.get('style-src')).not.toContain("'unsafe-inline'")
  })

  it('allows exactly the page’s theme style attributes, by hash, and a cached copy keeps them', async () => {
    const first = await getPage(site.app, '/')
    const again = await getPage(site.app, '/')
    expect(again.response.headers['x-cache']).toBe('HIT')
    expect(again.response.headers['content-security-policy']).toBe(
      first.response.headers['content-security-policy'],
    )
    const styles = directives(first.response.headers['content-security-policy']).get('style-src')
    const values = new Set(
      first
        .$('[style]')
        .map((_i, el) => first.$(el).attr('style'))
        .get(),
    )
    expect(values.size).toBeGreaterThan(0)
    for (const value of values) {
      const hash = `'sha256-${createHash('sha256').update(value).digest('base64')}'`
      expect(styles, value).toContain(hash)
    }
  })

  it('gives newsroom pages frame-ancestors none and a cross-origin opener policy', async () => {
    const { response } = await getPage(site.app, '/admin/')
    const csp = directives(response.headers['content-security-policy'])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  it('puts the same headers on error pages and redirects', async () => {
    const missing = await getPage(site.app, '/no-such-page/')
    expect(missing.response.statusCode).toBe(404)
    expect(missing.response.headers['content-security-policy']).toContain("script-src 'self'")
    const redirect = await site.app.inject({ method: 'GET', url: '/world' })
    expect(redirect.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('uploaded media', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite()
  })
  afterAll(() => site.close())

  it('is served sandboxed, with nosniff, so a file opened on its own runs nothing', async () => {
    const row = await site.db.selectFrom('media').select('path').executeTakeFirstOrThrow()
    const response = await site.app.inject({ method: 'GET', url: `/media/${row.path}` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^image\//)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toContain('sandbox')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
  })
})

describe('security headers under plain http', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite({ publicUrl: 'http://localhost:3000' })
  })
  afterAll(() => site.close())

  it('sends no HSTS', async () => {
    const { response } = await getPage(site.app, '/')
    expect(response.headers['strict-transport-security']).toBeUndefined()
    expect(response.headers['content-security-policy']).toBeDefined()
  })
})

describe('contentSecurityPolicy', () => {
  const html = (style: string) => `<main style="${style}"></main>`

  it('refuses style attributes that are not the theme’s shapes', () => {
    const csp = contentSecurityPolicy('reader', html('background:url(https://x.example/a)'), {
      publicUrl: 'https://a.test',
    })
    expect(csp).not.toContain('sha256')
    expect(csp).not.toContain('unsafe-hashes')
  })

  it('allows media from MEDIA_PUBLIC_URL and reports to CSP_REPORT_URL', () => {
    const csp = contentSecurityPolicy('reader', '', {
      publicUrl: 'https://a.test',
      mediaPublicUrl: 'https://cdn.example/media/',
      cspReportUrl: 'https://reports.example/csp',
    })
    expect(directives(csp).get('img-src')).toContain('https://cdn.example')
    expect(directives(csp).get('report-uri')).toEqual(['https://reports.example/csp'])
  })
})
