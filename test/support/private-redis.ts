/**
 * A private redis-server on a free port, started and stopped by the test (the shared one on
 * 6379 is never stopped). Without the binary the suite prints a SKIPPED line and skips, or fails
 * under REQUIRE_SERVICES=1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { freePort } from './run-cli.js'
import { probe, REQUIRE_SERVICES } from './services.js'

export function skipWithoutRedisServer(suite: string): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' })
  if (found.status === 0) return false
  const reason = 'redis-server is not installed (apt-get install redis-server)'
  if (REQUIRE_SERVICES) throw new Error(`redis-server is required (REQUIRE_SERVICES=1): ${reason}`)
  process.stderr.write(`\nSKIPPED ${suite}: ${reason}\n\n`)
  return true
}

export interface PrivateRedis {
  readonly url: string
  start(): Promise<void>
  /** SIGKILL: the way a crash looks to its clients. */
  kill(): Promise<void>
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  const redis: PrivateRedis = {
    url,
    start: async () => {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      )
      const started = Date.now()
      for (;;) {
        try {
          await probe(url, port, 500)
          return
        } catch (error) {
          if (Date.now() - started > 10_000) throw error
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
    },
    kill: async () => {
      const running = child
      child = undefined
      if (!running || running.exitCode !== null) return
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill('SIGKILL')
      await exited
    },
  }
  await redis.start()
  return redis
}
