/**
 * Two servers (`node dist/main.js`, what `npm start` runs) poll the same sources on one database,
 * as two nodes would. The first to fetch a feed is killed with SIGKILL while it reads and stores
 * it. Nothing of that poll remains; the other server polls every other source once; when the dead
 * server's claim expires (its lock is moved into the past, as five minutes would), the survivor
 * polls that source too, and every item ends up as exactly one story. On SQLite (one file, two
 * processes) and PostgreSQL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src/clock.js'
import { createHttpClient } from '../../../src/net/index.js'
import { addSource } from '../../../src/wire/index.js'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { ROOT } from '../../support/run-cli.js'
import { syntheticFeed } from '../../support/synthetic-feed.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const MAIN = path.join(ROOT, 'dist/main.js')
const SOURCES = 4
const ITEMS = 200

let feeds: FeedServer
/** The servers by the name their User-Agent carries; the first to answer a feed is killed. */
const running = new Map<string, Server>()
let killed: { server: Server; path: string } | undefined

beforeAll(async () => {
  // `npm start` builds first; CI's `npm ci` has built dist/ already.
  if (!fs.existsSync(MAIN)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  feeds = await startFeedServer()
  for (let n = 1; n <= SOURCES; n++)
    feeds.route(`/feed-${n}.xml`, {
      // No pictures: each would be a download attempt, which is not what this test is about.
      body: syntheticFeed({ name: `Node ${n}`, items: ITEMS }).replace(/<p><img [^>]*><\/p>/g, ''),
      // The first server to get a feed dies while it reads and stores it: the whole answer has
      // left, and 200 items take far longer than this to parse and write.
      afterAnswer: (request) => {
        if (killed) return
        const agent = String(request.headers['user-agent'])
        const server = [...running.values()].find((s) => agent.includes(`+http://${s.name}.test`))
        if (!server) return
        killed = { server, path: request.path }
        setTimeout(() => server.child.kill('SIGKILL'), 30)
      },
    })
}, 300_000)
afterAll(async () => feeds?.close())

interface Server {
  name: string
  child: ChildProcess
  output: () => string
}

for (const dialect of DIALECTS)
  describe(`${dialect}: two servers polling one wire`, { timeout: 180_000 }, () => {
    let database: TestDatabase

    beforeEach(async () => {
      database = await createTestDatabase(dialect)
      feeds.requests.length = 0
      killed = undefined
    })
    afterEach(async () => {
      for (const server of running.values()) await stop(server, 'SIGTERM')
      running.clear()
      await database.destroy()
    })

    const count = async (table: 'articles' | 'wire_items') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    it('makes every item one story when one server is killed mid-poll', async () => {
      // Only to add the sources (no feed is read here): the servers poll with their own.
      const wireClient = createHttpClient({ userAgent: 'test', allowPrivate: true })
      const deps = { ...testKernel(database.db, systemClock), wireClient }
      const sources = []
      for (let n = 1; n <= SOURCES; n++)
        sources.push(
          await addSource(
            deps,
            SYSTEM,
            { url: feeds.url(`/feed-${n}.xml`), publish: 'auto' },
            { discover: false },
          ),
        )

      wireClient.close()

      // Both start at once; each polls what is due before it listens, then every 15 s.
      for (const name of ['one', 'two']) running.set(name, launch(name, database))
      const victim = await waitFor(() => killed, 60_000)
      const dead = victim.server.child
      if (dead.exitCode === null && dead.signalCode === null)
        await new Promise((resolve) => dead.once('exit', resolve))
      expect(dead.signalCode).toBe('SIGKILL')
      const survivor = [...running.values()].find((s) => s !== victim.server)!
      const killedSource = sources.find((s) => s.url.endsWith(victim.path))!

      // Nothing half-done: the killed poll left no item and no story.
      const itemsOfKilled = async () =>
        (
          await database.db
            .selectFrom('wire_items')
            .select('id')
            .where('source_id', '=', killedSource.id)
            .execute()
        ).length
      expect(await itemsOfKilled()).toBe(0)

      // The survivor polls the other sources. The dead server's claims stay locked until they
      // expire; move them into the past, as five minutes would.
      await waitFor(
        async () => ((await count('wire_items')) >= (SOURCES - 1) * ITEMS ? true : undefined),
        120_000,
      )
      expect(await itemsOfKilled()).toBe(0)
      const expired = await database.db
        .updateTable('jobs')
        .set({ locked_until: Date.now() - 1 })
        .where('status', '=', 'running')
        .where('locked_by', 'like', `%:${victim.server.child.pid}:%`)
        .executeTakeFirst()
      expect(Number(expired.numUpdatedRows)).toBeGreaterThanOrEqual(1)
      await waitFor(
        async () => ((await count('wire_items')) >= SOURCES * ITEMS ? true : undefined),
        60_000,
      )

      const items = await database.db
        .selectFrom('wire_items')
        .select(['source_id', 'item_key', 'article_id'])
        .execute()
      const stories = await database.db
        .selectFrom('articles')
        .select(['id', 'title', 'canonical_url', 'status'])
        .execute()
      expect(items).toHaveLength(SOURCES * ITEMS)
      expect(new Set(items.map((i) => `${i.source_id} ${i.item_key}`)).size).toBe(SOURCES * ITEMS)
      expect(new Set(items.map((i) => i.article_id)).size).toBe(SOURCES * ITEMS)
      expect(stories).toHaveLength(SOURCES * ITEMS)
      expect(new Set(stories.map((s) => s.canonical_url)).size).toBe(SOURCES * ITEMS)
      expect(new Set(stories.map((s) => s.title)).size).toBe(SOURCES * ITEMS)
      expect(stories.every((s) => s.status === 'published')).toBe(true)
      for (const source of sources)
        expect(items.filter((i) => i.source_id === source.id)).toHaveLength(ITEMS)
      // Each feed was fetched once, the killed one once more by the survivor.
      for (let n = 1; n <= SOURCES; n++) {
        const path = `/feed-${n}.xml`
        expect(feeds.requestsTo(path)).toHaveLength(path === victim.path ? 2 : 1)
      }
      expect(survivor.child.exitCode).toBeNull()
      expect(survivor.output()).not.toMatch(/failed/)
    })
  })

/** `node dist/main.js` on the test database, as server `name` (its User-Agent says so). */
function launch(name: string, database: TestDatabase): Server {
  const child = spawn(process.execPath, [MAIN], {
    cwd: database.dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      // The User-Agent names the site: it tells the two servers apart at the feed server.
      PUBLIC_URL: `http://${name}.test`,
      DEMO_CONTENT: 'false',
      WIRE_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: process.env.TEST_SERVER_LOG ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { name, child, output: () => output }
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill(signal)
  await exited
}

async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  ms: number,
): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await sleep(100)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
