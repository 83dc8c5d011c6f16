/** The dashboard: workflow lists, comments awaiting moderation and the page-view stats endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordViews } from '../../../src/analytics/index.js'
import type { User } from '../../../src/auth/index.js'
import { addComments } from '../../../src/comments/index.js'
import { createArticle, stepArticle } from '../../../src/content/index.js'
import { $, Browser, buildAdminApp, makeUser, NOW, type AdminApp } from './admin-test-app.js'
import { asUser, SYSTEM } from '../../support/kernel.js'

describe('admin: dashboard', () => {
  let t: AdminApp
  let editor: User
  let contributor: User
  const browsers: Record<string, Browser> = {}

  beforeAll(async () => {
    t = await buildAdminApp()
    editor = await makeUser(t, 'editor')
    contributor = await makeUser(t, 'contributor')
    for (const user of [editor, contributor]) {
      browsers[user.role] = new Browser(t.app)
      await browsers[user.role]!.login(user.email)
    }
    await createArticle(t.deps, asUser(contributor), { title: 'Contributor draft' })
    const pending = await createArticle(t.deps, asUser(contributor), {
      title: 'Waiting for review',
    })
    await stepArticle(t.deps, SYSTEM, pending.id, 'submit')
    const later = await createArticle(t.deps, asUser(editor), { title: 'Tomorrow’s story' })
    await stepArticle(t.deps, SYSTEM, later.id, 'schedule', {
      publishAt: new Date(NOW.getTime() + 86_400_000),
    })
    const live = await stepArticle(
      t.deps,
      SYSTEM,
      (await createArticle(t.deps, asUser(editor), { title: 'Live story' })).id,
      'publish',
    )
    await addComments(t.deps, SYSTEM, [
      {
        articleId: live.id,
        parentId: null,
        authorName: 'Reader',
        authorEmail: 'reader@example.com',
        body: 'Is the ferry running?',
        status: 'pending',
        createdAt: new Date(NOW.getTime()),
      },
    ])
    await recordViews(
      { db: t.db },
      { articleId: live.id, at: new Date(NOW.getTime() - 3_600_000), views: 12 },
    )
  })
  afterAll(() => t.close())

  it('lists drafts, pending and scheduled stories and comments awaiting moderation', async () => {
    const page = $(await browsers.editor!.get('/admin/dashboard'))
    expect(page('#list-draft').parent().text()).toContain('Contributor draft')
    expect(page('#list-pending').parent().text()).toContain('Waiting for review')
    expect(page('#list-scheduled').parent().text()).toContain('Tomorrow’s story')
    expect(page('#list-comments').parent().text()).toContain('Is the ferry running?')
    expect(page('#views-chart').attr('data-src')).toBe('/admin/api/stats/views?days=30')
    expect(page('script[src="/admin/assets/dashboard.js"]').length).toBe(1)
  })

  it('shows a contributor only their own stories and no moderation queue', async () => {
    const page = $(await browsers.contributor!.get('/admin/dashboard'))
    expect(page('[data-count="draft"]').text()).toBe('1')
    expect(page('[data-count="scheduled"]').text()).toBe('0')
    expect(page('#list-comments').length).toBe(0)
  })

  it('answers page views per day and the top stories as JSON', async () => {
    const response = await browsers.editor!.get('/admin/api/stats/views?days=30')
    const stats = response.json<{
      days: { date: string; views: number }[]
      top: { articleId: number; title: string; views: number }[]
      total: number
    }>()
    expect(stats.days).toHaveLength(30)
    expect(stats.days.at(-1)).toEqual({ date: '2026-06-01', views: 12 })
    expect(stats.total).toBe(12)
    expect(stats.top.map(({ title, views }) => ({ title, views }))).toEqual([
      { title: 'Live story', views: 12 },
    ])
  })

  it('refuses the stats to anonymous visitors', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/admin/api/stats/views' })
    expect(response.statusCode).toBe(303)
  })
})
