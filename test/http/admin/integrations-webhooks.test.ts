import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { createIntegration, type Integration } from '../../../src/integrations/index.js'
import { JobRunner, webhookJobs } from '../../../src/jobs/index.js'
import { listRecentJobs } from '../../../src/queue/index.js'
import type { Services } from '../../../src/services.js'
import {
  DISABLE_AFTER_FAILURES,
  deliverWebhook,
  findWebhook,
  listWebhooks,
} from '../../../src/webhooks/index.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'

describe('admin: webhooks on Settings → Integrations', () => {
  let t: AdminApp
  let admin: Browser
  let editor: Browser
  let events: EventBus
  let services: Services
  let integration: Integration
  const answers: number[] = []
  const received: string[] = []
  let server: http.Server
  let target = ''

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (c: Buffer) => chunks.push(c))
      request.on('end', () => {
        received.push(Buffer.concat(chunks).toString())
        const status = answers.shift() ?? 200
        response.writeHead(status).end(status === 200 ? 'ok, rebuilt' : 'down for maintenance')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rebuild`
    events = new EventBus()
    t = await buildAdminApp({ WEBHOOK_ALLOW_PRIVATE: 'true' }, events)
    services = testServices({
      db: t.db,
      dialect: 'sqlite',
      clock: t.clock,
      dataDir: t.dataDir,
      webhookAllowPrivate: true,
    })
    await makeUser(t, 'admin')
    await makeUser(t, 'editor')
    admin = new Browser(t.app)
    editor = new Browser(t.app)
    await admin.login('admin@example.com')
    await editor.login('editor@example.com')
    integration = await createIntegration(t.deps, SYSTEM, { name: 'Static builder' })
  })
  afterAll(async () => {
    await t.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const runJobs = () =>
    new JobRunner({ deps: services, handlers: webhookJobs(services).handlers }).tick()
  const pending = async () =>
    (await listRecentJobs(services, 'pending')).filter((j) => j.type === 'webhook.deliver').length

  it('adds a webhook from the form, and shows a refused one again with what was typed', async () => {
    const refused = await admin.post(
      `/admin/integrations/${integration.id}/webhooks`,
      { event: 'post.added', target_url: 'ftp://files.example/x', name: 'Builder', secret: '' },
      { formPage: '/admin/integrations' },
    )
    expect(refused.statusCode).toBe(400)
    const page = $(refused)
    expect(page('[role=alert]').text()).toContain('http or https')
    expect(page(`#webhook-target-${integration.id}`).val()).toBe('ftp://files.example/x')
    expect(page(`#webhook-name-${integration.id}`).val()).toBe('Builder')

    const added = await admin.post(
      `/admin/integrations/${integration.id}/webhooks`,
      { event: 'post.added', target_url: target, name: 'Builder', secret: 'shh' },
      { formPage: '/admin/integrations' },
    )
    expect(added.statusCode).toBe(303)
    expect(await listWebhooks(t.deps)).toMatchObject([
      { event: 'post.added', targetUrl: target, name: 'Builder', secret: 'shh' },
    ])
  })

  it('shows each delivery in the log and redelivers one on request', async () => {
    answers.push(503)
    await createArticle({ ...t.deps, events }, SYSTEM, { title: 'Night bus returns', bodyHtml: '' })
    for (let i = 0; i < 100 && (await pending()) === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10))
    await runJobs()
    let page = $(await admin.get('/admin/integrations'))
    const rows = page('[data-testid=delivery]')
    expect(rows).toHaveLength(1)
    expect(rows.first().text()).toContain('post.added')
    expect(rows.first().text()).toContain('503')
    expect(rows.first().text()).toContain('The server answered 503.')

    const [hook] = await listWebhooks(t.deps)
    const action = rows.first().find('form').attr('action')!
    const redeliver = await admin.post(action, {}, { formPage: '/admin/integrations' })
    expect(redeliver.statusCode).toBe(303)
    expect(await pending()).toBe(2) // the retry of the first, and the redelivery
    t.clock.advance(60_000)
    await runJobs()
    expect(received).toHaveLength(3)
    expect(new Set(received).size).toBe(1)
    page = $(await admin.get('/admin/integrations?done=redelivered'))
    expect(page('[data-testid=delivery]').first().text()).toContain('ok, rebuilt')
    expect(page('[role=status]').text()).toContain('Delivery queued')
    expect(await findWebhook(t.deps, hook!.id)).toMatchObject({ failures: 0 })

    const refused = await editor.post(action, {}, { formPage: '/admin/sessions' })
    expect(refused.statusCode).toBe(403)
  })

  it('disables a webhook after 20 failures in a row, says so, and enables it again', async () => {
    const [hook] = await listWebhooks(t.deps)
    for (let i = 0; i < DISABLE_AFTER_FAILURES; i++) {
      answers.push(500)
      await deliverWebhook(
        services,
        { webhookId: hook!.id, event: 'post.added', body: '{}' },
        {
          attempts: 1,
        },
      ).catch(() => undefined)
    }
    expect(await findWebhook(t.deps, hook!.id)).toMatchObject({ status: 'disabled' })
    const page = $(await admin.get('/admin/integrations'))
    expect(page('[data-testid=disabled-webhooks]').text()).toContain('disabled after 20 failed')
    const enable = await admin.post(
      `/admin/integrations/webhooks/${hook!.id}/enable`,
      {},
      { formPage: '/admin/integrations' },
    )
    expect(enable.statusCode).toBe(303)
    expect(await findWebhook(t.deps, hook!.id)).toMatchObject({ status: 'available', failures: 0 })

    const deleted = await admin.post(
      `/admin/integrations/webhooks/${hook!.id}/delete`,
      {},
      { formPage: '/admin/integrations' },
    )
    expect(deleted.statusCode).toBe(303)
    expect(await listWebhooks(t.deps)).toEqual([])
  })
})
