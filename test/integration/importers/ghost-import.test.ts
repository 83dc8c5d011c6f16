import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { listUsers, systemActor } from '../../../src/auth/index.js'
import { findRedirect, listNewsroomArticles } from '../../../src/content/index.js'
import { runImport } from '../../../src/importers/index.js'
import { findSubscriberByEmail } from '../../../src/newsletter/index.js'
import { createHttpClient } from '../../../src/net/index.js'
import type { Services } from '../../../src/services.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const FIXTURE = path.resolve('test/fixtures/importers/ghost/tide-5.x-envelope.json')
const ACTOR = systemActor('ghost-import')

for (const dialect of DIALECTS) {
  describe(`${dialect}: Ghost import`, () => {
    let t: TestDatabase
    let services: Services

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      services = testServices({ db: t.db, dialect, dataDir: t.dataDir })
    })
    afterEach(() => t.destroy())

    it('brings posts, pages, staff, members and redirects across, once', async () => {
      const report = await runImport(services, ACTOR, 'ghost', FIXTURE)
      const again = await runImport(services, ACTOR, 'ghost', FIXTURE)

      expect(report.counts.articles).toMatchObject({ imported: 4, failed: 0 })
      expect(report.counts.pages.imported).toBe(1)
      expect(report.counts.authors.imported).toBe(2)
      expect(report.ignored['internal tag']).toBe(1)
      expect(again.counts.articles).toMatchObject({ imported: 0, skipped: 4 })
      const articles = await listNewsroomArticles(services, {})
      expect(articles).toHaveLength(4)
      expect(Object.fromEntries(articles.map((a) => [a.slug, a.status]))).toMatchObject({
        'storm-closes-ferry': 'published',
        'flood-notes': 'draft',
        'regatta-preview': 'scheduled',
      })
      expect(await listUsers(services)).toHaveLength(2)
      const storm = articles.find((a) => a.slug === 'storm-closes-ferry')!
      const year = storm.publishedAt!.getUTCFullYear()
      expect((await findRedirect(services, '/storm-closes-ferry/'))?.toPath).toMatch(
        new RegExp(`^/${year}/\\d\\d/storm-closes-ferry/$`),
      )
      expect(await findRedirect(services, '/old-ferry-story/')).toBeDefined()
      expect(await findSubscriberByEmail(services, 'reader.one@mail.example.net')).toMatchObject({
        status: 'confirmed',
      })
    })
  })
}

describe('Ghost import: pictures from the old site', () => {
  let t: TestDatabase
  let server: http.Server
  let base: string

  beforeAll(async () => {
    const jpeg = await sharp({
      create: { width: 48, height: 32, channels: 3, background: { r: 200, g: 90, b: 40 } },
    })
      .jpeg()
      .toBuffer()
    server = http.createServer((req, res) => {
      // Only the featured picture: each upload renders its variants, which takes a second or two.
      if (req.url === '/content/images/2024/01/storm.jpg')
        res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg)
      else res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    t = await createTestDatabase('sqlite')
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await t.destroy()
  })

  it('downloads the featured image named by the old address', async () => {
    const services = testServices({ db: t.db, dialect: 'sqlite', dataDir: t.dataDir })
    const client = createHttpClient({ userAgent: 'Broadsheet-test', allowPrivate: true })
    const report = await runImport(services, ACTOR, 'ghost', FIXTURE, {
      siteUrl: base,
      media: { kind: 'fetch', client },
    })
    client.close()
    expect(report.counts.media.imported).toBe(1)
    expect(report.counts.media.failed).toBeGreaterThan(0)
    const storm = (await listNewsroomArticles(services, {})).find(
      (a) => a.slug === 'storm-closes-ferry',
    )!
    expect(storm.image?.url).toMatch(/^\/media\//)
    expect(fs.existsSync(path.join(t.dataDir, 'media'))).toBe(true)
  })
})
