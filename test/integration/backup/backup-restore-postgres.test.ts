import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { systemClock } from '../../../src/clock.js'
import { openPostgres } from '../../../src/db/dialects/postgres.js'
import { fillDemoSite } from '../../support/kernel.js'
import { runCli } from '../../support/run-cli.js'
import { TEST_DATABASE_URL } from '../../support/services.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

function urlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return url.toString()
}

describe.runIf(inject('postgresAvailable'))('backup and restore on PostgreSQL', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pg-backup-'))
  const target = `broadsheet_restore_${randomBytes(5).toString('hex')}`
  let t: TestDatabase | undefined
  afterAll(async () => {
    await t?.destroy()
    await admin(`drop database if exists ${target} with (force)`)
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('dumps with pg_dump, restores into an empty database, and every row matches', async () => {
    t = await createTestDatabase('postgres')
    await fillDemoSite({ db: t.db, dialect: 'postgres', clock: systemClock, dataDir: t.dataDir })
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db)
    const source = urlFor(rows[0]!.name)
    const file = path.join(root, 'site.tar.gz')

    const backedUp = await runCli(['backup', file], { DATA_DIR: t.dataDir, DATABASE_URL: source })
    expect(backedUp.code, backedUp.stderr).toBe(0)

    await admin(`create database ${target}`)
    const restoredDir = path.join(root, 'restored')
    const restored = await runCli(['restore', file], {
      DATA_DIR: restoredDir,
      DATABASE_URL: urlFor(target),
    })
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/restored the postgres backup/)

    const copy = openPostgres(urlFor(target), { max: 2 })
    try {
      for (const table of ['users', 'articles', 'article_tags', 'media', 'settings', 'comments']) {
        const dump = async (db: typeof copy) =>
          (await sql`select * from ${sql.table(table)}`.execute(db)).rows
            .map((r) => JSON.stringify(r))
            .sort()
        expect(await dump(copy), table).toEqual(await dump(t.db))
      }
    } finally {
      await copy.destroy()
    }
    const files = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort()
    expect(files(path.join(restoredDir, 'media'))).toEqual(files(path.join(t.dataDir, 'media')))

    // A second restore into the now-full database is refused.
    const again = await runCli(['restore', file], {
      DATA_DIR: path.join(root, 'again'),
      DATABASE_URL: urlFor(target),
    })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already holds a site/)
  }, 90_000)
})
