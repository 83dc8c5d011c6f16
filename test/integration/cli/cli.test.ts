import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEFAULT_PURGE_CHANNEL } from '../../../src/cache/redis-purge-channel.js'
import { CLI, freePort, ROOT, runCli, startCli } from '../../support/run-cli.js'
import { REDIS_URL } from '../../support/services.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

/** A failure is one line on stderr naming the problem, with no stack trace. */
function expectOneLineError(
  result: { code: number | null; stderr: string },
  pattern: RegExp,
): void {
  expect(result.code).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^broadsheet: /)
  expect(lines[0]).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

// Each test spawns the built CLI (a second or more each on a busy machine): generous timeouts.
describe('broadsheet CLI', { timeout: 180_000 }, () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cli-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('lists its commands, and each command explains itself', async () => {
    const help = await runCli(['--help'], {})
    expect(help.code).toBe(0)
    for (const command of ['serve', 'migrate', 'seed', 'user:create', 'doctor'])
      expect(help.stdout).toContain(command)
    const seedHelp = await runCli(['seed', '--help'], {})
    expect(seedHelp.stdout).toMatch(/--articles N/)
  })

  it('rejects an unknown command and an unknown flag in one line', async () => {
    expectOneLineError(
      await runCli(['publish-everything'], {}),
      /unknown command "publish-everything"/,
    )
    expectOneLineError(await runCli(['migrate', '--fast'], {}), /migrate: .*--fast/)
  })

  it('names an invalid variable and stops', async () => {
    expectOneLineError(await runCli(['doctor'], { PORT: 'eighty', DATA_DIR: dir }), /PORT/)
    expectOneLineError(
      await runCli(['serve'], { DATABASE_URL: 'mysql://db/news' }),
      /DATABASE_URL: must start with postgres/,
    )
  })

  it.skipIf(!inject('redisAvailable'))(
    'tells running servers over Redis to drop their cached pages after seeding',
    async () => {
      const subscriber = new Redis(REDIS_URL)
      const messages: { origin: string; tags: string[] }[] = []
      await subscriber.subscribe(DEFAULT_PURGE_CHANNEL)
      subscriber.on('message', (_channel: string, text: string) => {
        const message = JSON.parse(text) as { origin: string; tags: string[] }
        if (message.origin.startsWith('cli-')) messages.push(message)
      })
      try {
        const env = { DATA_DIR: path.join(dir, 'redis-site'), REDIS_URL }
        const seed = await runCli(['seed'], env)
        expect(seed.code, seed.stderr).toBe(0)
        expect(seed.stdout).toMatch(/told \d+ running servers? to drop their cached pages/)
        await expect.poll(() => messages.map((m) => m.tags)).toContainEqual(['settings'])
      } finally {
        subscriber.disconnect()
      }
    },
  )

  it('migrates, seeds, creates users and reports in doctor', async () => {
    const env = { DATA_DIR: path.join(dir, 'site') }
    const migrate = await runCli(['migrate'], env)
    expect(migrate.code, migrate.stderr).toBe(0)
    expect((await runCli(['migrate'], env)).stdout).toMatch(/up to date/)
    const seed = await runCli(['seed', '--articles', '120'], env)
    expect(seed.code, seed.stderr).toBe(0)
    expect(seed.stdout).toMatch(/seeded the demo newsroom/)
    expect(seed.stdout).toMatch(/added 120 generated articles/)
    expect(seed.stderr).toMatch(/120\/120/)

    const user = await runCli(
      [
        'user:create',
        '--email',
        'Owner@Example.com',
        '--name',
        'Olive Owner',
        '--password',
        'correct horse battery',
      ],
      env,
    )
    expect(user.code, user.stderr).toBe(0)
    expect(user.stdout).toMatch(/created owner Olive Owner <owner@example.com>/)
    expectOneLineError(
      await runCli(
        [
          'user:create',
          '--email',
          'owner@example.com',
          '--name',
          'Again',
          '--password',
          'correct horse battery',
        ],
        env,
      ),
      /already exists/,
    )
    expectOneLineError(
      await runCli(
        ['user:create', '--email', 'x@example.com', '--name', 'Short', '--password', 'short'],
        env,
      ),
      /at least 12/,
    )

    const doctor = await runCli(['doctor'], {
      ...env,
      DATABASE_URL: '',
      REDIS_URL: 'redis://:secret@127.0.0.1:6379',
    })
    expect(doctor.code, doctor.stderr).toBe(0)
    expect(doctor.stdout).toMatch(/database\s+ok \(sqlite\)/)
    expect(doctor.stdout).toMatch(/articles\s+1\d\d/)
    expect(doctor.stdout).not.toContain('secret')
    expectOneLineError(
      await runCli(['seed', '--articles', 'many'], env),
      /--articles must be a whole number/,
    )
  })

  it('creates an integration and prints exactly one JSON object with --json', async () => {
    const env = { DATA_DIR: path.join(dir, 'integration'), DEMO_CONTENT: 'false' }
    const result = await runCli(['integration:create', '--name', 'Zapier', '--json'], env)
    expect(result.code, result.stderr).toBe(0)
    const printed = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(printed).sort()).toEqual(['adminApiKey', 'contentApiKey', 'id', 'name'])
    expect(printed).toMatchObject({ name: 'Zapier' })
    expect(printed.contentApiKey).toMatch(/^[0-9a-f]{26}$/)
    expect(printed.adminApiKey).toMatch(/^[0-9a-f]{24}:[0-9a-f]{64}$/)
  })

  it('explains a corrupt database file, a missing directory and an unreachable PostgreSQL', async () => {
    const corrupt = path.join(dir, 'corrupt')
    fs.mkdirSync(corrupt)
    fs.writeFileSync(
      path.join(corrupt, 'broadsheet.db'),
      'this is not a database, just text '.repeat(200),
    )
    expectOneLineError(
      await runCli(['doctor'], { DATA_DIR: corrupt }),
      /not a valid SQLite database/,
    )
    expect(fs.readFileSync(path.join(corrupt, 'broadsheet.db'), 'utf8')).toMatch(
      /^this is not a database/,
    )

    expectOneLineError(
      await runCli(['migrate'], {
        DATABASE_URL: `sqlite:${path.join(dir, 'no/such/dir/site.db')}`,
      }),
      /directory .* does not exist/,
    )
    expectOneLineError(
      await runCli(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }),
      /cannot reach the database: .*refused/,
    )
  })

  // Root ignores file modes, so as root the CLI runs as `nobody` for this test (runuser), when
  // nobody can run it at all (Node and the sources must be readable by other users).
  const asRoot = process.getuid?.() === 0
  const nobodyCanRun =
    !asRoot ||
    spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI, '--help'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp' },
    }).status === 0
  if (!nobodyCanRun)
    process.stderr.write(
      'SKIPPED cli read-only check: running as root and user nobody cannot run the CLI here\n',
    )
  it.skipIf(!nobodyCanRun)('explains a read-only database file', async () => {
    const ro = path.join(dir, 'ro')
    fs.mkdirSync(ro)
    expect((await runCli(['migrate'], { DATA_DIR: ro })).code).toBe(0)
    fs.chmodSync(path.join(ro, 'broadsheet.db'), 0o444)
    fs.chmodSync(ro, 0o555)
    fs.chmodSync(dir, 0o755)
    const before = fs.readFileSync(path.join(ro, 'broadsheet.db'))
    const result = await runCli(['seed'], { DATA_DIR: ro }, 150_000, asRoot ? 'nobody' : undefined)
    expectOneLineError(result, /readonly|read-only|permission/i)
    expect(fs.readFileSync(path.join(ro, 'broadsheet.db')).equals(before)).toBe(true)
    fs.chmodSync(ro, 0o755)
  })

  it('serves from two processes sharing one SQLite file', async () => {
    const env = { DATA_DIR: path.join(dir, 'shared') }
    const seeded = await runCli(['seed'], env)
    expect(seeded.code, seeded.stderr).toBe(0)
    const ports = [await freePort(), await freePort()]
    const servers = ports.map((port) =>
      startCli(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' }),
    )
    try {
      const pages = await Promise.all(ports.map((port) => fetchWhenUp(`http://127.0.0.1:${port}/`)))
      for (const page of pages) expect(page).toContain('The Broadsheet Gazette')
    } finally {
      for (const server of servers) server.kill('SIGTERM')
    }
  })
})

async function fetchWhenUp(url: string, deadlineMs = 120_000): Promise<string> {
  const start = Date.now()
  for (;;) {
    try {
      const response = await fetch(url)
      return await response.text()
    } catch (error) {
      if (Date.now() - start > deadlineMs) throw error
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}

// The same commands a newcomer runs against PostgreSQL, on a fresh database.
describe.skipIf(!DIALECTS.includes('postgres'))(
  'broadsheet CLI on PostgreSQL',
  { timeout: 180_000 },
  () => {
    let database: TestDatabase
    beforeAll(async () => {
      database = await createTestDatabase('postgres', { migrate: false })
    })
    afterAll(() => database?.destroy())

    it('migrates, seeds all or nothing, creates users, reindexes and reports in doctor', async () => {
      const env = { DATA_DIR: database.dataDir, DATABASE_URL: database.url }
      const migrate = await runCli(['migrate'], env)
      expect(migrate.code, migrate.stderr).toBe(0)
      expect(migrate.stdout).toMatch(/applied /)

      const seed = await runCli(['seed', '--articles', '40'], env)
      expect(seed.code, seed.stderr).toBe(0)
      expect(seed.stdout).toMatch(/seeded the demo newsroom \(\d+ articles\)/)
      expect(seed.stdout).toMatch(/added 40 generated articles/)
      expect(seed.stdout).toMatch(/search index rebuilt: 89 articles/)

      const user = await runCli(
        ['user:create', '--email', 'Owner@Example.com', '--name', 'Olive Owner'],
        { ...env, BROADSHEET_PASSWORD: 'correct horse battery' },
      )
      expect(user.code, user.stderr).toBe(0)
      expect(user.stdout).toMatch(/created owner Olive Owner <owner@example.com>/)

      const reindex = await runCli(['search:reindex'], env)
      expect(reindex.code, reindex.stderr).toBe(0)
      expect(reindex.stdout).toMatch(/search index rebuilt: 89 articles/)

      const doctor = await runCli(['doctor'], env)
      expect(doctor.code, doctor.stderr).toBe(0)
      expect(doctor.stdout).toMatch(/database\s+ok \(postgres\)/)
      expect(doctor.stdout).toMatch(/articles\s+89\b/)
    })
  },
)
