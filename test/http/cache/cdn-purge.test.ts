import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { postCdnPurge } from '../../../src/cache/cache-purger.js'
import { buildCacheTestApp, type CacheTestApp } from './cache-test-app.js'

/** A local stand-in for a CDN's purge relay: records what it receives. */
async function startPurgeReceiver(status = 200) {
  const received: { method: string; type: string; body: unknown }[] = []
  let notify = () => {}
  const server = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        type: request.headers['content-type'] ?? '',
        body: JSON.parse(body) as unknown,
      })
      response.writeHead(status).end()
      notify()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`
  const next = () => new Promise<void>((resolve) => (notify = resolve))
  return { url, received, next, close: () => new Promise((r) => server.close(r)) }
}

let t: CacheTestApp | undefined
afterEach(async () => {
  await t?.app.close()
  t = undefined
})

describe('CDN purge hook', () => {
  it('POSTs the purged tags as JSON to CDN_PURGE_URL', async () => {
    const receiver = await startPurgeReceiver()
    try {
      t = await buildCacheTestApp({ CDN_PURGE_URL: receiver.url })
      const arrived = receiver.next()
      t.events.emit({ type: 'comments.changed', articleId: 42 })
      await arrived
      expect(receiver.received).toEqual([
        { method: 'POST', type: 'application/json', body: { tags: ['article:42', 'home'] } },
      ])
    } finally {
      await receiver.close()
    }
  })

  it('reports failures instead of throwing', async () => {
    const receiver = await startPurgeReceiver(500)
    const warnings: string[] = []
    const log = {
      info: () => {},
      warn: (_: object, message: string) => void warnings.push(message),
    }
    try {
      expect(await postCdnPurge(receiver.url, ['home'], log)).toBe(false)
    } finally {
      await receiver.close()
    }
    expect(await postCdnPurge(receiver.url, ['home'], log)).toBe(false) // now nobody listens
    expect(warnings).toHaveLength(2)
  })
})
