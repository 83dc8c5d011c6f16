/**
 * `npm run bench -- --scenario news`: traffic shaped like a news site's, on one process in the
 * default configuration. wrk (`bench-news.lua`) sends reads paced to a fixed rate: Zipf over
 * the newest stories (from the sitemaps), 30 % on the front and section pages, 5 % from a
 * signed-in newsroom user (bypassing the cache). Meanwhile a newsroom editor publishes a new
 * story or edits a live one every 2 s through the newsroom's own forms, and readers post
 * comments. Reported: throughput, hit ratio, p50/p99/p99.9, the latency of requests made right
 * after each publish (the purge window), and the time from publish until the change shows on
 * the front page, the story and the feed.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { load } from 'cheerio'
import { findKnee, runLoad, spread, type LoadResult } from './bench-load.js'
import { capture, OUT, ROOT, startBroadsheet, startLimit, type Captured } from './bench-servers.js'

export const EDITOR = { email: 'bench-editor@broadsheet.test', password: 'bench-editor-password' }
const PUBLISH_EVERY_MS = 2_000

interface NewsOptions {
  dir: string
  seconds: number
  /** Reads offered, as a share of the cached-hit limit (0.7 in issue 19's target). */
  load: number
  log: (line: string) => void
}

/** A signed-in newsroom browser: cookies and the CSRF token of the last form seen. */
export class Newsroom {
  private cookies = new Map<string, string>()

  constructor(readonly base: string) {}

  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async request(url: string, init: { method?: string; form?: URLSearchParams } = {}) {
    const response = await fetch(`${this.base}${url}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.cookie,
        origin: this.base,
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form,
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    }
  }

  async signIn(): Promise<void> {
    const page = await this.request('/admin/login')
    const form = formFields(page.html, 'email')
    form.set('email', EDITOR.email)
    form.set('password', EDITOR.password)
    const signedIn = await this.request('/admin/login', { method: 'POST', form })
    if (signedIn.status !== 303) throw new Error(`newsroom sign-in failed (${signedIn.status})`)
  }
}

/** The fields a browser would send for the form holding a field named `marker`. */
export function formFields(html: string, marker: string): URLSearchParams {
  const $ = load(html)
  const form = $('form')
    .filter((_, f) => $(f).find(`[name="${marker}"]`).length > 0)
    .first()
  const fields = new URLSearchParams()
  form.find('input[name], textarea[name], select[name]').each((_, element) => {
    const field = $(element)
    const name = field.attr('name')!
    const type = field.attr('type')
    if ((type === 'checkbox' || type === 'radio') && field.attr('checked') === undefined) return
    if (element.tagName === 'select') {
      const chosen = field.find('option[selected]')
      const values =
        chosen.length > 0 ? chosen : field.attr('multiple') ? chosen : field.find('option').first()
      values.each((_, option) => void fields.append(name, $(option).attr('value') ?? ''))
    } else if (element.tagName === 'textarea') fields.set(name, field.text())
    else fields.append(name, field.attr('value') ?? '')
  })
  return fields
}

/** Stories to read, newest first, from the newest monthly sitemaps. */
export async function newestStories(base: string, limit: number): Promise<string[]> {
  const index = await (await fetch(`${base}/sitemap.xml`)).text()
  const monthly = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(m[1]!).pathname)
    .filter((p) => /\d{4}-\d{2}/.test(p))
    .sort()
    .reverse()
  const stories: string[] = []
  for (const sitemap of monthly) {
    const xml = await (await fetch(`${base}${sitemap}`)).text()
    stories.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname))
    if (stories.length >= limit) break
  }
  return stories.slice(0, limit)
}

/** "weight path" lines for bench-news.lua: 30 % front and sections, the rest Zipf over stories. */
async function readPaths(
  base: string,
): Promise<{ file: string; stories: string[]; sections: string[] }> {
  const home = await (await fetch(`${base}/`)).text()
  const sections = [...new Set([...home.matchAll(/href="(\/[a-z-]+\/)"/g)].map((m) => m[1]!))]
    .filter((p) => !/^\/(admin|search|feed|tag|author|about|contact|newsletter)\//.test(p))
    .slice(0, 8)
  const stories = await newestStories(base, 3_000)
  if (stories.length === 0) throw new Error('no stories in the sitemaps')
  const harmonic = stories.reduce((sum, _, i) => sum + 1 / (i + 1), 0)
  const lines = [`0.15 /`, ...sections.map((s) => `${0.15 / sections.length} ${s}`)]
  stories.forEach((story, i) => lines.push(`${(0.7 * (1 / (i + 1))) / harmonic} ${story}`))
  const file = path.join(OUT, 'news-paths.txt')
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  return { file, stories, sections }
}

export interface PublishResult {
  kind: 'edit' | 'publish'
  /** Milliseconds from sending the form until every page checked shows the change. */
  visibleMs: number
  /** Latencies of the checks made while the purged pages refilled. */
  probeMs: number[]
}

/** Send the form, then poll the front page, the story and the feed until they show `title`. */
export async function publishAndWatch(
  newsroom: Newsroom,
  kind: 'edit' | 'publish',
  n: number,
): Promise<PublishResult> {
  const title = `Bench ${kind} ${n} ${Date.now().toString(36)}`
  let form: URLSearchParams
  let url: string
  if (kind === 'edit') {
    const list = await newsroom.request('/admin/articles?status=published')
    const id = /href="\/admin\/articles\/(\d+)"/.exec(list.html)?.[1]
    const page = await newsroom.request(`/admin/articles/${id}`)
    form = formFields(page.html, 'title')
    form.set('action', 'save')
    url = `/admin/articles/${id}`
  } else {
    const page = await newsroom.request('/admin/articles/new')
    form = formFields(page.html, 'title')
    form.set('bodyHtml', `<p>${title}: a story published by the news bench.</p>`)
    form.set('action', 'publish')
    url = '/admin/articles'
  }
  form.set('title', title)
  form.delete('slug')
  const started = performance.now()
  const sent = await newsroom.request(url, { method: 'POST', form })
  if (sent.status !== 303)
    throw new Error(`${kind} failed (${sent.status}): ${sent.html.slice(0, 300)}`)
  const probeMs: number[] = []
  const timed = async (page: string) => {
    const at = performance.now()
    const html = await (
      await fetch(`${newsroom.base}${page}`, { headers: { 'accept-encoding': 'gzip' } })
    ).text()
    probeMs.push(performance.now() - at)
    return html
  }
  const pending = new Set(['/', '/feed/', 'story'])
  let story: string | undefined
  while (pending.size > 0 && performance.now() - started < 10_000) {
    for (const page of [...pending]) {
      if (page === 'story') {
        if (!story) continue
        if ((await timed(story)).includes(title)) pending.delete(page)
        continue
      }
      const html = await timed(page)
      if (!html.includes(title)) continue
      pending.delete(page)
      if (page === '/')
        story = new RegExp(`href="([^"]+)"[^>]*>\\s*(?:<[^>]+>\\s*)*${title}`).exec(html)?.[1]
    }
  }
  return { kind, visibleMs: pending.size === 0 ? performance.now() - started : Number.NaN, probeMs }
}

/** A reader comment on one of the stories, with a stamp old enough to pass the fill-time check. */
export async function postComment(
  base: string,
  story: string,
  stamp: string,
  n: number,
): Promise<number> {
  const slug = story.split('/').filter(Boolean).pop() ?? ''
  const response = await fetch(`${base}/comments`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: base,
      'x-forwarded-for': `198.51.100.${n % 250}`,
    },
    body: new URLSearchParams({
      article: slug,
      name: `Reader ${n}`,
      email: `reader${n}@example.test`,
      comment: `Comment ${n} from the news bench.`,
      stamp,
    }),
  })
  await response.arrayBuffer()
  return response.status
}

export async function runNewsScenario(options: NewsOptions): Promise<Record<string, unknown>> {
  const { dir, seconds, load, log } = options
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'bin/broadsheet.js'),
      'user:create',
      '--email',
      EDITOR.email,
      '--name',
      'Bench Editor',
      '--role',
      'editor',
      '--password',
      EDITOR.password,
    ],
    { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: 'ignore' },
  ) // fails harmlessly when the editor exists from an earlier run
  // Readers post from many addresses: the server believes X-Forwarded-For, as behind a proxy.
  const app = await startBroadsheet(dir, 38086, { TRUST_PROXY: 'true' })
  const { file, stories } = await readPaths(app.url)
  const newsroom = new Newsroom(app.url)
  await newsroom.signIn()

  // The cached-hit limit: node:http replaying the story page, at saturation.
  const captured = new Map<string, Captured>()
  await fetch(`${app.url}${stories[0]!}`)
  captured.set(stories[0]!, await capture(`${app.url}${stories[0]!}`))
  const limit = await startLimit(captured, 38095)
  const knee = await findKnee(`${limit.url}${stories[0]!}`, [32, 64, 128], 3, 32)
  const limitRps = Math.max(...knee.curve.map((c) => c.requestsPerSecond))
  await limit.stop()
  const rate = Math.round(limitRps * load)
  log(
    `cached-hit limit ${limitRps} req/s; reading at ${load * 100} %: ${rate} req/s for ${seconds} s`,
  )
  // Warm the read set, as on a site that has been up for a while: misses come from purges.
  log(`warming ${stories.length} stories`)
  const queue = [...stories]
  const warm = async () => {
    for (let story = queue.pop(); story; story = queue.pop())
      await (
        await fetch(`${app.url}${story}`, { headers: { 'accept-encoding': 'gzip' } })
      ).arrayBuffer()
  }
  await Promise.all(Array.from({ length: 4 }, warm))

  const publishes: PublishResult[] = []
  const comments: number[] = []
  let stopped = false
  const writer = (async () => {
    let n = 0
    let stamp = (await (await fetch(`${app.url}/api/form-stamp`)).json()) as { stamp: string }
    while (!stopped) {
      const tick = performance.now()
      n++
      publishes.push(await publishAndWatch(newsroom, n % 2 === 0 ? 'edit' : 'publish', n))
      if (n % 2 === 0) {
        comments.push(await postComment(app.url, stories[n % 50]!, stamp.stamp, n))
        stamp = (await (await fetch(`${app.url}/api/form-stamp`)).json()) as { stamp: string }
      }
      await new Promise((r) =>
        setTimeout(r, Math.max(0, PUBLISH_EVERY_MS - (performance.now() - tick))),
      )
    }
  })()
  const reads: LoadResult = await runLoad(app.url, {
    connections: 256,
    seconds,
    script: {
      file: path.join(ROOT, 'scripts/bench-news.lua'),
      args: [file, String(rate), '1', newsroom.cookie],
    },
  })
  stopped = true
  await writer
  await app.stop()

  const visible = publishes.map((p) => p.visibleMs).filter((ms) => Number.isFinite(ms))
  const probes = publishes.flatMap((p) => p.probeMs).sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round((probes[Math.min(probes.length - 1, Math.floor(q * probes.length))] ?? 0) * 100) /
    100
  const answered = reads.extra.hit! + reads.extra.miss! + reads.extra.stale!
  const summary = {
    limitRequestsPerSecond: limitRps,
    targetRate: rate,
    reads,
    hitRatio: reads.extra.hit! / Math.max(1, answered),
    publishes: publishes.length,
    neverVisible: publishes.length - visible.length,
    visibleMs: spread(visible.map((ms) => Math.round(ms * 10) / 10)),
    purgeWindowMs: { p50: at(0.5), p99: at(0.99), max: at(1) },
    commentsPosted: comments.length,
    commentStatuses: comments,
  }
  printNews(summary, seconds)
  return summary
}

function printNews(
  s: {
    limitRequestsPerSecond: number
    targetRate: number
    reads: LoadResult
    hitRatio: number
    publishes: number
    neverVisible: number
    visibleMs: { median: number; max: number }
    purgeWindowMs: { p50: number; p99: number; max: number }
    commentsPosted: number
  },
  seconds: number,
) {
  console.log(
    `\nNews scenario, ${seconds} s, one process, default configuration (TRUST_PROXY=true for the commenters)\n`,
  )
  console.log('| measurement | value |')
  console.log('| --- | ---: |')
  console.log(`| cached-hit limit (node:http, same bytes) | ${s.limitRequestsPerSecond} req/s |`)
  console.log(
    `| reads offered (${Math.round((s.targetRate / s.limitRequestsPerSecond) * 100)} % of the limit) | ${s.targetRate} req/s |`,
  )
  console.log(`| reads answered | ${s.reads.requestsPerSecond} req/s |`)
  console.log(`| hit ratio (anonymous reads) | ${Math.round(s.hitRatio * 1000) / 10} % |`)
  const newsroom =
    s.reads.extra.newsroom! /
    Math.max(
      1,
      s.reads.extra.newsroom! + s.reads.extra.hit! + s.reads.extra.miss! + s.reads.extra.stale!,
    )
  console.log(
    `| signed-in newsroom reads (bypass the cache) | ${Math.round(newsroom * 1000) / 10} % |`,
  )
  console.log(`| p50 / p99 / p99.9 | ${s.reads.p50} / ${s.reads.p99} / ${s.reads.p999} ms |`)
  console.log(
    `| purge window: p50 / p99 / max of pages read right after a publish | ${s.purgeWindowMs.p50} / ${s.purgeWindowMs.p99} / ${s.purgeWindowMs.max} ms |`,
  )
  console.log(
    `| publishes and edits | ${s.publishes} (${s.neverVisible} never visible within 10 s) |`,
  )
  console.log(
    `| publish to visible on front page, story and feed: median / max | ${s.visibleMs.median} / ${s.visibleMs.max} ms |`,
  )
  console.log(`| comments posted | ${s.commentsPosted} |`)
  console.log(`| errors | ${s.reads.errors} |`)
}
