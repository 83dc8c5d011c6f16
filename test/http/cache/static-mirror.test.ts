import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildCacheTestApp, type CacheTestApp } from './cache-test-app.js'

let t: CacheTestApp | undefined
let dataDir = ''
afterEach(async () => {
  await t?.app.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('static mirror (STATIC_MIRROR=true)', () => {
  it('writes cached pages under DATA_DIR/static and deletes them on purge', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-mirror-'))
    t = await buildCacheTestApp({ DATA_DIR: dataDir, STATIC_MIRROR: 'true' })
    const file = path.join(dataDir, 'static/story/index.html')

    await t.app.inject({ method: 'GET', url: '/story/' })
    await expect.poll(() => fs.existsSync(file), { timeout: 10_000, interval: 10 }).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toContain('First headline')
    expect(fs.existsSync(`${file}.gz`) && fs.existsSync(`${file}.br`)).toBe(true)

    t.events.emit({ type: 'comments.changed', articleId: 42 })
    // index.html goes first (nginx looks for it before its .gz), the variants right after.
    const left = () => [file, `${file}.gz`, `${file}.br`].filter((f) => fs.existsSync(f))
    await expect.poll(left, { timeout: 10_000, interval: 10 }).toEqual([])
  })
})
