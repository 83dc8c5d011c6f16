import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCacheEntry } from './page-cache.js'
import { StaticMirror } from './static-mirror.js'

const silent = { info: () => {}, warn: () => {} }
let root: string
let mirror: StaticMirror
beforeEach(async () => {
  root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mirror-')), 'static')
  mirror = new StaticMirror(root, silent)
  await mirror.reset()
})
afterEach(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }))

const page = (key: string, tags: string[], type = 'text/html; charset=utf-8') =>
  buildCacheEntry(key, {
    status: 200,
    headers: { 'content-type': type },
    body: Buffer.from(`<h1>${key}</h1>`),
    tags,
  })

describe('StaticMirror', () => {
  it('writes index.html with its gzip and brotli variants per URL', async () => {
    await mirror.write(await page('/world/europe/', ['section:europe']))
    const dir = path.join(root, 'world/europe')
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('<h1>/world/europe/</h1>')
    expect(gunzipSync(fs.readFileSync(path.join(dir, 'index.html.gz'))).toString()).toBe(
      '<h1>/world/europe/</h1>',
    )
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('empties itself and mirrors nothing while paused (purge channel down), then resumes', async () => {
    await mirror.write(await page('/', ['home']))
    await mirror.write(await page('/sport/', ['section:sport']))
    await mirror.pause()
    expect(fs.existsSync(path.join(root, 'index.html'))).toBe(false)
    expect(fs.existsSync(path.join(root, 'sport/index.html'))).toBe(false)
    await mirror.write(await page('/world/', ['section:world']))
    expect(fs.existsSync(path.join(root, 'world/index.html'))).toBe(false)
    mirror.resume()
    await mirror.write(await page('/world/', ['section:world']))
    expect(fs.existsSync(path.join(root, 'world/index.html'))).toBe(true)
  })

  it('deletes exactly the purged pages', async () => {
    await mirror.write(await page('/', ['home', 'article:1']))
    await mirror.write(await page('/sport/', ['section:sport']))
    await mirror.purge(['article:1'])
    expect(fs.existsSync(path.join(root, 'index.html'))).toBe(false)
    expect(fs.existsSync(path.join(root, 'index.html.gz'))).toBe(false)
    expect(fs.existsSync(path.join(root, 'sport/index.html'))).toBe(true)
  })

  it('never leaves a file behind when the purge comes while it is being written', async () => {
    const writing = mirror.write(await page('/', ['home']))
    const purging = mirror.purge(['home'])
    await Promise.all([writing, purging])
    expect(fs.existsSync(path.join(root, 'index.html'))).toBe(false)
  })

  it('ignores non-HTML entries, query strings and unsafe paths', async () => {
    await mirror.write(await page('/feed/', ['feed'], 'application/rss+xml'))
    await mirror.write(await page('/?page=2', ['home']))
    await mirror.write(await page('/../etc/', ['home']))
    expect(fs.readdirSync(root)).toEqual([])
  })
})
