/**
 * A private PostgreSQL for fault tests: a primary made with `initdb` in a temporary directory
 * and, when asked, a streaming replica of it made with `pg_basebackup -R`, each on a free port,
 * both started and stopped by the test. The shared server on 5432 is never touched (restarting
 * it would break every other test using it).
 *
 * The binaries come from /usr/lib/postgresql/<version>/bin. PostgreSQL refuses to run as root,
 * so when the tests run as root (CI) every command runs as the `postgres` user via runuser.
 * When the binaries are missing, `privatePostgresUnavailable()` says why: the suite prints a
 * SKIPPED line and skips, or fails under REQUIRE_SERVICES=1.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './run-cli.js'
import { REQUIRE_SERVICES } from './services.js'

const run = promisify(execFile)

/** The directory holding initdb, pg_ctl and pg_basebackup, newest version first. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return undefined
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined
}

/** Why a private PostgreSQL cannot be made here, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  if (!postgresBinDir()) return 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin'
  if (process.getuid?.() === 0) {
    try {
      fs.accessSync('/usr/sbin/runuser')
    } catch {
      return 'running as root without runuser to drop to the postgres user'
    }
  }
  return undefined
}

/** Print the SKIPPED line (or throw under REQUIRE_SERVICES=1); true when the suite must skip. */
export function skipWithoutPrivatePostgres(suite: string): boolean {
  const reason = privatePostgresUnavailable()
  if (!reason) return false
  if (REQUIRE_SERVICES)
    throw new Error(`a private PostgreSQL is required (REQUIRE_SERVICES=1): ${reason}`)
  process.stderr.write(`\nSKIPPED ${suite}: ${reason}\n\n`)
  return true
}

export interface PrivateServer {
  readonly port: number
  readonly url: string
  readonly dir: string
  start(): Promise<void>
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  /** One query on a fresh connection (closed after). */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>
}

export interface PrivatePostgres {
  primary: PrivateServer
  replica: PrivateServer | undefined
  /** Stop both servers and remove the directory. */
  destroy(): Promise<void>
}

const asRoot = () => process.getuid?.() === 0

async function pgCommand(command: string, args: string[]): Promise<string> {
  const binary = path.join(postgresBinDir()!, command)
  const [file, rest] = asRoot()
    ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
    : [binary, args]
  const { stdout } = await run(file, rest, {
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '' },
  })
  return stdout
}

function server(dir: string, port: number, socketDir: string): PrivateServer {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  return {
    port,
    url,
    dir,
    start: async () => {
      await pgCommand('pg_ctl', [
        '-D',
        dir,
        '-l',
        path.join(dir, 'server.log'),
        '-o',
        `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1`,
        '-w',
        '-t',
        '30',
        'start',
      ])
    },
    stop: async (mode = 'fast') => {
      await pgCommand('pg_ctl', ['-D', dir, '-m', mode, '-w', '-t', '30', 'stop'])
    },
    query: async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
      const client = new pg.Client({ connectionString: url, application_name: 'test-probe' })
      await client.connect()
      try {
        return (await client.query<R>(text, values)).rows
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * Make and start a primary (and, with `replica: true`, a hot-standby streaming replica of it).
 * Takes a few seconds: initdb, then a base backup of a near-empty cluster.
 */
export async function startPrivatePostgres(
  options: { replica?: boolean } = {},
): Promise<PrivatePostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pg-'))
  fs.chmodSync(root, 0o755)
  if (asRoot()) await run('chown', ['postgres:postgres', root])
  const primaryDir = path.join(root, 'primary')
  const replicaDir = path.join(root, 'replica')
  const primary = server(primaryDir, await freePort(), root)
  await pgCommand('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'])
  // initdb's trust set-up already admits replication connections from 127.0.0.1.
  fs.appendFileSync(
    path.join(primaryDir, 'postgresql.conf'),
    '\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 16MB\n',
  )
  await primary.start()
  let replica: PrivateServer | undefined
  try {
    if (options.replica) {
      await pgCommand('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ])
      replica = server(replicaDir, await freePort(), root)
      await replica.start()
    }
  } catch (error) {
    await primary.stop('immediate').catch(() => {})
    throw error
  }
  return {
    primary,
    replica,
    destroy: async () => {
      await replica?.stop('immediate').catch(() => {})
      await primary.stop('immediate').catch(() => {})
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}
