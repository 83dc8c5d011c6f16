/**
 * The processes `npm run bench` measures: generated archives (SQLite and PostgreSQL), Broadsheet
 * started as `npm start` starts it, the node:http limit, nginx, and captured responses.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import pg from 'pg'
import { NGINX_BINARY } from './nginx-config.js'

export const ROOT = path.resolve(import.meta.dirname, '..')
export const OUT = path.join(ROOT, 'artifacts', 'bench')

/** Everything the bench started, stopped when it exits (even on a failure). */
const started = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGTERM')
})

function track(child: ChildProcess): ChildProcess {
  started.add(child)
  child.once('exit', () => started.delete(child))
  return child
}

export function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`)
}

function seed(articles: number, env: Record<string, string>): void {
  const seeded = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/broadsheet.js'), 'seed', '--articles', String(articles)],
    { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  if (seeded.status !== 0) throw new Error('seeding failed')
}

/**
 * A Content API key for the archive in `dataDir` (and `DATABASE_URL`, for PostgreSQL): an
 * integration made once with the CLI, its key kept beside the archive for later runs.
 */
export function benchContentKey(dataDir: string, env: Record<string, string> = {}): string {
  const file = path.join(dataDir, 'bench-content-key')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const made = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/broadsheet.js'), 'integration:create', '--name', 'Bench', '--json'],
    { env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env }, encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`integration:create failed: ${made.stderr}`)
  const key = (JSON.parse(made.stdout) as { contentApiKey: string }).contentApiKey
  fs.writeFileSync(file, `${key}\n`)
  return key
}

/**
 * An Admin API key (`id:secret`) for the archive in `dataDir`: a second integration made once,
 * kept beside the archive like the content key.
 */
export function benchAdminKey(dataDir: string, env: Record<string, string> = {}): string {
  const file = path.join(dataDir, 'bench-admin-key')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const made = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin/broadsheet.js'),
      'integration:create',
      '--name',
      'Bench editor',
      '--json',
    ],
    { env: { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDir, ...env }, encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`integration:create failed: ${made.stderr}`)
  const key = (JSON.parse(made.stdout) as { adminApiKey: string }).adminApiKey
  fs.writeFileSync(file, `${key}\n`)
  return key
}

/** A SQLite archive of `articles` generated stories, made once and kept under artifacts/. */
export function sqliteArchive(articles: number): string {
  const dir = path.join(OUT, `data-${articles}`)
  if (fs.existsSync(path.join(dir, 'ready'))) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  log(`generating ${articles} articles in ${dir} (once; reused by later runs)`)
  seed(articles, { DATA_DIR: dir })
  fs.writeFileSync(path.join(dir, 'ready'), new Date().toISOString())
  return dir
}

/**
 * A PostgreSQL archive in database `broadsheet_bench_<articles>` on the server at `serverUrl`,
 * made once (a marker file remembers it). Undefined when the server cannot be reached.
 */
export async function postgresArchive(
  serverUrl: string,
  articles: number,
): Promise<{ databaseUrl: string; dataDir: string } | undefined> {
  const name = `broadsheet_bench_${articles}`
  const databaseUrl = `${serverUrl.replace(/\/[^/]*$/, '')}/${name}`
  const dataDir = path.join(OUT, `data-pg-${articles}`)
  const admin = new pg.Client({ connectionString: serverUrl })
  try {
    await admin.connect()
  } catch (error) {
    log(`PostgreSQL at ${serverUrl} unreachable (${String(error)}): skipping its rows`)
    return undefined
  }
  try {
    if (fs.existsSync(path.join(dataDir, 'ready'))) return { databaseUrl, dataDir }
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  log(`generating ${articles} articles in PostgreSQL database ${name} (once)`)
  try {
    seed(articles, { DATA_DIR: dataDir, DATABASE_URL: databaseUrl })
  } catch (error) {
    log(`${String(error)} on PostgreSQL: skipping its rows`)
    return undefined
  }
  fs.writeFileSync(path.join(dataDir, 'ready'), new Date().toISOString())
  return { databaseUrl, dataDir }
}

export interface Server {
  url: string
  child: ChildProcess
  startupMs: number
  peakRssMb(): number
  stop(): Promise<void>
}

/**
 * Broadsheet as `npm start` runs it: `node dist/main.js` with the defaults (LOG_LEVEL=info, page
 * cache on), its log written to a file as a service manager would. `env` changes one setting;
 * `workers` runs `broadsheet serve --workers N` instead.
 */
export async function startBroadsheet(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  workers = 1,
): Promise<Server> {
  await mustBeFree(port)
  const startedAt = Date.now()
  const inherited = { ...process.env }
  for (const name of ['LOG_LEVEL', 'PAGE_CACHE', 'STATIC_MIRROR', 'DATABASE_URL', 'REDIS_URL'])
    delete inherited[name]
  // The Content API's per-key limit (600/min by default) would answer 429 to the load itself.
  inherited.API_RATE_LIMIT = '1000000000'
  const logFile = path.join(OUT, `server-${port}.log`)
  const out = fs.openSync(logFile, 'w')
  const args =
    workers > 1
      ? [path.join(ROOT, 'bin/broadsheet.js'), 'serve', '--workers', String(workers)]
      : [path.join(ROOT, 'dist/main.js')]
  const child = track(
    spawn(process.execPath, args, {
      env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ...env },
      stdio: ['ignore', out, 'inherit'],
    }),
  )
  fs.closeSync(out)
  const url = `http://127.0.0.1:${port}`
  await waitFor(url)
  return {
    url,
    child,
    startupMs: Date.now() - startedAt,
    peakRssMb: () => peakRss(child.pid),
    stop: () => stop(child),
  }
}

function peakRss(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return 0
  }
}

/** A server left over from an interrupted run would be measured instead of ours: refuse. */
async function mustBeFree(port: number): Promise<void> {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`port ${port} is taken (a server left from an earlier run?)`)
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  throw new Error(`${url} did not answer`)
}

/** A response as the limit server replays it. */
export interface Captured {
  headers: Record<string, string>
  body: Buffer
}

/** GET `url` with gzip accepted: the exact body bytes and headers (less per-connection ones). */
export async function capture(url: string): Promise<Captured> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, resolve).on('error', reject),
  )
  const chunks: Buffer[] = []
  for await (const chunk of response) chunks.push(chunk as Buffer)
  const headers: Record<string, string> = {}
  for (const [key, value] of Object.entries(response.headers))
    if (typeof value === 'string' && !['date', 'connection', 'keep-alive'].includes(key))
      headers[key] = value
  return { headers, body: Buffer.concat(chunks) }
}

/** The node:http limit (`bench-limit.js`) replaying `responses`, on `processes` processes. */
export async function startLimit(
  responses: Map<string, Captured>,
  port: number,
  processes = 1,
): Promise<Server> {
  const file = path.join(OUT, `limit-responses-${port}.json`)
  const json: Record<string, { headers: Record<string, string>; body: string }> = {}
  for (const [url, r] of responses)
    json[url] = { headers: r.headers, body: r.body.toString('base64') }
  fs.writeFileSync(file, JSON.stringify(json))
  const startedAt = Date.now()
  const child = track(
    spawn(
      process.execPath,
      [path.join(ROOT, 'scripts/bench-limit.js'), file, String(port), String(processes)],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    ),
  )
  const url = `http://127.0.0.1:${port}`
  await waitFor(url)
  return {
    url,
    child,
    startupMs: Date.now() - startedAt,
    peakRssMb: () => 0,
    stop: () => stop(child),
  }
}

/** nginx with a generated config; stops with the returned function. */
export async function startNginx(
  dir: string,
  config: string,
  url: string,
): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'nginx.conf')
  fs.writeFileSync(file, config)
  const child = track(spawn(NGINX_BINARY!, ['-p', dir, '-c', file], { stdio: 'ignore' }))
  await waitFor(url)
  return () => stop(child)
}
