/**
 * `npm run bench -- --scenario import [--posts 50000]`: issue 14's import rows. Writes a WXR of
 * `posts` posts and four comments each (scripts/generate-wxr.ts, under artifacts/, once per
 * size), then imports it with `scripts/import-once.js` in a fresh process into a fresh SQLite
 * database, and into a fresh PostgreSQL database beside it. Reports posts per second (CPU and
 * wall clock) and the importing process's peak RSS. Targets: 2,000 posts/s on SQLite, comments
 * included; peak RSS at most 200 MB whatever the file's size.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { writeWxr } from './generate-wxr.js'

export interface ImportRun {
  database: 'sqlite' | 'postgres'
  posts: number
  comments: number
  cpuSeconds: number
  wallSeconds: number
  peakRssMb: number
  postsPerCpuSecond: number
  postsPerSecond: number
}

const ROOT = path.resolve(import.meta.dirname, '..')

export async function runImportScenario(options: {
  posts: number
  postgres: string
  out: string
  log: (line: string) => void
}): Promise<ImportRun[]> {
  const file = path.join(options.out, `wxr-${options.posts}-posts.xml`)
  if (!fs.existsSync(file)) {
    options.log(`writing ${file}`)
    const stream = fs.createWriteStream(file)
    await writeWxr(stream, { posts: options.posts, comments: options.posts * 4 })
    await new Promise((resolve) => stream.end(resolve))
  }
  const runs: ImportRun[] = []
  const sqliteDir = path.join(options.out, `import-sqlite-${options.posts}`)
  fs.rmSync(sqliteDir, { recursive: true, force: true })
  fs.mkdirSync(sqliteDir, { recursive: true })
  options.log(`importing ${options.posts} posts into SQLite`)
  runs.push(importOnce(file, { DATA_DIR: sqliteDir }))
  const name = `broadsheet_import_${options.posts}`
  const admin = new pg.Client({ connectionString: options.postgres })
  try {
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
  } catch (error) {
    options.log(`PostgreSQL at ${options.postgres} unreachable (${String(error)}): SQLite only`)
    return runs
  } finally {
    await admin.end().catch(() => {})
  }
  options.log(`importing ${options.posts} posts into PostgreSQL`)
  runs.push(
    importOnce(file, {
      DATA_DIR: path.join(options.out, `import-pg-${options.posts}`),
      DATABASE_URL: `${options.postgres.replace(/\/[^/]*$/, '')}/${name}`,
    }),
  )
  return runs
}

function importOnce(file: string, env: Record<string, string>): ImportRun {
  const stdout = execFileSync(process.execPath, [path.join(ROOT, 'scripts/import-once.js'), file], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false', ...env },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  return JSON.parse(stdout.trim().split('\n').pop()!) as ImportRun
}

export function printImportReport(runs: ImportRun[]): void {
  console.log(
    '\n| import (WXR) | posts | comments | posts/s (wall) | posts per CPU-s | peak RSS MB |',
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const r of runs)
    console.log(
      `| ${r.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.posts} | ${r.comments} | ${r.postsPerSecond} | ${r.postsPerCpuSecond} | ${r.peakRssMb} |`,
    )
  console.log('\nTargets (issue 14): 2,000 posts/s on SQLite, peak RSS ≤ 200 MB.')
}
