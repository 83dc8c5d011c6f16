/**
 * `npm run bench [-- --articles N --duration S --connections C]`
 *
 * Measures Broadsheet against the limits of this machine in one run: a bare node:http server
 * writing the very same bytes (and nginx serving the static mirror, when installed), then the
 * reader pages cached and uncached, a 304 revalidation, start-up time and peak RSS. Prints a
 * table and writes JSON under artifacts/bench/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { mirrorConfig, NGINX_BINARY, plainStaticConfig } from './nginx-config.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'artifacts', 'bench')

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
  },
})
const ARTICLES = Number(values.articles)
const DURATION = Number(values.duration)
const CONNECTIONS = Number(values.connections)
if (!Number.isInteger(ARTICLES) || ARTICLES < 0)
  throw new Error('--articles must be a whole number')

interface Row {
  name: string
  url: string
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  ratio?: string
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`)
}

function dataDir(): string {
  const dir = path.join(OUT, `data-${ARTICLES}`)
  if (fs.existsSync(path.join(dir, 'ready'))) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  log(`generating ${ARTICLES} articles in ${dir} (once; reused by later runs)`)
  const seeded = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin/broadsheet.js'), 'seed', '--articles', String(ARTICLES)],
    {
      env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  if (seeded.status !== 0) throw new Error('seeding failed')
  fs.writeFileSync(path.join(dir, 'ready'), new Date().toISOString())
  return dir
}

interface Server {
  url: string
  child: ChildProcess
  startupMs: number
  peakRssMb(): number
  stop(): Promise<void>
}

async function startBroadsheet(
  dir: string,
  port: number,
  env: Record<string, string>,
): Promise<Server> {
  const started = Date.now()
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor(url)
  return {
    url,
    child,
    startupMs: Date.now() - started,
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

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  throw new Error(`${url} did not answer`)
}

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p))

async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Row> {
  const all = { 'accept-encoding': 'gzip', ...headers }
  const row = WRK ? await runWrk(name, url, all) : await runAutocannon(name, url, all)
  log(`${name}: ${row.requestsPerSecond} req/s, p99 ${row.p99} ms`)
  return row
}

/** wrk in a child process; async, so the in-process node:http limit server keeps answering. */
async function runWrk(name: string, url: string, headers: Record<string, string>): Promise<Row> {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency']
  for (const [key, value] of Object.entries(headers)) args.push('-H', `${key}: ${value}`)
  const child = spawn(WRK!, [...args, url], { stdio: ['ignore', 'pipe', 'ignore'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await new Promise((resolve) => child.once('close', resolve))
  const ms = (label: string) => {
    const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(out)
    if (!m) return 0
    const value = Number(m[1])
    return (
      Math.round((m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value) * 100) / 100
    )
  }
  return {
    name,
    url: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
    requestsPerSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)),
    p50: ms('50%'),
    p99: ms('99%'),
    errors: Number(/Socket errors:.*?(\d+)/.exec(out)?.[1] ?? 0),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
  }
}

async function runAutocannon(
  name: string,
  url: string,
  headers: Record<string, string>,
): Promise<Row> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers })
  return {
    name,
    url: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

/** Start nginx with a generated config; resolves once it answers. */
async function startNginx(dir: string, config: string, url: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'nginx.conf')
  fs.writeFileSync(file, config)
  const child = spawn(NGINX_BINARY!, ['-p', dir, '-c', file], { stdio: 'ignore' })
  await waitFor(url)
  return () => stop(child)
}

/** A bare node:http server answering every request with the captured response bytes. */
async function startLimitServer(
  body: Buffer,
  headers: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, headers)
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function capture(
  url: string,
): Promise<{ body: Buffer; headers: Record<string, string>; etag: string }> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, resolve).on('error', reject),
  )
  const chunks: Buffer[] = []
  for await (const chunk of response) chunks.push(chunk as Buffer)
  const headers: Record<string, string> = {}
  for (const [key, value] of Object.entries(response.headers))
    if (typeof value === 'string') headers[key] = value
  delete headers.date
  delete headers.connection
  delete headers['keep-alive']
  return { body: Buffer.concat(chunks), headers, etag: headers.etag ?? '' }
}

async function pickUrls(base: string): Promise<Record<string, string>> {
  const home = await (await fetch(`${base}/`)).text()
  const article = /href="(\/\d{4}\/\d{2}\/[^"]+\/)"/.exec(home)?.[1]
  if (!article) throw new Error('no article link on the front page')
  const section = /href="\/(news|world|sport)\/"/.exec(home)?.[1] ?? 'news'
  return {
    article,
    section: `/${section}/`,
    deepSection: `/${section}/page/${Math.max(2, Math.floor(ARTICLES / 8 / 10 / 2))}/`,
    front: '/',
    search: '/search/?q=harbour',
    feed: '/feed/',
  }
}

function ratio(value: number, limit: number): string {
  return limit > 0 ? `${Math.round((value / limit) * 100)} %` : 'n/a'
}

async function main(): Promise<void> {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  fs.mkdirSync(OUT, { recursive: true })
  const dir = dataDir()
  const rows: Row[] = []

  const cached = await startBroadsheet(dir, 38080, { PAGE_CACHE: 'true', STATIC_MIRROR: 'true' })
  const urls = await pickUrls(cached.url)
  const sample = await capture(`${cached.url}${urls.article}`)
  const limit = await startLimitServer(sample.body, sample.headers)
  const limitRow = await measure('limit: node:http, same bytes', `${limit.url}${urls.article}`)
  rows.push(limitRow)
  await limit.close()

  for (const [name, url] of Object.entries(urls)) {
    await fetch(`${cached.url}${url}`) // warm the cache
    const row = await measure(`cached ${name}`, `${cached.url}${url}`)
    row.ratio = ratio(row.requestsPerSecond, limitRow.requestsPerSecond)
    rows.push(row)
  }
  rows.push(
    await measure('304 revalidation (article)', `${cached.url}${urls.article}`, {
      'if-none-match': sample.etag,
    }),
  )
  if (NGINX_BINARY) {
    // The mirror holds the article's files once it was served; nginx alone is the limit here.
    const mirrorRoot = path.join(dir, 'static')
    const plainDir = path.join(OUT, 'nginx-plain')
    const plain = await startNginx(
      plainDir,
      plainStaticConfig({ dir: plainDir, port: 38090, root: mirrorRoot }),
      'http://127.0.0.1:38090/',
    )
    const nginxLimit = await measure(
      'limit: nginx, same static file',
      `http://127.0.0.1:38090${urls.article}`,
    )
    rows.push(nginxLimit)
    await plain()
    const mirrorDir = path.join(OUT, 'nginx-mirror')
    const mirror = await startNginx(
      mirrorDir,
      mirrorConfig({ dir: mirrorDir, port: 38091, appPort: 38080, mirrorRoot }),
      'http://127.0.0.1:38091/',
    )
    const row = await measure(
      'nginx + static mirror (article)',
      `http://127.0.0.1:38091${urls.article}`,
    )
    row.ratio = ratio(row.requestsPerSecond, nginxLimit.requestsPerSecond)
    rows.push(row)
    await mirror()
  } else {
    log('nginx not installed: skipping the static-mirror rows (apt-get install nginx)')
  }
  const cachedRss = cached.peakRssMb()
  await cached.stop()

  const uncached = await startBroadsheet(dir, 38081, { PAGE_CACHE: 'false' })
  for (const [name, url] of Object.entries(urls))
    rows.push(await measure(`uncached ${name}`, `${uncached.url}${url}`))
  const uncachedRss = uncached.peakRssMb()
  await uncached.stop()

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    articles: ARTICLES,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    startupMs: { cached: cached.startupMs, uncached: uncached.startupMs },
    peakRssMb: { cached: cachedRss, uncached: uncachedRss },
    rows,
  }
  const file = path.join(OUT, `bench-${ARTICLES}-${report.date.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  console.log(
    `\nBroadsheet bench, ${report.date.slice(0, 10)}, ${ARTICLES} articles, ${CONNECTIONS} connections, ${DURATION} s each, Node ${process.version}\n`,
  )
  console.log(`Load generator: ${WRK ? 'wrk' : 'autocannon'}\n`)
  console.log('| measurement | path | req/s | p50 ms | p99 ms | vs limit | errors |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |')
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.url} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.ratio ?? ''} | ${r.errors + r.non2xx} |`,
    )
  }
  console.log(
    `\nStart-up to first response: ${cached.startupMs} ms (cached run), ${uncached.startupMs} ms (uncached run)`,
  )
  console.log(`Peak RSS: ${cachedRss} MB (cached run), ${uncachedRss} MB (uncached run)`)
  console.log(`JSON: ${path.relative(ROOT, file)}`)
}

await main()
