import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAudit } from '../../../src/auth/index.js'
import { listOutbox, readOutboxMessage } from '../../../src/mail/index.js'
import { $, Browser, buildAdminApp, makeUser, PASSWORD, type AdminApp } from './admin-test-app.js'

const NEW_PASSWORD = 'an entirely new passphrase'

describe('admin: first run and sign-in', () => {
  let t: AdminApp
  beforeEach(async () => {
    t = await buildAdminApp()
  })
  afterEach(() => t.close())

  it('offers setup when no user exists, creates the owner and signs them in', async () => {
    const browser = new Browser(t.app)
    const setup = await browser.get('/admin/')
    expect(setup.statusCode).toBe(200)
    expect(setup.headers['cache-control']).toBe('private, no-store')
    expect($(setup)('h1').text()).toBe('Set up your newsroom')
    expect($(setup)('label[for="email"]').text()).toBe('Email')

    const created = await browser.post(
      '/admin/setup',
      { name: 'Olive Owner', email: 'olive@example.com', password: PASSWORD },
      { formPage: '/admin/' },
    )
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toBe('/admin/')
    expect(browser.cookies.has('bs_session')).toBe(true)

    const home = await browser.get('/admin/')
    expect(home.statusCode).toBe(303)
    expect(home.headers.location).toBe('/admin/dashboard')
    const dashboard = await browser.get('/admin/dashboard')
    expect(dashboard.statusCode).toBe(200)
    expect($(dashboard)('header.topbar').text()).toContain('Olive Owner')
    expect($(dashboard)('header.topbar').text()).toContain('(owner)')
    expect($(dashboard)('[data-count="draft"]').text()).toBe('0')
  })

  it('shows the sign-in page once set up, and refuses a second setup', async () => {
    await makeUser(t, 'owner')
    const browser = new Browser(t.app)
    const home = await browser.get('/admin/')
    expect($(home)('h1').text()).toBe('Sign in')
    const again = await browser.post(
      '/admin/setup',
      { name: 'Mallory', email: 'mallory@example.com', password: PASSWORD },
      { formPage: '/admin/login' },
    )
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('This site already has an owner.')
  })

  it('signs in and out, logging both', async () => {
    const owner = await makeUser(t, 'owner')
    const browser = new Browser(t.app)
    const signedIn = await browser.login('owner@example.com')
    expect(signedIn.statusCode).toBe(303)
    expect((await browser.get('/admin/dashboard')).statusCode).toBe(200)

    const out = await browser.post('/admin/logout', {}, { formPage: '/admin/dashboard' })
    expect(out.statusCode).toBe(303)
    expect(out.headers.location).toBe('/admin/login')
    expect(browser.cookies.has('bs_session')).toBe(false)
    const after = await browser.get('/admin/dashboard')
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toBe('/admin/login')
    const actions = (await listAudit(t.deps, { subjectType: 'user', subjectId: owner.id })).map(
      (e) => e.action,
    )
    expect(actions).toEqual(['logout', 'login', 'user.create'])
  })

  it('ends the session on the server at sign-out, not just the cookie', async () => {
    await makeUser(t, 'editor')
    const browser = new Browser(t.app)
    await browser.login('editor@example.com')
    const stolen = browser.cookies.get('bs_session') ?? ''
    await browser.post('/admin/logout', {}, { formPage: '/admin/dashboard' })
    const replay = await t.app.inject({
      method: 'GET',
      url: '/admin/dashboard',
      headers: { cookie: `bs_session=${stolen}` },
    })
    expect(replay.statusCode).toBe(303)
  })

  it('says when the password is wrong, keeping the email', async () => {
    await makeUser(t, 'author')
    const browser = new Browser(t.app)
    const wrong = await browser.login('author@example.com', 'not the password')
    expect(wrong.statusCode).toBe(401)
    expect($(wrong)('[role="alert"]').text()).toBe(
      'That email and password do not match an account.',
    )
    expect($(wrong)('#email').attr('value')).toBe('author@example.com')
    expect(browser.cookies.has('bs_session')).toBe(false)
  })

  it('backs off after 5 failures with "try again in N minutes"', async () => {
    await makeUser(t, 'author')
    const browser = new Browser(t.app)
    for (let i = 0; i < 5; i++) {
      expect((await browser.login('author@example.com', 'guess number ' + i)).statusCode).toBe(401)
    }
    const blocked = await browser.login('author@example.com')
    expect(blocked.statusCode).toBe(429)
    expect($(blocked)('[role="alert"]').text()).toBe('Too many attempts. Try again in 1 minute.')
    t.clock.advance(60_000)
    expect((await browser.login('author@example.com')).statusCode).toBe(303)
  })
})

describe('admin: cookies and CSRF', () => {
  let t: AdminApp
  afterEach(() => t.close())

  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie without Secure over plain HTTP', async () => {
    t = await buildAdminApp()
    await makeUser(t, 'editor')
    const response = await new Browser(t.app).login('editor@example.com')
    const cookie = String(response.headers['set-cookie'])
    expect(cookie).toMatch(/bs_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure')
  })

  it('marks the cookie Secure behind a trusted HTTPS proxy, and only then', async () => {
    t = await buildAdminApp({ TRUST_PROXY: 'true' })
    await makeUser(t, 'editor')
    const https = new Browser(t.app, { 'x-forwarded-proto': 'https' })
    const secure = await https.login('editor@example.com')
    const cookie = String(secure.headers['set-cookie'])
    expect(cookie).toMatch(/__Host-bs_session=[^;]+;.*Secure/)
    expect(cookie).not.toMatch(/(^|[^-])bs_session=/)
    const plain = await new Browser(t.app).login('editor@example.com')
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure')
    expect(String(plain.headers['set-cookie'])).not.toContain('__Host-')
  })

  it('uses the __Host- name over https, so a planted plain cookie signs nobody in', async () => {
    t = await buildAdminApp({ TRUST_PROXY: 'true' })
    await makeUser(t, 'editor')
    const https = new Browser(t.app, { 'x-forwarded-proto': 'https' })
    await https.login('editor@example.com')
    const token = https.cookies.get('__Host-bs_session') ?? ''
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // The prefixed cookie keeps the editor signed in, and the newsroom's writes accept it.
    const home = await https.get('/admin/sessions')
    expect(home.statusCode).toBe(200)
    const saved = await https.post('/admin/sessions/revoke-all', {})
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/admin/sessions?done=1')
    // A cookie set without the prefix (by a sibling subdomain, say) is not a session over https.
    const planted = new Browser(t.app, { 'x-forwarded-proto': 'https' })
    planted.cookies.set('bs_session', token)
    const refused = await planted.get('/admin/sessions')
    expect([302, 303]).toContain(refused.statusCode)
    expect(refused.headers.location).toContain('/admin/login')
    // Signing out clears the prefixed cookie.
    await https.post('/admin/logout', {})
    expect(https.cookies.has('__Host-bs_session')).toBe(false)
  })

  it('ignores X-Forwarded-Proto when the proxy is not trusted', async () => {
    t = await buildAdminApp()
    await makeUser(t, 'editor')
    const response = await new Browser(t.app, { 'x-forwarded-proto': 'https' }).login(
      'editor@example.com',
    )
    expect(String(response.headers['set-cookie'])).not.toContain('Secure')
  })

  it('refuses a form without a token, with a wrong token, or from another origin', async () => {
    t = await buildAdminApp()
    await makeUser(t, 'editor')
    const browser = new Browser(t.app)
    await browser.get('/admin/login')
    const missing = await browser.post(
      '/admin/login',
      { email: 'editor@example.com', password: PASSWORD },
      { csrf: null },
    )
    expect(missing.statusCode).toBe(403)
    expect(missing.body).toContain('This form has expired or did not come from this site.')
    const forged = await browser.post(
      '/admin/login',
      { email: 'editor@example.com', password: PASSWORD },
      { csrf: 'forged-token' },
    )
    expect(forged.statusCode).toBe(403)
    const foreign = await browser.post(
      '/admin/login',
      { email: 'editor@example.com', password: PASSWORD },
      { formPage: '/admin/login', headers: { origin: 'https://evil.test' } },
    )
    expect(foreign.statusCode).toBe(403)
    const sameOrigin = await browser.post(
      '/admin/login',
      { email: 'editor@example.com', password: PASSWORD },
      { formPage: '/admin/login', headers: { origin: 'http://localhost:80' } },
    )
    expect(sameOrigin.statusCode).toBe(303)

    const missingSignedIn = await browser.post('/admin/articles', { title: 'Hi' }, { csrf: null })
    expect(missingSignedIn.statusCode).toBe(403)
    const otherSession = new Browser(t.app)
    await otherSession.login('editor@example.com')
    const theirToken = await otherSession.csrf('/admin/articles/new')
    const crossed = await browser.post('/admin/articles', { title: 'Hi' }, { csrf: theirToken })
    expect(crossed.statusCode).toBe(403)
    expect(
      (await browser.post('/admin/articles', { title: 'Hi' }, { formPage: '/admin/articles/new' }))
        .statusCode,
    ).toBe(303)
  })

  it('marks every admin response private, no-store', async () => {
    t = await buildAdminApp()
    await makeUser(t, 'editor')
    const browser = new Browser(t.app)
    for (const url of ['/admin/', '/admin/login', '/admin/forgot', '/admin/admin.css']) {
      expect((await browser.get(url)).headers['cache-control']).toBe('private, no-store')
    }
    await browser.login('editor@example.com')
    for (const url of ['/admin/dashboard', '/admin/articles', '/admin/sessions']) {
      expect((await browser.get(url)).headers['cache-control']).toBe('private, no-store')
    }
  })
})

describe('admin: forgotten password, invitations and sessions', () => {
  let t: AdminApp
  beforeEach(async () => {
    t = await buildAdminApp()
  })
  afterEach(() => t.close())

  async function lastMail() {
    const outbox = path.join(t.dataDir, 'outbox')
    const [entry] = await listOutbox(outbox)
    const message = entry && (await readOutboxMessage(outbox, entry.name))
    if (!message) throw new Error('no mail in the outbox')
    const link = /http:\/\/news\.test(\/admin\/reset\/[A-Za-z0-9_-]+)/.exec(message.text)?.[1]
    return { message, link: link ?? '' }
  }

  it('mails a reset link to the outbox that works exactly once', async () => {
    const owner = await makeUser(t, 'owner')
    const browser = new Browser(t.app)
    const asked = await browser.post(
      '/admin/forgot',
      { email: 'owner@example.com' },
      { formPage: '/admin/forgot' },
    )
    expect(asked.statusCode).toBe(200)
    expect($(asked)('[role="status"]').text()).toContain('If that address has an account')
    expect(fs.readdirSync(path.join(t.dataDir, 'outbox'))).toHaveLength(1)

    const { message, link } = await lastMail()
    expect(message.to).toBe('owner@example.com')
    expect(message.subject).toBe('Reset your password for Broadsheet')
    const form = await browser.get(link)
    expect(form.statusCode).toBe(200)
    expect($(form)('label[for="password"]').text()).toBe('New password')
    const saved = await browser.post(link, { password: NEW_PASSWORD }, { formPage: link })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe('/admin/login?reset=1')

    const again = await browser.get(link)
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('It has expired or has already been used.')
    expect((await browser.login('owner@example.com', PASSWORD)).statusCode).toBe(401)
    expect((await browser.login('owner@example.com', NEW_PASSWORD)).statusCode).toBe(303)
    const actions = (await listAudit(t.deps, { subjectType: 'user', subjectId: owner.id })).map(
      (e) => e.action,
    )
    expect(actions).toContain('password.reset')
  })

  it('answers the same for an unknown address, and sends nothing', async () => {
    const browser = new Browser(t.app)
    await makeUser(t, 'owner')
    const asked = await browser.post(
      '/admin/forgot',
      { email: 'nobody@example.com' },
      { formPage: '/admin/forgot' },
    )
    expect(asked.statusCode).toBe(200)
    expect(fs.existsSync(path.join(t.dataDir, 'outbox'))).toBe(false)
  })

  it('lists the outbox for administrators and shows a message', async () => {
    await makeUser(t, 'owner')
    const browser = new Browser(t.app)
    await browser.post(
      '/admin/forgot',
      { email: 'owner@example.com' },
      { formPage: '/admin/forgot' },
    )
    await browser.login('owner@example.com')
    const list = await browser.get('/admin/outbox')
    expect(list.statusCode).toBe(200)
    const href = $(list)('table a').first().attr('href') ?? ''
    expect($(list)('table').text()).toContain('Reset your password for Broadsheet')
    const one = await browser.get(href)
    expect(one.statusCode).toBe(200)
    expect($(one)('pre').first().text()).toContain('/admin/reset/')
  })

  it('invites a user by email; the link sets their password and they can sign in', async () => {
    await makeUser(t, 'owner')
    const owner = new Browser(t.app)
    await owner.login('owner@example.com')
    const invited = await owner.post(
      '/admin/users',
      { name: 'Nina New', email: 'nina@example.com', role: 'editor' },
      { formPage: '/admin/users' },
    )
    expect(invited.statusCode).toBe(303)
    const { message, link } = await lastMail()
    expect(message.to).toBe('nina@example.com')
    expect(message.subject).toBe('You are invited to Broadsheet')
    const nina = new Browser(t.app)
    expect($(await nina.get(link))('h1').text()).toBe('Choose your password')
    expect((await nina.post(link, { password: NEW_PASSWORD }, { formPage: link })).statusCode).toBe(
      303,
    )
    await nina.login('nina@example.com', NEW_PASSWORD)
    expect($(await nina.get('/admin/dashboard'))('header.topbar').text()).toContain('(editor)')
    const audit = await listAudit(t.deps)
    expect(audit.map((e) => e.action)).toContain('user.invite')
  })

  it('signs out everywhere else, keeping this browser', async () => {
    await makeUser(t, 'editor')
    const laptop = new Browser(t.app, { 'user-agent': 'Laptop' })
    const phone = new Browser(t.app, { 'user-agent': 'Phone' })
    await laptop.login('editor@example.com')
    await phone.login('editor@example.com')
    const list = await laptop.get('/admin/sessions')
    expect($(list)('tbody tr')).toHaveLength(2)
    expect($(list)('tbody').text()).toContain('Laptop (this browser)')

    const done = await laptop.post('/admin/sessions/revoke-all', {})
    expect(done.statusCode).toBe(303)
    expect((await phone.get('/admin/dashboard')).headers.location).toBe('/admin/login')
    expect((await laptop.get('/admin/dashboard')).statusCode).toBe(200)
    expect($(await laptop.get('/admin/sessions'))('tbody tr')).toHaveLength(1)
  })
})
