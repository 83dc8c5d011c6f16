/**
 * The hostile-input corpus (issue 17) fired at every newsroom form and every API parameter.
 * The newsroom's forms are not listed by hand: the test signs in as the owner, follows the
 * newsroom's links, and fills every text field of every form it finds, so a new screen is covered
 * the day it ships. The Content API gets every query parameter and path, the Admin API every
 * field, through the official client. Asserts: never a 5xx, never the string reflected as markup.
 */
import GhostAdminAPI from '@tryghost/admin-api'
import * as cheerio from 'cheerio'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../../src/auth/index.js'
import { buildApiNewsroom, type ApiNewsroom } from '../../support/api-newsroom.js'
import { FULL, HOSTILE, problems, wellFormed } from '../../support/hostile-corpus.js'
import { SYSTEM } from '../../support/kernel.js'
import { Browser, PASSWORD } from '../admin/admin-test-app.js'

const TIMEOUT = FULL ? 900_000 : 120_000
const OWNER = 'hostile-owner@gazette.test'
const enc = encodeURIComponent

/** Fields a person types into: these get the hostile strings; the rest keep their values. */
const TYPED = new Set([
  'text',
  'email',
  'url',
  'search',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
])
/** Ghost's error types for a 4xx. An `InternalServerError`, or no envelope at all, is a failure. */
const CLIENT_ERRORS = new Set([
  'BadRequestError',
  'ValidationError',
  'NotFoundError',
  'NoPermissionError',
  'UnauthorizedError',
  'UpdateCollisionError',
  'RequestEntityTooLargeError',
  'TooManyRequestsError',
])
/** Forms that end the session or the account the crawl runs as. */
const LEAVES = /logout|sign-?out|deactivate|\/delete\b|two-factor\/disable/

interface FoundForm {
  page: string
  action: string
  fields: [string, string][]
  typed: string[]
}

/** One URL per route shape: ids become `:n` and queries are dropped. */
function shape(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/\/\d+(?=\/|$)/g, '/:n')
}

function formsOf(page: string, html: string): FoundForm[] {
  const $ = cheerio.load(html)
  const found: FoundForm[] = []
  $('form').each((_i, element) => {
    const form = $(element)
    if ((form.attr('method') ?? 'get').toLowerCase() !== 'post') return
    if ((form.attr('enctype') ?? '').includes('multipart')) return
    const action = new URL(form.attr('action') || page, 'http://x').pathname
    if (!action.startsWith('/admin') || LEAVES.test(action)) return
    const fields: [string, string][] = []
    const typed: string[] = []
    form.find('input, textarea, select').each((_j, input) => {
      const field = $(input)
      const name = field.attr('name')
      if (!name || field.attr('disabled') !== undefined) return
      const tag = input.tagName.toLowerCase()
      const type = (field.attr('type') ?? 'text').toLowerCase()
      if (tag === 'textarea' || (tag === 'input' && TYPED.has(type))) {
        typed.push(name)
        fields.push([name, String(field.val() ?? '')])
      } else if (tag === 'select') {
        const chosen = field.find('option[selected]').first()
        const value = (chosen.length ? chosen : field.find('option').first()).attr('value')
        if (value !== undefined) fields.push([name, value])
      } else if (type === 'checkbox' || type === 'radio') {
        if (field.attr('checked') !== undefined) fields.push([name, field.attr('value') ?? 'on'])
      } else if (!['submit', 'button', 'file', 'image', 'reset'].includes(type)) {
        fields.push([name, field.attr('value') ?? ''])
      }
    })
    const submit = form.find('button[name], input[type="submit"][name]').first()
    if (submit.length) fields.push([submit.attr('name')!, submit.attr('value') ?? ''])
    if (typed.length > 0) found.push({ page, action, fields, typed })
  })
  return found
}

describe('hostile input in every newsroom form and API parameter', () => {
  let site: ApiNewsroom
  let browser: Browser
  const forms = new Map<string, FoundForm>()

  const signIn = async () => {
    browser = new Browser(site.app)
    const response = await browser.login(OWNER)
    expect(response.statusCode).toBe(303)
  }

  beforeAll(async () => {
    site = await buildApiNewsroom('sqlite')
    await createUser(site.services, SYSTEM, {
      email: OWNER,
      name: 'Hostile Owner',
      role: 'owner',
      password: PASSWORD,
    })
    await signIn()
    // Follow the newsroom's links from the dashboard, one page per route shape.
    const queue = ['/admin/dashboard', '/admin/account/two-factor', '/admin/menus']
    const seen = new Set<string>()
    while (queue.length > 0 && seen.size < 150) {
      const url = queue.shift()!
      if (seen.has(shape(url))) continue
      seen.add(shape(url))
      const response = await browser.get(url)
      if (response.statusCode !== 200) continue
      if (!String(response.headers['content-type']).startsWith('text/html')) continue
      for (const form of formsOf(url, response.body)) {
        const key = `${shape(form.action)} ${form.typed.join(',')}`
        if (!forms.has(key)) forms.set(key, form)
      }
      cheerio
        .load(response.body)('a[href^="/admin"]')
        .each((_i, a) => {
          const href = cheerio.load(a)('a').attr('href') ?? ''
          if (!LEAVES.test(href) && !/export|download|\.(?:xml|json|csv)/.test(href))
            queue.push(href)
        })
    }
  }, TIMEOUT)
  afterAll(() => site.close())

  it('finds the newsroom’s forms by following its links', () => {
    const actions = [...forms.values()].map((f) => shape(f.action))
    // The crawl must reach the screens people type into, or the next test proves nothing.
    for (const expected of [
      '/admin/articles',
      '/admin/settings',
      '/admin/profile',
      '/admin/users',
      '/admin/integrations',
    ])
      expect(
        actions.some((a) => a.startsWith(expected)),
        expected,
      ).toBe(true)
    expect(forms.size).toBeGreaterThanOrEqual(12)
  })

  it(
    'answers every newsroom form without a 5xx or reflected markup',
    async () => {
      const found: string[] = []
      let posted = 0
      const list = [...forms.values()]
      for (const [index, value] of HOSTILE.entries()) {
        const typed = wellFormed(value)
        // The fast run spreads the strings over the forms; the full run fires each at all.
        const picked = FULL ? list : list.filter((_f, i) => (i + index) % 4 === 0)
        for (const form of picked) {
          // A fresh page each time: the CSRF token and version fields follow the last save.
          let page = await browser.get(form.page)
          if (page.statusCode !== 200) {
            await signIn()
            page = await browser.get(form.page)
          }
          const fresh = formsOf(form.page, page.body).find(
            (f) => f.action === form.action && f.typed.join() === form.typed.join(),
          )
          if (!fresh) continue
          const body = new URLSearchParams(
            fresh.fields.map(([name, old]) => [name, fresh.typed.includes(name) ? typed : old]),
          )
          const response: LightMyRequestResponse = await site.app.inject({
            method: 'POST',
            url: fresh.action,
            payload: body.toString(),
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'text/html',
              cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            },
          })
          posted += 1
          found.push(...problems(`POST ${fresh.action}`, value, response))
          if (response.statusCode === 403 && /csrf/i.test(response.body))
            found.push(`POST ${fresh.action}: refused by CSRF, the strings never reached it`)
        }
      }
      expect(found).toEqual([])
      expect(posted).toBeGreaterThanOrEqual(FULL ? forms.size * HOSTILE.length : HOSTILE.length)
    },
    TIMEOUT,
  )

  it(
    'answers every Content API parameter and path with a 4xx envelope or data, never a 5xx',
    async () => {
      const found: string[] = []
      const key = site.integration.contentKey
      for (const [index, value] of HOSTILE.entries()) {
        const v = enc(wellFormed(value))
        const urls = [
          `/ghost/api/content/posts/?key=${key}&filter=${v}`,
          `/ghost/api/content/posts/?key=${key}&include=${v}&fields=${v}&formats=${v}`,
          `/ghost/api/content/posts/?key=${key}&order=${v}&limit=${v}&page=${v}`,
          `/ghost/api/content/posts/slug/${v}/?key=${key}`,
          `/ghost/api/content/posts/${v}/?key=${key}`,
          `/ghost/api/content/tags/?key=${key}&filter=${v}&include=${v}`,
          `/ghost/api/content/authors/slug/${v}/?key=${key}`,
          `/ghost/api/content/pages/?key=${key}&filter=${v}&order=${v}`,
          `/ghost/api/content/settings/?key=${v}`,
          `/ghost/api/v4/content/posts/?key=${key}&filter=tag:${v}`,
        ]
        const picked = FULL ? urls : urls.filter((_u, i) => (i + index) % 2 === 0)
        for (const url of picked) {
          const response = await site.app.inject({ method: 'GET', url })
          if (response.statusCode >= 500) found.push(`GET ${url}: ${response.statusCode}`)
          const json = String(response.headers['content-type']).startsWith('application/json')
          if (response.statusCode >= 400 && !(json && 'errors' in response.json<object>()))
            found.push(`GET ${url.slice(0, 120)}: ${response.statusCode} without Ghost's envelope`)
        }
      }
      expect(found).toEqual([])
    },
    TIMEOUT,
  )

  it(
    'answers every Admin API field through the official client, never a 5xx',
    async () => {
      const found: string[] = []
      const admin = GhostAdminAPI({
        url: site.url,
        key: site.integration.adminApiKey,
        version: 'v5.0',
      })
      let typed = ''
      const status = async (label: string, call: () => Promise<unknown>) => {
        try {
          await call()
        } catch (error) {
          // The client keeps Ghost's error type, not the status: a 4xx has one of these types.
          // Node itself answers an address over 16 KiB with a bare 431, before any route.
          const type = (error as { type?: string }).type ?? ''
          const bare = /status code 4\d\d$/.test(String(error))
          if (!CLIENT_ERRORS.has(type) && !bare)
            found.push(`${label} ${JSON.stringify(typed.slice(0, 40))}: ${type || String(error)}`)
        }
      }
      for (const [index, value] of HOSTILE.entries()) {
        typed = wellFormed(value)
        if (!FULL && index % 2 === 1) continue
        await status('posts.add', () =>
          admin.posts.add(
            {
              title: typed,
              custom_excerpt: typed,
              html: typed,
              tags: [typed],
              slug: typed,
              canonical_url: typed,
              meta_title: typed,
              feature_image: typed,
            },
            { source: 'html' },
          ),
        )
        await status('posts.add with a hostile status and date', () =>
          admin.posts.add({ title: 'x', status: typed, published_at: typed }),
        )
        await status('posts.browse filter', () => admin.posts.browse({ filter: typed }))
        await status('posts.browse order', () => admin.posts.browse({ order: typed }))
        await status('posts.read', () => admin.posts.read({ slug: typed }))
        await status('users.read', () => admin.users.read({ slug: typed }))
      }
      expect(found).toEqual([])
    },
    TIMEOUT,
  )
})
