/**
 * The article editor's server side: the full form, JSON autosave with version checks, tag
 * suggestions, revisions (list, diff, restore), corrections and secret preview links.
 */
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../../src/auth/index.js'
import {
  createArticle,
  createCategory,
  findNewsroomArticle,
  listRevisions,
  stepArticle,
} from '../../../src/content/index.js'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

describe('admin: the article editor', () => {
  let t: AdminApp
  let editor: User
  let contributor: User
  let editorBrowser: Browser
  let contributorBrowser: Browser
  let csrf: { editor: string; contributor: string }

  beforeAll(async () => {
    t = await buildAdminApp()
    editor = await makeUser(t, 'editor')
    contributor = await makeUser(t, 'contributor')
    editorBrowser = new Browser(t.app)
    contributorBrowser = new Browser(t.app)
    await editorBrowser.login(editor.email)
    await contributorBrowser.login(contributor.email)
    csrf = {
      editor: await editorBrowser.csrf('/admin/sessions'),
      contributor: await contributorBrowser.csrf('/admin/sessions'),
    }
    await createCategory(t.deps, SYSTEM, { name: 'World' })
    await createCategory(t.deps, SYSTEM, { name: 'Business' })
  })
  afterAll(() => t.close())

  function postJson(
    browser: Browser,
    token: string,
    url: string,
    body: Record<string, unknown>,
  ): Promise<LightMyRequestResponse> {
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return t.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
    })
  }

  it('renders the full form, enhanced by the editor bundle', async () => {
    const page = $(await contributorBrowser.get('/admin/articles/new'))
    for (const name of [
      'title',
      'slug',
      'standfirst',
      'bodyHtml',
      'bodyDoc',
      'sectionId',
      'moreSectionIds',
      'tags',
      'authorIds',
      'featuredMediaId',
      'featuredAlt',
      'isEditorsPick',
      'isFeatured',
      'allowComments',
      'seoTitle',
      'seoDescription',
      'canonicalUrl',
    ])
      expect(page(`[name="${name}"]`).length, name).toBeGreaterThan(0)
    expect(page('script[src="/admin/assets/editor.js"]').length).toBe(1)
    expect(page('#publishAt').length).toBe(0)
  })

  it('saves every field from the plain form', async () => {
    const form = $(await editorBrowser.get('/admin/articles/new'))
    const ids = form('#sectionId option')
      .map((_, o) => form(o).attr('value'))
      .get()
      .filter(Boolean)
    const response = await editorBrowser.post('/admin/articles', {
      title: 'Harbour ferries return',
      slug: 'ferries-are-back',
      standfirst: 'Services resume on Monday.',
      bodyHtml: '<p>The <strong>ferries</strong> are back.</p>',
      sectionId: ids[0] ?? '',
      moreSectionIds: ids[1] ?? '',
      tags: 'Transport, Harbour',
      isEditorsPick: '1',
      allowComments: '1',
      seoTitle: 'Ferries return to the harbour',
      seoDescription: 'After the storm, the ferries are running again.',
      canonicalUrl: 'https://example.org/ferries',
      action: 'save',
    })
    expect(response.statusCode).toBe(303)
    const id = Number(/articles\/(\d+)/.exec(response.headers.location as string)?.[1])
    const article = await findNewsroomArticle(t.deps, id)
    expect(article).toMatchObject({
      slug: 'ferries-are-back',
      isEditorsPick: true,
      isFeatured: false,
      allowComments: true,
      seoTitle: 'Ferries return to the harbour',
      canonicalUrl: 'https://example.org/ferries',
    })
    expect(article?.categories.map((c) => c.name)).toEqual(['World', 'Business'])
    expect(article?.tags.map((t) => t.name)).toEqual(['Transport', 'Harbour'])
  })

  it('autosaves a new article, then saves changes against its version', async () => {
    const created = await postJson(
      contributorBrowser,
      csrf.contributor,
      '/admin/articles/autosave',
      {
        title: 'Night bus cuts',
        bodyHtml: '<p>First words.</p>',
        bodyDoc: JSON.stringify({ type: 'doc', content: [] }),
      },
    )
    expect(created.statusCode).toBe(200)
    const { id, version, url } = created.json<{ id: number; version: number; url: string }>()
    expect(url).toBe(`/admin/articles/${id}`)
    const saved = await postJson(contributorBrowser, csrf.contributor, `${url}/autosave`, {
      title: 'Night bus cuts',
      bodyHtml: '<p>First words. <em>More</em> words.</p>',
      version: String(version),
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ ok: true, version: version + 1, wordCount: 4 })
    const article = await findNewsroomArticle(t.deps, id)
    expect(article?.bodyHtml).toBe('<p>First words. <em>More</em> words.</p>')
    expect(article?.authors.map((a) => a.id)).toEqual([contributor.id])
  })

  it('refuses an autosave based on a stale version with VERSION_CONFLICT (409)', async () => {
    const article = await createArticle(t.deps, asUser(contributor), { title: 'Shared story' })
    const first = await postJson(
      contributorBrowser,
      csrf.contributor,
      `/admin/articles/${article.id}/autosave`,
      {
        title: 'Shared story',
        bodyHtml: '<p>Editor A.</p>',
        version: '1',
      },
    )
    expect(first.statusCode).toBe(200)
    const stale = await postJson(
      editorBrowser,
      csrf.editor,
      `/admin/articles/${article.id}/autosave`,
      {
        title: 'Shared story',
        bodyHtml: '<p>Editor B, who opened version 1.</p>',
        version: '1',
      },
    )
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ errors: [{ code: 'VERSION_CONFLICT' }] })
    expect((await findNewsroomArticle(t.deps, article.id))?.bodyHtml).toBe('<p>Editor A.</p>')
  })

  it('does not autosave over a published article', async () => {
    const article = await createArticle(t.deps, asUser(editor), { title: 'Live story' })
    await stepArticle(t.deps, SYSTEM, article.id, 'publish')
    const response = await postJson(
      editorBrowser,
      csrf.editor,
      `/admin/articles/${article.id}/autosave`,
      {
        title: 'Live story, half typed',
        version: '2',
      },
    )
    expect(response.statusCode).toBe(409)
    expect((await findNewsroomArticle(t.deps, article.id))?.title).toBe('Live story')
  })

  it('answers a writer who may not touch the article with 403', async () => {
    const article = await createArticle(t.deps, asUser(editor), { title: 'Editor only' })
    const response = await postJson(
      contributorBrowser,
      csrf.contributor,
      `/admin/articles/${article.id}/autosave`,
      {
        title: 'Hijacked',
        version: '1',
      },
    )
    expect(response.statusCode).toBe(403)
  })

  it('suggests existing tags by prefix', async () => {
    const response = await editorBrowser.get('/admin/api/tags?q=tra')
    expect(response.json()).toEqual({ tags: [{ name: 'Transport', slug: 'transport' }] })
  })

  it('lists revisions, diffs one word by word and restores it as a new revision', async () => {
    const article = await createArticle(t.deps, asUser(editor), {
      title: 'Budget vote',
      bodyHtml: '<p>The council voted yes.</p>',
    })
    await editorBrowser.post(`/admin/articles/${article.id}`, {
      title: 'Budget vote delayed',
      bodyHtml: '<p>The council voted no.</p>',
      version: '1',
      action: 'save',
    })
    const revisions = await listRevisions({ db: t.db }, article.id)
    expect(revisions.map((r) => r.version)).toEqual([2, 1])
    const list = $(await editorBrowser.get(`/admin/articles/${article.id}/revisions`))
    expect(list('tbody tr').length).toBe(2)
    const first = revisions[1]!
    const diff = $(await editorBrowser.get(`/admin/articles/${article.id}/revisions/${first.id}`))
    expect(
      diff('del')
        .map((_, el) => diff(el).text())
        .get(),
    ).toContain('yes.')
    expect(
      diff('ins')
        .map((_, el) => diff(el).text())
        .get(),
    ).toContain('no.')
    const restored = await editorBrowser.post(
      `/admin/articles/${article.id}/revisions/${first.id}/restore`,
      { version: '2' },
    )
    expect(restored.statusCode).toBe(303)
    const after = await findNewsroomArticle(t.deps, article.id)
    expect(after).toMatchObject({ title: 'Budget vote', version: 3 })
    expect((await listRevisions({ db: t.db }, article.id)).map((r) => r.version)).toEqual([3, 2, 1])
  })

  it('refuses to restore over a newer version', async () => {
    const article = await createArticle(t.deps, asUser(editor), { title: 'One' })
    await editorBrowser.post(`/admin/articles/${article.id}`, {
      title: 'Two',
      version: '1',
      action: 'save',
    })
    const [, oldest] = await listRevisions({ db: t.db }, article.id)
    const response = await editorBrowser.post(
      `/admin/articles/${article.id}/revisions/${oldest!.id}/restore`,
      { version: '1' },
    )
    expect(response.statusCode).toBe(409)
    expect((await findNewsroomArticle(t.deps, article.id))?.title).toBe('Two')
  })

  it('gives a draft a secret preview link rendered with the theme, noindex and uncached', async () => {
    const article = await createArticle(t.deps, asUser(contributor), {
      title: 'Secret draft',
      bodyHtml: '<p>Not yet.</p>',
    })
    const redirect = await contributorBrowser.get(`/admin/articles/${article.id}/preview`)
    expect(redirect.statusCode).toBe(303)
    const location = redirect.headers.location as string
    expect(location).toMatch(/^\/preview\/[A-Za-z0-9_-]{40,}$/)
    const again = await editorBrowser.get(`/admin/articles/${article.id}/preview`)
    expect(again.headers.location).toBe(location)
    const preview = await t.app.inject({ method: 'GET', url: location })
    expect(preview.statusCode).toBe(200)
    expect(preview.headers['cache-control']).toBe('private, no-store')
    const page = $(preview)
    expect(page('meta[name="robots"]').attr('content')).toContain('noindex')
    expect(page('link[rel="canonical"]').length).toBe(0)
    expect(page('[aria-label="Preview notice"]').text()).toContain('not published')
    expect(page('h1').text()).toBe('Secret draft')
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/preview/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    })
    expect(wrong.statusCode).toBe(404)
  })

  it('appends a dated correction to a published article that readers see', async () => {
    const article = await stepArticle(
      t.deps,
      SYSTEM,
      (
        await createArticle(t.deps, asUser(editor), {
          title: 'Mayor resigns',
          bodyHtml: '<p>Text.</p>',
        })
      ).id,
      'publish',
    )
    const refused = await contributorBrowser.post(`/admin/articles/${article.id}/corrections`, {
      body: 'Not mine.',
    })
    expect(refused.statusCode).toBe(403)
    const response = await editorBrowser.post(`/admin/articles/${article.id}/corrections`, {
      body: 'An earlier version misspelled the mayor’s name.',
    })
    expect(response.statusCode).toBe(303)
    const reader = await t.app.inject({ method: 'GET', url: `/2026/06/${article.slug}/` })
    const page = $(reader)
    expect(page('.corrections').text()).toContain('misspelled the mayor’s name')
    expect(page('.corrections time').attr('datetime')).toBe('2026-06-01T09:00:00.000Z')
  })

  it('refuses a correction on a draft', async () => {
    const article = await createArticle(t.deps, asUser(editor), { title: 'Draft only' })
    const response = await editorBrowser.post(`/admin/articles/${article.id}/corrections`, {
      body: 'Too early.',
    })
    expect(response.statusCode).toBe(409)
  })
})
