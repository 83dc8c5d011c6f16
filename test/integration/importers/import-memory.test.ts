/**
 * The importer's memory, end to end: a generated WXR imported into a fresh SQLite database in a
 * fresh process (scripts/import-once.js), at two sizes; the larger file must not cost more
 * memory. IMPORT_MEMORY_POSTS sets the larger size (default 2,000 posts, four comments each, a
 * minute or two on a shared 2-core machine; 4,000 took five minutes under load and passed);
 * the full 50,000-post run is `npm run bench -- --scenario import`.
 *
 * It runs only when IMPORT_MEMORY_POSTS is set: the target is not met yet (issue 14; 500 → 2,000
 * posts grew the peak by about 60 MB where the test allows 40), and a known failure must not
 * block every other change. Run it with `IMPORT_MEMORY_POSTS=2000 npx vitest run <this file>`.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { writeWxr } from '../../../scripts/generate-wxr.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const LARGE = Number(process.env.IMPORT_MEMORY_POSTS ?? 2_000)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-memory-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

interface Run {
  posts: number
  comments: number
  peakRssMb: number
}

async function importGenerated(posts: number): Promise<Run> {
  const file = path.join(dir, `wxr-${posts}.xml`)
  const out = fs.createWriteStream(file)
  await writeWxr(out, { posts, comments: posts * 4 })
  await new Promise((resolve) => out.end(resolve))
  const dataDir = path.join(dir, `data-${posts}`)
  fs.mkdirSync(dataDir)
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/import-once.js'), file],
    {
      cwd: ROOT,
      env: {
        ...withoutDatabaseUrl(process.env),
        IMPORT_FROM_SOURCE: '1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        DEMO_CONTENT: 'false',
      },
      maxBuffer: 1024 * 1024,
    },
  )
  return JSON.parse(stdout.trim().split('\n').pop()!) as Run
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...rest } = env
  return rest
}

const WANTED = process.env.IMPORT_MEMORY_POSTS !== undefined
if (!WANTED)
  process.stderr.write('\nSKIPPED import memory: set IMPORT_MEMORY_POSTS to run it (issue 14)\n')

describe.skipIf(!WANTED)('the importer’s memory', () => {
  it(`stays flat from ${LARGE / 4} to ${LARGE} posts`, { timeout: 60 * 60_000 }, async () => {
    const small = await importGenerated(LARGE / 4)
    const large = await importGenerated(LARGE)

    expect(large.posts).toBe(LARGE)
    expect(large.comments).toBeGreaterThan(LARGE * 3.5)
    // Four times the stories and comments: holding them would cost tens of megabytes more.
    expect(large.peakRssMb - small.peakRssMb).toBeLessThan(40)
  })
})
