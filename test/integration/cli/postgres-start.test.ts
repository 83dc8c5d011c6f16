/**
 * `npm start` on PostgreSQL as a newcomer meets it: the built server (`node dist/main.js`, what
 * `npm start` runs) on an empty, freshly created database migrates it, fills it with the demo
 * newsroom and serves the reader site and the newsroom. Skipped (with the SKIPPED line from the
 * global setup) when PostgreSQL is unreachable; a failure under REQUIRE_SERVICES=1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, systemActor } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { noEvents } from '../../../src/events.js'
import { freePort, ROOT } from '../../support/run-cli.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const MAIN = path.join(ROOT, 'dist/main.js')
const PASSWORD = 'a long newsroom passphrase'

describe.skipIf(!DIALECTS.includes('postgres'))(
  'npm start on an empty PostgreSQL database',
  { timeout: 60_000 },
  () => {
    let database: TestDatabase
    let server: ChildProcess
    let base: string
    let output = ''

    beforeAll(async () => {
      // `npm start` builds first; CI's `npm ci` has built dist/ already.
      if (!fs.existsSync(MAIN)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
      database = await createTestDatabase('postgres', { migrate: false })
      const port = await freePort()
      base = `http://127.0.0.1:${port}`
      server = spawn(process.execPath, [MAIN], {
        cwd: database.dataDir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          DATABASE_URL: database.url,
          DATA_DIR: database.dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      await waitForServer(base, server, () => output)
    }, 180_000)
    afterAll(async () => {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve))
        server.kill('SIGTERM')
        await exited
      }
      await database?.destroy()
    })

    async function get(url: string, headers: Record<string, string> = {}) {
      const response = await fetch(`${base}${url}`, {
        headers: { accept: 'text/html', ...headers },
        redirect: 'manual',
      })
      const body = await response.text()
      return { status: response.status, type: response.headers.get('content-type'), body }
    }

    it('migrates, fills the demo newsroom and says so', () => {
      expect(output).toMatch(/applied \d+ migration/)
      expect(output).toMatch(/filled the empty database with demo content \(\d+ articles\)/)
      expect(output).toMatch(/serving /)
      expect(output).not.toMatch(/error/i)
    })

    it('walks the reader pages', async () => {
      const front = await get('/')
      expect(front.status).toBe(200)
      const $ = cheerio.load(front.body)
      expect($('h1.site-logo').text()).toBe('The Broadsheet Gazette')
      const article = $('main .card-title a').first().attr('href')
      expect(article).toMatch(/^\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/)

      const story = await get(article!)
      expect(story.status).toBe(200)
      expect(cheerio.load(story.body)('article h1').text().length).toBeGreaterThan(10)

      const section = await get('/news/')
      expect(section.status).toBe(200)
      expect(cheerio.load(section.body)('main .card').length).toBeGreaterThan(3)

      const search = await get('/search/?q=harbour')
      expect(search.status).toBe(200)
      expect(cheerio.load(search.body)('main .card').length).toBeGreaterThan(0)

      const feed = await get('/feed/')
      expect(feed.status).toBe(200)
      expect(feed.type).toMatch(/rss\+xml/)
      expect(feed.body.match(/<item>/g)?.length).toBeGreaterThan(5)

      const sitemap = await get('/sitemap.xml')
      expect(sitemap.status).toBe(200)
      expect(sitemap.body).toMatch(/<sitemapindex|<urlset/)

      const missing = await get('/no-such-page/')
      expect(missing.status).toBe(404)
      expect(missing.body).toContain('Page not found')
    })

    it('signs a newsroom user in and shows whole view counts', async () => {
      const login = await get('/admin/login')
      expect(login.status).toBe(200)
      expect(cheerio.load(login.body)('h1').text()).toBe('Sign in')

      // The newcomer's `broadsheet user:create`, through the same use case.
      const deps = { db: database.db, clock: fixedClock(new Date()), events: noEvents }
      await createUser(deps, systemActor('test'), {
        email: 'olive@news.test',
        name: 'Olive Owner',
        role: 'owner',
        password: PASSWORD,
      })
      const jar = new Map<string, string>()
      const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
      const keep = (response: Response) => {
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(';')
          const at = pair!.indexOf('=')
          jar.set(pair!.slice(0, at), pair!.slice(at + 1))
        }
      }
      const form = await fetch(`${base}/admin/login`, { headers: { accept: 'text/html' } })
      keep(form)
      const csrf =
        cheerio
          .load(await form.text())('input[name="_csrf"]')
          .attr('value') ?? ''
      const signIn = await fetch(`${base}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: cookies(),
        },
        body: new URLSearchParams({ _csrf: csrf, email: 'olive@news.test', password: PASSWORD }),
      })
      expect(signIn.status).toBe(303)
      keep(signIn)

      const dashboard = await get('/admin/dashboard', { cookie: cookies() })
      expect(dashboard.status).toBe(200)
      const stats = await get('/admin/api/stats/views?days=30', { cookie: cookies() })
      expect(stats.status).toBe(200)
      const { total, days } = JSON.parse(stats.body) as {
        total: number
        days: { views: number }[]
      }
      expect(total).toBeGreaterThan(0)
      expect(Number.isInteger(total)).toBe(true)
      expect(days.every((d) => Number.isInteger(d.views))).toBe(true)

      // An id beyond PostgreSQL's integer is the reader's mistake (400), not the database's.
      for (const id of ['2147483648', '99999999999999999999']) {
        const page = await get(`/admin/articles/${id}`, { cookie: cookies() })
        expect(page.status, id).toBe(400)
      }
      expect((await get('/admin/articles/2147483647', { cookie: cookies() })).status).toBe(404)
    })
  },
)

/** Resolve once the server answers; fail with its output if it exits first. */
async function waitForServer(
  base: string,
  server: ChildProcess,
  output: () => string,
  deadlineMs = 150_000,
): Promise<void> {
  const start = Date.now()
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`the server exited (${server.exitCode}): ${output()}`)
    try {
      await fetch(`${base}/robots.txt`)
      return
    } catch (error) {
      if (Date.now() - start > deadlineMs)
        throw new Error(`no answer: ${output()}`, { cause: error })
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
