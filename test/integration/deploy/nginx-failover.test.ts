/**
 * deploy/nginx.conf's upstream and deploy/broadsheet-proxy.conf's retries, for real nginx: with
 * one node marked down for its 503s and the other killed, a reader's GET still reaches the node
 * that is back, however the backup lines are ordered; with no node able to answer, readers get a
 * 503 with Retry-After. The two nodes are plain HTTP servers that
 * answer as a Broadsheet node does (200, or 503 while "cut off from the database"), so the order
 * of events is exact; test/integration/cluster/cluster-faults.test.ts does the same with real
 * Broadsheet nodes and PostgreSQL, where the timing is the machine's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mirrorConfig, NGINX_BINARY } from '../../../scripts/nginx-config.js'
import { freePort } from '../../support/run-cli.js'
import { REQUIRE_SERVICES } from '../../support/services.js'

const NGINX = NGINX_BINARY
if (!NGINX) {
  if (REQUIRE_SERVICES) throw new Error('nginx is required (REQUIRE_SERVICES=1) but not installed')
  process.stderr.write('SKIPPED nginx: not installed (apt-get install nginx)\n')
}

/** A stand-in node: answers 200 naming its port, or 503 while `refusing`. */
function node(port: number) {
  let refusing = false
  const server = http.createServer((_request, response) => {
    response.writeHead(refusing ? 503 : 200, { 'content-type': 'text/plain' })
    response.end(refusing ? 'Back in a moment' : `node ${port}`)
  })
  return {
    port,
    refuse: (on: boolean) => (refusing = on),
    start: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    kill: () => {
      if (!server.listening) return Promise.resolve()
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

describe.skipIf(!NGINX)('deploy/nginx.conf failing over between two nodes', () => {
  let nginx: ChildProcess
  let dir: string
  let base: string
  let first: ReturnType<typeof node>
  let second: ReturnType<typeof node>

  beforeAll(async () => {
    first = node(await freePort())
    second = node(await freePort())
    await Promise.all([first.start(), second.start()])
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-nginx-failover-'))
    const nginxPort = await freePort()
    const conf = path.join(dir, 'nginx.conf')
    fs.writeFileSync(
      conf,
      mirrorConfig({
        dir,
        port: nginxPort,
        appPort: first.port,
        appPorts: [first.port, second.port],
        mirrorRoot: path.join(dir, 'no-mirror'),
      }),
    )
    const check = spawnSync(NGINX!, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
    // One worker: the upstream's failure counts live per worker.
    fs.writeFileSync(
      conf,
      fs.readFileSync(conf, 'utf8').replace('worker_processes auto;', 'worker_processes 1;'),
    )
    nginx = spawn(NGINX!, ['-p', dir, '-c', conf], { stdio: 'ignore' })
    base = `http://127.0.0.1:${nginxPort}`
    const up = () =>
      fetch(`${base}/healthz`).then(
        (r) => r.status,
        () => 0,
      )
    for (let i = 0; i < 100 && (await up()) !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })

  afterAll(async () => {
    nginx?.kill('SIGQUIT')
    await Promise.all([first?.kill(), second?.kill()])
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const statuses = async (count: number) => {
    const answers: number[] = []
    for (let i = 0; i < count; i++) {
      answers.push(
        await fetch(`${base}/healthz?i=${i}`).then(
          async (r) => (await r.text(), r.status),
          () => 0,
        ),
      )
    }
    return answers
  }

  it('sends a GET past a dead node to the live one even while the live one is marked down', async () => {
    // The second node refuses (its database restarting): nginx retries on the first and, after
    // max_fails, marks the second down. Every reader still gets a 200.
    second.refuse(true)
    expect(await statuses(6)).toEqual([200, 200, 200, 200, 200, 200])
    // The database is back, and the first node dies. The second is still marked down, so after
    // the first refuses the connection nginx turns to the backup lines, which begin with the
    // dead node again: only a retry past it reaches the live one.
    second.refuse(false)
    await first.kill()
    expect(await statuses(6)).toEqual([200, 200, 200, 200, 200, 200])
  })

  it("answers 503 with Retry-After, not nginx's 502, when no node can answer", async () => {
    // The live node refuses too (its database restarting): every line answers 503 or is dead.
    second.refuse(true)
    expect(await statuses(4)).toEqual([503, 503, 503, 503])
    // Then it dies as well: nothing listens at all.
    await second.kill()
    const answer = await fetch(`${base}/`)
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('10')
    expect(await answer.text()).toContain('Back in a moment')
  })
})
