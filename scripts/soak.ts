/**
 * `npm run soak -- --minutes N [--url URL --pid PID --content-key K] [--readers C]`: a mixed, news-shaped load
 * for N minutes (fractions allowed), against a node this script starts (SQLite in a temporary
 * DATA_DIR, the demo newsroom) or a running one (`--url`; `--pid` names its process for RSS, for
 * example a node of `npm run cluster`; its newsroom must have the soak editor, see below).
 *
 * - reads: C concurrent readers, Zipf over the newest stories (a few hot ones, a long tail),
 *   a third on the front page, sections and the feed;
 * - writes: a publish or an edit every second through the newsroom's own forms, each watched
 *   until it shows on the front page, the story and the feed;
 * - a comment and a newsletter sign-up every 2 s (from varying addresses, as behind a proxy);
 * - view beacons (`POST /api/views/:id`) with the reads;
 * - Content API calls, 4 a second (below the per-key limit), as a headless front-end makes them:
 *   pages of posts with tags and authors, a post by slug, tags and authors (the key comes from
 *   `integration:create` on our own node, or `--content-key` with `--url`).
 *
 * Reported as a table (stdout and `artifacts/soak-<time>.md`) and a plot of RSS and p99 over
 * time (`artifacts/soak-<time>.svg`): requests, errors by status, p50/p99, RSS growth after the
 * warm-up (the first fifth), publish-to-visible. Exits 1 when a target is missed: any 5xx, RSS
 * growth of 10 % or more after warm-up, a publish not visible within 1 s.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  EDITOR,
  newestStories,
  Newsroom,
  postComment,
  publishAndWatch,
  type PublishResult,
} from './bench-news.js'
import { scriptArgs } from './script-args.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const USAGE = `Usage: npm run soak -- [--minutes N] [--readers C] [--port P]
       npm run soak -- --url URL [--pid PID] [--content-key KEY] [--minutes N] [--readers C]

A mixed, news-shaped load for N minutes (default 10; fractions allowed): C concurrent readers
(default 8, Zipf over the newest stories), a publish or edit every second, comments, newsletter
sign-ups, view beacons and Content API calls. Without --url it starts its own node (SQLite in a
temporary folder, demo newsroom, on port P, default 38190); with --url it loads a running one
(--pid names its process for RSS; its newsroom needs the soak editor). Writes a table and a plot
under artifacts/; exits 1 when a target is missed (any 5xx, RSS growth of 10 % or more after
warm-up, a publish not visible within 1 s).`
const { values } = scriptArgs('soak', USAGE, {
  options: {
    help: { type: 'boolean' },
    minutes: { type: 'string', default: '10' },
    url: { type: 'string' },
    pid: { type: 'string' },
    readers: { type: 'string', default: '8' },
    port: { type: 'string', default: '38190' },
    'content-key': { type: 'string' },
  },
})
const seconds = Math.round(Number(values.minutes) * 60)
if (!Number.isFinite(seconds) || seconds < 10) {
  console.error('soak: --minutes must be at least 0.17 (10 s)')
  process.exit(2)
}
const readers = Number(values.readers)
const log = (line: string) => console.log(`soak: ${line}`)

/** A node of our own: the built CLI as shipped, SQLite in a fresh folder, believing X-Forwarded-For. */
async function startNode(): Promise<{
  url: string
  child: ChildProcess
  dir: string
  contentKey: string
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-soak-'))
  const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' }
  const cli = [process.execPath, path.join(ROOT, 'dist/cli/main.js')]
  const migrate = spawnSync(cli[0]!, [...cli.slice(1), 'migrate'], { env, stdio: 'inherit' })
  if (migrate.status !== 0) throw new Error('broadsheet migrate failed')
  const port = Number(values.port)
  const child = spawn(cli[0]!, [...cli.slice(1), 'serve'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.includes('broadsheet: serving')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the node exited (${code}) during start-up`)))
  })
  spawnSync(
    cli[0]!,
    [
      ...cli.slice(1),
      'user:create',
      '--email',
      EDITOR.email,
      '--name',
      'Soak Editor',
      '--role',
      'editor',
      '--password',
      EDITOR.password,
    ],
    { env, stdio: 'ignore' },
  )
  const integration = spawnSync(
    cli[0]!,
    [...cli.slice(1), 'integration:create', '--name', 'Soak front-end', '--json'],
    { env, encoding: 'utf8' },
  )
  if (integration.status !== 0) throw new Error(`integration:create failed: ${integration.stderr}`)
  const { contentApiKey } = JSON.parse(integration.stdout) as { contentApiKey: string }
  return { url: `http://127.0.0.1:${port}`, child, dir, contentKey: contentApiKey }
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
  } catch {
    return 0
  }
}

/** Ranks 1…n drawn with probability ∝ 1/rank (s = 1): news popularity. */
function zipf(n: number): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1))
  const total = weights.reduce((a, b) => a + b, 0)
  const cumulative: number[] = []
  let sum = 0
  for (const w of weights) cumulative.push((sum += w / total))
  return () => {
    const r = Math.random()
    const i = cumulative.findIndex((c) => c >= r)
    return i < 0 ? n - 1 : i
  }
}

interface Sample {
  at: number
  rssMb: number
  p99: number
  requests: number
}

const own = values.url ? undefined : await startNode()
const base = values.url ?? own!.url
const pid = own?.child.pid ?? (values.pid ? Number(values.pid) : undefined)
const contentKey = own?.contentKey ?? values['content-key']
if (!contentKey) log('no --content-key: the Content API is left out of the mix')
const newsroom = new Newsroom(base)
await newsroom.signIn()
const stories = await newestStories(base, 200)
const pick = zipf(stories.length)
const others = ['/', '/feed/', ...(await sectionPaths(base))]
log(`${stories.length} stories, ${readers} readers, ${seconds} s against ${base}`)

async function sectionPaths(url: string): Promise<string[]> {
  const xml = await (await fetch(`${url}/sitemap-sections.xml`)).text()
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
}

const statuses = new Map<number, number>()
let latencies: number[] = []
const allLatencies: number[] = []
let requests = 0
const count = (status: number, ms: number) => {
  statuses.set(status, (statuses.get(status) ?? 0) + 1)
  latencies.push(ms)
  allLatencies.push(ms)
  requests++
}
/** Requests refused by a rate limit (429), by what they were: a limit's work is no error. */
const limited = new Map<string, number>()
/** Server errors and failed connections, by method, path and status, with when they came. */
const failures = new Map<string, { n: number; first: number; last: number }>()
const kindOf = (url: string) => new URL(url).pathname.replace(/\/(\d+|[^/]+\/)$/, '/…').slice(0, 40)
function failed(url: string, init: RequestInit | undefined, status: number): void {
  const key = `${init?.method ?? 'GET'} ${kindOf(url)} ${status || 'no answer'}`
  const at = Math.round((Date.now() - startedAt) / 1000)
  const seen = failures.get(key)
  if (seen) Object.assign(seen, { n: seen.n + 1, last: at })
  else failures.set(key, { n: 1, first: at, last: at })
}
async function timedFetch(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now()
  try {
    const response = await fetch(url, { redirect: 'manual', ...init })
    await response.arrayBuffer()
    count(response.status, performance.now() - started)
    if (response.status === 429) limited.set(kindOf(url), (limited.get(kindOf(url)) ?? 0) + 1)
    if (response.status >= 500) failed(url, init, response.status)
    return response.status
  } catch {
    count(0, performance.now() - started)
    failed(url, init, 0)
    return 0
  }
}

const startedAt = Date.now()
const until = startedAt + seconds * 1000
const running = () => Date.now() < until
const samples: Sample[] = []
const sampler = setInterval(() => {
  const sorted = latencies.sort((a, b) => a - b)
  samples.push({
    at: (Date.now() - startedAt) / 1000,
    rssMb: pid ? rssMb(pid) : 0,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    requests: sorted.length,
  })
  latencies = []
}, 5_000)

const reader = async (n: number) => {
  while (running()) {
    const story = Math.random() < 0.33 ? undefined : stories[pick()]!
    const page = story ?? others[Math.floor(Math.random() * others.length)]!
    await timedFetch(`${base}${page}`, { headers: { 'accept-encoding': 'gzip' } })
    if (story && Math.random() < 0.2) {
      const id = /data-article-id="(\d+)"/.exec(await (await fetch(`${base}${story}`)).text())?.[1]
      if (id)
        await timedFetch(`${base}/api/views/${id}`, {
          method: 'POST',
          headers: { 'x-forwarded-for': `203.0.113.${n}`, 'user-agent': `Soak reader ${n}` },
        })
    }
  }
}

/** A headless front-end's calls: pages of posts, a post by slug, tags, authors. */
const apiClient = async () => {
  if (!contentKey) return
  const api = `${base}/ghost/api/content`
  const key = `key=${contentKey}`
  for (let n = 0; running(); n++) {
    const tick = Date.now()
    const story = stories[pick()]!
    const slug = story.split('/').filter(Boolean).at(-1)
    const call = [
      `/posts/?${key}&include=tags,authors&page=${1 + (n % 5)}`,
      `/posts/slug/${slug}/?${key}&include=tags,authors`,
      `/tags/?${key}&include=count.posts&limit=all`,
      `/authors/?${key}`,
    ][n % 4]!
    await timedFetch(`${api}${call}`, { headers: { 'accept-version': 'v5.0' } })
    await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - tick))))
  }
}

const publishes: PublishResult[] = []
const writer = async () => {
  let n = 0
  while (running()) {
    const tick = Date.now()
    n++
    try {
      publishes.push(await publishAndWatch(newsroom, n % 2 === 0 ? 'edit' : 'publish', n))
    } catch (error) {
      // The newsroom's answer, as "publish failed (503): …", when it gave one.
      const message = (error as Error).message
      const status = Number(/\((\d{3})\)/.exec(message)?.[1] ?? 500)
      count(status, 0)
      failed(`${base}/admin/articles/…`, { method: 'POST' }, status)
      log(`write ${n} failed: ${message.slice(0, 200)}`)
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 1_000 - (Date.now() - tick))))
  }
}

const extras = async () => {
  let n = 0
  while (running()) {
    n++
    // A node that is down or without its database answers an error page, not a stamp: count
    // it as an error and try again at the next turn.
    const stamped = await fetch(`${base}/api/form-stamp`).catch(() => undefined)
    const stamp = stamped?.ok
      ? ((await stamped.json().catch(() => undefined)) as { stamp: string } | undefined)
      : undefined
    if (!stamp) {
      await stamped?.arrayBuffer().catch(() => undefined)
      count(stamped?.status ?? 0, 0)
      failed(`${base}/api/form-stamp`, undefined, stamped?.status ?? 0)
      await new Promise((r) => setTimeout(r, 2_000))
      continue
    }
    const started = performance.now()
    count(
      await postComment(base, stories[n % stories.length]!, stamp.stamp, n),
      performance.now() - started,
    )
    await timedFetch(`${base}/subscribe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: base,
        'x-forwarded-for': `192.0.2.${n % 250}`,
      },
      body: new URLSearchParams({ email: `soak${n}-${Date.now()}@example.test`, source: 'soak' }),
    })
    await new Promise((r) => setTimeout(r, 2_000))
  }
}

await Promise.all([
  ...Array.from({ length: readers }, (_, i) => reader(i)),
  writer(),
  extras(),
  apiClient(),
])
clearInterval(sampler)
own?.child.kill('SIGTERM')

// The report.
const sorted = allLatencies.sort((a, b) => a - b)
const at = (q: number) => Math.round((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 10) / 10
const serverErrors = [...statuses]
  .filter(([s]) => s >= 500 || s === 0)
  .reduce((a, [, c]) => a + c, 0)
const warm = samples.filter((s) => s.at >= seconds / 5 && s.rssMb > 0)
const rssStart = warm[0]?.rssMb ?? 0
const rssEnd = warm.at(-1)?.rssMb ?? 0
const growth = rssStart ? (rssEnd - rssStart) / rssStart : 0
const visible = publishes.map((p) => p.visibleMs)
const late = visible.filter((ms) => !(ms <= 1_000)).length
const never = visible.filter((ms) => Number.isNaN(ms)).length
const checks = [
  ['zero 5xx', serverErrors === 0],
  ['RSS growth under 10 % after warm-up', !pid || growth < 0.1],
  ['every publish visible within 1 s', late === 0],
] as const
const lines = [
  `# Soak: ${seconds} s against ${base}`,
  '',
  '| measure | value |',
  '| --- | --- |',
  `| requests | ${requests} (${Math.round(requests / seconds)} /s) |`,
  `| by status | ${[...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, c]) => `${s || 'no answer'}: ${c}`)
    .join(', ')} |`,
  `| 429 (rate limits) by path | ${[...limited].map(([kind, n]) => `${kind}: ${n}`).join(', ') || 'none'} |`,
  `| 5xx and no answer, by request (seconds into the run) | ${[...failures].map(([key, f]) => `${key}: ${f.n} (${f.first}–${f.last} s)`).join(', ') || 'none'} |`,
  `| p50 / p99 | ${at(0.5)} / ${at(0.99)} ms |`,
  `| RSS after warm-up: first / last / growth | ${pid ? `${rssStart} / ${rssEnd} MB / ${(growth * 100).toFixed(1)} %` : 'n/a (no --pid)'} |`,
  `| publishes and edits | ${publishes.length}; visible everywhere: median ${Math.round(visible.sort((a, b) => a - b)[visible.length >> 1] ?? 0)} ms, ${late} later than 1 s, ${never} not within 10 s |`,
  '',
  '| target | result |',
  '| --- | --- |',
  ...checks.map(([name, ok]) => `| ${name} | ${ok ? 'met' : 'MISSED'} |`),
  '',
  '| t (s) | RSS (MB) | p99 (ms) | requests |',
  '| --- | --- | --- | --- |',
  ...samples.map(
    (s) => `| ${s.at.toFixed(0)} | ${s.rssMb} | ${s.p99.toFixed(1)} | ${s.requests} |`,
  ),
]
console.log(lines.join('\n'))
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
fs.mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true })
fs.writeFileSync(path.join(ROOT, 'artifacts', `soak-${stamp}.md`), `${lines.join('\n')}\n`)
fs.writeFileSync(path.join(ROOT, 'artifacts', `soak-${stamp}.svg`), plot(samples))
log(`report in artifacts/soak-${stamp}.md and .svg`)
if (own) fs.rmSync(own.dir, { recursive: true, force: true })
process.exit(checks.every(([, ok]) => ok) ? 0 : 1)

/** RSS (blue) and p99 (orange) over time, each scaled to its own maximum. */
function plot(points: Sample[]): string {
  const width = 640
  const height = 240
  const pad = 40
  const maxT = Math.max(1, ...points.map((p) => p.at))
  const maxRss = Math.max(1, ...points.map((p) => p.rssMb))
  const maxP99 = Math.max(1, ...points.map((p) => p.p99))
  const x = (t: number) => pad + ((width - 2 * pad) * t) / maxT
  const y = (v: number, max: number) => height - pad - ((height - 2 * pad) * v) / max
  const line = (value: (p: Sample) => number, max: number) =>
    points.map((p) => `${x(p.at).toFixed(1)},${y(value(p), max).toFixed(1)}`).join(' ')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#999"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#999"/>
<polyline fill="none" stroke="#1f5fbf" stroke-width="2" points="${line((p) => p.rssMb, maxRss)}"/>
<polyline fill="none" stroke="#e07b00" stroke-width="2" points="${line((p) => p.p99, maxP99)}"/>
<text x="${pad}" y="${pad - 10}" fill="#1f5fbf">RSS (max ${maxRss} MB)</text>
<text x="${pad + 160}" y="${pad - 10}" fill="#e07b00">p99 (max ${maxP99.toFixed(1)} ms)</text>
<text x="${width - pad}" y="${height - pad + 16}" text-anchor="end">${maxT.toFixed(0)} s</text>
</svg>
`
}
