/**
 * DATABASE_READ_URL against a real streaming replica: a private primary made with initdb and a
 * hot standby made with `pg_basebackup -R`, both started by this file on free ports.
 *
 * - anonymous reader pages read from the replica (proved by pausing its replay: they show the
 *   old title while the primary has the new one; and by `pg_stat_activity`);
 * - the newsroom reads its own writes from the primary whatever the replica's lag;
 * - a write through the domain purges, and the re-rendered page comes from the primary until the
 *   replica has replayed the write (no stale page gets cached);
 * - the replica going down falls back to the primary with one log line, and it is used again
 *   when it returns.
 */
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { createUser } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { saveArticle } from '../../../src/content/index.js'
import { connectDatabase, type DatabaseHandle } from '../../../src/db/connect.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { EventBus } from '../../../src/events.js'
import { createServices, type Services } from '../../../src/services.js'
import { Browser } from '../../http/admin/admin-test-app.js'
import { fillDemoSite, SYSTEM } from '../../support/kernel.js'
import {
  skipWithoutPrivatePostgres,
  startPrivatePostgres,
  type PrivatePostgres,
} from '../../support/private-postgres.js'
import { SITE_NOW } from '../../support/site-app.js'
import os from 'node:os'
import path from 'node:path'

const skip = skipWithoutPrivatePostgres('read replica')
const PASSWORD = 'correct horse battery staple'

describe.skipIf(skip)('DATABASE_READ_URL on a real streaming replica', { timeout: 60_000 }, () => {
  let servers: PrivatePostgres
  let handle: DatabaseHandle
  let services: Services
  let app: FastifyInstance
  let dataDir: string
  const logged: string[] = []
  let article: { id: number; title: string; path: string }

  const replica = () => servers.replica!
  const readerGet = (url: string) =>
    app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
  /** The replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const [current] = await servers.primary.query<{ lsn: string }>(
      'select pg_current_wal_lsn()::text as lsn',
    )
    const lsn = current!.lsn
    const deadline = Date.now() + 10_000
    for (;;) {
      const [row] = await replica().query<{ ok: boolean }>(
        'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok',
        [lsn],
      )
      if (row?.ok) return
      if (Date.now() > deadline) throw new Error(`the replica has not replayed up to ${lsn}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  beforeAll(async () => {
    servers = await startPrivatePostgres({ replica: true })
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-replica-'))
    const clock = fixedClock(SITE_NOW)
    handle = await connectDatabase(
      { dialect: 'postgres', url: servers.primary.url, readUrl: replica().url },
      dataDir,
      { warn: (line) => logged.push(line), info: (line) => logged.push(line) },
      { retryReplicaMs: 300 },
    )
    await migrateToLatest(handle.db)
    await fillDemoSite({ db: handle.db, dialect: 'postgres', clock, dataDir })
    await createUser({ db: handle.db, clock, events: new EventBus() }, SYSTEM, {
      email: 'editor@example.com',
      name: 'Ed Itor',
      role: 'editor',
      password: PASSWORD,
    })
    const config = parseConfig({
      DATA_DIR: dataDir,
      DATABASE_URL: servers.primary.url,
      DATABASE_READ_URL: replica().url,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'http://news.test',
    })
    services = createServices({ db: handle.db, dialect: 'postgres', clock, config })
    app = await buildApp({ services, config, readReplica: handle.readReplica })
    await app.ready()
    const home = await readerGet('/')
    const href = /href="(\/\d{4}\/\d{2}\/([^"/]+)\/)"/.exec(home.body)
    const [row] = await servers.primary.query<{ id: number; title: string }>(
      'select id, title from articles where slug = $1',
      [href![2]],
    )
    article = { id: row!.id, title: row!.title, path: href![1]! }
    await caughtUp()
  })

  afterAll(async () => {
    await app?.close()
    await handle?.close()
    await servers?.destroy()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves anonymous readers from the replica: its connections show in pg_stat_activity', async () => {
    const page = await readerGet(article.path)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(article.title)
    const onReplica = await replica().query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = 'broadsheet-reader'",
    )
    const onPrimary = await servers.primary.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = 'broadsheet-reader'",
    )
    expect(onReplica[0]!.n).toBeGreaterThan(0)
    expect(onPrimary[0]!.n).toBe(0)
  })

  it('lets the newsroom read its own writes while the replica lags; readers follow when it replays', async () => {
    await replica().query('select pg_wal_replay_pause()')
    try {
      // A write the page cache does not hear of (no purge, no fence): only the replica's lag
      // decides what an uncached reader render sees.
      await servers.primary.query('update articles set title = $1 where id = $2', [
        'Lagging headline',
        article.id,
      ])
      app.pageCache?.purgeAll()
      const reader = await readerGet(article.path)
      expect(reader.statusCode).toBe(200)
      expect(reader.body).toContain(article.title)
      expect(reader.body).not.toContain('Lagging headline')

      const editor = new Browser(app)
      await editor.login('editor@example.com', PASSWORD)
      const edit = await editor.get(`/admin/articles/${article.id}`)
      expect(edit.statusCode).toBe(200)
      expect(edit.body).toContain('Lagging headline')
    } finally {
      await replica().query('select pg_wal_replay_resume()')
    }
    await caughtUp()
    app.pageCache?.purgeAll()
    expect((await readerGet(article.path)).body).toContain('Lagging headline')
  })

  it('re-renders a purged page from the primary until the replica has replayed the write', async () => {
    await replica().query('select pg_wal_replay_pause()')
    try {
      expect((await readerGet(article.path)).statusCode).toBe(200) // cached now
      await saveArticle(services, SYSTEM, article.id, {
        input: { title: 'Fresh from the primary' },
      })
      const reader = await readerGet(article.path)
      expect(reader.body).toContain('Fresh from the primary')
      const [stale] = await replica().query<{ title: string }>(
        'select title from articles where id = $1',
        [article.id],
      )
      expect(stale!.title).toBe('Lagging headline')
    } finally {
      await replica().query('select pg_wal_replay_resume()')
    }
  })

  it('falls back to the primary when the replica is down, says so once, and returns to it', async () => {
    await replica().stop('immediate')
    app.pageCache?.purgeAll()
    for (let i = 0; i < 3; i++) {
      const page = await readerGet(article.path)
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('Fresh from the primary')
    }
    expect(logged.filter((line) => line.startsWith('read replica unreachable'))).toHaveLength(1)

    await replica().start()
    await expect
      .poll(
        async () => {
          app.pageCache?.purgeAll()
          await readerGet(article.path)
          return logged.some((line) => line.startsWith('read replica back'))
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(true)
  })
})
