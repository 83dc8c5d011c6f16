/** The reader desks: the comments queue, subscribers, the newsletter and contact messages. */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../../src/auth/index.js'
import { addComments } from '../../../src/comments/index.js'
import { articlePath, createArticle, stepArticle } from '../../../src/content/index.js'
import { JobRunner } from '../../../src/jobs/job-runner.js'
import { newsletterJobs } from '../../../src/jobs/newsletter-jobs.js'
import { listOutbox } from '../../../src/mail/index.js'
import { findSettings } from '../../../src/settings/index.js'
import { $, Browser, buildAdminApp, makeUser, NOW, type AdminApp } from './admin-test-app.js'
import { asUser, SYSTEM, testServices } from '../../support/kernel.js'

describe('admin: reader desks', () => {
  let t: AdminApp
  let editor: User
  let author: User
  let otherAuthor: User
  const as: Record<string, Browser> = {}
  let ownArticle: { id: number; path: string }
  let otherArticle: { id: number; path: string }

  async function publish(authorId: number, title: string) {
    const draft = await createArticle(t.deps, asUser({ id: authorId }), { title })
    const article = await stepArticle(t.deps, SYSTEM, draft.id, 'publish')
    const { timeZone } = await findSettings({ db: t.db })
    return { id: article.id, path: articlePath(article, timeZone) }
  }

  async function comment(
    articleId: number,
    body: string,
    status: 'pending' | 'approved' = 'pending',
  ): Promise<number> {
    const [id] = await addComments(t.deps, SYSTEM, [
      {
        articleId,
        parentId: null,
        authorName: 'Reader',
        authorEmail: 'reader@example.com',
        body,
        status,
        createdAt: new Date(NOW.getTime()),
      },
    ])
    return id!
  }

  function statusOf(table: 'comments', id: number) {
    return t.db
      .selectFrom(table)
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
      .then((r) => r.status)
  }

  beforeAll(async () => {
    t = await buildAdminApp()
    editor = await makeUser(t, 'editor')
    author = await makeUser(t, 'author')
    otherAuthor = await makeUser(t, 'author', 'other-author@example.com')
    const contributor = await makeUser(t, 'contributor')
    for (const [key, user] of Object.entries({ editor, author, contributor })) {
      const browser = new Browser(t.app)
      await browser.login(user.email)
      as[key] = browser
    }
    ownArticle = await publish(author.id, 'Author’s own story')
    otherArticle = await publish(otherAuthor.id, 'Somebody else’s story')
  })
  afterAll(() => t.close())

  describe('comments queue', () => {
    it('lists a pending comment, and approving it puts it on the article page', async () => {
      const id = await comment(otherArticle.id, 'Is the <b>ferry</b> running?')
      const before = await t.app.inject({ url: otherArticle.path })
      expect(before.statusCode).toBe(200)
      expect(before.body).not.toContain('ferry</b> running')

      const response = await as.editor!.get('/admin/comments?status=pending')
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('private, no-store')
      const item = $(response)(`[data-comment="${id}"]`)
      expect(item.find('.comment-body').text()).toBe('Is the <b>ferry</b> running?')
      expect(item.find(`a[href="/admin/articles/${otherArticle.id}"]`).text()).toBe(
        'Somebody else’s story',
      )

      const approve = await as.editor!.post(
        '/admin/comments/moderate',
        { ids: String(id), status: 'approved', tab: 'pending' },
        { formPage: '/admin/comments' },
      )
      expect(approve.statusCode).toBe(303)
      expect(approve.headers.location).toBe('/admin/comments?status=pending&moderated=1')
      expect(await statusOf('comments', id)).toBe('approved')
      const after = await t.app.inject({ url: otherArticle.path })
      expect($(after)(`#comment-${id} .comment-text`).text()).toBe('Is the <b>ferry</b> running?')
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'user_id'])
        .where('subject_type', '=', 'comment')
        .where('subject_id', '=', id)
        .execute()
      expect(audit).toEqual([{ action: 'comment.moderate', user_id: editor.id }])
    })

    it('lets an author moderate comments on their own articles only', async () => {
      const mine = await comment(ownArticle.id, 'On the author’s story')
      const theirs = await comment(otherArticle.id, 'On another story')
      const page = $(await as.author!.get('/admin/comments'))
      expect(page(`[data-comment="${mine}"]`).length).toBe(1)
      expect(page(`[data-comment="${theirs}"]`).length).toBe(0)

      const refused = await as.author!.post('/admin/comments/moderate', {
        ids: String(theirs),
        status: 'spam',
      })
      expect(refused.statusCode).toBe(403)
      expect(await statusOf('comments', theirs)).toBe('pending')
      const allowed = await as.author!.post('/admin/comments/moderate', {
        ids: String(mine),
        status: 'trash',
      })
      expect(allowed.statusCode).toBe(303)
      expect(await statusOf('comments', mine)).toBe('trash')
    })

    it('refuses contributors', async () => {
      expect((await as.contributor!.get('/admin/comments')).statusCode).toBe(403)
      expect(
        $(await as.contributor!.get('/admin/sessions'))('a[href="/admin/comments"]').length,
      ).toBe(0)
    })

    it('marks several comments as spam at once', async () => {
      const a = await comment(ownArticle.id, 'Cheap watches')
      const b = await comment(otherArticle.id, 'Cheap watches again')
      const csrf = await as.editor!.csrf('/admin/comments')
      const response = await t.app.inject({
        method: 'POST',
        url: '/admin/comments/moderate',
        payload: `_csrf=${csrf}&status=spam&ids=${a}&ids=${b}`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...as.editor!.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      })
      expect(response.statusCode).toBe(303)
      expect([await statusOf('comments', a), await statusOf('comments', b)]).toEqual([
        'spam',
        'spam',
      ])
      const spamTab = $(await as.editor!.get('/admin/comments?status=spam'))
      expect(spamTab('[data-count="spam"]').text()).toBe('2')
    })

    it('publishes a staff reply as approved', async () => {
      const id = await comment(otherArticle.id, 'When does the library open?')
      const response = await as.editor!.post(
        `/admin/comments/${id}/reply`,
        { body: 'At nine, from Monday.', tab: 'pending' },
        { formPage: '/admin/comments' },
      )
      expect(response.statusCode).toBe(303)
      const reply = await t.db
        .selectFrom('comments')
        .select(['status', 'user_id', 'parent_id'])
        .where('body', '=', 'At nine, from Monday.')
        .executeTakeFirstOrThrow()
      expect(reply).toEqual({ status: 'approved', user_id: editor.id, parent_id: id })
      const page = await t.app.inject({ url: otherArticle.path })
      expect(page.body).toContain('At nine, from Monday.')
    })

    it('mails the opt-in reply notice when a reply is approved from the article screen', async () => {
      const now = NOW.getTime()
      const [parentId] = await addComments(t.deps, SYSTEM, [
        {
          articleId: otherArticle.id,
          parentId: null,
          authorName: 'Asker',
          authorEmail: 'asker@example.com',
          body: 'Will the ferry run on Sunday?',
          status: 'approved',
          notifyReplies: true,
          createdAt: new Date(now),
        },
      ])
      const [replyId] = await addComments(t.deps, SYSTEM, [
        {
          articleId: otherArticle.id,
          parentId,
          authorName: 'Answerer',
          authorEmail: 'answerer@example.com',
          body: 'It runs every two hours.',
          status: 'pending',
          createdAt: new Date(now),
        },
      ])
      const noticesTo = async (to: string) =>
        (await listOutbox(path.join(t.dataDir, 'outbox'))).filter((m) => m.to === to)
      expect(await noticesTo('asker@example.com')).toHaveLength(0)
      const response = await as.editor!.post(
        `/admin/comments/${replyId}/moderate`,
        { status: 'approved' },
        { formPage: `/admin/articles/${otherArticle.id}` },
      )
      expect(response.statusCode).toBe(303)
      expect(await statusOf('comments', replyId!)).toBe('approved')
      const notices = await noticesTo('asker@example.com')
      expect(notices).toHaveLength(1)
      expect(notices[0]!.subject).toMatch(/repl/i)
    })

    it('answers bad input with a 400 page, never a 500', async () => {
      const inputs: Record<string, string>[] = [
        { ids: 'abc', status: 'approved' },
        { ids: '1', status: 'deleted' },
        { status: 'approved' },
      ]
      for (const fields of inputs) {
        const response = await as.editor!.post('/admin/comments/moderate', fields)
        expect(response.statusCode).toBe(400)
      }
      expect((await as.editor!.get('/admin/comments?status=nope')).statusCode).toBe(400)
      const empty = await as.editor!.post('/admin/comments/1/reply', { body: '  ' })
      expect(empty.statusCode).toBe(400)
    })

    it('refuses a moderation POST without a CSRF token', async () => {
      const id = await comment(otherArticle.id, 'No token')
      const response = await as.editor!.post(
        '/admin/comments/moderate',
        { ids: String(id), status: 'approved' },
        { csrf: null },
      )
      expect(response.statusCode).toBe(403)
      expect(await statusOf('comments', id)).toBe('pending')
    })
  })

  describe('subscribers', () => {
    it('imports a CSV: deduplicated, invalid addresses reported', async () => {
      const csv = 'email\nann@example.com\nANN@example.com\nbob@example.com\nnot-an-address\n'
      const response = await as.editor!.post(
        '/admin/subscribers/import',
        { csv },
        { formPage: '/admin/subscribers' },
      )
      expect(response.statusCode).toBe(200)
      const report = $(response)('#import-report')
      expect(report.find('[data-added]').text()).toBe('2')
      expect(report.find('[data-skipped]').text()).toBe('1')
      expect(report.find('[data-invalid-address]').text()).toBe('not-an-address')
    })

    it('imports an uploaded CSV file', async () => {
      const csrf = await as.editor!.csrf('/admin/subscribers')
      const boundary = 'xyzBOUNDARY'
      const body = [
        `--${boundary}`,
        'Content-Disposition: form-data; name="_csrf"',
        '',
        csrf,
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="list.csv"',
        'Content-Type: text/csv',
        '',
        'cat@example.com\r\nann@example.com',
        `--${boundary}--`,
        '',
      ].join('\r\n')
      const response = await t.app.inject({
        method: 'POST',
        url: '/admin/subscribers/import',
        payload: body,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: [...as.editor!.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      })
      expect(response.statusCode).toBe(200)
      expect($(response)('[data-added]').text()).toBe('1')
      expect($(response)('[data-skipped]').text()).toBe('1')
    })

    it('exports the imported addresses as a CSV download', async () => {
      const response = await as.editor!.get('/admin/subscribers/export.csv')
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename=/)
      expect(response.headers['cache-control']).toBe('private, no-store')
      expect(response.body).toContain('ann@example.com,confirmed,import,')
      expect(response.body).toContain('bob@example.com')
      // In the order they joined, each once.
      const rows = response.body.trim().split('\r\n').slice(1)
      const emails = rows.map((row) => row.split(',')[0])
      expect(new Set(emails).size).toBe(emails.length)
      expect(emails.indexOf('ann@example.com')).toBeLessThan(emails.indexOf('bob@example.com'))
    })

    it('lists, filters and searches subscribers', async () => {
      const page = $(await as.editor!.get('/admin/subscribers?status=confirmed&q=ann'))
      expect(page('[data-subscriber]').length).toBe(1)
      expect(page('[data-subscriber="ann@example.com"] .status').text()).toBe('confirmed')
    })

    it('marks an address bounced', async () => {
      const response = await as.editor!.post(
        '/admin/subscribers/mark',
        { email: 'bob@example.com', status: 'bounced' },
        { formPage: '/admin/subscribers' },
      )
      expect(response.statusCode).toBe(303)
      const page = $(await as.editor!.get('/admin/subscribers?status=bounced'))
      expect(page('[data-subscriber="bob@example.com"] .status').text()).toBe('bounced')
      const bad = await as.editor!.post('/admin/subscribers/mark', {
        email: 'bob@example.com',
        status: 'confirmed',
      })
      expect(bad.statusCode).toBe(400)
    })

    it('is closed to authors', async () => {
      expect((await as.author!.get('/admin/subscribers')).statusCode).toBe(403)
      expect((await as.author!.get('/admin/subscribers/export.csv')).statusCode).toBe(403)
      const response = await as.author!.post('/admin/subscribers/import', { csv: 'x@example.com' })
      expect(response.statusCode).toBe(403)
    })
  })

  describe('newsletter', () => {
    it('sends the digest now: a send record, delivered by the job runner', async () => {
      const response = await as.editor!.post(
        '/admin/newsletter/digest',
        { kind: 'daily' },
        { formPage: '/admin/newsletter' },
      )
      expect(response.statusCode).toBe(303)
      const services = testServices({
        db: t.db,
        dialect: 'sqlite',
        clock: t.clock,
        dataDir: t.dataDir,
      })
      const jobs = newsletterJobs(services)
      await new JobRunner({ deps: services, handlers: jobs.handlers }).tick()

      const page = $(await as.editor!.get('/admin/newsletter'))
      const row = page('[data-send]').first()
      expect(row.find('[data-recipients]').text()).toBe('2')
      expect(row.find('[data-sent]').text()).toBe('2')
      expect(row.find('[data-failed]').text()).toBe('0')
      const subject = row.find('[data-subject]').text()
      expect(subject).not.toBe('')
      const outbox = await listOutbox(path.join(t.dataDir, 'outbox'))
      // Other tests here leave mail in the outbox too (reply notices): take this send's.
      const digests = outbox.filter((m) => m.subject === subject)
      expect(digests.map((m) => m.to).sort()).toEqual(['ann@example.com', 'cat@example.com'])
    })

    it('sends a picked article now, and rejects an article that is not published', async () => {
      const ok = await as.editor!.post(
        '/admin/newsletter/article',
        { articleId: String(ownArticle.id) },
        { formPage: '/admin/newsletter' },
      )
      expect(ok.statusCode).toBe(303)
      const page = $(await as.editor!.get('/admin/newsletter'))
      expect(page('[data-send]').first().text()).toContain('Author’s own story')
      const bad = await as.editor!.post('/admin/newsletter/article', { articleId: '99999' })
      expect(bad.statusCode).toBe(400)
    })
  })

  describe('contact messages', () => {
    it('lists a message posted through the public contact form', async () => {
      const stamp = (await t.app.inject({ url: '/api/form-stamp' })).json<{ stamp: string }>()
      t.clock.advance(60_000)
      const posted = await t.app.inject({
        method: 'POST',
        url: '/contact',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        payload: new URLSearchParams({
          name: 'Ada Reader',
          email: 'ada@example.com',
          subject: 'A tip about the bridge',
          message: 'The bridge closes on Friday.',
          stamp: stamp.stamp,
        }).toString(),
      })
      expect(posted.statusCode).toBe(200)
      const page = $(await as.editor!.get('/admin/contact'))
      const item = page('[data-message]').first()
      expect(item.find('h2').text()).toBe('A tip about the bridge')
      expect(item.text()).toContain('The bridge closes on Friday.')
      expect((await as.author!.get('/admin/contact')).statusCode).toBe(403)
    })
  })
})
