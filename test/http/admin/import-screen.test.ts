/**
 * Settings → Import over a real server: the upload is streamed to the data directory and queued,
 * the request answers at once with the import's page, the job runner imports it while the status
 * endpoint reports progress, and the page ends with the report. An import whose process died is
 * taken over once its lock expires, and finishes.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import * as cheerio from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { createUser, listAudit, type User } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { importJobs, JobRunner, startJobs } from '../../../src/jobs/index.js'
import { beginImportAttempt, findImport, queueImport } from '../../../src/provenance/index.js'
import { claimJobs } from '../../../src/queue/index.js'
import type { Services } from '../../../src/services.js'
import { asUser, SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

const FIXTURE = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')
const WXR = fs.readFileSync(FIXTURE)
const PASSWORD = 'a long newsroom passphrase'

/** A client with a cookie jar, talking to the server over TCP as a browser would. */
class Client {
  private readonly cookies = new Map<string, string>()
  constructor(private readonly base: string) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.method === 'POST') headers.set('origin', this.base)
    const response = await fetch(this.base + url, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = (pair ?? '').split('=')
      if (name) this.cookies.set(name.trim(), value.join('='))
    }
    return response
  }

  async csrf(page: string): Promise<string> {
    const html = await (await this.request(page)).text()
    return cheerio.load(html)('input[name="_csrf"]').first().attr('value') ?? ''
  }

  async login(email: string): Promise<void> {
    const body = new URLSearchParams({
      _csrf: await this.csrf('/admin/login'),
      email,
      password: PASSWORD,
    })
    const response = await this.request('/admin/login', { method: 'POST', body })
    expect(response.status).toBe(303)
  }

  /** The import form, fields in the browser's order: the token first, the file last. */
  async upload(bytes: Buffer, filename: string, fields: Record<string, string> = {}) {
    const form = new FormData()
    form.append('_csrf', await this.csrf('/admin/import'))
    for (const [name, value] of Object.entries({ source: 'wordpress', ...fields }))
      form.append(name, value)
    form.append('file', new Blob([new Uint8Array(bytes)]), filename)
    return this.request('/admin/import', { method: 'POST', body: form })
  }
}

describe('admin: Settings → Import, over a real server', () => {
  let database: TestDatabase
  let services: Services
  let app: FastifyInstance
  let runner: JobRunner
  let base: string
  const client: Record<'admin' | 'editor', Client> = {} as never

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'http://news.test',
      IMPORT_MAX_BYTES: String(64 * 1024),
    })
    services = testServices({ db: database.db, dialect: 'sqlite', dataDir: database.dataDir })
    app = await buildApp({ services, config })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    runner = startJobs(services, (error) => console.error(error), { intervalMs: 100 })
    runner.start()
    for (const role of ['admin', 'editor'] as const) {
      await createUser(services, SYSTEM, {
        email: `${role}@news.test`,
        name: `${role} person`,
        role,
        password: PASSWORD,
      })
      client[role] = new Client(base)
      await client[role].login(`${role}@news.test`)
    }
  })
  afterAll(async () => {
    await runner?.stop()
    await app?.close()
    await database?.destroy()
  })

  async function untilOver(url: string) {
    const seen: { state: string; done: number; total: number; text: string }[] = []
    await expect
      .poll(
        async () => {
          const status = (await (await client.admin.request(url)).json()) as (typeof seen)[number]
          seen.push(status)
          return status.state
        },
        { timeout: 30_000, interval: 50 },
      )
      .toMatch(/^(done|failed)$/)
    return seen
  }

  it('queues the upload, answers at once, and shows the report when the job is done', async () => {
    const response = await client.admin.upload(WXR, 'ledger.xml')

    expect(response.status).toBe(303)
    const page = response.headers.get('location') ?? ''
    expect(page).toMatch(/^\/admin\/import\/\d+$/)
    const seen = await untilOver(`${page}/status`)
    expect(seen.at(-1)?.state).toBe('done')
    const html = cheerio.load(await (await client.admin.request(page)).text())
    expect(html('#import-report [data-type="articles"] [data-imported]').text()).toBe('6')
    expect(html('#import-report [data-type="pages"] [data-imported]').text()).toBe('1')
    expect(html('#import-report').text()).toContain('was password-protected: imported as a draft')
    expect(html('#import-report').text()).toMatch(/pingback/)
    expect(html('progress')).toHaveLength(0)
    expect(fs.readdirSync(path.join(database.dataDir, 'imports'))).toEqual([])
    const audit = await listAudit(services, { subjectType: 'settings' })
    expect(audit.map((entry) => entry.action)).toContain('site.import')
    const articles = await (await client.admin.request('/admin/articles')).text()
    expect(articles).toContain('Council votes to rebuild the north quay')
  })

  it('lists recent imports with their state', async () => {
    const html = cheerio.load(await (await client.admin.request('/admin/import')).text())

    const row = html('#recent-imports tbody tr').first()
    expect(row.find('th a').text()).toBe('ledger.xml')
    expect(row.find('td[data-state]').attr('data-state')).toBe('done')
  })

  it('shows a progress bar and a refresh for those without JavaScript while an import waits', async () => {
    await runner.stop()
    try {
      const response = await client.admin.upload(WXR, 'again.xml', { dryRun: '1' })
      const page = response.headers.get('location') ?? ''
      const html = cheerio.load(await (await client.admin.request(page)).text())

      expect(html('progress#import-progress')).toHaveLength(1)
      expect(html('#import-phase').text()).toBe('Waiting to start…')
      expect(html('head noscript').html()).toMatch(/<meta http-equiv="refresh" content="3"/)
      expect(html('a:contains("Refresh")').attr('href')).toBe(page)
      expect(html('script[src="/admin/assets/import-progress.js"]')).toHaveLength(1)
    } finally {
      runner.start()
    }
  })

  it('imports a Ghost export the same way', async () => {
    const ghost = fs.readFileSync(
      path.resolve('test/fixtures/importers/ghost/tide-5.x-envelope.json'),
    )
    const response = await client.admin.upload(ghost, 'tide.json', { source: 'ghost' })
    const page = response.headers.get('location') ?? ''

    const seen = await untilOver(`${page}/status`)
    expect(seen.at(-1)?.state).toBe('done')
    const html = cheerio.load(await (await client.admin.request(page)).text())
    expect(html('#import-report h2').text()).toMatch(/^Imported in/)
    expect(
      Number(html('#import-report [data-type="articles"] [data-imported]').text()),
    ).toBeGreaterThan(0)
  })

  it('reports a file that is not an export as a failed import that wrote nothing', async () => {
    const response = await client.admin.upload(Buffer.from('<html><p>hi</p></html>'), 'page.xml')
    const page = response.headers.get('location') ?? ''

    const seen = await untilOver(`${page}/status`)
    expect(seen.at(-1)?.state).toBe('failed')
    const html = cheerio.load(await (await client.admin.request(page)).text())
    expect(html('#import-error').text()).toMatch(/page\.xml/)
    expect(html('#import-error').text()).not.toMatch(/\.upload|imports\//)
  })

  it('refuses a file over IMPORT_MAX_BYTES on the form, keeping nothing of it', async () => {
    const response = await client.admin.upload(Buffer.alloc(100 * 1024, 'x'), 'huge.xml')

    expect(response.status).toBe(413)
    expect(
      cheerio
        .load(await response.text())('[role="alert"]')
        .text(),
    ).toMatch(/huge\.xml is larger than/)
    const left = fs.readdirSync(path.join(database.dataDir, 'imports'))
    expect(left.filter((f) => f.endsWith('.upload'))).toEqual([])
  })

  it('is for owners and admins only', async () => {
    expect((await client.editor.request('/admin/import')).status).toBe(403)
    expect((await client.editor.request('/admin/import/1')).status).toBe(403)
    expect((await client.editor.request('/admin/import/1/status')).status).toBe(403)
    expect((await client.editor.upload(WXR, 'ledger.xml')).status).toBe(403)
  })
})

describe('an import whose server stopped mid-way', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
  })
  afterAll(() => database?.destroy())

  it('is taken over when its lock expires, finishes, and removes the upload', async () => {
    const clock = fixedClock(new Date('2026-06-01T09:00:00Z'))
    const services = testServices({
      db: database.db,
      dialect: 'sqlite',
      dataDir: database.dataDir,
      clock,
    })
    const owner: User = await createUser(services, SYSTEM, {
      email: 'owner@news.test',
      name: 'Owner',
      role: 'owner',
      password: PASSWORD,
    })
    const file = path.join(database.dataDir, 'waiting.upload')
    fs.copyFileSync(FIXTURE, file)
    const id = await queueImport(services, asUser(owner), {
      source: 'wordpress',
      filename: 'ledger.xml',
      file,
      dryRun: false,
    })
    // The first server claimed the job and began, then died without a word.
    expect(await claimJobs(services, 'node-a:1:dead')).toHaveLength(1)
    await beginImportAttempt(services, id)
    expect((await findImport(services, asUser(owner), id))?.status).toBe('running')

    clock.advance(6 * 60_000)
    const restarted = new JobRunner({ deps: services, handlers: importJobs(services).handlers })
    expect(await restarted.tick()).toBe(1)

    const run = await findImport(services, asUser(owner), id)
    expect(run?.status).toBe('done')
    expect(run?.attempts).toBe(2)
    expect(
      (run?.report as { counts: { articles: { imported: number } } }).counts.articles.imported,
    ).toBe(6)
    expect(fs.existsSync(file)).toBe(false)
  })
})
