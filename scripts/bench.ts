/**
 * `npm run bench [-- --articles N --duration S --rounds R --postgres URL]`
 * `npm run bench -- --scenario news [--load 0.7]`
 * `npm run bench -- --scenario wire [--sources 200 --items 50]`
 * `npm run bench -- --scenario newsroom [--articles N --rounds R]`
 * `npm run bench -- --scenario import [--posts 50000]` (issue 14: WXR into SQLite and PostgreSQL)
 * `npm run bench -- --scenario api [--articles N --api-port P]` (the Content API rows only)
 * `npm run bench -- --scenario search [--articles N]` (the uncached search rows only, SQLite)
 *
 * Measures Broadsheet as `npm start` runs it (LOG_LEVEL=info, page cache on, one process)
 * against the limits of this machine: a bare node:http server replaying the very same bytes,
 * and nginx. Cached pages are compared with the limit at saturation (the connection count
 * where the limit stops growing, found first, at least 32); each comparison is the median of
 * R alternating runs with its range. Then one row per setting that changes speed (LOG_LEVEL=debug,
 * --workers 2, the static mirror behind nginx, PAGE_CACHE=false), uncached pages and searches at
 * 10 connections, and the same on PostgreSQL. `--scenario news` runs a news-like mix instead
 * (see bench-news.ts); `--scenario postgres` only the PostgreSQL rows (a quick check); `--scenario
 * api` only the Content API rows, cached, uncached and uncached with the memo cold, on SQLite and
 * PostgreSQL (a quick check).
 * Prints Markdown tables and writes JSON under artifacts/bench/.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { benchVocabulary } from '../src/demo/bench-vocabulary.js'
import {
  alternate,
  findKnee,
  formatSpread,
  runLoad,
  spread,
  WRK,
  type LoadResult,
} from './bench-load.js'
import { printImportReport, runImportScenario } from './bench-import.js'
import { runNewsScenario } from './bench-news.js'
import { printNewsroomReport, runNewsroomScenario, type NewsroomRow } from './bench-newsroom.js'
import { printWireReport, runWireScenario } from './bench-wire.js'
import { mirrorConfig, NGINX_BINARY, plainStaticConfig } from './nginx-config.js'
import {
  benchAdminKey,
  benchContentKey,
  capture,
  log,
  OUT,
  postgresArchive,
  ROOT,
  sqliteArchive,
  startBroadsheet,
  startLimit,
  startNginx,
  type Captured,
  type Server,
} from './bench-servers.js'
import { scriptArgs } from './script-args.js'

const USAGE = `Usage: npm run bench -- [--articles N] [--duration S] [--rounds R] [--connections C]
                        [--postgres URL] [--scenario NAME]

Measures Broadsheet as npm start runs it against this machine's limits (a node:http server
replaying the same bytes, and nginx), at saturation, as the median of R alternating runs.
  --articles N     stories in the bench archive (default 100000)
  --duration S     seconds a run (default 5); --rounds R runs a comparison (default 5)
  --connections C  skip finding the saturation knee and use C connections
  --postgres URL   the PostgreSQL server for the PostgreSQL rows
  --scenario       pages (default), news [--load 0.7], wire [--sources 200 --items 50],
                   newsroom [--postgres-articles 100000], import [--posts 50000],
                   api [--api-port P], postgres,
                   search
Prints Markdown tables and writes JSON under artifacts/bench/.`
const { values } = scriptArgs('bench', USAGE, {
  options: {
    help: { type: 'boolean' },
    articles: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    scenario: { type: 'string', default: 'pages' },
    /** News scenario: the read rate as a share of the cached-hit limit. */
    load: { type: 'string', default: '0.7' },
    /** Wire scenario: local feeds polled, and items in each. */
    sources: { type: 'string', default: '200' },
    items: { type: 'string', default: '50' },
    /** Import scenario: posts in the generated WXR (four comments each). */
    posts: { type: 'string', default: '50000' },
    /** Newsroom scenario: stories in the PostgreSQL archive (at most --articles). */
    'postgres-articles': { type: 'string', default: '100000' },
    /** API scenario: its first port (it uses P to P+10), to run beside another bench. */
    'api-port': { type: 'string', default: '38180' },
  },
})
const ARTICLES = wholeNumber('articles', values.articles)
const SECONDS = wholeNumber('duration', values.duration)
const ROUNDS = wholeNumber('rounds', values.rounds)
/** Latency rows and the uncached targets are stated at 10 connections. */
const LATENCY_CONNECTIONS = 10

function share(value: string | undefined): number {
  const n = Number(value)
  if (!(n > 0 && n <= 1))
    throw new Error('--load must be a share of the limit, above 0 and at most 1')
  return n
}

function wholeNumber(name: string, value: string | undefined): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`)
  return n
}

/** One line of the report. `ratio` compares with the limit measured in the same rounds. */
interface Row {
  name: string
  path: string
  connections: number
  runs: LoadResult[]
  ratio?: number[]
  note?: string
}

const rows: Row[] = []

function addRow(row: Row): void {
  rows.push(row)
  const rps = spread(row.runs.map((r) => r.requestsPerSecond))
  const ratio = row.ratio ? `, ${formatSpread(spread(row.ratio), percent)} of the limit` : ''
  log(`${row.name}: ${formatSpread(rps, whole)} req/s${ratio}`)
}

const percent = (n: number) => `${Math.round(n * 100)} %`
const whole = (n: number) => String(Math.round(n))
const hundredths = (n: number) => String(Math.round(n * 100) / 100)

interface Pages {
  article: string
  section: string
  deepSection: string
  front: string
  feed: string
}

async function pickPages(base: string): Promise<Pages> {
  const home = await (await fetch(`${base}/`)).text()
  const article = /href="(\/\d{4}\/\d{2}\/[^"]+\/)"/.exec(home)?.[1]
  if (!article) throw new Error('no article link on the front page')
  const section = /href="\/(news|world|sport)\/"/.exec(home)?.[1] ?? 'news'
  const deep = Math.max(2, Math.floor(ARTICLES / 8 / 10 / 2))
  return {
    article,
    section: `/${section}/`,
    deepSection: `/${section}/page/${deep}/`,
    front: '/',
    feed: '/feed/',
  }
}

/**
 * The Content API as a headless front-end calls it: a page of 15 stories with their tags and
 * authors, and the same filtered by the busiest tag at page 50 (or its last page, when the
 * archive is smaller); then the filter shapes served from the link listings at that page: the
 * two busiest tags at once, a tag with another test, the busiest as a primary tag, and a tag
 * in headline order (read from the headline index, testing the tag per story).
 */
async function apiPages(base: string, key: string): Promise<Record<string, string>> {
  const api = `/ghost/api/content`
  const tags = (await (
    await fetch(
      `${base}${api}/tags/?key=${key}&include=count.posts&order=count.posts%20desc&limit=2`,
    )
  ).json()) as { tags: { slug: string; count: { posts: number } }[] }
  const [busiest, next] = tags.tags
  if (!busiest) throw new Error('the archive has no tags for the Content API rows')
  const page = Math.max(1, Math.min(50, Math.ceil(busiest.count.posts / 15)))
  const browse = `${api}/posts/?key=${key}&limit=15&include=tags,authors`
  const filtered = (filter: string) => `${browse}&filter=${encodeURIComponent(filter)}&page=${page}`
  return {
    'API browse 15, include=tags,authors': browse,
    [`API tag filter, page ${page}`]: filtered(`tag:${busiest.slug}`),
    [`API two tags, page ${page}`]: filtered(`tag:[${busiest.slug},${next?.slug ?? busiest.slug}]`),
    [`API tag+featured:false, page ${page}`]: filtered(`tag:${busiest.slug}+featured:false`),
    [`API primary_tag, page ${page}`]: filtered(`primary_tag:${busiest.slug}`),
    [`API tag, title asc, page ${page}`]: `${filtered(`tag:${busiest.slug}`)}&order=title%20asc`,
  }
}

/** Searches as readers type them, by how many stories match (see bench-vocabulary.ts). */
function searches(): Record<string, string> {
  const words = benchVocabulary()
  const q = (text: string) => `/search/?q=${encodeURIComponent(text)}`
  return {
    'rare word': q(words.wordAtRank(37_000)),
    'medium word': q(words.wordAtRank(1_000)),
    'commonest word (ranked, capped)': q(words.wordAtRank(1)),
    'two words': q(`${words.wordAtRank(30)} ${words.wordAtRank(200)}`),
    'quoted phrase': q(`"${words.phraseAtRank(50)}"`),
  }
}

/** Cached pages against the limit replaying the same bytes, alternating, at `connections`. */
async function cachedRows(
  app: Server,
  limit: Server,
  pages: Record<string, string>,
  connections: number,
) {
  const targets = Object.entries(pages).flatMap(([name, url]) => [
    { name: `limit ${name}`, url: `${limit.url}${url}` },
    { name: `cached ${name}`, url: `${app.url}${url}` },
  ])
  const results = await alternate(targets, ROUNDS, { connections, seconds: SECONDS }, log)
  for (const [name, url] of Object.entries(pages)) {
    const limitRuns = results.get(`limit ${name}`)!
    const runs = results.get(`cached ${name}`)!
    addRow({
      name: `limit: node:http, same bytes (${name})`,
      path: url,
      connections,
      runs: limitRuns,
    })
    addRow({
      name: `cached ${name}`,
      path: url,
      connections,
      runs,
      ratio: runs.map((r, i) => r.requestsPerSecond / limitRuns[i]!.requestsPerSecond),
    })
  }
}

/** One server's article against the limit (and the default server), alternating. */
async function settingRow(
  name: string,
  server: Server,
  baseline: Server,
  limit: Server,
  url: string,
  connections: number,
) {
  const results = await alternate(
    [
      { name: 'limit', url: `${limit.url}${url}` },
      { name: 'default', url: `${baseline.url}${url}` },
      { name, url: `${server.url}${url}` },
    ],
    ROUNDS,
    { connections, seconds: SECONDS },
    log,
  )
  const limitRuns = results.get('limit')!
  const runs = results.get(name)!
  addRow({
    name,
    path: url,
    connections,
    runs,
    ratio: runs.map((r, i) => r.requestsPerSecond / limitRuns[i]!.requestsPerSecond),
  })
}

async function uncachedRows(
  prefix: string,
  server: Server,
  pages: Record<string, string>,
  rounds: number,
) {
  const targets = Object.entries(pages).map(([name, url]) => ({ name, url: `${server.url}${url}` }))
  const results = await alternate(
    targets,
    rounds,
    { connections: LATENCY_CONNECTIONS, seconds: SECONDS },
    log,
  )
  for (const [name, url] of Object.entries(pages))
    addRow({
      name: `${prefix} ${name}`,
      path: url,
      connections: LATENCY_CONNECTIONS,
      runs: results.get(name)!,
    })
}

async function measurePages(dir: string) {
  const report: Record<string, unknown> = {}
  const app = await startBroadsheet(dir, 38080)
  report.startupMs = app.startupMs
  const pages = await pickPages(app.url)
  const searchPages = searches()
  const api = await apiPages(app.url, benchContentKey(dir))
  const cachedPages: Record<string, string> = {
    ...pages,
    search: searchPages['medium word']!,
    ...api,
  }
  const captured = new Map<string, Captured>()
  for (const url of Object.values(cachedPages)) {
    await fetch(`${app.url}${url}`, { headers: { 'accept-encoding': 'gzip' } }) // fill the cache
    captured.set(url, await capture(`${app.url}${url}`))
  }
  const limit = await startLimit(captured, 38090)

  const knee = await findKnee(`${limit.url}${pages.article}`, [10, 16, 32, 64, 128, 256], 3, 32)
  const connections = values.connections
    ? wholeNumber('connections', values.connections)
    : knee.knee
  report.knee = knee
  log(
    `limit saturates at ${knee.knee} connections (${knee.curve.map((c) => `${c.connections}: ${c.requestsPerSecond}`).join(', ')})`,
  )

  await cachedRows(app, limit, cachedPages, connections)
  const etag = captured.get(pages.article)!.headers.etag ?? ''
  addRow({
    name: '304 revalidation (article)',
    path: pages.article,
    connections,
    runs: [
      await runLoad(`${app.url}${pages.article}`, {
        connections,
        seconds: SECONDS,
        headers: { 'if-none-match': etag },
      }),
    ],
  })
  const latency = await alternate(
    [
      { name: 'limit', url: `${limit.url}${pages.article}` },
      { name: 'cached', url: `${app.url}${pages.article}` },
    ],
    Math.min(ROUNDS, 3),
    { connections: LATENCY_CONNECTIONS, seconds: SECONDS },
    log,
  )
  addRow({
    name: 'latency: limit (article)',
    path: pages.article,
    connections: LATENCY_CONNECTIONS,
    runs: latency.get('limit')!,
  })
  addRow({
    name: 'latency: cached article',
    path: pages.article,
    connections: LATENCY_CONNECTIONS,
    runs: latency.get('cached')!,
  })

  const debug = await startBroadsheet(dir, 38081, { LOG_LEVEL: 'debug' })
  await fetch(`${debug.url}${pages.article}`)
  await settingRow(
    'cached article, LOG_LEVEL=debug (a log line per hit)',
    debug,
    app,
    limit,
    pages.article,
    connections,
  )
  await debug.stop()

  report.peakRssMb = { cached: app.peakRssMb() }
  await limit.stop()
  await app.stop()

  await workerRows(dir, pages.article, captured)
  if (NGINX_BINARY) await nginxRows(dir, pages.article)
  else log('nginx not installed: skipping the static-mirror rows (apt-get install nginx)')

  const uncached = await startBroadsheet(dir, 38082, { PAGE_CACHE: 'false' })
  await uncachedRows(
    'uncached',
    uncached,
    { ...pages, ...prefixed('search,', searchPages), ...api },
    Math.min(ROUNDS, 3),
  )
  ;(report.peakRssMb as Record<string, number>).uncached = uncached.peakRssMb()
  await uncached.stop()
  await editedRows(dir, 38088)
  await memoColdRows(dir, 38087)
  if (values.postgres) await postgresRows(values.postgres, searchPages)
  return report
}

/**
 * The Content API rows with no post JSON kept between requests (`API_POST_MEMO=0`): every
 * browse loads and serializes all its posts, as the first one after any write does (every purge
 * clears the memo) and one reaching posts the memo does not hold. The plain uncached rows reuse
 * posts the memo kept from their earlier requests.
 */
async function memoColdRows(dir: string, port: number): Promise<void> {
  const server = await startBroadsheet(dir, port, { PAGE_CACHE: 'false', API_POST_MEMO: '0' })
  const api = await apiPages(server.url, benchContentKey(dir))
  await uncachedRows('uncached, memo cold,', server, api, Math.min(ROUNDS, 3))
  await server.stop()
}

/**
 * The uncached Content API browse while a script edits one of the 15 newest stories through the
 * Admin API every 2 s, as a newsroom does: each edit drops that story from the post memo.
 */
async function editedRows(dir: string, port: number): Promise<void> {
  const server = await startBroadsheet(dir, port, { PAGE_CACHE: 'false' })
  const browse = (await apiPages(server.url, benchContentKey(dir)))[
    'API browse 15, include=tags,authors'
  ]!
  const editor = editEvery(server.url, benchAdminKey(dir), 2_000)
  await uncachedRows(
    'uncached, a story edited every 2 s,',
    server,
    { 'API browse 15, include=tags,authors': browse },
    Math.min(ROUNDS, 3),
  )
  const edits = await editor.stop()
  log(`${edits} edits made through the Admin API during the edited rows`)
  if (edits === 0) throw new Error('no edit went through during the edited rows')
  await server.stop()
}

/** Edits one of the 15 newest posts every `ms` through the Admin API (a Ghost-style JWT). */
function editEvery(base: string, adminKey: string, ms: number) {
  const [kid, secret] = adminKey.split(':') as [string, string]
  const token = () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const now = Math.floor(Date.now() / 1000)
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT', kid })}.${encode({ iat: now, exp: now + 300, aud: '/admin/' })}`
    const signature = crypto
      .createHmac('sha256', Buffer.from(secret, 'hex'))
      .update(unsigned)
      .digest('base64url')
    return `Ghost ${unsigned}.${signature}`
  }
  const api = `${base}/ghost/api/admin/posts/`
  let edits = 0
  let running = true
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, ms))
      const headers = { authorization: token(), 'content-type': 'application/json' }
      const listed = (await (
        await fetch(`${api}?limit=15&fields=id,title,updated_at`, { headers })
      ).json()) as {
        posts: { id: string; title: string; updated_at: string }[]
      }
      const post = listed.posts[Math.floor(Math.random() * listed.posts.length)]
      if (!post) throw new Error('the Admin API listed no posts to edit')
      const title = post.title.replace(/ \(edit \d+\)$/, '') + ` (edit ${edits + 1})`
      const answer = await fetch(`${api}${post.id}/`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ posts: [{ title, updated_at: post.updated_at }] }),
      })
      if (!answer.ok)
        throw new Error(`an Admin API edit answered ${answer.status}: ${await answer.text()}`)
      edits++
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return edits
    },
  }
}

function prefixed(prefix: string, pages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(pages).map(([name, url]) => [`${prefix} ${name}`, url]))
}

/** `serve --workers 2` against two limit processes on one port. */
async function workerRows(dir: string, article: string, captured: Map<string, Captured>) {
  const two = await startBroadsheet(dir, 38083, {}, 2)
  for (let i = 0; i < 8; i++) await fetch(`${two.url}${article}`) // fill both workers' caches
  const limit = await startLimit(captured, 38092, 2)
  const knee = await findKnee(`${limit.url}${article}`, [32, 64, 128, 256], 3, 32)
  const results = await alternate(
    [
      { name: 'limit', url: `${limit.url}${article}` },
      { name: 'two', url: `${two.url}${article}` },
    ],
    ROUNDS,
    { connections: knee.knee, seconds: SECONDS },
    log,
  )
  const limitRuns = results.get('limit')!
  addRow({
    name: 'limit: two node:http processes (article)',
    path: article,
    connections: knee.knee,
    runs: limitRuns,
  })
  addRow({
    name: 'cached article, --workers 2',
    path: article,
    connections: knee.knee,
    runs: results.get('two')!,
    ratio: results.get('two')!.map((r, i) => r.requestsPerSecond / limitRuns[i]!.requestsPerSecond),
  })
  await limit.stop()
  await two.stop()
}

/** nginx serving the static mirror's file, and nginx in front of Broadsheet with the mirror. */
async function nginxRows(dir: string, article: string) {
  const app = await startBroadsheet(dir, 38084, { STATIC_MIRROR: 'true' })
  await fetch(`${app.url}${article}`, { headers: { 'accept-encoding': 'gzip' } })
  await new Promise((r) => setTimeout(r, 300)) // the mirror writes after answering
  const mirrorRoot = path.join(dir, 'static')
  const plainDir = path.join(OUT, 'nginx-plain')
  const stopPlain = await startNginx(
    plainDir,
    plainStaticConfig({ dir: plainDir, port: 38093, root: mirrorRoot }),
    'http://127.0.0.1:38093/',
  )
  const mirrorDir = path.join(OUT, 'nginx-mirror')
  const stopMirror = await startNginx(
    mirrorDir,
    mirrorConfig({ dir: mirrorDir, port: 38094, appPort: 38084, mirrorRoot }),
    'http://127.0.0.1:38094/',
  )
  const knee = await findKnee(`http://127.0.0.1:38093${article}`, [32, 64, 128, 256], 3, 32)
  const results = await alternate(
    [
      { name: 'nginx', url: `http://127.0.0.1:38093${article}` },
      { name: 'mirror', url: `http://127.0.0.1:38094${article}` },
    ],
    ROUNDS,
    { connections: knee.knee, seconds: SECONDS },
    log,
  )
  const nginxRuns = results.get('nginx')!
  addRow({
    name: 'limit: nginx, same static file',
    path: article,
    connections: knee.knee,
    runs: nginxRuns,
  })
  addRow({
    name: 'nginx + static mirror (STATIC_MIRROR=true)',
    path: article,
    connections: knee.knee,
    runs: results.get('mirror')!,
    ratio: results
      .get('mirror')!
      .map((r, i) => r.requestsPerSecond / nginxRuns[i]!.requestsPerSecond),
  })
  await stopMirror()
  await stopPlain()
  await app.stop()
}

async function postgresRows(serverUrl: string, searchPages: Record<string, string>, port = 38085) {
  const archive = await postgresArchive(serverUrl, Math.min(ARTICLES, 100_000))
  if (!archive) return
  const server = await startBroadsheet(archive.dataDir, port, {
    PAGE_CACHE: 'false',
    DATABASE_URL: archive.databaseUrl,
  })
  const pages = await pickPages(server.url)
  const api = await apiPages(
    server.url,
    benchContentKey(archive.dataDir, { DATABASE_URL: archive.databaseUrl }),
  )
  await uncachedRows(
    'PostgreSQL uncached',
    server,
    {
      article: pages.article,
      section: pages.section,
      ...prefixed('search,', searchPages),
      ...api,
    },
    Math.min(ROUNDS, 3),
  )
  await server.stop()
}

function printTable(report: Record<string, unknown>) {
  console.log(
    `\nBroadsheet bench, ${new Date().toISOString().slice(0, 10)}, ${ARTICLES} stories, ${ROUNDS} rounds of ${SECONDS} s, Node ${process.version}, wrk\n`,
  )
  console.log(
    '| measurement | path | conns | req/s median (range) | p50 ms | p99 ms | p99.9 ms | vs limit median (range) |',
  )
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const row of rows) {
    if (row.runs.length === 0) {
      console.log(`| ${row.name} | ${row.path} | | ${row.note ?? ''} | | | | |`)
      continue
    }
    const rps = formatSpread(spread(row.runs.map((r) => r.requestsPerSecond)), whole)
    const ms = (pick: (r: LoadResult) => number) => hundredths(spread(row.runs.map(pick)).median)
    const ratio = row.ratio ? formatSpread(spread(row.ratio), percent) : ''
    const errors = row.runs.reduce((sum, r) => sum + r.errors, 0)
    console.log(
      `| ${row.name}${errors > 0 ? ` (${errors} errors)` : ''} | \`${row.path}\` | ${row.connections} | ${rps} | ${ms((r) => r.p50)} | ${ms((r) => r.p99)} | ${ms((r) => r.p999)} | ${ratio} |`,
    )
  }
  const rss = report.peakRssMb as { cached?: number; uncached?: number } | undefined
  if (!rss) return
  console.log(
    `\nStart-up to first response: ${String(report.startupMs)} ms. Peak RSS: ${rss.cached} MB cached, ${rss.uncached} MB uncached.`,
  )
}

async function main(): Promise<void> {
  if (values.scenario === 'wire') return wireBench()
  if (values.scenario === 'newsroom') return newsroomBench()
  if (values.scenario === 'import') return importBench()
  if (!WRK) throw new Error('npm run bench needs wrk (apt-get install wrk)')
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  fs.mkdirSync(OUT, { recursive: true })
  if (values.scenario === 'postgres') {
    await postgresRows(values.postgres, searches())
    printTable({})
    return
  }
  const dir = sqliteArchive(ARTICLES)
  if (values.scenario === 'api') {
    await apiRows(dir)
    printTable({})
    return
  }
  if (values.scenario === 'search') {
    const server = await startBroadsheet(dir, 38089, { PAGE_CACHE: 'false' })
    await uncachedRows('uncached search,', server, searches(), Math.min(ROUNDS, 3))
    await server.stop()
    printTable({})
    return
  }
  const report =
    values.scenario === 'news'
      ? await runNewsScenario({
          dir,
          seconds: Math.max(SECONDS, 30),
          load: share(values.load),
          log,
        })
      : await measurePages(dir)
  if (values.scenario !== 'news') printTable(report)
  const file = path.join(
    OUT,
    `bench-${values.scenario}-${ARTICLES}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  )
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, articles: ARTICLES, rounds: ROUNDS, seconds: SECONDS, ...report, rows }, null, 2)}\n`,
  )
  console.log(`JSON: ${path.relative(ROOT, file)}`)
}

/**
 * Only the Content API: cached against the limit, uncached, and on PostgreSQL. Its ports
 * (381xx, or from --api-port) differ from the full run's, so a quick check can run beside
 * another bench.
 */
async function apiRows(dir: string): Promise<void> {
  const port = wholeNumber('api-port', values['api-port'])
  const app = await startBroadsheet(dir, port)
  const api = await apiPages(app.url, benchContentKey(dir))
  const captured = new Map<string, Captured>()
  for (const url of Object.values(api)) {
    await fetch(`${app.url}${url}`, { headers: { 'accept-encoding': 'gzip' } }) // fill the cache
    captured.set(url, await capture(`${app.url}${url}`))
  }
  const limit = await startLimit(captured, port + 10)
  const connections = values.connections ? wholeNumber('connections', values.connections) : 32
  await cachedRows(app, limit, api, connections)
  await limit.stop()
  await app.stop()
  const uncached = await startBroadsheet(dir, port + 2, { PAGE_CACHE: 'false' })
  await uncachedRows('uncached', uncached, api, Math.min(ROUNDS, 3))
  await uncached.stop()
  await editedRows(dir, port + 4)
  await memoColdRows(dir, port + 3)
  if (values.postgres) await postgresRows(values.postgres, {}, port + 5)
}

/**
 * The newsroom's lists (bench-newsroom.ts) over the archive: no server, no wrk. SQLite, then
 * PostgreSQL (100,000 stories unless `--postgres-articles` says more) when the server answers.
 */
async function newsroomBench(): Promise<void> {
  // The archive is seeded by the built command line.
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  fs.mkdirSync(OUT, { recursive: true })
  const rounds = Math.max(ROUNDS, 5)
  const rows: NewsroomRow[] = await runNewsroomScenario({
    dataDir: sqliteArchive(ARTICLES),
    rounds,
    log,
  })
  const pgArticles = Math.min(
    ARTICLES,
    wholeNumber('postgres-articles', values['postgres-articles']),
  )
  const archive = await postgresArchive(values.postgres, pgArticles)
  if (archive)
    rows.push(
      ...(await runNewsroomScenario({
        dataDir: archive.dataDir,
        databaseUrl: archive.databaseUrl,
        rounds,
        log,
      })),
    )
  printNewsroomReport(rows, ARTICLES)
  const file = path.join(
    OUT,
    `bench-newsroom-${ARTICLES}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  )
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, articles: ARTICLES, rounds, rows }, null, 2)}\n`,
  )
  console.log(`JSON: ${path.relative(ROOT, file)}`)
}

/** Issue 14's import rows (bench-import.ts): a generated WXR into SQLite and PostgreSQL. */
async function importBench(): Promise<void> {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
  fs.mkdirSync(OUT, { recursive: true })
  const runs = await runImportScenario({
    posts: wholeNumber('posts', values.posts),
    postgres: values.postgres,
    out: OUT,
    log,
  })
  printImportReport(runs)
  const file = path.join(OUT, `bench-import-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs }, null, 2)}\n`,
  )
  console.log(`JSON: ${path.relative(ROOT, file)}`)
}

/** The wire's ingest (bench-wire.ts): no server, no wrk, no archive. */
async function wireBench(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true })
  const report = await runWireScenario({
    sources: wholeNumber('sources', values.sources),
    items: wholeNumber('items', values.items),
    log,
  })
  printWireReport(report)
  const file = path.join(OUT, `bench-wire-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, ...report }, null, 2)}\n`,
  )
  console.log(`JSON: ${path.relative(ROOT, file)}`)
}

await main()
