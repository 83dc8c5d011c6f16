/**
 * The rest of a colleague's life on the Staff screen, on SQLite and PostgreSQL: deleting someone
 * (their stories go to a colleague you pick; the last owner stays), resending and revoking
 * invitations, the last sign-in, and your own sessions on your profile.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserById, listAudit, type User } from '../../../src/auth/index.js'
import {
  createArticle,
  deleteUserReassigning,
  findNewsroomArticle,
} from '../../../src/content/index.js'
import { listOutbox, readOutboxMessage } from '../../../src/mail/index.js'
import { describeDialects } from '../../support/test-database.js'
import { asUser, SYSTEM } from '../../support/kernel.js'
import { $, Browser, buildAdminApp, makeUser, NOW, type AdminApp } from './admin-test-app.js'

describeDialects('admin: deleting people, invitations, sign-ins and sessions', (dialect) => {
  let t: AdminApp
  let owner: User
  let admin: User
  let editor: User
  let author: User
  let storyId: number
  let sharedId: number
  const as: Record<string, Browser> = {}

  beforeAll(async () => {
    t = await buildAdminApp({}, undefined, dialect)
    owner = await makeUser(t, 'owner')
    admin = await makeUser(t, 'admin')
    editor = await makeUser(t, 'editor')
    author = await makeUser(t, 'author')
    for (const user of [owner, admin, editor]) {
      as[user.role] = new Browser(t.app, { 'user-agent': `${user.role} laptop` })
      expect((await as[user.role]!.login(user.email)).statusCode).toBe(303)
    }
    const story = await createArticle(
      t.deps,
      asUser(author),
      { title: 'The author’s own story', bodyHtml: '<p>Words.</p>' },
      { then: 'publish' },
    )
    storyId = story.id
    const shared = await createArticle(t.deps, asUser(editor), {
      title: 'Written together',
      bodyHtml: '<p>Two names.</p>',
      authorIds: [author.id, editor.id],
    })
    sharedId = shared.id
  }, 60_000)
  afterAll(() => t.close())

  it('shows when each person last signed in, and “Never” for someone who has not', async () => {
    const page = $(await as.admin!.get('/admin/users'))
    const row = (u: User) => page(`tr:has(select#role-${u.id}), tr:has(td:contains("${u.email}"))`)
    expect(page('th').text()).toContain('Last sign-in')
    expect(row(editor).text()).toContain('2026')
    expect(row(author).text()).toContain('Never')
    expect((await findUserById(t.deps, editor.id))?.lastSignInAt?.getTime()).toBe(NOW.getTime())
  })

  it('refuses to delete without a colleague to take the stories, keeping the choice', async () => {
    const form = $(await as.admin!.get(`/admin/users/${author.id}/delete`))
    expect(form('h1').text()).toBe(`Delete ${author.name}`)
    expect(form('form p').first().text()).toContain('2 stories')
    expect(form(`#reassignTo option[value="${author.id}"]`)).toHaveLength(0)

    const none = await as.admin!.post(`/admin/users/${author.id}/delete`, { reassignTo: '' })
    expect(none.statusCode).toBe(400)
    expect($(none)('.error').text()).toContain('Choose who takes over')
    const self = await as.admin!.post(`/admin/users/${author.id}/delete`, {
      reassignTo: String(author.id),
    })
    expect(self.statusCode).toBe(400)
    expect(await findUserById(t.deps, author.id)).toBeDefined()
  })

  it('lets only administrators delete, never themselves or someone above them', async () => {
    const byEditor = await as.editor!.post(`/admin/users/${author.id}/delete`, {
      reassignTo: String(editor.id),
    })
    expect(byEditor.statusCode).toBe(403)
    const onOwner = await as.admin!.post(`/admin/users/${owner.id}/delete`, {
      reassignTo: String(admin.id),
    })
    expect(onOwner.statusCode).toBe(403)
    const onSelf = await as.admin!.post(`/admin/users/${admin.id}/delete`, {
      reassignTo: String(editor.id),
    })
    expect(onSelf.statusCode).toBe(403)
    expect(await findUserById(t.deps, owner.id)).toBeDefined()
    expect(await findUserById(t.deps, admin.id)).toBeDefined()
  })

  it('never deletes the last active owner, whoever asks', async () => {
    const second = await makeUser(t, 'owner', 'second-owner@example.com')
    const browser = new Browser(t.app)
    await browser.login(second.email)
    // Two owners: one may delete the other. Then the one left is the last and stays.
    const first = await browser.post(`/admin/users/${owner.id}/delete`, {
      reassignTo: String(admin.id),
    })
    expect(first.statusCode).toBe(303)
    const byAdmin = await as.admin!.post(`/admin/users/${second.id}/delete`, {
      reassignTo: String(admin.id),
    })
    expect(byAdmin.statusCode).toBe(403)
    const self = await browser.post(`/admin/users/${second.id}/delete`, {
      reassignTo: String(admin.id),
    })
    expect(self.statusCode).toBe(403)
    // Not even the system (a command-line tool) may leave the site without an owner.
    await expect(deleteUserReassigning(t.deps, SYSTEM, second.id, admin.id)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    })
    expect(await findUserById(t.deps, second.id)).toBeDefined()
    owner = second
    as.owner = browser
  })

  it('deletes a colleague and hands every story to the person picked', async () => {
    const done = await as.admin!.post(`/admin/users/${author.id}/delete`, {
      reassignTo: String(editor.id),
    })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/admin/users?done=deleted')
    expect(await findUserById(t.deps, author.id)).toBeUndefined()
    const story = await findNewsroomArticle(t.deps, storyId)
    expect(story?.authors.map((a) => a.id)).toEqual([editor.id])
    const shared = await findNewsroomArticle(t.deps, sharedId)
    expect(shared?.authors.map((a) => a.id)).toEqual([editor.id])
    const site = await as.admin!.get(`/author/${editor.slug}/`)
    expect(site.body).toContain('The author’s own story')
    const [entry] = await listAudit(t.deps, { subjectType: 'user', subjectId: author.id })
    expect(entry?.action).toBe('user.delete')
    expect(entry?.details).toMatchObject({ reassignedTo: editor.id, stories: 2 })
    expect($(await as.admin!.get('/admin/users'))('td').text()).not.toContain(author.email)
  })

  async function invite(email: string) {
    const sent = await as.admin!.post('/admin/users', {
      email,
      name: 'Iris Invitee',
      role: 'author',
    })
    expect(sent.statusCode).toBe(303)
    const page = $(await as.admin!.get('/admin/users'))
    const form = page(`form[action$="/invitation/resend"]`).filter((_, el) =>
      page(el).closest('tr').text().includes(email),
    )
    const id = Number(/users\/(\d+)\//.exec(form.attr('action') ?? '')?.[1])
    expect(id).toBeGreaterThan(0)
    return { id, row: form.closest('tr').text() }
  }

  async function mailsTo(email: string) {
    const outbox = path.join(t.dataDir, 'outbox')
    const found = []
    for (const entry of await listOutbox(outbox)) {
      const message = await readOutboxMessage(outbox, entry.name)
      if (message?.to.includes(email)) found.push(message)
    }
    return found
  }

  it('resends an invitation: a new link works and the old one does not', async () => {
    const { id, row } = await invite('iris@example.com')
    expect(row).toContain('Invited')
    const [first] = await mailsTo('iris@example.com')
    const oldLink = /http:\/\/news\.test(\/admin\/reset\/\S+)/.exec(first?.text ?? '')?.[1] ?? ''
    expect(oldLink).not.toBe('')

    const again = await as.admin!.post(`/admin/users/${id}/invitation/resend`, {})
    expect(again.statusCode).toBe(303)
    const mails = await mailsTo('iris@example.com')
    expect(mails).toHaveLength(2)
    const newLink = mails
      .map((m) => /http:\/\/news\.test(\/admin\/reset\/\S+)/.exec(m.text)?.[1])
      .find((l) => l && l !== oldLink)
    expect(newLink).toBeDefined()
    const iris = new Browser(t.app)
    expect($(await iris.get(oldLink))('h1').text()).toBe('This link no longer works')
    expect($(await iris.get(newLink!))('h1').text()).toBe('Choose your password')

    const byEditor = await as.editor!.post(`/admin/users/${id}/invitation/resend`, {})
    expect(byEditor.statusCode).toBe(403)
    const audit = await listAudit(t.deps, { subjectType: 'user', subjectId: id })
    expect(audit.map((e) => e.action)).toContain('user.invite-resend')
  })

  it('revokes an invitation: the account and its link are gone', async () => {
    const { id } = await invite('ivan@example.com')
    const [mail] = await mailsTo('ivan@example.com')
    const link = /http:\/\/news\.test(\/admin\/reset\/\S+)/.exec(mail?.text ?? '')?.[1] ?? ''
    const byEditor = await as.editor!.post(`/admin/users/${id}/invitation/revoke`, {})
    expect(byEditor.statusCode).toBe(403)
    const done = await as.admin!.post(`/admin/users/${id}/invitation/revoke`, {})
    expect(done.statusCode).toBe(303)
    expect(await findUserById(t.deps, id)).toBeUndefined()
    expect($(await new Browser(t.app).get(link))('h1').text()).toBe('This link no longer works')
    // Someone who already chose a password has no invitation to revoke.
    const taken = await as.admin!.post(`/admin/users/${editor.id}/invitation/revoke`, {})
    expect(taken.statusCode).toBe(409)
    expect(await findUserById(t.deps, editor.id)).toBeDefined()
  })

  it('lists your own sessions on your profile and signs out everywhere else', async () => {
    const phone = new Browser(t.app, { 'user-agent': 'Editor phone' })
    await phone.login(editor.email)
    const profile = $(await as.editor!.get('/admin/profile'))
    const rows = profile('table.sessions tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows.text()).toContain('editor laptop (this browser)')
    expect(rows.text()).toContain('Editor phone')

    const done = await as.editor!.post('/admin/profile/sessions/revoke', {})
    expect(done.statusCode).toBe(303)
    expect((await phone.get('/admin/dashboard')).headers.location).toBe('/admin/login')
    const after = $(await as.editor!.get('/admin/profile?done=sessions'))
    expect(after('table.sessions tbody tr')).toHaveLength(1)
    expect(after('.notice').text()).toContain('Every other browser has been signed out.')
    const audit = await listAudit(t.deps, { subjectType: 'user', subjectId: editor.id })
    expect(audit.map((e) => e.action)).toContain('sessions.revoke-all')
  })
})

describe('admin: a deleted colleague’s session', () => {
  it('ends with the account', async () => {
    const t = await buildAdminApp()
    try {
      const admin = await makeUser(t, 'admin')
      const editor = await makeUser(t, 'editor')
      const boss = new Browser(t.app)
      const leaver = new Browser(t.app)
      await boss.login(admin.email)
      await leaver.login(editor.email)
      expect((await leaver.get('/admin/dashboard')).statusCode).toBe(200)
      await boss.post(`/admin/users/${editor.id}/delete`, { reassignTo: String(admin.id) })
      expect((await leaver.get('/admin/dashboard')).headers.location).toBe('/admin/login')
    } finally {
      await t.close()
    }
  })
})
