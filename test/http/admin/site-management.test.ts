/** Site management: sections, tags (rename/merge with redirects), menus, redirects, settings, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../../src/auth/index.js'
import {
  articlePath,
  createArticle,
  createCategory,
  findNewsroomArticle,
  listCategories,
  stepArticle,
} from '../../../src/content/index.js'
import { EventBus, type DomainEvent } from '../../../src/events.js'
import { findMenuItems, findSettings, replaceMenu } from '../../../src/settings/index.js'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

describe('admin: site management', () => {
  let t: AdminApp
  let owner: User
  let editor: User
  let author: User
  const b: Record<string, Browser> = {}

  beforeAll(async () => {
    t = await buildAdminApp()
    owner = await makeUser(t, 'owner')
    editor = await makeUser(t, 'editor')
    author = await makeUser(t, 'author')
    for (const user of [owner, editor, author]) {
      b[user.role] = new Browser(t.app)
      await b[user.role]!.login(user.email)
    }
  })
  afterAll(() => t.close())

  it('adds sections, edits one and reorders siblings', async () => {
    for (const name of ['World', 'Business', 'Sport'])
      expect((await b.editor!.post('/admin/sections', { name })).statusCode).toBe(303)
    const [world, business, sport] = await listCategories({ db: t.db })
    const edit = await b.editor!.post(`/admin/sections/${sport!.id}`, {
      name: 'Sport',
      description: 'Scores and stories',
      parentId: String(world!.id),
    })
    expect(edit.statusCode).toBe(303)
    const moved = await b.editor!.post('/admin/sections/move', {
      id: String(business!.id),
      direction: 'up',
    })
    expect(moved.statusCode).toBe(303)
    const page = $(await b.editor!.get('/admin/sections'))
    const rows = page('tbody tr td:first-child a')
      .map((_, el) => page(el).text())
      .get()
    expect(rows).toEqual(['Business', 'World', 'Sport'])
    expect(page('tbody').text()).toContain('Scores and stories')
  })

  it('refuses to put a section inside itself', async () => {
    const [, world] = await listCategories({ db: t.db }).then((all) =>
      all.sort((a, b) => a.position - b.position),
    )
    const response = await b.editor!.post(`/admin/sections/${world!.id}`, {
      name: world!.name,
      parentId: String(world!.id),
    })
    expect(response.statusCode).toBe(400)
  })

  it('renames a tag with a redirect from its old page and merges another into it', async () => {
    const a = await createArticle(t.deps, asUser(editor), { title: 'One', tags: ['Transprot'] })
    const c = await createArticle(t.deps, asUser(editor), { title: 'Two', tags: ['Ferries'] })
    await stepArticle(t.deps, SYSTEM, a.id, 'publish')
    const tags = $(await b.editor!.get('/admin/tags'))
    const renameAction = tags('form[action$="/rename"]')
      .filter((_, f) => tags(f).find('input[name="name"]').attr('value') === 'Transprot')
      .attr('action') as string
    expect((await b.editor!.post(renameAction, { name: 'Transport' })).statusCode).toBe(303)
    const old = await t.app.inject({ method: 'GET', url: '/tag/transprot/' })
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe('/tag/transport/')

    const fresh = $(await b.editor!.get('/admin/tags'))
    const ferriesMerge = fresh('form[action$="/merge"]')
      .filter(
        (_, f) =>
          fresh(f).find('input[name="into"]').attr('aria-label') === 'Tag to merge Ferries into',
      )
      .attr('action') as string
    // A name that is no tag: the form comes back with the message and what was typed.
    const wrong = await b.editor!.post(ferriesMerge, { into: 'Transportation' })
    expect(wrong.statusCode).toBe(400)
    const shown = $(wrong)
    expect(shown('.error, [role="alert"]').text()).toContain(
      'There is no tag named “Transportation”',
    )
    expect(shown('input[aria-label="Tag to merge Ferries into"]').attr('value')).toBe(
      'Transportation',
    )
    // Typed as it is shown, in any case.
    expect((await b.editor!.post(ferriesMerge, { into: 'transport' })).statusCode).toBe(303)
    expect((await findNewsroomArticle(t.deps, c.id))?.tags.map((x) => x.name)).toEqual([
      'Transport',
    ])
    const merged = await t.app.inject({ method: 'GET', url: '/tag/ferries/' })
    expect(merged.headers.location).toBe('/tag/transport/')
  })

  it('pages and searches the tags of a large archive', async () => {
    const now = Date.now()
    await t.db
      .insertInto('tags')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          name: `Zone ${String(i).padStart(3, '0')}`,
          slug: `zone-${String(i).padStart(3, '0')}`,
          created_at: now,
        })),
      )
      .execute()
    const names = (page: ReturnType<typeof $>) =>
      page('tbody tr td:first-child')
        .map((_, el) => page(el).contents().first().text().trim())
        .get()
    const first = $(await b.editor!.get('/admin/tags?q=zone'))
    expect(names(first)).toHaveLength(50)
    expect(first('.summary').text()).toBe('Showing 1–50 of 120')
    const last = $(await b.editor!.get('/admin/tags?q=zone&page=3'))
    expect(names(last)).toEqual(Array.from({ length: 20 }, (_, i) => `Zone ${100 + i}`))
    const one = $(await b.editor!.get('/admin/tags?q=ZONE%20117'))
    expect(names(one)).toEqual(['Zone 117'])
    const none = $(await b.editor!.get('/admin/tags?q=nothing-like-it'))
    expect(none('.summary').text()).toBe('No tag matches that search.')
    // A bookmark past the end shows the last page; a bad page number is refused.
    expect(names($(await b.editor!.get('/admin/tags?q=zone&page=99')))).toHaveLength(20)
    expect((await b.editor!.get('/admin/tags?page=x')).statusCode).toBe(400)
  })

  it('reorders a menu with the up/down buttons', async () => {
    await replaceMenu(t.deps, SYSTEM, {
      location: 'primary',
      name: 'Primary',
      items: [
        { label: 'Home', url: '/' },
        { label: 'About', url: '/about/' },
      ],
    })
    const [home, about] = await findMenuItems({ db: t.db }, 'primary')
    const response = await b.editor!.post('/admin/menus/primary/move', {
      id: String(about!.id),
      direction: 'up',
    })
    expect(response.statusCode).toBe(303)
    expect((await findMenuItems({ db: t.db }, 'primary')).map((i) => i.label)).toEqual([
      'About',
      'Home',
    ])
    const page = $(await b.editor!.get('/admin/menus'))
    expect(page('button[aria-label="Move Home up"]').length).toBe(1)
    expect(home).toBeDefined()
  })

  it('adds and deletes redirects, refusing bad paths', async () => {
    expect(
      (await b.editor!.post('/admin/redirects', { fromPath: '/old/', toPath: '/new/' })).statusCode,
    ).toBe(303)
    expect((await t.app.inject({ method: 'GET', url: '/old/' })).headers.location).toBe('/new/')
    const bad = await b.editor!.post('/admin/redirects', { fromPath: 'nope', toPath: '/x/' })
    expect(bad.statusCode).toBe(400)
    expect($(bad)('.error').text()).toContain('must start with /')
    const del = await b.editor!.post('/admin/redirects/delete', { fromPath: '/old/' })
    expect(del.statusCode).toBe(303)
    expect((await t.app.inject({ method: 'GET', url: '/old/' })).statusCode).toBe(404)
  })

  it('keeps settings and the audit log to administrators', async () => {
    expect((await b.editor!.get('/admin/settings')).statusCode).toBe(403)
    expect((await b.editor!.get('/admin/audit')).statusCode).toBe(403)
    expect((await b.author!.get('/admin/sections')).statusCode).toBe(403)
    expect(
      (await b.author!.post('/admin/redirects', { fromPath: '/a/', toPath: '/b/' })).statusCode,
    ).toBe(403)
  })

  it('saves site settings with validation and shows the audit log', async () => {
    const form = {
      title: 'The Harbour Gazette',
      tagline: 'News from the quay',
      logoUrl: '/media/logo.png',
      faviconUrl: '',
      timeZone: 'Europe/Paris',
      locale: 'fr-FR',
      dateFormat: 'medium',
      contactEmail: 'desk@harbour.test',
      commentPolicy: 'hold-all',
      'social.x': 'https://x.com/harbour',
    }
    const bad = await b.owner!.post('/admin/settings/site', { ...form, timeZone: 'Mars/Base' })
    expect(bad.statusCode).toBe(400)
    const ok = await b.owner!.post('/admin/settings/site', form)
    expect(ok.statusCode).toBe(303)
    expect(await findSettings({ db: t.db })).toMatchObject({
      title: 'The Harbour Gazette',
      timeZone: 'Europe/Paris',
      dateFormat: 'medium',
      commentPolicy: 'hold-all',
      social: { x: 'https://x.com/harbour' },
    })
    // Readers see dates in the chosen format, locale and time zone.
    const draft = await createArticle(t.deps, asUser(owner), { title: 'Quay lights switched on' })
    const story = await stepArticle(t.deps, SYSTEM, draft.id, 'publish')
    const reader = await t.app.inject({ url: articlePath(story, 'Europe/Paris') })
    expect(reader.statusCode).toBe(200)
    const published = $(reader)('.byline time').first()
    expect(published.attr('datetime')).toBe(story.publishedAt?.toISOString())
    expect(published.text()).toBe(
      new Intl.DateTimeFormat('fr-FR', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'Europe/Paris',
      }).format(story.publishedAt ?? undefined),
    )
    const audit = $(await b.owner!.get('/admin/audit'))
    const actions = audit('tbody td:nth-child(3)')
      .map((_, el) => audit(el).text())
      .get()
    expect(actions).toEqual(expect.arrayContaining(['settings.update', 'tag.merge', 'tag.rename']))
  })
})

describe('admin: site management events', () => {
  it('announces settings and taxonomy changes so the page cache purges', async () => {
    const events = new EventBus()
    const seen: DomainEvent[] = []
    events.on((e) => void seen.push(e))
    const t = await buildAdminApp({}, events)
    try {
      const owner = await makeUser(t, 'owner')
      const browser = new Browser(t.app)
      await browser.login(owner.email)
      await createCategory({ ...t.deps }, SYSTEM, { name: 'World' })
      const [world] = await listCategories({ db: t.db })
      await browser.post(`/admin/sections/${world!.id}`, { name: 'World news' })
      await browser.post('/admin/settings/site', {
        title: 'New title',
        timeZone: 'UTC',
        locale: 'en-GB',
        dateFormat: 'long',
        commentPolicy: 'publish',
      })
      expect(seen).toContainEqual({ type: 'taxonomy.changed', kind: 'section', slugs: ['world'] })
      const settings = seen.find((e) => e.type === 'settings.changed')
      expect(settings?.type === 'settings.changed' && settings.keys).toContain('title')
    } finally {
      await t.close()
    }
  })
})
