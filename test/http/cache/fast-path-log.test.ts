/** What the fast path writes to the log: nothing per hit at `info`, one line per hit at `debug`. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { fastPathFor } from '../../../src/cache/fast-path.js'
import { buildCacheEntry, PageCache } from '../../../src/cache/page-cache.js'

let server: http.Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
})

/** A node:http server answering from the fast path, logging at `level` into `lines`. */
async function serveHits(level: string, lines: string[]): Promise<string> {
  const cache = new PageCache({ maxBytes: 1_000_000 })
  cache.put(
    await buildCacheEntry('/story/', {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: Buffer.from('<p>story</p>'),
      tags: ['article:1'],
    }),
  )
  const log = pino({ level }, { write: (line: string) => void lines.push(line) })
  const fast = fastPathFor(cache, log)
  server = http.createServer((request, response) => {
    if (!fast(request, response)) response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('page cache fast path: logging', () => {
  it('logs no line per hit at info', async () => {
    const lines: string[] = []
    const base = await serveHits('info', lines)
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/story/`)).status).toBe(200)
    expect(lines).toEqual([])
  })

  it('logs one line per hit at debug', async () => {
    const lines: string[] = []
    const base = await serveHits('debug', lines)
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/story/`)).status).toBe(200)
    expect(lines).toHaveLength(3)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      req: { method: 'GET', url: '/story/' },
      res: { statusCode: 200 },
      cache: 'HIT',
    })
  })
})
