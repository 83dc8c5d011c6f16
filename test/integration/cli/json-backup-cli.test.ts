import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli.js'

/** Error lines on stderr, progress lines aside. */
const errorLines = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => l && !/stories \d+\/\d+/.test(l))

// Each run spawns the built CLI (seconds on a busy machine): generous timeouts.
describe('broadsheet export json / import json', { timeout: 240_000 }, () => {
  let dir: string
  let backup: string
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-json-cli-'))
    backup = path.join(dir, 'site.json')
    const seeded = await runCli(['seed'], { DATA_DIR: path.join(dir, 'a') })
    expect(seeded.code, seeded.stderr).toBe(0)
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('restores a backup into an empty site, search index included', async () => {
    const exported = await runCli(['export', 'json', '--out', backup], {
      DATA_DIR: path.join(dir, 'a'),
    })
    expect(exported.code, exported.stderr).toBe(0)
    expect(fs.readFileSync(backup, 'utf8')).toMatch(/^\{"format":"broadsheet-backup","version":1,/)

    const restored = await runCli(['import', 'json', backup], { DATA_DIR: path.join(dir, 'b') })

    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(
      /Restored the backup of .*: \d+ users, .* \d+ articles, \d+ comments, .* \d+ subscribers, \d+ contact messages, \d+ redirects/,
    )
    const db = new Database(path.join(dir, 'b', 'broadsheet.db'), { readonly: true })
    try {
      const published = db
        .prepare("select count(*) as n from articles where status = 'published'")
        .get() as { n: number }
      const indexed = db.prepare('select count(*) as n from search_fts').get() as { n: number }
      expect(published.n).toBeGreaterThan(10)
      expect(indexed.n).toBe(published.n)
    } finally {
      db.close()
    }
  })

  it('refuses a site that has content, in one line', async () => {
    const again = await runCli(['import', 'json', backup], { DATA_DIR: path.join(dir, 'a') })

    expect(again.code).toBe(1)
    expect(errorLines(again.stderr)).toEqual([
      expect.stringMatching(/^broadsheet: import json: this site already has users, articles/),
    ])
  })

  it('refuses a file that is not a backup, or a newer one, in one line', async () => {
    const ghost = path.join(dir, 'ghost.json')
    fs.writeFileSync(ghost, '{"db":[{"meta":{"version":"5.0.0"},"data":{}}]}\n')
    const newer = path.join(dir, 'newer.json')
    fs.writeFileSync(newer, fs.readFileSync(backup, 'utf8').replace('"version":1', '"version":9'))

    const notOurs = await runCli(['import', 'json', ghost], { DATA_DIR: path.join(dir, 'c') })
    const tooNew = await runCli(['import', 'json', newer], { DATA_DIR: path.join(dir, 'c') })

    expect(notOurs.code).toBe(1)
    expect(errorLines(notOurs.stderr)).toEqual([
      'broadsheet: ghost.json: not a Broadsheet JSON backup (make one with "broadsheet export json")',
    ])
    expect(tooNew.code).toBe(1)
    expect(errorLines(tooNew.stderr)).toEqual([
      expect.stringMatching(/^broadsheet: newer\.json: backup format version 9 is newer/),
    ])
  })

  it('explains itself', async () => {
    const exportHelp = await runCli(['export', '--help'], {})
    const importHelp = await runCli(['import', '--help'], {})
    expect(exportHelp.stdout).toMatch(/broadsheet export json \[--out FILE\]/)
    expect(importHelp.stdout).toMatch(/broadsheet import json BACKUP\.json/)
  })
})
