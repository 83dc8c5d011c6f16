/**
 * The newsroom's story list: every story reachable (pages, counts per status), keyword search
 * (headline, standfirst, published bodies through the index), filters kept in the URL, sorting,
 * and bulk actions through the use cases, within each role's rights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit, type User } from '../../../src/auth/index.js'
import {
  createArticle,
  createCategory,
  findNewsroomArticle,
  type Category,
} from '../../../src/content/index.js'
import { reindexAll, createSqliteSearchIndex } from '../../../src/search/index.js'
import { $, Browser, buildAdminApp, makeUser, NOW, type AdminApp } from './admin-test-app.js'
import { asUser } from '../../support/kernel.js'

const DAY = 86_400_000

describe('admin: the story list', () => {
  let t: AdminApp
  let editor: User
  let author: User
  let contributor: User
  let world: Category
  let sport: Category
  const as: Record<'editor' | 'author' | 'contributor', Browser> = {} as never

  beforeAll(async () => {
    t = await buildAdminApp()
    editor = await makeUser(t, 'editor')
    author = await makeUser(t, 'author')
    contributor = await makeUser(t, 'contributor')
    world = await createCategory(t.deps, asUser(editor), { name: 'World' })
    sport = await createCategory(t.deps, asUser(editor), { name: 'Sport' })
    // 70 stories over 70 days: the editor's published ones in World, the author's drafts in Sport.
    for (let i = 1; i <= 70; i++) {
      t.clock.set(new Date(NOW.getTime() - (70 - i) * DAY))
      const mine = i % 2 === 0
      await createArticle(
        t.deps,
        asUser(mine ? editor : author),
        {
          title: `Story number ${i}`,
          standfirst: i === 7 ? 'The harbour wall gives way' : 'An ordinary day',
          bodyHtml: i === 12 ? '<p>The quokka escaped from the zoo.</p>' : '<p>Words.</p>',
          primaryCategoryId: mine ? world.id : sport.id,
          tags: i % 10 === 0 ? ['Floods'] : [],
        },
        mine ? { then: 'publish' } : {},
      )
    }
    t.clock.set(NOW)
    await reindexAll({ db: t.db, clock: t.clock, index: createSqliteSearchIndex(t.db) })
    for (const [role, user] of [
      ['editor', editor],
      ['author', author],
      ['contributor', contributor],
    ] as const) {
      as[role] = new Browser(t.app)
      expect((await as[role].login(user.email)).statusCode).toBe(303)
    }
  })
  afterAll(() => t.close())

  const headlines = async (url: string, who: Browser = as.editor) => {
    const response = await who.get(url)
    expect(response.statusCode).toBe(200)
    const page = $(response)
    return page('table.stories a.headline')
      .map((_, a) => page(a).text())
      .get()
  }

  it('pages through every story, 25 at a time, with counts per status', async () => {
    const page1 = await headlines('/admin/articles')
    const page3 = await headlines('/admin/articles?page=3')
    expect(page1).toHaveLength(25)
    expect(page1[0]).toBe('Story number 70')
    expect(page3).toHaveLength(20)
    expect(page3.at(-1)).toBe('Story number 1')
    expect(new Set([...page1, ...page3]).size).toBe(45)
    const page = $(await as.editor.get('/admin/articles'))
    const tabs = page('nav.tabs a')
      .map((_, a) => page(a).text().replace(/\s+/g, ' ').trim())
      .get()
    expect(tabs).toEqual(
      expect.arrayContaining(['All 70', 'Drafts 35', 'Published 35', 'Scheduled 0']),
    )
    expect(page('p.summary').text()).toBe('Showing 1–25 of 70')
    expect(page('nav.pager a[aria-current=page]').text()).toBe('1')
  })

  it('finds stories by headline, standfirst and (published) body words', async () => {
    expect(await headlines('/admin/articles?q=number+69')).toEqual(['Story number 69'])
    expect(await headlines('/admin/articles?q=HARBOUR')).toEqual(['Story number 7'])
    expect(await headlines('/admin/articles?q=quokka')).toEqual(['Story number 12'])
    const none = $(await as.editor.get('/admin/articles?q=zebra'))
    expect(none('p.summary').text()).toBe('No stories match.')
  })

  it('combines filters, keeps them in the URL and sorts', async () => {
    const url = `/admin/articles?status=published&section=${world.id}&tag=floods&sort=title-asc`
    expect(await headlines(url)).toEqual([
      'Story number 10',
      'Story number 20',
      'Story number 30',
      'Story number 40',
      'Story number 50',
      'Story number 60',
      'Story number 70',
    ])
    const page = $(await as.editor.get(url))
    expect(page('#section option[selected]').attr('value')).toBe(String(world.id))
    expect(page('#tag').attr('value')).toBe('floods')
    // The tabs keep the other filters.
    expect(page('nav.tabs a').first().attr('href')).toContain('tag=floods')
    const byAuthor = await headlines(`/admin/articles?author=${author.id}&page=2`)
    expect(byAuthor).toHaveLength(10)
    const day = new Date(NOW.getTime() - 2 * DAY).toISOString().slice(0, 10)
    expect(await headlines(`/admin/articles?from=${day}&to=${day}`)).toEqual(['Story number 68'])
    expect(await headlines(`/admin/articles?mine=1&status=draft`)).toEqual([])
  })

  it('shows writers below editor only their own stories', async () => {
    const seen = await headlines('/admin/articles?q=number+6', as.author)
    expect(seen).toEqual(expect.arrayContaining(['Story number 69', 'Story number 67']))
    expect(seen).not.toContain('Story number 68')
  })

  it('ignores nonsense in the URL instead of failing', async () => {
    const response = await as.editor.get('/admin/articles?page=abc&status=nope&from=yesterday')
    expect(response.statusCode).toBe(200)
    expect($(response)('p.summary').text()).toBe('Showing 1–25 of 70')
    expect(await headlines('/admin/articles?page=99')).toHaveLength(20)
  })

  it('links live stories to the site and the others to a preview', async () => {
    const page = $(await as.editor.get('/admin/articles?q=number+70'))
    expect(page('.row-links a').text()).toBe('View on site')
    const live = await as.editor.get(page('.row-links a').attr('href') ?? '')
    expect(live.statusCode).toBe(303)
    expect(live.headers.location).toMatch(/^\/\d{4}\/\d{2}\/story-number-70/)
    expect($(await as.editor.get('/admin/articles?q=number+69'))('.row-links a').text()).toBe(
      'Preview',
    )
  })

  it('applies bulk actions through the use cases, skipping what a role may not do', async () => {
    const ids = await idsOf('/admin/articles?q=number+1&status=draft&sort=title-asc')
    // Stories 1, 11, 13, 15, 17, 19 are the author's drafts.
    expect(ids).toHaveLength(6)
    const moved = await as.editor.post('/admin/articles/bulk', {
      ids: String(ids[0]),
      action: 'move',
      section: String(world.id),
      back: '?status=draft',
    })
    expect(moved.statusCode).toBe(303)
    expect(moved.headers.location).toBe('/admin/articles?status=draft&done=move%3A1')
    expect((await findNewsroomArticle(t.deps, ids[0]!))?.category?.id).toBe(world.id)

    const published = await postIds(as.editor, ids.slice(0, 3), 'publish')
    expect(published.statusCode).toBe(303)
    const notice = $(await as.editor.get(published.headers.location as string))
    expect(notice('.notice').text()).toBe('3 stories published.')
    for (const id of ids.slice(0, 3))
      expect((await findNewsroomArticle(t.deps, id))?.status).toBe('published')

    // A contributor cannot delete someone else's drafts: skipped, nothing deleted.
    const refused = await postIds(as.contributor, ids.slice(3), 'delete')
    expect(refused.headers.location).toContain('skipped=3')
    for (const id of ids.slice(3)) expect(await findNewsroomArticle(t.deps, id)).toBeDefined()

    const tagged = await as.editor.post('/admin/articles/bulk', {
      ids: String(ids[3]),
      action: 'tag',
      tag: 'Storms',
    })
    expect(tagged.statusCode).toBe(303)
    expect((await findNewsroomArticle(t.deps, ids[3]!))?.tags.map((x) => x.name)).toEqual([
      'Storms',
    ])

    const deleted = await postIds(as.editor, ids.slice(4), 'delete')
    expect(deleted.headers.location).toContain('done=delete%3A2')
    for (const id of ids.slice(4)) expect(await findNewsroomArticle(t.deps, id)).toBeUndefined()
    const audit = await listAudit(t.deps, { limit: 50 })
    expect(audit.filter((e) => e.action === 'article.delete')).toHaveLength(2)
  })

  it('shows the list again with a message when the bulk form is incomplete', async () => {
    const [id] = await idsOf('/admin/articles?status=draft')
    const response = await as.editor.post('/admin/articles/bulk', {
      ids: String(id),
      action: 'move',
      back: '?status=draft',
    })
    expect(response.statusCode).toBe(400)
    expect($(response)('.error').text()).toBe('Choose the section to move the stories to.')
    expect($(response)('nav.tabs a[aria-current=page]').text()).toContain('Drafts')
    const none = await as.editor.post('/admin/articles/bulk', { action: 'publish' })
    expect(none.statusCode).toBe(400)
  })

  async function idsOf(url: string): Promise<number[]> {
    const page = $(await as.editor.get(url))
    return page('input[name=ids]')
      .map((_, input) => Number(page(input).attr('value')))
      .get()
  }

  async function postIds(who: Browser, ids: number[], action: string) {
    const body = new URLSearchParams({ _csrf: await who.csrf('/admin/articles'), action })
    for (const id of ids) body.append('ids', String(id))
    const cookie = [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return t.app.inject({
      method: 'POST',
      url: '/admin/articles/bulk',
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    })
  }
})
