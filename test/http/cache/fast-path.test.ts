/**
 * Cache hits answered from node:http before Fastify: over a real socket, the same bytes and
 * headers as the Fastify path, 304s and HEAD, and everything else still reaching Fastify.
 */
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { fillDemoSite } from '../../support/kernel.js'

const STORY = '/2026/11/council-approves-412m-budget-after-late-night-vote-on-library-hours/'

describe('page cache: the node:http fast path', () => {
  let database: TestDatabase
  let app: FastifyInstance
  let base: string
  /** Requests that reached Fastify (its onRequest hooks). */
  const routed: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    const clock = fixedClock(new Date('2026-11-17T09:30:00Z'))
    await fillDemoSite({ db: database.db, dialect: 'sqlite', clock, dataDir: database.dataDir })
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'https://gazette.test',
    })
    app = await buildApp({ db: database.db, clock, config })
    app.addHook(
      'onRequest',
      async (request) => void routed.push(`${request.method} ${request.url}`),
    )
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app?.close()
    await database?.destroy()
  })

  const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${base}${url}`, { method, headers: { 'accept-encoding': 'identity', ...headers } })

  /** Headers that must match between a miss and a hit of the same page. */
  const stable = (response: Response) => {
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      if (!['date', 'x-cache', 'keep-alive'].includes(name)) headers[name] = value
    })
    return headers
  }

  it('answers a repeat visit without routing it, byte for byte the same page', async () => {
    routed.length = 0
    const miss = await get(STORY)
    const missBody = await miss.text()
    expect(miss.headers.get('x-cache')).toBe('MISS')
    expect(routed).toEqual([`GET ${STORY}`])

    const hit = await get(STORY)
    const hitBody = await hit.text()
    expect(hit.status).toBe(200)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(routed).toHaveLength(1)
    expect(hitBody).toBe(missBody)
    expect(stable(hit)).toEqual(stable(miss))
    expect(Number(hit.headers.get('content-length'))).toBe(Buffer.byteLength(hitBody))
  })

  it('serves the compressed variant the client accepts', async () => {
    const plain = await (await get(STORY)).text()
    const response = await fetch(`${base}${STORY}`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    // fetch decodes gzip itself; the page must come out identical.
    expect(await response.text()).toBe(plain)
    const raw = await new Promise<Buffer>((resolve, reject) => {
      void import('node:http').then(({ get: httpGet }) =>
        httpGet(`${base}${STORY}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve(Buffer.concat(chunks)))
        }).on('error', reject),
      )
    })
    expect(gunzipSync(raw).toString()).toBe(plain)
  })

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    routed.length = 0
    const etag = (await get(STORY)).headers.get('etag') ?? ''
    const revalidated = await get(STORY, { 'if-none-match': etag })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
    expect(revalidated.headers.get('etag')).toBe(etag)

    const head = await get(STORY, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000)
    expect(await head.text()).toBe('')
    expect(routed).toEqual([])
  })

  it('leaves signed-in readers, the newsroom and writes to Fastify', async () => {
    routed.length = 0
    const signedIn = await get(STORY, { cookie: 'bs_session=whatever' })
    expect(signedIn.headers.get('x-cache')).toBeNull()
    await get('/admin/')
    await fetch(`${base}${STORY}`, { method: 'POST', body: '' })
    expect(routed).toEqual([`GET ${STORY}`, 'GET /admin/', `POST ${STORY}`])
  })

  it('routes a page again once a write purged it', async () => {
    await get('/')
    routed.length = 0
    expect((await get('/')).headers.get('x-cache')).toBe('HIT')
    expect(routed).toEqual([])
    app.purgeCacheTags(['home'])
    const after = await get('/')
    expect(['MISS', 'STALE']).toContain(after.headers.get('x-cache'))
    expect(routed).toEqual(['GET /'])
  })
})
