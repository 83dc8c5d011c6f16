/** Session rotation at sign-in and the per-IP cap on reset requests (issue 17). */
import fs from 'node:fs'
import path from 'node:path'
import { Secret, TOTP } from 'otpauth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'

let t: AdminApp
beforeEach(async () => {
  t = await buildAdminApp()
})
afterEach(() => t.close())

describe('admin: session rotation', () => {
  it('ends the session a browser held when it signs in again', async () => {
    await makeUser(t, 'editor')
    await makeUser(t, 'author')
    const browser = new Browser(t.app)
    await browser.login('editor@example.com')
    const before = browser.cookies.get('bs_session') ?? ''
    expect(before).not.toBe('')
    const csrf = await browser.csrf('/admin/sessions')
    const again = await browser.post(
      '/admin/login',
      { email: 'author@example.com', password: 'correct horse battery staple' },
      { csrf },
    )
    expect(again.statusCode).toBe(303)
    const after = browser.cookies.get('bs_session') ?? ''
    expect(after).not.toBe('')
    expect(after).not.toBe(before)
    const old = new Browser(t.app)
    old.cookies.set('bs_session', before)
    expect((await old.get('/admin/sessions')).statusCode).not.toBe(200)
  })
})

describe('admin: reset requests', () => {
  it('answers alike but mails at most five addresses per IP in 15 minutes', async () => {
    for (let i = 0; i < 8; i++) await makeUser(t, 'author', `writer${i}@example.com`)
    const browser = new Browser(t.app)
    const pages: string[] = []
    for (let i = 0; i < 8; i++) {
      const response = await browser.post(
        '/admin/forgot',
        { email: `writer${i}@example.com` },
        { formPage: '/admin/forgot' },
      )
      expect(response.statusCode).toBe(200)
      pages.push($(response)('main').text())
    }
    expect(new Set(pages).size).toBe(1)
    expect(fs.readdirSync(path.join(t.dataDir, 'outbox'))).toHaveLength(5)
  })
})

describe('admin: two-factor sign-in', () => {
  const phoneCode = (secret: string) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: t.clock.now().getTime(),
    })

  it('enrols with a local QR code, then asks for a code at sign-in', async () => {
    await makeUser(t, 'editor')
    const browser = new Browser(t.app)
    await browser.login('editor@example.com')
    const page = $(await browser.get('/admin/account/two-factor'))
    expect(page('img[alt^="QR code"]').attr('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    const secret = String(page('input[name="secret"]').val())
    const enrolled = await browser.post(
      '/admin/account/two-factor',
      { secret, code: phoneCode(secret) },
      { formPage: '/admin/account/two-factor' },
    )
    expect($(enrolled)('.recovery-codes li')).toHaveLength(10)
    await browser.post('/admin/logout', {})
    t.clock.advance(30_000)
    const asked = await browser.login('editor@example.com')
    expect(asked.statusCode).toBe(200)
    expect(browser.cookies.has('bs_session')).toBe(false)
    const token = String($(asked)('input[name="token"]').val())
    const wrong = await browser.post(
      '/admin/login/code',
      { token, code: '123456' },
      { formPage: '/admin/login' },
    )
    expect(wrong.statusCode).toBe(401)
    const done = await browser.post(
      '/admin/login/code',
      { token, code: phoneCode(secret) },
      { formPage: '/admin/login' },
    )
    expect(done.statusCode).toBe(303)
    expect(browser.cookies.has('bs_session')).toBe(true)
  })

  it('sends editors without a second factor to set one up once the owner requires it', async () => {
    await makeUser(t, 'owner')
    await makeUser(t, 'editor')
    await makeUser(t, 'author')
    const owner = new Browser(t.app)
    await owner.login('owner@example.com')
    const required = await owner.post(
      '/admin/account/two-factor/require',
      { required: '1' },
      { formPage: '/admin/account/two-factor' },
    )
    expect(required.statusCode).toBe(200)
    const editor = new Browser(t.app)
    await editor.login('editor@example.com')
    const sent = await editor.get('/admin/articles')
    expect(sent.statusCode).toBe(303)
    expect(sent.headers.location).toBe('/admin/account/two-factor')
    const author = new Browser(t.app)
    await author.login('author@example.com')
    expect((await author.get('/admin/articles')).statusCode).toBe(200)
  })
})
