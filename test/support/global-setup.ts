import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { REDIS_URL, REQUIRE_SERVICES, TEST_DATABASE_URL } from './services.js'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean
    redisAvailable: boolean
  }
}

/**
 * Once per run: find out whether PostgreSQL answers. When it doesn't, say so in one visible
 * SKIPPED line, or fail the run under REQUIRE_SERVICES=1.
 */
export default async function setup(project: TestProject): Promise<void> {
  ensureBuilt()
  const wanted = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').includes('postgres')
  let available = false
  if (wanted) {
    const client = new pg.Client({
      connectionString: TEST_DATABASE_URL,
      connectionTimeoutMillis: 3000,
    })
    try {
      await client.connect()
      await client.query('select 1')
      available = true
    } catch (error) {
      const reason = error instanceof Error ? error.message || error.name : String(error)
      if (REQUIRE_SERVICES)
        throw new Error(
          `PostgreSQL is required (REQUIRE_SERVICES=1) but unreachable at ${TEST_DATABASE_URL}: ${reason}`,
        )
      process.stderr.write(`\nSKIPPED postgres: ${TEST_DATABASE_URL} unreachable (${reason})\n\n`)
    } finally {
      await client.end().catch(() => {})
    }
  }
  project.provide('postgresAvailable', available)
  project.provide('redisAvailable', await probeRedis())
}

/** Whether Redis answers PING at REDIS_URL (for the cross-node cache purge tests). */
async function probeRedis(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
    return true
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error)
    if (REQUIRE_SERVICES)
      throw new Error(
        `Redis is required (REQUIRE_SERVICES=1) but unreachable at ${REDIS_URL}: ${reason}`,
      )
    process.stderr.write(`\nSKIPPED redis: ${REDIS_URL} unreachable (${reason})\n\n`)
    return false
  } finally {
    client.disconnect()
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * The CLI and server tests spawn the built code (`dist/`), as `npm start` and the `broadsheet`
 * bin run it: a compiled start is a fraction of a start through tsx. Rebuild when any source is
 * newer than the last build, so a test never runs yesterday's code.
 */
function ensureBuilt(): void {
  // tsc leaves an unchanged output file untouched, so the build's own time is kept in a stamp.
  const stamp = path.join(ROOT, 'dist/.tests-built-at')
  const builtAt =
    fs.existsSync(stamp) && fs.existsSync(path.join(ROOT, 'dist/main.js'))
      ? fs.statSync(stamp).mtimeMs
      : 0
  const newer = (dir: string): boolean =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).some((entry) => {
      if (!entry.isFile()) return false
      return fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt
    })
  if (builtAt > 0 && !newer('src') && !newer('admin-client')) return
  const startedAt = new Date()
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build failed: the tests need dist/')
  fs.writeFileSync(stamp, '')
  fs.utimesSync(stamp, startedAt, startedAt)
}
