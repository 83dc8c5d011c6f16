/**
 * `npm run cluster` with two nodes on a private PostgreSQL (made by this file, so restarting it
 * disturbs no other test) and a private Redis:
 *
 * - behind the built-in balancer and behind nginx (deploy/nginx.conf's upstream, when nginx is
 *   installed), node 1 is killed with SIGKILL in the middle of steady traffic: every request is
 *   still answered, by node 2; behind the built-in one node 1 is also publishing through the
 *   newsroom when it dies: every acknowledged publish is in the database, and no story is left
 *   half-published;
 * - PostgreSQL restarts (built-in balancer): cached reader pages keep being served, `/readyz`
 *   goes red while it is down and green again after, and the surviving node serves fresh pages
 *   without being restarted.
 * - Behind nginx the nodes keep their media in S3-compatible storage (`s3rver`): a picture
 *   uploaded through node 1's newsroom is served by node 2 and, once node 1 is dead, through
 *   the front; nothing of it is on the nodes' disk. An editor signs in through nginx's own
 *   port, and while PostgreSQL restarts cached pages go on being served through nginx even
 *   after both nodes have refused uncached ones (the upstream's backup lines).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  skipWithoutPrivatePostgres,
  startPrivatePostgres,
  type PrivatePostgres,
} from '../../support/private-postgres.js'
import {
  skipWithoutRedisServer,
  startPrivateRedis,
  type PrivateRedis,
} from '../../support/private-redis.js'
import { EDITOR, formFields, Newsroom } from '../../../scripts/bench-news.js'
import { NGINX_BINARY } from '../../../scripts/nginx-config.js'
import { ROOT, runCli } from '../../support/run-cli.js'
import { startS3, type TestS3 } from '../../support/s3-server.js'
import { REQUIRE_SERVICES } from '../../support/services.js'

const skip =
  skipWithoutPrivatePostgres('cluster faults') || skipWithoutRedisServer('cluster faults')

let pg: PrivatePostgres
let redis: PrivateRedis
let dataDir: string

if (!skip && !NGINX_BINARY) {
  if (REQUIRE_SERVICES) throw new Error('nginx is required (REQUIRE_SERVICES=1) but not installed')
  process.stderr.write('SKIPPED cluster faults behind nginx: nginx is not installed\n')
}

beforeAll(async () => {
  if (skip) return
  ;[pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()])
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cluster-'))
}, 60_000)

afterAll(async () => {
  await redis?.kill()
  await pg?.destroy()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

interface Cluster {
  front: string
  nodes: { pid: number; url: string }[]
  output: () => string
  stop(): Promise<void>
}

/** Whether nothing listens on `port` right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/**
 * The cluster takes the front port P and its nodes P+1 and P+2. An ephemeral port from the
 * kernel would leave P+1 and P+2 to chance (other tests' sockets take ephemeral ports), so pick
 * below the ephemeral range, three free ports in a row.
 */
async function freeRun(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000)
    if ((await isFree(port)) && (await isFree(port + 1)) && (await isFree(port + 2))) return port
  }
}

async function startCluster(
  front: 'built-in' | 'nginx',
  env: Record<string, string> = {},
): Promise<Cluster> {
  const port = await freeRun()
  let output = ''
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'scripts/cluster.ts'),
      '--nodes',
      '2',
      '--port',
      String(port),
      ...(front === 'nginx' ? ['--nginx'] : []),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: pg.primary.url,
        REDIS_URL: redis.url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (/cluster: serving http/.test(output)) resolve()
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`cluster exited (${code}): ${output}`)))
  })
  const nodes = [...output.matchAll(/node \d+ pid (\d+) on (127\.0\.0\.1:\d+)/g)].map((m) => ({
    pid: Number(m[1]),
    url: `http://${m[2]}`,
  }))
  expect(nodes).toHaveLength(2)
  // nginx needs a moment to bind after the script says so.
  for (let tries = 0; (await get(`http://127.0.0.1:${port}/healthz`)).status !== 200; tries++) {
    if (tries > 50) throw new Error(`the front never answered: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    front: `http://127.0.0.1:${port}`,
    nodes,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      for (const node of nodes) {
        try {
          process.kill(node.pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
    },
  }
}

/** GET; a failure to get any answer is reported as status 0. */
const get = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    async (response) => ({
      status: response.status,
      body: await response.text(),
      headers: response.headers,
    }),
    () => ({ status: 0, body: '', headers: new Headers() }),
  )

/** Steady traffic through the front; node 1 is killed half a second in. */
async function killUnderTraffic(cluster: Cluster): Promise<void> {
  const statuses: number[] = []
  let running = true
  const traffic = (async () => {
    while (running) {
      const batch = await Promise.all(
        ['/', '/', '/healthz', '/search?q=council'].map((url) => get(cluster.front + url)),
      )
      statuses.push(...batch.map((answer) => answer.status))
    }
  })()
  await new Promise((resolve) => setTimeout(resolve, 500))
  process.kill(cluster.nodes[0]!.pid, 'SIGKILL')
  const before = statuses.length
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  running = false
  await traffic
  // Requests went on after the kill (how many depends on this machine's load), all answered.
  expect(statuses.length - before).toBeGreaterThan(0)
  expect(statuses.filter((status) => status !== 200)).toEqual([])
  await expect.poll(() => cluster.output()).toMatch(/node 1 \(pid \d+\) exited \(SIGKILL\)/)
}

describe.skipIf(skip)(
  'a two-node cluster behind the built-in balancer',
  { timeout: 120_000 },
  () => {
    let cluster: Cluster
    beforeAll(async () => {
      cluster = await startCluster('built-in')
    }, 90_000)
    afterAll(() => cluster?.stop())

    it('answers every request when node 1 is killed under traffic while it publishes; loses no acknowledged publish, halves none', async () => {
      const node = cluster.nodes[0]!
      await ensureEditor()
      const newsroom = new Newsroom(node.url)
      await newsroom.signIn()
      const acknowledged: string[] = []
      const sent: string[] = []
      const writer = (async () => {
        for (let n = 0; ; n++) {
          const page = await newsroom.request('/admin/articles/new').catch(() => undefined)
          if (!page) return
          const form = formFields(page.html, 'title')
          const title = `Fault publish ${n} ${Date.now().toString(36)}`
          form.set('title', title)
          form.set('bodyHtml', `<p>${title}</p>`)
          form.set('action', 'publish')
          form.delete('slug')
          sent.push(title)
          const answer = await newsroom
            .request('/admin/articles', { method: 'POST', form })
            .catch(() => undefined)
          if (!answer) return
          if (answer.status === 303) acknowledged.push(title)
        }
      })()
      // Publishing is under way; the traffic starts and node 1 is killed half a second in.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      await killUnderTraffic(cluster)
      await writer
      expect(acknowledged.length).toBeGreaterThan(0)
      const rows = await pg.primary.query<{
        title: string
        status: string
        published_at: number | null
      }>("select title, status, published_at from articles where title like 'Fault publish %'")
      const stored = new Map(rows.map((row) => [row.title, row]))
      // Every acknowledged publish is there, published…
      for (const title of acknowledged) expect(stored.get(title)?.status).toBe('published')
      // …and whatever was in flight is all there or not at all: never a half-published story.
      for (const row of rows) {
        expect(sent).toContain(row.title)
        expect(row.status).toBe('published')
        expect(row.published_at).not.toBeNull()
      }
    })

    it('rides out a PostgreSQL restart: cached pages served, readyz red then green, no restart', async () => {
      const front = cluster.front
      const survivor = cluster.nodes[1]!.url
      expect((await get(`${survivor}/readyz`)).status).toBe(200)
      const home = await get(`${front}/`)
      expect(home.status).toBe(200)

      await pg.primary.stop('fast')
      const red = await get(`${survivor}/readyz`)
      expect(red.status).toBe(503)
      expect(red.body).toMatch(/database/)
      // The cached home page is still served while the database is away…
      const cached = await get(`${front}/`)
      expect(cached.status).toBe(200)
      // …and a page never cached fails fast with 503 and Retry-After, without hanging.
      const started = Date.now()
      const uncached = await get(`${front}/search?q=never-cached-${Date.now()}`)
      expect(uncached.status).toBe(503)
      expect(uncached.headers.get('retry-after')).toBeTruthy()
      expect(Date.now() - started).toBeLessThan(4_000)

      await pg.primary.start()
      const back = Date.now()
      await expect
        .poll(async () => (await get(`${survivor}/readyz`)).status, {
          timeout: 5_000,
          interval: 100,
        })
        .toBe(200)
      expect(Date.now() - back).toBeLessThan(5_000)
      const fresh = await get(`${front}/search?q=after-restart-${Date.now()}`)
      expect(fresh.status).toBe(200)
      expect(cluster.output()).not.toMatch(/node 2 \(pid \d+\) exited/)
    })
  },
)

let editorMade = false
/** The newsroom editor the tests sign in as (made once, in the cluster's database). */
async function ensureEditor(): Promise<void> {
  if (editorMade) return
  const created = await runCli(
    [
      'user:create',
      '--email',
      EDITOR.email,
      '--name',
      'Ed',
      '--role',
      'editor',
      '--password',
      EDITOR.password,
    ],
    { DATABASE_URL: pg.primary.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  )
  expect(created.code, created.stderr).toBe(0)
  editorMade = true
}

/** Upload one picture through the newsroom's media library; its public `/media/…` address. */
async function uploadThroughNewsroom(newsroom: Newsroom, bytes: Buffer): Promise<string> {
  const library = await newsroom.request('/admin/media')
  const form = new FormData()
  for (const [name, value] of formFields(library.html, 'file'))
    if (name !== 'file') form.append(name, value)
  form.append(
    'file',
    new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }),
    'harbour-crane.jpg',
  )
  const answer = await fetch(`${newsroom.base}/admin/media`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: newsroom.cookie, origin: newsroom.base },
    body: form,
  })
  expect(answer.status, await answer.text()).toBe(303)
  const listed = await newsroom.request('/admin/media')
  const src = /(\/media\/[^"' ]*harbour-crane[^"' ]*\.jpe?g)/.exec(listed.html)?.[1]
  if (!src) throw new Error('the uploaded picture is not in the library')
  return src
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

describe.skipIf(skip || !NGINX_BINARY)(
  'a two-node cluster behind nginx, its media in S3-compatible storage',
  { timeout: 120_000 },
  () => {
    let cluster: Cluster
    let s3: TestS3
    let picture: string
    beforeAll(async () => {
      s3 = await startS3()
      cluster = await startCluster('nginx', s3.env)
    }, 90_000)
    afterAll(async () => {
      await cluster?.stop()
      await s3?.close()
    })

    it('serves a picture uploaded on node 1 from node 2, from the bucket, not from a disk', async () => {
      await ensureEditor()
      const newsroom = new Newsroom(cluster.nodes[0]!.url)
      await newsroom.signIn()
      const bytes = await sharp({
        create: { width: 640, height: 400, channels: 3, background: '#33658a' },
      })
        .jpeg()
        .toBuffer()
      picture = await uploadThroughNewsroom(newsroom, bytes)
      const fromNode2 = await fetch(`${cluster.nodes[1]!.url}${picture}`)
      expect(fromNode2.status).toBe(200)
      expect(fromNode2.headers.get('content-type')).toMatch(/^image\//)
      expect((await fromNode2.arrayBuffer()).byteLength).toBeGreaterThan(1_000)
      // Neither node wrote the picture to the shared data folder: it is only in the bucket.
      expect(filesUnder(dataDir).filter((file) => /harbour-crane/.test(file))).toEqual([])
    })

    it('signs an editor in through nginx on a port of its own, each request on either node', async () => {
      // nginx passes the Host the browser sent, port and all: the newsroom's same-origin check
      // compares it with the form's Origin (it refused every form with `Host $host`).
      await ensureEditor()
      const newsroom = new Newsroom(cluster.front)
      await newsroom.signIn()
      for (let i = 0; i < 4; i++) {
        const page = await newsroom.request('/admin/articles')
        // The list itself, not the sign-in form again: the session holds on both nodes.
        expect(page.status).toBe(200)
        expect(page.html).not.toContain('name="password"')
      }
    })

    it('serves cached pages through a PostgreSQL restart, however many uncached ones are refused', async () => {
      // Each node caches the front page and a story (round robin: every node sees them).
      const story = (/href="(\/20\d\d\/\d\d\/[^"]+\/)"/.exec(
        (await get(`${cluster.front}/`)).body,
      ) ?? [])[1]
      expect(story).toBeDefined()
      for (let i = 0; i < 4; i++) {
        expect((await get(`${cluster.front}/`)).status).toBe(200)
        expect((await get(`${cluster.front}${story}`)).status).toBe(200)
      }
      await pg.primary.stop('fast')
      try {
        // Pages never cached are refused by both nodes (503): nginx counts those as failures
        // and marks both nodes down, so only the backup lines keep the cached pages coming.
        for (let i = 0; i < 6; i++)
          expect((await get(`${cluster.front}/search?q=outage-${i}-${Date.now()}`)).status).toBe(
            503,
          )
        for (let i = 0; i < 6; i++) {
          expect((await get(`${cluster.front}/`)).status).toBe(200)
          expect((await get(`${cluster.front}${story}`)).status).toBe(200)
        }
      } finally {
        await pg.primary.start()
      }
      await expect
        .poll(async () => (await get(`${cluster.front}/search?q=back-${Date.now()}`)).status, {
          timeout: 5_000,
          interval: 200,
        })
        .toBe(200)
    })

    it('keeps answering every request when one node is killed mid-traffic (proxy_next_upstream)', async () => {
      await killUnderTraffic(cluster)
      const picked = await get(`${cluster.front}${picture}`)
      expect(picked.status).toBe(200)
    })
  },
)
