/**
 * deploy/nginx.conf, for real: nginx serves pages from the static mirror and falls through to
 * Broadsheet on a miss; an edit deletes the mirrored file so nginx never serves a stale page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { saveArticle } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { mirrorConfig, NGINX_BINARY } from '../../../scripts/nginx-config.js'
import { freePort } from '../../support/run-cli.js'
import { REQUIRE_SERVICES } from '../../support/services.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { fillDemoSite, SYSTEM, testKernel } from '../../support/kernel.js'

const NGINX = NGINX_BINARY
if (!NGINX) {
  if (REQUIRE_SERVICES) throw new Error('nginx is required (REQUIRE_SERVICES=1) but not installed')
  process.stderr.write('SKIPPED nginx: not installed (apt-get install nginx)\n')
}

describe.skipIf(!NGINX)('deploy/nginx.conf with the static mirror', () => {
  let database: TestDatabase
  let app: FastifyInstance
  let nginx: ChildProcess
  let base: string
  let events: EventBus
  const clock = fixedClock(new Date('2026-11-17T09:30:00Z'))

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    await fillDemoSite({ db: database.db, dialect: 'sqlite', clock, dataDir: database.dataDir })
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      STATIC_MIRROR: 'true',
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
    })
    events = new EventBus()
    app = await buildApp({ db: database.db, clock, config, events })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const appPort = typeof address === 'object' && address ? address.port : 0
    const nginxPort = await freePort()
    const dir = path.join(database.dataDir, 'nginx')
    fs.mkdirSync(dir)
    const conf = path.join(dir, 'nginx.conf')
    fs.writeFileSync(
      conf,
      mirrorConfig({
        dir,
        port: nginxPort,
        appPort,
        mirrorRoot: path.join(database.dataDir, 'static'),
      }),
    )
    const check = spawnSync(NGINX!, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
    nginx = spawn(NGINX!, ['-p', dir, '-c', conf], { stdio: 'ignore' })
    base = `http://127.0.0.1:${nginxPort}`
    const up = () =>
      fetch(`${base}/about/`).then(
        (r) => r.status,
        () => 0,
      )
    for (let i = 0; i < 100 && (await up()) !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })

  afterAll(async () => {
    nginx?.kill('SIGQUIT')
    await app?.close()
    await database?.destroy()
  })

  it('answers from Broadsheet first, then from the mirror with gzip', async () => {
    const first = await fetch(`${base}/world/`)
    expect(first.headers.get('x-cache')).toMatch(/MISS|HIT/)
    const html = await first.text()
    await expect
      .poll(() => fetch(`${base}/world/`).then((r) => r.headers.get('x-cache')))
      .toBe('STATIC')
    const mirrored = await fetch(`${base}/world/`, { headers: { 'accept-encoding': 'gzip' } })
    expect(mirrored.headers.get('content-encoding')).toBe('gzip')
    expect(await mirrored.text()).toBe(html)
  })

  it('sends sessions, query strings and the newsroom to Broadsheet', async () => {
    const withSession = await fetch(`${base}/world/`, { headers: { cookie: 'bs_session=abc' } })
    expect(withSession.headers.get('x-cache')).not.toBe('STATIC')
    const withHttpsSession = await fetch(`${base}/world/`, {
      headers: { cookie: 'theme=dark; __Host-bs_session=abc' },
    })
    expect(withHttpsSession.headers.get('x-cache')).not.toBe('STATIC')
    const withQuery = await fetch(`${base}/world/?utm=1`)
    expect(withQuery.headers.get('x-cache')).not.toBe('STATIC')
  })

  it("lets exports and pictures larger than nginx's default body limit through, and nothing else", async () => {
    const body = new FormData()
    body.append('file', new Blob([new Uint8Array(3 * 1024 * 1024)]), 'site.xml')

    const toImport = await fetch(`${base}/admin/import`, {
      method: 'POST',
      body,
      redirect: 'manual',
    })
    const toMedia = await fetch(`${base}/admin/media`, { method: 'POST', body, redirect: 'manual' })
    const toApiImages = await fetch(`${base}/ghost/api/admin/images/upload/`, {
      method: 'POST',
      body,
      redirect: 'manual',
    })
    const elsewhere = await fetch(`${base}/admin/articles`, {
      method: 'POST',
      body,
      redirect: 'manual',
    })

    // Broadsheet answers (not signed in), where nginx alone would have said 413.
    expect(toImport.status).not.toBe(413)
    expect(toMedia.status).not.toBe(413)
    expect(toApiImages.status).not.toBe(413)
    // Forms and the rest keep nginx's 1 MB.
    expect(elsewhere.status).toBe(413)
  })

  it('never serves a stale mirrored page after an edit', async () => {
    const row = await database.db
      .selectFrom('article_categories as ac')
      .innerJoin('categories as c', 'c.id', 'ac.category_id')
      .innerJoin('articles as a', 'a.id', 'ac.article_id')
      .select(['a.id'])
      .where('c.slug', '=', 'world')
      .orderBy('a.published_at', 'desc')
      .executeTakeFirstOrThrow()
    await fetch(`${base}/world/`)
    await expect
      .poll(() => fetch(`${base}/world/`).then((r) => r.headers.get('x-cache')))
      .toBe('STATIC')
    await saveArticle(testKernel(database.db, clock, events), SYSTEM, row.id, {
      input: {
        title: 'Lighthouse relit after ninety dark years',
      },
    })
    // The mirror's files go within milliseconds of the write (unlinks run right after it).
    await expect
      .poll(() => fetch(`${base}/world/`).then((r) => r.text()), { timeout: 1000, interval: 20 })
      .toContain('Lighthouse relit after ninety dark years')
  })
})
