import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import GhostAdminAPI from '@tryghost/admin-api'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listAudit, systemActor } from '../../../src/auth/index.js'
import {
  createArticle,
  createPage,
  findNewsroomArticle,
  importArticles,
  listTagsWithCounts,
  renameTag,
  saveArticle,
} from '../../../src/content/index.js'
import { subscribe } from '../../../src/newsletter/index.js'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { transact } from '../../../src/kernel.js'
import { asUser } from '../../support/kernel.js'
import { integrationActor } from '../../../src/integrations/index.js'
import { JobRunner, webhookJobs } from '../../../src/jobs/index.js'
import { createHttpClient } from '../../../src/net/index.js'
import { listRecentJobs } from '../../../src/queue/index.js'
import { createServices } from '../../../src/services.js'
import {
  addWebhook,
  findWebhook,
  listWebhookDeliveries,
  pruneWebhookDeliveries,
  type Webhook,
} from '../../../src/webhooks/index.js'
import { buildApiNewsroom, type ApiNewsroom } from '../../support/api-newsroom.js'
import { DIALECTS } from '../../support/test-database.js'

interface Received {
  url: string
  headers: http.IncomingHttpHeaders
  body: string
  answered: number
}

/** A real HTTP receiver: answers each POST with the next queued status (then 200). */
async function startReceiver() {
  const received: Received[] = []
  const statuses: number[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => {
      const answered = statuses.shift() ?? 200
      received.push({
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
        answered,
      })
      response.writeHead(answered, { 'content-type': 'text/plain' })
      response.end(answered === 200 ? 'thanks' : `no (${answered})`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Check Ghost's signature the way a receiver would: HMAC-SHA256 of body + t, keyed by the secret. */
function verifySignature(secret: string, received: Received): boolean {
  const header = String(received.headers['x-ghost-signature'] ?? '')
  const match = /^sha256=([0-9a-f]{64}), t=(\d+)$/.exec(header)
  if (!match) return false
  const expected = createHmac('sha256', secret).update(`${received.body}${match[2]}`).digest('hex')
  return expected === match[1]
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** The bodies a receiver got, by the `?event=` each webhook's address carries. */
function receivedByEvent(received: { url: string; body: string }[]) {
  type Change = { current: Record<string, unknown>; previous: Record<string, unknown> }
  return new Map(
    received.map((r) => [
      new URL(r.url, 'http://x').searchParams.get('event'),
      JSON.parse(r.body) as Record<string, Change>,
    ]),
  )
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: webhooks`, () => {
    let site: ApiNewsroom
    let admin: ReturnType<typeof GhostAdminAPI>
    let receiver: Awaited<ReturnType<typeof startReceiver>>
    const runner = () =>
      new JobRunner({ deps: site.services, handlers: webhookJobs(site.services).handlers })
    const pendingDeliveries = async () =>
      (await listRecentJobs(site.services, 'pending', 200)).filter(
        (j) => j.type === 'webhook.deliver',
      ).length
    const deliveryJobs = async () =>
      (await listRecentJobs(site.services, undefined, 200)).filter(
        (j) => j.type === 'webhook.deliver',
      ).length

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect, { WEBHOOK_ALLOW_PRIVATE: 'true' })
      admin = GhostAdminAPI({ url: site.url, key: site.integration.adminApiKey, version: 'v5.0' })
      receiver = await startReceiver()
    })
    afterAll(async () => {
      await receiver.close()
      await site.close()
    })
    afterEach(() => {
      receiver.received.length = 0
      receiver.statuses.length = 0
    })

    it('adds, edits and deletes webhooks with the official client, audited without the secret', async () => {
      const added = await admin.webhooks.add({
        event: 'post.added',
        target_url: receiver.url,
        name: 'Slack',
        secret: 'hush-hush',
      })
      expect(added).toMatchObject({
        event: 'post.added',
        target_url: receiver.url,
        name: 'Slack',
        integration_id: String(site.integration.id),
        status: 'available',
      })
      const edited = await admin.webhooks.edit({ id: added.id, event: 'post.edited', name: 'Chat' })
      expect(edited).toMatchObject({ id: added.id, event: 'post.edited', name: 'Chat' })
      await admin.webhooks.delete({ id: added.id })
      expect(await findWebhook(site.services, Number(added.id))).toBeUndefined()
      await expect(admin.webhooks.edit({ id: added.id, name: 'x' })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      await expect(
        admin.webhooks.add({ event: 'post.exploded', target_url: receiver.url }),
      ).rejects.toMatchObject({ name: 'ValidationError' })
      const audit = await listAudit(site.services, { subjectType: 'webhook' })
      expect(audit.map((e) => e.action)).toEqual([
        'webhook.delete',
        'webhook.update',
        'webhook.create',
      ])
      expect(JSON.stringify(audit)).not.toContain('hush-hush')
      expect(audit[2]).toMatchObject({ actorKind: 'integration', actorName: 'Front end' })
    })

    it('delivers a published post signed, in Ghost shape, through the queue', async () => {
      const hook = await admin.webhooks.add({
        event: 'post.published',
        target_url: receiver.url,
        secret: 's3cret',
      })
      const post = await admin.posts.add({ title: 'Ferry strike ends', tags: ['Transport'] })
      await admin.posts.edit({ id: post.id, updated_at: post.updated_at, status: 'published' })
      await until(async () => (await pendingDeliveries()) === 1, 'the delivery to be queued')
      // Nothing is sent inside the request: only the job runner delivers.
      expect(receiver.received).toHaveLength(0)
      expect(await runner().tick()).toBe(1)
      expect(receiver.received).toHaveLength(1)
      const [got] = receiver.received
      expect(verifySignature('s3cret', got!)).toBe(true)
      expect(verifySignature('wrong', got!)).toBe(false)
      expect(got!.headers['content-type']).toBe('application/json')
      const body = JSON.parse(got!.body) as {
        post: { current: Record<string, unknown>; previous: Record<string, unknown> }
      }
      expect(body.post.current).toMatchObject({
        id: post.id,
        title: 'Ferry strike ends',
        status: 'published',
        primary_tag: { slug: 'transport' },
        primary_author: { slug: 'olive-owner' },
      })
      expect(body.post.current.url).toMatch(/^https:\/\/gazette\.test\//)
      expect(body.post.previous).toMatchObject({ status: 'draft', published_at: null })
      expect(body.post.previous).not.toHaveProperty('title')
      const [log] = await listWebhookDeliveries(site.services, [Number(hook.id)])
      expect(log).toMatchObject({ event: 'post.published', statusCode: 200, error: null })
      expect(log!.responseStart).toBe('thanks')
      await admin.webhooks.delete({ id: hook.id })
    })

    it('queues deliveries in the write’s own transaction: there when it returns, gone with a rollback', async () => {
      const hook = await admin.webhooks.add({ event: 'post.added', target_url: receiver.url })
      const owner = asUser({ id: site.owner.id, name: 'Olive Owner' })
      const before = await pendingDeliveries()
      await createArticle(site.services, owner, {
        title: 'Queued with the story',
        bodyHtml: '<p>Ink.</p>',
        authorIds: [site.owner.id],
      })
      // No waiting: a process that died right after this commit would still deliver.
      expect(await pendingDeliveries()).toBe(before + 1)
      await expect(
        transact(site.services, async (tx) => {
          await createArticle(tx, owner, { title: 'Never happened', bodyHtml: '<p>x</p>' })
          throw new Error('the editor’s save failed later on')
        }),
      ).rejects.toThrow('failed later on')
      expect(await pendingDeliveries()).toBe(before + 1)
      await runner().tick()
      const titles = receiver.received.map(
        (r) => (JSON.parse(r.body) as { post: { current: { title: string } } }).post.current.title,
      )
      expect(titles).toEqual(['Queued with the story'])
      await admin.webhooks.delete({ id: hook.id })
    })

    it('retries a 500 with backoff until it succeeds, and removes a webhook answered 410', async () => {
      const hook = await admin.webhooks.add({ event: 'post.added', target_url: receiver.url })
      receiver.statuses.push(500, 500)
      await admin.posts.add({ title: 'Bridge closed' })
      await until(async () => (await pendingDeliveries()) === 1, 'the delivery to be queued')
      const jobs = runner()
      await jobs.tick()
      await jobs.tick() // not due yet: no second attempt
      expect(receiver.received.map((r) => r.answered)).toEqual([500])
      site.clock.advance(31_000)
      await jobs.tick()
      site.clock.advance(2 * 60_000 + 1000)
      await jobs.tick()
      expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200])
      expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1)
      const log = await listWebhookDeliveries(site.services, [Number(hook.id)])
      expect(log.map((d) => [d.attempt, d.statusCode])).toEqual([
        [3, 200],
        [2, 500],
        [1, 500],
      ])
      expect(await findWebhook(site.services, Number(hook.id))).toMatchObject({ failures: 0 })

      receiver.statuses.push(410)
      await admin.posts.add({ title: 'Bridge reopened' })
      await until(async () => (await pendingDeliveries()) === 1, 'the delivery to be queued')
      await jobs.tick()
      expect(receiver.received.at(-1)?.answered).toBe(410)
      expect(await findWebhook(site.services, Number(hook.id))).toBeUndefined()
    })

    it('delivers exactly once when the process restarts in the middle of the retries', async () => {
      const hook = await admin.webhooks.add({ event: 'post.added', target_url: receiver.url })
      receiver.statuses.push(500)
      await admin.posts.add({ title: 'Power cut' })
      await until(async () => (await pendingDeliveries()) === 1, 'the delivery to be queued')
      const before = runner()
      await before.tick()
      await before.stop()
      // A new process: fresh services and a fresh runner over the same database.
      const restarted = createServices({
        db: site.services.db,
        dialect,
        clock: site.clock,
        config: {
          dataDir: site.database.dataDir,
          publicUrl: 'https://gazette.test',
          smtpUrl: undefined,
          mailFrom: 'x <x@gazette.test>',
          webhookAllowPrivate: true,
        },
      })
      const after = new JobRunner({ deps: restarted, handlers: webhookJobs(restarted).handlers })
      for (let i = 0; i < 6; i++) {
        site.clock.advance(3 * 3_600_000)
        await after.tick()
      }
      expect(receiver.received.map((r) => r.answered)).toEqual([500, 200])
      expect(await pendingDeliveries()).toBe(0)
      await admin.webhooks.delete({ id: hook.id })
    })

    it('refuses private targets without WEBHOOK_ALLOW_PRIVATE, when added and when delivered', async () => {
      const strict = {
        ...site.services,
        webhookClient: createHttpClient({ userAgent: 'test', allowPrivate: false }),
      }
      const actor = integrationActor(site.integration)
      for (const target of [
        receiver.url,
        'http://localhost:9/x',
        'http://[::1]/x',
        'http://169.254.169.254/latest',
      ])
        await expect(
          addWebhook(strict, actor, site.integration.id, {
            event: 'post.added',
            targetUrl: target,
          }),
        ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', property: 'target_url' })
      // A metadata service's name is refused even where private targets are allowed.
      await expect(
        addWebhook(site.services, actor, site.integration.id, {
          event: 'post.added',
          targetUrl: 'http://metadata.google.internal/computeMetadata/v1/',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', property: 'target_url' })
      // Saved while allowed, delivered by a strict process: refused at connection time.
      const hook: Webhook = await addWebhook(site.services, actor, site.integration.id, {
        event: 'post.added',
        targetUrl: receiver.url,
      })
      await admin.posts.add({ title: 'Storm warning' })
      await until(async () => (await pendingDeliveries()) === 1, 'the delivery to be queued')
      await new JobRunner({ deps: strict, handlers: webhookJobs(strict).handlers }).tick()
      expect(receiver.received).toHaveLength(0)
      const [log] = await listWebhookDeliveries(site.services, [hook.id])
      expect(log).toMatchObject({ statusCode: null })
      expect(log!.error).toMatch(/loopback/)
      await admin.webhooks.delete({ id: String(hook.id) })
    })

    it('fires no webhooks for imports or the wire', async () => {
      const hooks = await Promise.all(
        ['post.added', 'post.edited', 'post.published', 'tag.added'].map((event) =>
          admin.webhooks.add({ event, target_url: receiver.url }),
        ),
      )
      const queued = await deliveryJobs()
      const [id] = await importArticles(site.services, systemActor('wordpress-import'), [
        {
          title: 'Imported story',
          bodyHtml: '<p>Old news.</p>',
          status: 'published',
          publishedAt: new Date('2020-01-01T00:00:00Z'),
          tags: ['Brand new import tag'],
          authorIds: [site.owner.id],
          primaryCategoryId: null,
        },
      ])
      const current = await findNewsroomArticle(site.services, id!)
      await saveArticle(site.services, systemActor('wire', 'editor'), id!, {
        input: { title: 'Imported story, updated by its feed' },
        expectedVersion: current!.version,
      })
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await deliveryJobs()).toBe(queued)
      // A person's edit of the same story does fire.
      await admin.posts.edit({
        id: String(id),
        updated_at: (await admin.posts.read({ id: String(id) })).updated_at,
        title: 'Edited by the desk',
      })
      await until(async () => (await deliveryJobs()) === queued + 1, 'post.edited')
      for (const hook of hooks) await admin.webhooks.delete({ id: hook.id })
    })

    it('sends tag, page, subscriber and site events in Ghost shape', async () => {
      const events = [
        'tag.added',
        'tag.edited',
        'page.added',
        'page.published',
        'subscriber.added',
        'site.changed',
      ]
      const hooks = await Promise.all(
        events.map((event) =>
          admin.webhooks.add({ event, target_url: `${receiver.url}?event=${event}` }),
        ),
      )
      const owner = asUser(site.owner)
      const earlier = await pendingDeliveries()
      await admin.posts.add({ title: 'Kite festival', tags: ['Kites'] })
      const kites = (await listTagsWithCounts(site.services)).find((t) => t.slug === 'kites')!
      await renameTag(site.services, owner, { id: kites.id, name: 'Kite flying' })
      await createPage(site.services, owner, {
        title: 'Corrections policy',
        bodyHtml: '<p>We fix.</p>',
      })
      await subscribe(
        { ...site.services, secret: 'x'.repeat(32), siteTitle: 'The Gazette' },
        { email: 'reader@example.com' },
      )
      await updateSiteSettings(site.services, owner, { title: 'The Evening Gazette' })
      await until(
        async () => (await pendingDeliveries()) === earlier + events.length,
        'six deliveries',
      )
      site.clock.advance(24 * 3_600_000) // earlier tests' retries are due too: let them go
      await runner().tick()
      const byEvent = receivedByEvent(receiver.received)
      expect(byEvent.get('tag.added')?.tag).toMatchObject({
        current: { name: 'Kites', slug: 'kites', url: 'https://gazette.test/tag/kites/' },
        previous: {},
      })
      expect(byEvent.get('tag.edited')?.tag).toMatchObject({
        current: { name: 'Kite flying', slug: 'kite-flying' },
        previous: { name: 'Kites', slug: 'kites' },
      })
      expect(byEvent.get('page.added')?.page?.current).toMatchObject({
        title: 'Corrections policy',
        status: 'published',
        url: 'https://gazette.test/corrections-policy/',
      })
      expect(byEvent.get('page.published')?.page?.current).toMatchObject({
        slug: 'corrections-policy',
      })
      expect(byEvent.get('subscriber.added')?.subscriber?.current).toMatchObject({
        email: 'reader@example.com',
        status: 'pending',
      })
      expect(byEvent.get('site.changed')).toEqual({})
      for (const hook of hooks) await admin.webhooks.delete({ id: hook.id })
    })

    it('sends page.edited, page.unpublished and page.deleted when a page changes and goes', async () => {
      const events = ['page.edited', 'page.unpublished', 'page.deleted']
      const hooks = await Promise.all(
        events.map((event) =>
          admin.webhooks.add({ event, target_url: `${receiver.url}?event=${event}` }),
        ),
      )
      const page = await admin.pages.add(
        { title: 'Ethics code', html: '<p>We care.</p>', status: 'published' },
        { source: 'html' },
      )
      const earlier = await pendingDeliveries()
      const edited = await admin.pages.edit({
        id: page.id,
        updated_at: page.updated_at,
        status: 'draft',
      })
      await admin.pages.delete({ id: edited.id })
      await until(async () => (await pendingDeliveries()) === earlier + 3, 'three deliveries')
      site.clock.advance(24 * 3_600_000)
      await runner().tick()
      const byEvent = receivedByEvent(receiver.received)
      expect(byEvent.get('page.edited')?.page).toMatchObject({
        current: { slug: 'ethics-code', status: 'draft' },
        previous: { status: 'published' },
      })
      expect(byEvent.get('page.unpublished')?.page?.current).toMatchObject({ slug: 'ethics-code' })
      expect(byEvent.get('page.deleted')?.page).toMatchObject({
        current: {},
        previous: { slug: 'ethics-code', title: 'Ethics code' },
      })
      for (const hook of hooks) await admin.webhooks.delete({ id: hook.id })
    })

    it('keeps 30 days of each webhook’s delivery log', async () => {
      const hook = await admin.webhooks.add({ event: 'post.added', target_url: receiver.url })
      const id = Number(hook.id)
      await admin.posts.add({ title: 'Logged once' })
      await until(async () => (await pendingDeliveries()) === 1, 'the delivery to be queued')
      await runner().tick()
      expect(await listWebhookDeliveries(site.services, [id])).toHaveLength(1)
      site.clock.advance(29 * 24 * 3_600_000)
      expect(await pruneWebhookDeliveries(site.services)).toBe(0)
      expect(await listWebhookDeliveries(site.services, [id])).toHaveLength(1)
      site.clock.advance(2 * 24 * 3_600_000)
      expect(await pruneWebhookDeliveries(site.services)).toBeGreaterThanOrEqual(1)
      expect(await listWebhookDeliveries(site.services, [id])).toHaveLength(0)
      await admin.webhooks.delete({ id: hook.id })
    })
  })
}
