import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSeededSite, getPage, type SeededSite } from '../../support/site-app.js'

const themeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-theme-'))
fs.mkdirSync(path.join(themeDir, 'components'))
fs.mkdirSync(path.join(themeDir, 'templates'))
fs.writeFileSync(
  path.join(themeDir, 'components', 'footer.js'),
  `export function override({ h, builtIn, useSite }) {
  return function Footer(props) {
    const site = useSite()
    return h('div', { class: 'theme-footer' }, h(builtIn, props), h('p', { class: 'printed' }, 'Printed in ' + site.settings.title))
  }
}
`,
)
fs.writeFileSync(
  path.join(themeDir, 'templates', 'error-4xx.js'),
  `export function override({ h, builtIn }) {
  return (props) => h(builtIn, { ...props, latest: [] })
}
`,
)
fs.writeFileSync(path.join(themeDir, 'theme.css'), '.site-logo { color: rebeccapurple; }\n')

let themed: SeededSite

beforeAll(async () => {
  themed = await buildSeededSite({ themeDir })
})
afterAll(async () => {
  await themed.close()
  fs.rmSync(themeDir, { recursive: true, force: true })
})

describe('theme overrides from THEME_DIR', () => {
  it('replaces a component everywhere, wrapping the built-in one', async () => {
    const { $ } = await getPage(themed.app, '/')
    expect($('.theme-footer .printed').text()).toBe('Printed in The Broadsheet Gazette')
    expect($('.theme-footer footer.site-footer .copyright').text()).toContain('©')
  })

  it('resolves a status-class error template before the generic one', async () => {
    const { response, $ } = await getPage(themed.app, '/no-such-page/')
    expect(response.statusCode).toBe(404)
    expect($('h1').text()).toBe('Page not found')
    expect($('#error-latest')).toHaveLength(0)
  })

  it('appends theme.css to the versioned stylesheet', async () => {
    const { $ } = await getPage(themed.app, '/')
    const href = $('link[rel="stylesheet"]').attr('href') ?? ''
    const css = await themed.app.inject(href)
    expect(css.body.endsWith('.site-logo { color: rebeccapurple; }\n\n')).toBe(true)
  })
})

describe('server errors', () => {
  it('renders a plain 500 page without internals when the database is gone', async () => {
    const broken = await buildSeededSite()
    await broken.db.destroy()
    const { response, $ } = await getPage(broken.app, '/')
    expect(response.statusCode).toBe(500)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    expect($('h1').text()).toBe('Something went wrong')
    expect(response.body).not.toMatch(/sqlite|kysely|stack|driver/i)
    await broken.app.close()
  })
})

describe('requests the site cannot take', () => {
  it.each(['/author/%ff/', '/%E0%A4%A/', '/tag/%c0%af/'])(
    'answers %s (bad percent-encoding) with the site’s own 400 page',
    async (url) => {
      const { response, $ } = await getPage(themed.app, url)
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['cache-control']).toBe('no-store')
      expect($('h1').text()).toBe('Something is not quite right')
      expect($('[data-error-message]').text()).toMatch(/not valid/)
    },
  )

  it.each([
    ['PUT', '/about/', 'GET, HEAD'],
    ['DELETE', '/', 'GET, HEAD'],
    ['POST', '/news/', 'GET, HEAD'],
    [
      'PATCH',
      '/2026/11/council-approves-412m-budget-after-late-night-vote-on-library-hours/',
      'GET, HEAD',
    ],
    ['PUT', '/comments', 'POST'],
  ])('answers %s %s with 405 and Allow: %s', async (method, url, allow) => {
    const response = await themed.app.inject({
      method: method as 'PUT',
      url,
      headers: { accept: 'text/html' },
    })
    expect(response.statusCode).toBe(405)
    expect(response.headers.allow).toBe(allow)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('That page can’t be used like that')
  })

  it('still answers 404 for paths no route knows, whatever the method', async () => {
    const response = await themed.app.inject({ method: 'PUT', url: '/a/b/c/d/e/' })
    expect(response.statusCode).toBe(404)
  })
})
