/**
 * `npm run audit`: the web-quality audit of the reader site. Builds, starts the server on a
 * fresh demo database (temporary DATA_DIR, random port), then runs the Nu HTML Checker and
 * axe-core on every page type and Lighthouse (mobile and desktop) on the front page, a section,
 * an article, a tag, an author and search results (noindex there, so SEO may lose is-crawlable),
 * then Lighthouse accessibility (mobile and desktop) on every newsroom screen, signed in.
 * Writes artifacts/audit/report.md (and report.json, Lighthouse JSON reports).
 * Exits 1 when a Nu error or an axe violation is found or a Lighthouse category is below 100.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { systemClock } from '../src/clock.js'
import { parseConfig } from '../src/config.js'
import { createUser, systemActor } from '../src/auth/index.js'
import { prepareDatabase, servicesFor } from '../src/startup.js'
import { updateSiteSettings } from '../src/settings/index.js'
import { axeViolations, launchBrowser, type AxeViolation } from '../test/support/browser.js'
import { NEWSROOM_SCREENS } from '../test/support/newsroom-screens.js'
import { nuCheck, type NuMessage } from '../test/support/nu-checker.js'
import { PAGE_TYPES } from '../test/support/page-types.js'
import { runLighthouse, type LighthouseResult } from './audit-lighthouse.js'
import { writeReport } from './audit-report.js'

const OUT = path.resolve('artifacts/audit')
const ARTICLE_SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'
const OWNER = { email: 'audit-owner@example.com', password: 'an audit passphrase of some length' }

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true })
  const started = Date.now()
  const entry = build()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-audit-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: origin }
  await seed(env)
  const server = startServer(entry, env)
  try {
    await waitForServer(origin)
    const pages = await resolvePages(origin)
    log(`checking ${Object.keys(pages).length} page types with the Nu HTML Checker`)
    const nu = await checkNu(origin, pages)
    log('running axe-core in Chromium')
    const axe = await checkAxe(origin, pages)
    const lighthouse: LighthouseResult[] = []
    for (const [name, url] of [
      ['front page', pages.front],
      ['section', pages.section],
      ['article', pages.article],
      ['tag', pages.tag],
      ['author', pages.author],
      ['search results', pages['search results']],
    ] as const) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        log(`Lighthouse ${formFactor}: ${name}`)
        const result = await runLighthouse({ name, url: `${origin}${url}`, formFactor, out: OUT })
        // Search results are noindex by design: SEO may lose is-crawlable there, and only that.
        if (name === 'search results') result.allowedLosses = ['is-crawlable']
        lighthouse.push(result)
      }
    }
    // The newsroom: Lighthouse accessibility on every screen, signed in as the owner.
    const cookie = await signIn(origin)
    for (const url of [...NEWSROOM_SCREENS, await storyEditor(origin, cookie)]) {
      // Signed in, each screen answers itself (not the sign-in page Lighthouse would then score).
      const check = await fetch(`${origin}${url}`, { headers: { cookie }, redirect: 'manual' })
      if (check.status !== 200) throw new Error(`${url} answered ${check.status} when signed in`)
      for (const formFactor of ['mobile', 'desktop'] as const) {
        log(`Lighthouse ${formFactor}, accessibility: ${url}`)
        const result = await runLighthouse({
          name: `newsroom ${url.replace('/admin/', '')}`,
          url: `${origin}${url}`,
          formFactor,
          out: OUT,
          categories: ['accessibility'],
          headers: { cookie },
        })
        lighthouse.push(result)
      }
    }
    const failed = writeReport(OUT, {
      origin,
      pages,
      nu,
      axe,
      lighthouse,
      seconds: Math.round((Date.now() - started) / 1000),
    })
    log(`report: ${path.join(OUT, 'report.md')}`)
    process.exitCode = failed ? 1 : 0
  } finally {
    server.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** `npm run build`; the built server when it compiles, else the sources through tsx. */
function build(): string[] {
  log('building')
  const result = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (result.status === 0) return [process.execPath, 'dist/main.js']
  log('the build failed: auditing the sources through tsx instead')
  return [process.execPath, '--import', 'tsx', 'src/main.ts']
}

/**
 * Migrate and fill the demo newsroom; four stories a page so a section has a page 2; an owner
 * to sign in to the newsroom with.
 */
async function seed(env: Record<string, string>): Promise<void> {
  const config = parseConfig({ ...env, LOG_LEVEL: 'warn' })
  const handle = await prepareDatabase(config, systemClock, log)
  try {
    const services = servicesFor(handle, config)
    await updateSiteSettings(services, systemActor('audit'), { postsPerPage: 4 })
    await createUser(services, systemActor('audit'), {
      ...OWNER,
      name: 'Audit Owner',
      role: 'owner',
    })
  } finally {
    await handle.close()
  }
}

function startServer(command: string[], env: Record<string, string>): ChildProcess {
  const [bin = process.execPath, ...args] = command
  const child = spawn(bin, args, {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn', DEMO_CONTENT: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  child.on('exit', (code) => {
    if (code !== null && code !== 0) log(`the server exited with ${code}`)
  })
  return child
}

async function waitForServer(origin: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/robots.txt`)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the server did not answer at ${origin}`)
}

/** Sign in as the owner through the newsroom's form; the session's Cookie header. */
async function signIn(origin: string): Promise<string> {
  const form = await fetch(`${origin}/admin/login`)
  const pre = cookiePairs(form)
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!token) throw new Error('no sign-in form at /admin/login')
  const answer = await fetch(`${origin}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: pre, origin },
    body: new URLSearchParams({ _csrf: token, ...OWNER }).toString(),
  })
  const session = cookiePairs(answer)
    .split('; ')
    .find((pair) => pair.startsWith('bs_session='))
  if (!session) throw new Error(`signing in failed (${answer.status})`)
  return session
}

function cookiePairs(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

/** A demo story's editor (the editor has a picture and the toolbar). */
async function storyEditor(origin: string, cookie: string): Promise<string> {
  const list = await (await fetch(`${origin}/admin/articles`, { headers: { cookie } })).text()
  const href = /href="(\/admin\/articles\/\d+(?:\/edit)?)"/.exec(list)?.[1]
  if (!href) throw new Error('no story to open in the editor')
  return href
}

/** The page-type URLs; the article's date path depends on when the demo was seeded. */
async function resolvePages(origin: string): Promise<Record<string, string>> {
  const pages = Object.fromEntries(Object.entries(PAGE_TYPES).map(([k, v]) => [k, v.url]))
  const moved = await fetch(`${origin}/2000/01/${ARTICLE_SLUG}/`, { redirect: 'manual' })
  const article = moved.headers.get('location')
  if (!article) throw new Error(`cannot find the demo article ${ARTICLE_SLUG}`)
  return { ...pages, article: new URL(article, origin).pathname }
}

async function checkNu(origin: string, pages: Record<string, string>): Promise<NuMessage[]> {
  const documents: Record<string, string> = {}
  for (const [name, url] of Object.entries(pages)) {
    documents[name] = await (await fetch(`${origin}${url}`)).text()
  }
  return nuCheck(documents)
}

async function checkAxe(
  origin: string,
  pages: Record<string, string>,
): Promise<{ page: string; width: number; violations: AxeViolation[] }[]> {
  const out: { page: string; width: number; violations: AxeViolation[] }[] = []
  for (const width of [390, 1280]) {
    const browser = await launchBrowser(origin, { width })
    try {
      const page = await browser.context.newPage()
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url)
        out.push({ page: name, width, violations: await axeViolations(page) })
      }
    } finally {
      await browser.close()
    }
  }
  return out
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function log(line: string): void {
  process.stdout.write(`audit: ${line}\n`)
}

await main()
