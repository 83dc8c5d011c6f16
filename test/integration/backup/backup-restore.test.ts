import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../../../src/db/dialects/sqlite.js'
import { restore } from '../../../src/cli/backup.js'
import { systemClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { createArticle } from '../../../src/content/index.js'
import { migrateToLatest } from '../../../src/db/migrate.js'
import { asUser, fillDemoSite, testKernel } from '../../support/kernel.js'
import { runCli } from '../../support/run-cli.js'

/** Tables whose rows a generated story adds or the demo fills, compared row by row. */
const TABLES = [
  'users',
  'categories',
  'tags',
  'articles',
  'article_authors',
  'article_categories',
  'article_tags',
  'media',
  'media_variants',
  'pages',
  'settings',
  'menus',
  'menu_items',
  'comments',
] as const

function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return []
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort()
}

/** Every row of a table as JSON text, keyed by its JSON (a set of rows). */
async function rowsOf(file: string, table: string): Promise<Set<string>> {
  const db = openSqlite(file)
  try {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      db,
    )
    return new Set(rows.map((row) => JSON.stringify(row)))
  } finally {
    await db.destroy()
  }
}

describe('broadsheet backup and restore', { timeout: 120_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-backup-test-'))
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it('backs up a site while it is written to, and restores it elsewhere as it was', async () => {
    const live = path.join(root, 'live')
    const elsewhere = path.join(root, 'elsewhere')
    const file = path.join(root, 'noon.tar.gz')
    fs.mkdirSync(live)
    const db = openSqlite(path.join(live, 'broadsheet.db'))
    await migrateToLatest(db)
    await fillDemoSite({ db, dialect: 'sqlite', clock: systemClock, dataDir: live })

    // A writer in this process publishes stories while the backup process runs.
    const deps = testKernel(db)
    const owner = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()
    const category = await db.selectFrom('categories').select('id').executeTakeFirstOrThrow()
    const titles: string[] = []
    let backupDone = false
    const write = async () => {
      const title = `Late edition ${titles.length + 1}`
      titles.push(title)
      await createArticle(
        deps,
        asUser({ id: owner.id }),
        { title, bodyHtml: `<p>${title}.</p>`, primaryCategoryId: category.id },
        { then: 'publish' },
      )
    }
    for (let i = 0; i < 5; i++) await write()
    const before = titles.length
    const backingUp = runCli(['backup', file], { DATA_DIR: live }).finally(() => {
      backupDone = true
    })
    while (!backupDone) {
      await write()
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const during = titles.length
    for (let i = 0; i < 5; i++) await write()
    await db.destroy()
    const backedUp = await backingUp
    expect(backedUp.code, backedUp.stderr).toBe(0)
    expect(backedUp.stdout).toMatch(/backed up to .*noon\.tar\.gz/)
    expect(during - before).toBeGreaterThan(5)

    const restored = await runCli(['restore', file], { DATA_DIR: elsewhere })
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/restored the sqlite backup/)

    // The restored site is one moment of the live one: every row it holds is the live row,
    // unchanged, and it holds some of the stories written during the backup but not all.
    const liveDb = path.join(live, 'broadsheet.db')
    const copyDb = path.join(elsewhere, 'broadsheet.db')
    for (const table of TABLES) {
      const [was, is] = await Promise.all([rowsOf(liveDb, table), rowsOf(copyDb, table)])
      const strays = [...is].filter((row) => !was.has(row))
      expect(strays, table).toEqual([])
    }
    const copy = openSqlite(copyDb)
    const copied = new Set(
      (await copy.selectFrom('articles').select('title').execute()).map((a) => a.title),
    )
    await copy.destroy()
    expect(titles.slice(0, before).every((t) => copied.has(t))).toBe(true)
    expect(titles.slice(during).some((t) => copied.has(t))).toBe(false)
    expect(filesUnder(path.join(elsewhere, 'media'))).toEqual(filesUnder(path.join(live, 'media')))
    expect(filesUnder(path.join(elsewhere, 'media')).length).toBeGreaterThan(0)

    // Restoring over a site is refused.
    await expect(restore(parseConfig({ DATA_DIR: elsewhere }), file)).rejects.toThrow(
      /already holds a site/,
    )
  })
})
