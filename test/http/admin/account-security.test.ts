/** Session rotation at sign-in and the per-IP cap on reset requests (issue 17). */
import fs from 'node:fs'
import path from 'node:path'
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
