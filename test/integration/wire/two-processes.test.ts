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
import { addSource } from '../../../src/wire/index.js'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { freePort, ROOT } from '../../support/run-cli.js'
import { syntheticFeed } from '../../support/synthetic-feed.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const MAIN = path.join(ROOT, 'dist/main.js')
const SOURCES = 4
const ITEMS = 200

let feeds: FeedServer

beforeAll(async () => {
  // `npm start` builds first; CI's `npm ci` has built dist/ already.
  if (!fs.existsSync(MAIN)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  feeds = await startFeedServer()
  for (let n = 1; n <= SOURCES; n++)
    feeds.route(`/feed-${n}.xml`, {
      body: syntheticFeed({ name: `Node ${n}`, items: ITEMS }),
      // Long enough to see who asked before the answer comes.
      delayMs: 400,
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
    const servers: Server[] = []

    beforeEach(async () => {
      database = await createTestDatabase(dialect)
      feeds.requests.length = 0
    })
    afterEach(async () => {
      for (const server of servers.splice(0)) await stop(server, 'SIGTERM')
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
      const deps = testKernel(database.db, systemClock)
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

      servers.push(await start('one', database), await start('two', database))

      // The first feed request names its server in the User-Agent: kill that one while it
      // reads and stores the answer (the answer leaves after 400 ms; 200 items take longer).
      const first = await waitFor(() => feeds.requests.find((r) => /Broadsheet/.test(String(r.headers['user-agent']))), 60_000)
      const victim = servers.find((s) => String(first.headers['user-agent']).includes(`${s.name}.test`))!
      const survivor = servers.find((s) => s !== victim)!
      await sleep(550)
      await stop(victim, 'SIGKILL')
      const killedSource = sources.find((s) => s.url.endsWith(first.path))!

      // Nothing half-done: the killed poll's items and stories are all there or none are.
      const itemsOfKilled = await database.db
        .selectFrom('wire_items')
        .select('id')
        .where('source_id', '=', killedSource.id)
        .execute()
      expect([0, ITEMS]).toContain(itemsOfKilled.length)

      // The survivor polls the other sources. The dead server's claims stay locked until they
      // expire; move them into the past, as five minutes would.
      await waitFor(
        async () =>
          (await count('wire_items')) >= (SOURCES - 1) * ITEMS + itemsOfKilled.length || undefined,
        90_000,
      )
      await database.db
        .updateTable('jobs')
        .set({ locked_until: Date.now() - 1 })
        .where('status', '=', 'running')
        .where('locked_by', 'like', `%:${victim.child.pid}:%`)
        .execute()
      await waitFor(async () => ((await count('wire_items')) >= SOURCES * ITEMS) || undefined, 90_000)

      const items = await database.db
        .selectFrom('wire_items')
        .select(['source_id', 'item_key', 'article_id', 'status'])
        .execute()
      const stories = await database.db
        .selectFrom('articles')
        .select(['id', 'title', 'canonical_url', 'status'])
        .execute()
      expect(items).toHaveLength(SOURCES * ITEMS)
      expect(new Set(items.map((i) => `${i.source_id} ${i.item_key}`)).size).toBe(SOURCES * ITEMS)
      expect(stories).toHaveLength(SOURCES * ITEMS)
      expect(new Set(stories.map((s) => s.canonical_url)).size).toBe(SOURCES * ITEMS)
      expect(new Set(stories.map((s) => s.title)).size).toBe(SOURCES * ITEMS)
      expect(stories.every((s) => s.status === 'published')).toBe(true)
      expect(new Set(items.map((i) => i.article_id)).size).toBe(SOURCES * ITEMS)
      for (const source of sources)
        expect(items.filter((i) => i.source_id === source.id)).toHaveLength(ITEMS)
      // Each feed was fetched once, the killed one once more by the survivor.
      for (let n = 1; n <= SOURCES; n++) {
        const asked = feeds.requestsTo(`/feed-${n}.xml`)
        expect(asked).toHaveLength(`/feed-${n}.xml` === first.path ? 2 : 1)
      }
      expect(survivor.child.exitCode).toBeNull()
      expect(survivor.output()).not.toMatch(/failed/)
    })
  })

/** `node dist/main.js` on the test database; resolves when it serves. */
async function start(name: string, database: TestDatabase): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, [MAIN], {
    cwd: database.dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      // The User-Agent names the site: it tells the two servers apart at the feed server.
      PUBLIC_URL: `http://${name}.test`,
      DEMO_CONTENT: 'false',
      WIRE_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`server ${name} exited: ${output}`)
    return /serving /.test(output) || undefined
  }, 60_000)
  return { name, child, output: () => output }
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill(signal)
  await exited
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
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
