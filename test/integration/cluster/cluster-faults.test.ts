/**
 * `npm run cluster` with two nodes on a private PostgreSQL (made by this file, so restarting it
 * disturbs no other test) and a private Redis, behind the built-in balancer:
 *
 * - node 1 is killed with SIGKILL in the middle of steady traffic: every request is still
 *   answered, by node 2;
 * - PostgreSQL restarts: cached reader pages keep being served, `/readyz` goes red while it is
 *   down and green again after, and both nodes serve fresh pages without being restarted.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
import { freePort, ROOT } from '../../support/run-cli.js'

const skip =
  skipWithoutPrivatePostgres('cluster faults') || skipWithoutRedisServer('cluster faults')

describe.skipIf(skip)('a two-node cluster under faults', { timeout: 120_000 }, () => {
  let pg: PrivatePostgres
  let redis: PrivateRedis
  let cluster: ChildProcess
  let output = ''
  let front: string
  let dataDir: string
  const nodes: { pid: number; url: string }[] = []

  beforeAll(async () => {
    ;[pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()])
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cluster-'))
    const port = await freePort()
    front = `http://127.0.0.1:${port}`
    cluster = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'scripts/cluster.ts'),
        '--nodes',
        '2',
        '--port',
        String(port),
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
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (/cluster: serving http/.test(output)) resolve()
      }
      cluster.stdout!.on('data', onData)
      cluster.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      cluster.once('exit', (code) => reject(new Error(`cluster exited (${code}): ${output}`)))
    })
    for (const match of output.matchAll(/node \d+ pid (\d+) on (127\.0\.0\.1:\d+)/g))
      nodes.push({ pid: Number(match[1]), url: `http://${match[2]}` })
    expect(nodes).toHaveLength(2)
  })

  afterAll(async () => {
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((resolve) => cluster.once('exit', resolve))
      cluster.kill('SIGTERM')
      await exited
    }
    for (const node of nodes) {
      try {
        process.kill(node.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    await redis?.kill()
    await pg?.destroy()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  /** GET through the front; a failure to get any answer is reported as status 0. */
  const get = (url: string) =>
    fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => ({
        status: response.status,
        body: await response.text(),
        headers: response.headers,
      }),
      () => ({ status: 0, body: '', headers: new Headers() }),
    )

  it('keeps answering every request when one node is killed mid-traffic', async () => {
    const statuses: number[] = []
    let running = true
    const traffic = (async () => {
      while (running) {
        const batch = await Promise.all(
          ['/', '/', '/healthz', '/search?q=council'].map((url) => get(front + url)),
        )
        statuses.push(...batch.map((answer) => answer.status))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 500))
    process.kill(nodes[0]!.pid, 'SIGKILL')
    const before = statuses.length
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    running = false
    await traffic
    expect(statuses.length - before).toBeGreaterThan(8)
    expect(statuses.filter((status) => status !== 200)).toEqual([])
    await expect.poll(() => output).toMatch(/node 1 \(pid \d+\) exited \(SIGKILL\)/)
  })

  it('rides out a PostgreSQL restart: cached pages served, readyz red then green, no restart', async () => {
    const survivor = nodes[1]!.url
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
      .poll(async () => (await get(`${survivor}/readyz`)).status, { timeout: 5_000, interval: 100 })
      .toBe(200)
    expect(Date.now() - back).toBeLessThan(5_000)
    const fresh = await get(`${front}/search?q=after-restart-${Date.now()}`)
    expect(fresh.status).toBe(200)
    expect(output).not.toMatch(/node 2 \(pid \d+\) exited/)
  })
})
