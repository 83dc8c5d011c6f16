/**
 * The newsroom's other lists (comments, subscribers, media, contact messages) page, search and
 * filter on the server like the story list, and the URL keeps every filter; on SQLite and
 * PostgreSQL.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { User } from '../../../src/auth/index.js'
import { addComments } from '../../../src/comments/index.js'
import { createArticle, stepArticle } from '../../../src/content/index.js'
import { importSubscribers } from '../../../src/newsletter/index.js'
import { describeDialects } from '../../support/test-database.js'
import { asUser, SYSTEM } from '../../support/kernel.js'
import { $, Browser, buildAdminApp, makeUser, NOW, type AdminApp } from './admin-test-app.js'

describeDialects('admin: comments, subscribers, media and contact lists', (dialect) => {
  let t: AdminApp
  let editor: User
  let author: User
  let ferry: number
  let budget: number
  const as: Record<string, Browser> = {}

  async function publish(authorId: number, title: string) {
    const draft = await createArticle(t.deps, asUser({ id: authorId }), { title })
    return (await stepArticle(t.deps, SYSTEM, draft.id, 'publish')).id
  }

  beforeAll(async () => {
    t = await buildAdminApp({}, undefined, dialect)
    editor = await makeUser(t, 'editor')
    author = await makeUser(t, 'author')
    for (const user of [editor, author]) {
      as[user.role] = new Browser(t.app)
      await as[user.role]!.login(user.email)
    }
    ferry = await publish(author.id, 'The ferry timetable')
    budget = await publish(editor.id, 'The council budget')
    const at = (n: number) => new Date(NOW.getTime() - n * 60_000)
    await addComments(t.deps, SYSTEM, [
      ...Array.from({ length: 56 }, (_, i) => ({
        articleId: ferry,
        parentId: null,
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.com`,
        body: i % 2 === 0 ? `The ferry was late again (${i}).` : `Nothing to add (${i}).`,
        status: 'pending' as const,
        createdAt: at(i),
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        articleId: budget,
        parentId: null,
        authorName: 'Quentin Quill',
        authorEmail: 'quentin@example.com',
        body: `The budget is a ferry of numbers (${i}).`,
        status: i === 0 ? ('spam' as const) : ('pending' as const),
        createdAt: at(100 + i),
      })),
    ])
    const csv = Array.from({ length: 57 }, (_, i) =>
      i < 5 ? `harbour${i}@example.com` : `person${i}@example.com`,
    ).join('\n')
    await importSubscribers(t.deps, SYSTEM, `email\n${csv}`)
    await t.db
      .insertInto('contact_messages')
      .values(
        Array.from({ length: 53 }, (_, i) => ({
          name: i === 7 ? 'Tilda Tipster' : `Sender ${i}`,
          email: `sender${i}@example.com`,
          subject: i === 7 ? 'A tip about the lighthouse' : `Message ${i}`,
          message: 'Hello newsroom.',
          created_at: NOW.getTime() - i * 60_000,
        })),
      )
      .execute()
  }, 60_000)
  afterAll(() => t.close())

  it('pages the comments queue with counts, search and a per-story filter kept in the URL', async () => {
    const first = $(await as.editor!.get('/admin/comments'))
    expect(first('[data-count=pending]').text()).toBe('59')
    expect(first('[data-count=spam]').text()).toBe('1')
    expect(first('.summary').text()).toBe('Showing 1–50 of 59')
    expect(first('[data-comment]')).toHaveLength(50)
    expect(first('.pager a[rel=next]').attr('href')).toBe('/admin/comments?status=pending&page=2')

    const found = $(await as.editor!.get('/admin/comments?q=FERRY'))
    // 28 readers mention the ferry, and three pending budget comments do too.
    expect(found('[data-count=pending]').text()).toBe('31')
    expect(found('[data-count=spam]').text()).toBe('1')
    expect(found('#q').val()).toBe('FERRY')
    expect(found('nav.tabs a[data-tab=spam]').attr('href')).toBe(
      '/admin/comments?status=spam&q=FERRY',
    )

    const onBudget = $(await as.editor!.get(`/admin/comments?q=ferry&article=${budget}`))
    expect(onBudget('.summary').text()).toBe('Showing 1–3 of 3')
    expect(onBudget('[data-comment]').text()).toContain('Quentin Quill')
    expect(onBudget('label[for=article]').text()).toContain('The council budget')

    const page2 = $(await as.editor!.get('/admin/comments?page=2'))
    expect(page2('.summary').text()).toBe('Showing 51–59 of 59')
    const past = $(await as.editor!.get('/admin/comments?page=40'))
    expect(past('.summary').text()).toBe('Showing 51–59 of 59')
    expect((await as.editor!.get('/admin/comments?article=abc')).statusCode).toBe(400)
  })

  it('comes back to the same filtered view after moderating', async () => {
    const page = $(await as.editor!.get(`/admin/comments?q=quentin&article=${budget}`))
    const id = page('[data-comment]').first().attr('data-comment')!
    const back = page(`#comment-${id} input[name=back]`).val() as string
    const done = await as.editor!.post(
      '/admin/comments/moderate',
      { ids: id, status: 'approved', tab: 'pending', back },
      { formPage: '/admin/comments' },
    )
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(
      `/admin/comments?status=pending&q=quentin&article=${budget}&moderated=1`,
    )
  })

  it('keeps an author to the comments on their own stories, also when searching', async () => {
    const page = $(await as.author!.get('/admin/comments?q=ferry'))
    expect(page('[data-count=pending]').text()).toBe('28')
    expect(page('[data-comment]').text()).not.toContain('Quentin')
  })

  it('pages subscribers with status tabs, counts and a search kept in the URL', async () => {
    const all = $(await as.editor!.get('/admin/subscribers'))
    expect(all('[data-count=all]').text()).toBe('57')
    expect(all('.summary').text()).toBe('Showing 1–50 of 57')
    expect(all('[data-subscriber]')).toHaveLength(50)
    const found = $(await as.editor!.get('/admin/subscribers?q=harbour'))
    expect(found('[data-count=all]').text()).toBe('5')
    expect(found('[data-subscriber]')).toHaveLength(5)
    const status = found('nav.tabs a[aria-current=page]').attr('data-tab')
    expect(status).toBe('all')
    const second = $(await as.editor!.get('/admin/subscribers?page=2'))
    expect(second('.summary').text()).toBe('Showing 51–57 of 57')
    expect(second('.pager a[rel=prev]').attr('href')).toBe('/admin/subscribers')
  })

  it('searches and pages the media library, keeping the filters in the pager', async () => {
    const create = { width: 8, height: 8, channels: 3 as const, background: '#345' }
    const png = await sharp({ create }).png().toBuffer()
    const uploader = new Browser(t.app)
    await uploader.login(author.email)
    for (const name of ['lighthouse.png', 'harbour-wall.png', 'harbour-boats.png']) {
      const response = await uploader.upload(
        `/admin/media/upload?filename=${name}`,
        png,
        'image/png',
      )
      expect(response.statusCode).toBe(201)
    }
    const found = $(await as.editor!.get('/admin/media?q=harbour&type=image%2Fpng'))
    expect(found('ul.media-grid li')).toHaveLength(2)
    expect(found('.summary').text()).toBe('Showing 1–2 of 2')
    expect(found('#q').val()).toBe('harbour')
    expect(found('#type option[selected]').val()).toBe('image/png')
    const none = $(await as.editor!.get('/admin/media?q=zeppelin'))
    expect(none('.summary').text()).toBe('No images match.')
  })

  it('searches and pages contact messages', async () => {
    const first = $(await as.editor!.get('/admin/contact'))
    expect(first('.summary').text()).toBe('Showing 1–50 of 53')
    expect(first('[data-message]')).toHaveLength(50)
    const found = $(await as.editor!.get('/admin/contact?q=LIGHTHOUSE'))
    expect(found('[data-message]')).toHaveLength(1)
    expect(found('[data-message] h2').text()).toBe('A tip about the lighthouse')
    const bySender = $(await as.editor!.get('/admin/contact?q=tilda'))
    expect(bySender('[data-message]')).toHaveLength(1)
    const second = $(await as.editor!.get('/admin/contact?q=sender&page=2'))
    expect(second('.summary').text()).toBe('Showing 51–53 of 53')
    expect(second('.pager a[rel=prev]').attr('href')).toBe('/admin/contact?q=sender')
    expect((await as.author!.get('/admin/contact')).statusCode).toBe(403)
  })
})
