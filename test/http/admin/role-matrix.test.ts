/**
 * The role table, walked through HTTP: every row, for every role, asserting allowed
 * (2xx/3xx, and the effect happened) or refused (403 with a reason, and nothing changed).
 */
import type { LightMyRequestResponse } from 'fastify'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit, type Role, type User } from '../../../src/auth/index.js'
import { addComments } from '../../../src/comments/index.js'
import { createArticle, findNewsroomArticle, listCategories } from '../../../src/content/index.js'
import { findSettings } from '../../../src/settings/index.js'
import { Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

const ROLES: Role[] = ['owner', 'admin', 'editor', 'author', 'contributor']

interface Cell {
  response: LightMyRequestResponse
  /** Checks the effect when allowed, or that nothing changed when refused. */
  check?: (allowed: boolean) => Promise<void>
}

type Row = [label: string, allowed: Role[], act: (who: Actor) => Promise<Cell>]

interface Actor {
  role: Role
  user: User
  browser: Browser
}

describe('admin: the role matrix through HTTP', () => {
  let t: AdminApp
  let stranger: User
  const actors = new Map<Role, Actor>()
  let png: Buffer
  let serial = 0

  beforeAll(async () => {
    t = await buildAdminApp()
    stranger = await makeUser(t, 'author', 'stranger@example.com')
    for (const role of ROLES) {
      const user = await makeUser(t, role)
      const browser = new Browser(t.app)
      expect((await browser.login(user.email)).statusCode).toBe(303)
      actors.set(role, { role, user, browser })
    }
    png = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#c00' },
    })
      .png()
      .toBuffer()
  })
  afterAll(() => t.close())

  const draft = (authorId: number) =>
    createArticle(t.deps, asUser({ id: authorId }), {
      title: `Story ${++serial}`,
      bodyHtml: '<p>Words.</p>',
    })
  const statusOf = async (id: number) => (await findNewsroomArticle(t.deps, id))?.status
  const act = (who: Actor, id: number, fields: Record<string, string>) =>
    who.browser.post(`/admin/articles/${id}`, fields)

  async function moderate(who: Actor, authorId: number): Promise<Cell> {
    const article = await draft(authorId)
    const [commentId] = await addComments(t.deps, SYSTEM, [
      {
        articleId: article.id,
        parentId: null,
        authorName: 'Reader',
        authorEmail: 'reader@example.com',
        body: 'Well said.',
        status: 'pending',
        createdAt: new Date(t.clock.now().getTime()),
      },
    ])
    const response = await who.browser.post(`/admin/comments/${commentId}/moderate`, {
      status: 'approved',
    })
    return {
      response,
      check: async (allowed) => {
        const after = await findNewsroomArticle(t.deps, article.id)
        expect(after?.commentCount).toBe(allowed ? 1 : 0)
      },
    }
  }

  const EVERYONE = ROLES
  const AUTHORS_UP: Role[] = ['owner', 'admin', 'editor', 'author']
  const EDITORS_UP: Role[] = ['owner', 'admin', 'editor']
  const ADMINS: Role[] = ['owner', 'admin']

  const rows: Row[] = [
    [
      'write drafts',
      EVERYONE,
      async (who) => {
        const title = `Fresh draft by ${who.role} ${++serial}`
        const response = await who.browser.post('/admin/articles', { title, action: 'save' })
        return {
          response,
          check: async () => {
            const id = Number(/\/admin\/articles\/(\d+)/.exec(response.headers.location ?? '')?.[1])
            const article = await findNewsroomArticle(t.deps, id)
            expect(article?.title).toBe(title)
            expect(article?.authors.map((a) => a.id)).toEqual([who.user.id])
          },
        }
      },
    ],
    [
      'edit own draft',
      EVERYONE,
      async (who) => {
        const article = await draft(who.user.id)
        const response = await act(who, article.id, {
          title: 'Edited headline',
          version: String(article.version),
          action: 'save',
        })
        return {
          response,
          check: async () => {
            expect((await findNewsroomArticle(t.deps, article.id))?.title).toBe('Edited headline')
          },
        }
      },
    ],
    [
      'submit own for review',
      EVERYONE,
      async (who) => {
        const article = await draft(who.user.id)
        const response = await act(who, article.id, { title: article.title, action: 'submit' })
        return {
          response,
          check: async () => expect(await statusOf(article.id)).toBe('pending'),
        }
      },
    ],
    [
      'publish own',
      AUTHORS_UP,
      async (who) => {
        const article = await draft(who.user.id)
        const response = await act(who, article.id, { title: article.title, action: 'publish' })
        return {
          response,
          check: async (ok) => expect(await statusOf(article.id)).toBe(ok ? 'published' : 'draft'),
        }
      },
    ],
    [
      'publish a new article straight away',
      AUTHORS_UP,
      async (who) => {
        const before = (await listAudit(t.deps, { limit: 200 })).length
        const response = await who.browser.post('/admin/articles', {
          title: `Straight out ${++serial}`,
          action: 'publish',
        })
        return {
          response,
          // Refused before the draft exists: no article, no audit entry.
          check: async (ok) =>
            expect((await listAudit(t.deps, { limit: 200 })).length).toBe(before + (ok ? 1 : 0)),
        }
      },
    ],
    [
      'schedule own (site time zone)',
      AUTHORS_UP,
      async (who) => {
        const article = await draft(who.user.id)
        const response = await act(who, article.id, {
          title: article.title,
          action: 'schedule',
          publishAt: '2026-06-02T10:00',
        })
        return {
          response,
          check: async (ok) => {
            const after = await findNewsroomArticle(t.deps, article.id)
            expect(after?.status).toBe(ok ? 'scheduled' : 'draft')
            // Europe/London is on BST in June: 10:00 local is 09:00Z.
            if (ok) expect(after?.publishedAt?.toISOString()).toBe('2026-06-02T09:00:00.000Z')
          },
        }
      },
    ],
    [
      'unpublish and archive own',
      AUTHORS_UP,
      async (who) => {
        const article = await draft(who.user.id)
        await t.db
          .updateTable('articles')
          .set({ status: 'published', published_at: 1 })
          .where('id', '=', article.id)
          .execute()
        const response = await act(who, article.id, { action: 'unpublish' })
        return {
          response,
          check: async (ok) => {
            expect(await statusOf(article.id)).toBe(ok ? 'draft' : 'published')
            if (!ok) return
            const archived = await act(who, article.id, { action: 'archive' })
            expect(archived.statusCode).toBe(303)
            expect(await statusOf(article.id)).toBe('archived')
          },
        }
      },
    ],
    [
      'edit others’',
      EDITORS_UP,
      async (who) => {
        const article = await draft(stranger.id)
        const response = await act(who, article.id, {
          title: 'Rewritten by someone else',
          version: String(article.version),
          action: 'save',
        })
        return {
          response,
          check: async (ok) =>
            expect((await findNewsroomArticle(t.deps, article.id))?.title).toBe(
              ok ? 'Rewritten by someone else' : article.title,
            ),
        }
      },
    ],
    [
      'open others’ article in the editor',
      EDITORS_UP,
      async (who) => ({
        response: await who.browser.get(`/admin/articles/${(await draft(stranger.id)).id}`),
      }),
    ],
    [
      'publish others’',
      EDITORS_UP,
      async (who) => {
        const article = await draft(stranger.id)
        const response = await act(who, article.id, { title: article.title, action: 'publish' })
        return {
          response,
          check: async (ok) => expect(await statusOf(article.id)).toBe(ok ? 'published' : 'draft'),
        }
      },
    ],
    [
      'schedule others’',
      EDITORS_UP,
      async (who) => {
        const article = await draft(stranger.id)
        const response = await act(who, article.id, {
          title: article.title,
          action: 'schedule',
          publishAt: '2026-06-03T08:00',
        })
        return {
          response,
          check: async (ok) => expect(await statusOf(article.id)).toBe(ok ? 'scheduled' : 'draft'),
        }
      },
    ],
    [
      'upload media',
      AUTHORS_UP,
      async (who) => {
        const response = await who.browser.upload(
          `/admin/media/upload?filename=${who.role}.png`,
          png,
          'image/png',
        )
        return {
          response,
          check: async (ok) => {
            const rows = await t.db
              .selectFrom('media')
              .select('uploaded_by')
              .where('uploaded_by', '=', who.user.id)
              .execute()
            expect(rows.length).toBe(ok ? 1 : 0)
          },
        }
      },
    ],
    ['moderate comments on own articles', AUTHORS_UP, (who) => moderate(who, who.user.id)],
    ['moderate comments on others’ articles', EDITORS_UP, (who) => moderate(who, stranger.id)],
    [
      'sections',
      EDITORS_UP,
      async (who) => {
        const name = `Section by ${who.role}`
        const response = await who.browser.post('/admin/sections', { name })
        return {
          response,
          check: async (ok) =>
            expect((await listCategories({ db: t.db })).some((c) => c.name === name)).toBe(ok),
        }
      },
    ],
    ['users: list', ADMINS, async (who) => ({ response: await who.browser.get('/admin/users') })],
    [
      'users: invite',
      ADMINS,
      async (who) => {
        const email = `invitee-of-${who.role}@example.com`
        const response = await who.browser.post('/admin/users', {
          name: 'Invitee',
          email,
          role: 'author',
        })
        return {
          response,
          check: async (ok) => {
            const found = await t.db
              .selectFrom('users')
              .select('id')
              .where('email', '=', email)
              .executeTakeFirst()
            expect(found !== undefined).toBe(ok)
          },
        }
      },
    ],
    ['outbox', ADMINS, async (who) => ({ response: await who.browser.get('/admin/outbox') })],
    [
      'settings',
      ADMINS,
      async (who) => {
        const before = (await findSettings({ db: t.db })).title
        const response = await who.browser.post('/admin/settings/site', {
          title: `Gazette (${who.role})`,
        })
        return {
          response,
          check: async (ok) =>
            expect((await findSettings({ db: t.db })).title).toBe(
              ok ? `Gazette (${who.role})` : before,
            ),
        }
      },
    ],
    [
      'ad slots',
      ADMINS,
      async (who) => {
        const slot = `slot-${who.role}`
        const response = await who.browser.post('/admin/ad-slots', { slot, html: '<b>Ad</b>' })
        return {
          response,
          check: async (ok) => expect(slot in (await findSettings({ db: t.db })).adSlots).toBe(ok),
        }
      },
    ],
  ]

  for (const [label, allowedRoles, run] of rows) {
    for (const role of ROLES) {
      const allowed = allowedRoles.includes(role)
      it(`${label}: ${role} ${allowed ? 'may' : 'may not'}`, async () => {
        const who = actors.get(role)
        if (!who) throw new Error(`no ${role}`)
        const { response, check } = await run(who)
        if (allowed) {
          expect(response.statusCode, response.body.slice(0, 500)).toBeGreaterThanOrEqual(200)
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(400)
        } else {
          expect(response.statusCode).toBe(403)
          expect(response.body).toContain('Not allowed')
          // Refused by the role rule, not by the CSRF check.
          expect(response.body).not.toContain('did not come from this site')
        }
        await check?.(allowed)
      })
    }
  }

  it('shows writers below editor only their own articles, editors everyone’s', async () => {
    const own = await draft(actors.get('author')?.user.id ?? 0)
    const theirs = await draft(stranger.id)
    const authorList = await actors.get('author')?.browser.get('/admin/articles?status=draft')
    expect(authorList?.body).toContain(own.title)
    expect(authorList?.body).not.toContain(theirs.title)
    const editorList = await actors.get('editor')?.browser.get('/admin/articles?status=draft')
    expect(editorList?.body).toContain(own.title)
    expect(editorList?.body).toContain(theirs.title)
  })

  it('keeps a contributor off their own article once it is published', async () => {
    const contributor = actors.get('contributor')
    if (!contributor) throw new Error('no contributor')
    const article = await draft(contributor.user.id)
    await t.db
      .updateTable('articles')
      .set({ status: 'published', published_at: 1 })
      .where('id', '=', article.id)
      .execute()
    const response = await act(contributor, article.id, { title: 'Sneaky edit', action: 'save' })
    expect(response.statusCode).toBe(403)
    expect(response.body).toContain('You cannot edit this article.')
  })

  it('writes publish and schedule to the audit log with who did it', async () => {
    const editor = actors.get('editor')
    if (!editor) throw new Error('no editor')
    const article = await draft(stranger.id)
    await act(editor, article.id, { title: article.title, action: 'publish' })
    const [entry] = await listAudit(t.deps, { subjectType: 'article', subjectId: article.id })
    expect(entry).toMatchObject({ action: 'article.publish', userId: editor.user.id })
  })
})
