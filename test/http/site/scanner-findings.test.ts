/**
 * Regression tests for what a scan of a local instance found (issue 17): open redirects, a 500
 * from a header value, framework errors echoing input, CDN headers reaching browsers and cookies
 * without Secure under an https PUBLIC_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeError } from '../../../src/http/error-handler.js'
import { sameOriginPath } from '../../../src/http/safe-redirect.js'
import { buildSeededSite, getPage, type SeededSite } from '../../support/site-app.js'

let site: SeededSite
beforeAll(async () => {
  site = await buildSeededSite({ publicUrl: 'https://gazette.test' })
})
afterAll(() => site.close())

const get = (url: string, headers: Record<string, string> = { accept: 'text/html' }) =>
  site.app.inject({ method: 'GET', url, headers })

/** A Location a browser would follow off-site. */
function leavesSite(location: string | undefined): boolean {
  if (location === undefined) return false
  return new URL(location, 'https://gazette.test').origin !== 'https://gazette.test'
}

describe('redirect targets', () => {
  it.each([
    '//evil.example/phish',
    '/\\evil.example/phish',
    '//evil.example',
    '/%2Fevil.example/page/1/',
    '/%5Cevil.example/page/1/',
    '/%2F%2Fevil.example/page/1/',
    '/%09/evil.example/page/1/',
    '/tag/%2F%2Fevil.example/page/1/',
    '/%2Fevil.example/%2Fchild/',
  ])('never points off-site for %s', async (url) => {
    const response = await get(url)
    expect(response.statusCode).toBeLessThan(500)
    expect(leavesSite(response.headers.location)).toBe(false)
    expect(String(response.headers.location ?? '')).not.toMatch(/^(\/\/|\/\\)/)
  })

  it('still adds the trailing slash, with a Cache-Control, and keeps the query', async () => {
    const response = await get('/world?x=1')
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe('/world/?x=1')
    expect(response.headers['cache-control']).toBe('public, max-age=300')
  })

  it('still sends page 1 to the section, with a Cache-Control', async () => {
    const response = await get('/world/page/1/')
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe('/world/')
    expect(response.headers['cache-control']).toBe('public, max-age=300')
  })

  it('accepts same-origin paths only', () => {
    expect(sameOriginPath('/world/?q=1#x')).toBe('/world/?q=1#x')
    for (const bad of [
      '//x.example/',
      '/\\x.example',
      'https://x.example/',
      'javascript:alert(1)',
      '/a\r\nb',
      '',
      'world/',
    ])
      expect(sameOriginPath(bad)).toBeUndefined()
  })
})

describe('header values built from the request', () => {
  it('answers 400 with the site’s own page, never 500', async () => {
    const { response, $ } = await getPage(site.app, '/%0d%0aSet-Cookie:%20x=y/page/1/')
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.headers['content-type']).toContain('text/html')
    expect($('html').length).toBe(1)
    expect(response.body).not.toContain('ERR_INVALID_CHAR')
  })
})

describe('framework errors', () => {
  it.each([
    ['an over-long path segment', `/tag/${'<script>alert(1)</script>'.repeat(40)}/`],
    ['a broken escape', '/%'],
    ['a broken escape in a segment', '/author/%E0%A4%A/'],
  ])('answer %s with the site’s page and never echo the input', async (_name, url) => {
    const response = await get(url)
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.body).not.toContain('<script>alert')
    expect(response.body).not.toContain('FST_ERR')
    expect(response.body).not.toContain('%E0%A4%A')
  })

  it('never echoes a content type the server refuses', async () => {
    const response = await site.app.inject({
      method: 'POST',
      url: '/subscribe/',
      headers: { accept: 'text/html', 'content-type': 'text/x-<script>alert(1)</script>' },
      payload: 'x',
    })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
    expect(response.body).not.toContain('<script>alert')
    expect(response.body).not.toContain('text/x-')
  })
})

describe('CDN tag headers', () => {
  it('are not sent to browsers unless a CDN is configured', async () => {
    const miss = await get('/')
    const hit = await get('/')
    for (const response of [miss, hit]) {
      expect(response.headers['x-cache']).toBeDefined()
      expect(response.headers['surrogate-key']).toBeUndefined()
      expect(response.headers['cache-tag']).toBeUndefined()
    }
  })
})

describe('cookies under an https PUBLIC_URL', () => {
  it('are Secure even when the request reached the app over plain http', async () => {
    const response = await get('/admin/')
    const cookies = [response.headers['set-cookie'] ?? []].flat()
    expect(cookies.length).toBeGreaterThan(0)
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/;\s*HttpOnly/i)
      expect(cookie).toMatch(/;\s*SameSite=Lax/i)
      // __Host- on Path=/ cookies, __Secure- on narrower ones: the browser enforces Secure.
      if (/;\s*Path=\/(;|$)/i.test(cookie)) expect(cookie).toMatch(/^__Host-/)
      else expect(cookie).toMatch(/^__(Host|Secure)-/)
      expect(cookie).not.toMatch(/;\s*Domain=/i)
    }
  })
})

describe('describeError', () => {
  it('maps Node’s refusal of a header value to 400 without its message', () => {
    const error = Object.assign(new TypeError('Invalid character in header content ["location"]'), {
      code: 'ERR_INVALID_CHAR',
    })
    const { status, body } = describeError(error)
    expect(status).toBe(400)
    expect(JSON.stringify(body)).not.toContain('location')
  })
})
