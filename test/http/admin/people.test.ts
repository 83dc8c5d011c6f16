/**
 * Managing the people through HTTP: change a role (within the role ladder; the last owner
 * stays), deactivate (sessions end at once, bylines stay) and reactivate, edit your own profile
 * and see it on the author page, change your password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  changeUserRole,
  deactivateUser,
  findUserById,
  listAudit,
  type User,
} from '../../../src/auth/index.js'
import { createArticle } from '../../../src/content/index.js'
import { $, Browser, buildAdminApp, makeUser, PASSWORD, type AdminApp } from './admin-test-app.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

describe('admin: managing the people', () => {
  let t: AdminApp
  let owner: User
  let admin: User
  let editor: User
  let author: User
  const as: Record<string, Browser> = {}

  beforeAll(async () => {
    t = await buildAdminApp()
    owner = await makeUser(t, 'owner')
    admin = await makeUser(t, 'admin')
    editor = await makeUser(t, 'editor')
    author = await makeUser(t, 'author')
    for (const user of [owner, admin, editor, author]) {
      as[user.role] = new Browser(t.app)
      expect((await as[user.role]!.login(user.email)).statusCode).toBe(303)
    }
    await createArticle(
      t.deps,
      asUser(author),
      { title: 'The author’s story', bodyHtml: '<p>Words.</p>' },
      { then: 'publish' },
    )
  })
  afterAll(() => t.close())

  const roleOf = async (id: number) => (await findUserById(t.deps, id))?.role

  it('lists the staff with a role control for those you may manage', async () => {
    const page = $(await as.admin!.get('/admin/users'))
    expect(page('h1').text()).toBe('Staff')
    expect(page(`select#role-${editor.id}`).length).toBe(1)
    // An admin cannot manage the owner, nor offer the owner role.
    expect(page(`select#role-${owner.id}`).length).toBe(0)
    expect(page(`select#role-${editor.id} option[value=owner]`).length).toBe(0)
    expect(page('td').text()).toContain('admin@example.com')
    // By name, as WordPress's Users screen lists them, not in the order they joined.
    const listed = [
      ...page('table')
        .first()
        .text()
        .matchAll(/(admin|author|editor|owner)@example\.com/g),
    ].map((m) => m[1])
    expect(listed).toEqual(['admin', 'author', 'editor', 'owner'])
  })

  it('changes a colleague’s role, refusing roles above your own', async () => {
    const changed = await as.admin!.post(`/admin/users/${author.id}/role`, { role: 'editor' })
    expect(changed.statusCode).toBe(303)
    expect(await roleOf(author.id)).toBe('editor')
    const back = await as.admin!.post(`/admin/users/${author.id}/role`, { role: 'author' })
    expect(back.statusCode).toBe(303)

    const above = await as.admin!.post(`/admin/users/${author.id}/role`, { role: 'owner' })
    expect(above.statusCode).toBe(403)
    expect($(above)('.error').text()).toBe('You cannot give a role above your own.')
    const onOwner = await as.admin!.post(`/admin/users/${owner.id}/role`, { role: 'editor' })
    expect(onOwner.statusCode).toBe(403)
    expect(await roleOf(owner.id)).toBe('owner')

    const notAdmin = await as.editor!.post(`/admin/users/${author.id}/role`, { role: 'editor' })
    expect(notAdmin.statusCode).toBe(403)
    expect(await roleOf(author.id)).toBe('author')
    const bad = await as.admin!.post(`/admin/users/${author.id}/role`, { role: 'emperor' })
    expect(bad.statusCode).toBe(400)
    const audit = await listAudit(t.deps, { subjectType: 'user', subjectId: author.id })
    expect(audit.filter((e) => e.action === 'user.role')).toHaveLength(2)
  })

  it('keeps the last active owner an owner', async () => {
    // No person can reach the case (owners cannot demote themselves); the system can.
    await expect(changeUserRole(t.deps, SYSTEM, owner.id, 'admin')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    })
    await expect(deactivateUser(t.deps, SYSTEM, owner.id)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    })
    const self = await as.owner!.post(`/admin/users/${owner.id}/role`, { role: 'admin' })
    expect(self.statusCode).toBe(403)
    expect(await roleOf(owner.id)).toBe('owner')
  })

  it('deactivates someone: their session ends at once and their stories stay', async () => {
    const before = await as.author!.get('/admin/articles')
    expect(before.statusCode).toBe(200)
    const response = await as.admin!.post(`/admin/users/${author.id}/deactivate`, {})
    expect(response.statusCode).toBe(303)
    const notice = $(await as.admin!.get(response.headers.location as string))
    expect(notice('.notice').text()).toContain('signed out everywhere')
    expect(notice('h2').text()).toContain('Deactivated')

    const after = await as.author!.get('/admin/articles')
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toBe('/admin/login')
    const again = await new Browser(t.app).login(author.email)
    expect(again.statusCode).toBe(403)
    expect($(again)('.error').text()).toContain('deactivated')

    const authorPage = await t.app.inject({ url: `/author/${author.slug}/` })
    expect(authorPage.body).toContain('The author’s story')

    const self = await as.admin!.post(`/admin/users/${admin.id}/deactivate`, {})
    expect(self.statusCode).toBe(403)

    expect((await as.admin!.post(`/admin/users/${author.id}/reactivate`, {})).statusCode).toBe(303)
    const back = new Browser(t.app)
    expect((await back.login(author.email)).statusCode).toBe(303)
    as.author = back
  })

  it('edits your own profile and shows it on your author page', async () => {
    const form = $(await as.author!.get('/admin/profile'))
    expect(form('#name').attr('value')).toBe(author.name)
    const saved = await as.author!.post('/admin/profile', {
      name: 'Ada Author',
      slug: 'ada-author',
      bio: 'Covers the harbour and the courts.',
      avatarUrl: '/media/ada.jpg',
      website: 'https://ada.example',
      x: '',
    })
    expect(saved.statusCode).toBe(303)
    const page = await t.app.inject({ url: '/author/ada-author/' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Ada Author')
    expect(page.body).toContain('Covers the harbour and the courts.')
    expect(page.body).toContain('/media/ada.jpg')

    const bad = await as.author!.post('/admin/profile', {
      name: 'Ada Author',
      avatarUrl: 'javascript:alert(1)',
      bio: 'Kept text',
    })
    expect(bad.statusCode).toBe(400)
    expect($(bad)('#bio').text()).toBe('Kept text')
    const taken = await as.author!.post('/admin/profile', { name: 'Ada', slug: editor.slug })
    expect(taken.statusCode).toBe(409)
  })

  it('changes your password with the current one, ending your other sessions', async () => {
    const other = new Browser(t.app)
    await other.login(editor.email)
    const wrong = await as.editor!.post('/admin/profile/password', {
      current: 'not it at all',
      next: 'a brand new passphrase',
    })
    expect(wrong.statusCode).toBe(400)
    const ok = await as.editor!.post('/admin/profile/password', {
      current: PASSWORD,
      next: 'a brand new passphrase',
    })
    expect(ok.statusCode).toBe(303)
    expect((await as.editor!.get('/admin/profile')).statusCode).toBe(200)
    expect((await other.get('/admin/profile')).statusCode).toBe(303)
    expect(
      (await new Browser(t.app).login(editor.email, 'a brand new passphrase')).statusCode,
    ).toBe(303)
  })
})
