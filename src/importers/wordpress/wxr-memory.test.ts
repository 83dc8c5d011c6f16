import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { writeWxr } from '../../../scripts/generate-wxr.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-memory-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function generate(posts: number): Promise<string> {
  const file = path.join(dir, `wxr-${posts}.xml`)
  const out = fs.createWriteStream(file)
  await writeWxr(out, { posts, comments: posts * 4 })
  await new Promise((resolve) => out.end(resolve))
  return file
}

interface ParseRun {
  counts: Record<string, number>
  peakRssMb: number
}

/** Parse in a fresh process, so its peak RSS is the parser's alone. */
async function parse(file: string): Promise<ParseRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/parse-wxr.ts'), file],
    { cwd: ROOT },
  )
  return JSON.parse(stdout) as ParseRun
}

describe('the WXR reader’s memory', () => {
  it('stays flat whatever the size of the file', { timeout: 120_000 }, async () => {
    const small = await generate(2_000)
    const large = await generate(10_000)
    const largeMb = fs.statSync(large).size / 1e6
    const [a, b] = [await parse(small), await parse(large)]
    expect(b.counts).toMatchObject({ post: 10_000, attachment: 10_000, comment: 40_000 })
    // Five times the file, 60 MB more of it: holding it would cost that again (twice, as a JS
    // string). Past the first few megabytes the heap stops growing.
    expect(largeMb - fs.statSync(small).size / 1e6).toBeGreaterThan(60)
    expect(b.peakRssMb - a.peakRssMb).toBeLessThan(25)
    expect(b.peakRssMb).toBeLessThan(200)
  })
})
