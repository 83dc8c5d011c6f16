import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../../src/auth/index.js'
import { listIntegrations } from '../../../src/integrations/index.js'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'

describe('admin: Settings → Integrations', () => {
  let t: AdminApp
  let admin: Browser
  let editor: Browser

  beforeAll(async () => {
    t = await buildAdminApp()
    await makeUser(t, 'admin')
    await makeUser(t, 'editor')
    admin = new Browser(t.app)
    editor = new Browser(t.app)
    await admin.login('admin@example.com')
    await editor.login('editor@example.com')
  })
  afterAll(() => t.close())

  it('creates an integration and shows keys in Ghost’s formats', async () => {
    const created = await admin.post(
      '/admin/integrations',
      { name: 'Next.js front end', role: 'author' },
      { formPage: '/admin/integrations' },
    )
    expect(created.statusCode).toBe(303)
    const page = $(await admin.get('/admin/integrations?done=created'))
    expect(page('h2').first().text()).toContain('Next.js front end')
    expect(page('[data-testid=content-key]').text()).toMatch(/^[0-9a-f]{26}$/)
    expect(page('[data-testid=admin-key]').text()).toMatch(/^[0-9a-f]{24}:[0-9a-f]{64}$/)
    const [entry] = await listAudit(t.deps, { subjectType: 'integration' })
    expect(entry).toMatchObject({ action: 'integration.create' })
    const [integration] = await listIntegrations(t.deps)
    expect(JSON.stringify(entry)).not.toContain(integration!.adminSecret)
    expect(JSON.stringify(entry)).not.toContain(integration!.contentKey)
  })

  it('regenerates a key (the old one stops working) and deletes the integration', async () => {
    const [before] = await listIntegrations(t.deps)
    const rotated = await admin.post(
      `/admin/integrations/${before!.id}/rotate`,
      { key: 'admin' },
      { formPage: '/admin/integrations' },
    )
    expect(rotated.statusCode).toBe(303)
    const [after] = await listIntegrations(t.deps)
    expect(after!.adminApiKey).not.toBe(before!.adminApiKey)
    expect(after!.contentKey).toBe(before!.contentKey)
    const deleted = await admin.post(
      `/admin/integrations/${before!.id}/delete`,
      {},
      { formPage: '/admin/integrations' },
    )
    expect(deleted.statusCode).toBe(303)
    expect(await listIntegrations(t.deps)).toEqual([])
  })

  it('keeps the screen and its forms from editors', async () => {
    expect((await editor.get('/admin/integrations')).statusCode).toBe(403)
    const refused = await editor.post(
      '/admin/integrations',
      { name: 'Sneaky', role: 'admin' },
      { formPage: '/admin/sessions' },
    )
    expect(refused.statusCode).toBe(403)
    expect(await listIntegrations(t.deps)).toEqual([])
  })

  it('shows the name again with the error when it is missing', async () => {
    const response = await admin.post(
      '/admin/integrations',
      { name: '   ', role: 'editor' },
      { formPage: '/admin/integrations' },
    )
    expect(response.statusCode).toBe(400)
    expect($(response)('[role=alert], .error').text()).toContain('name is required')
  })
})
