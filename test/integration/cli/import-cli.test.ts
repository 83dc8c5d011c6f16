import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, runCli } from '../../support/run-cli.js'

const WXR = path.join(ROOT, 'test/fixtures/importers/wordpress/ledger-1.2.xml')

// Each run spawns the CLI through tsx (seconds on a busy machine): generous timeouts.
describe('broadsheet import', { timeout: 180_000 }, () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-cli-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('imports a WordPress export and prints the report', async () => {
    const result = await runCli(['import', 'wordpress', WXR], {
      DATA_DIR: dir,
      DEMO_CONTENT: 'false',
    })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/articles\s+6\s+0\s+0/)
    expect(result.stdout).toMatch(/was password-protected: imported as a draft/)
    expect(result.stderr).toMatch(/stories/)
    // Every published story is in the search index when the command has finished.
    const db = new Database(path.join(dir, 'broadsheet.db'), { readonly: true })
    const count = (query: string) => (db.prepare(query).get() as { n: number }).n
    const published = count("select count(*) as n from articles where status = 'published'")
    expect(published).toBeGreaterThan(0)
    expect(count('select count(*) as n from search_fts')).toBe(published)
    db.close()

    const exported = await runCli(['export', 'wordpress'], { DATA_DIR: dir })
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8" \?>/)
    expect(exported.stdout.match(/<wp:post_type><!\[CDATA\[post\]\]>/g)).toHaveLength(6)
    expect(exported.stderr).toMatch(/exported 6 articles, 1 pages and 5 comments/)
  })

  it('refuses a file that is not an export in one line, writing nothing', async () => {
    const result = await runCli(
      ['import', 'wordpress', path.join(ROOT, 'test/fixtures/importers/wordpress/not-xml.html')],
      { DATA_DIR: path.join(dir, 'other') },
    )
    expect(result.code).toBe(1)
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((l) => !/reading the export/.test(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^broadsheet: not-xml\.html is not a WordPress export/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('explains itself', async () => {
    const result = await runCli(['import', '--help'], {})
    expect(result.stdout).toMatch(/--media-dir DIR/)
    expect(result.stdout).toMatch(/broadsheet import ghost FILE\.json/)
  })
})
