import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createUser, findUserByEmail, listUsers, systemActor } from '../../../src/auth/index.js'
import { listApprovedComments } from '../../../src/comments/index.js'
import {
  findArticle,
  findPublishedPage,
  findRedirect,
  listCategories,
  listNewsroomArticles,
  listRevisions,
} from '../../../src/content/index.js'
import { runImport } from '../../../src/importers/index.js'
import { createHttpClient } from '../../../src/net/index.js'
import type { Services } from '../../../src/services.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const FIXTURE = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')
const ACTOR = systemActor('wordpress-import')

let jpeg: Buffer
beforeAll(async () => {
  jpeg = await sharp({
    create: { width: 640, height: 400, channels: 3, background: { r: 20, g: 90, b: 160 } },
  })
    .jpeg()
    .toBuffer()
})

for (const dialect of DIALECTS) {
  describe(`${dialect}: WordPress import`, () => {
    let t: TestDatabase
    let services: Services

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      services = testServices({ db: t.db, dialect, dataDir: t.dataDir })
    })
    afterEach(() => t.destroy())

    it('brings stories, people, sections, comments and old addresses across', async () => {
      const report = await runImport(services, ACTOR, 'wordpress', FIXTURE)

      expect(report.counts.articles).toMatchObject({ imported: 6, failed: 0 })
      expect(report.counts.pages.imported).toBe(1)
      expect(report.counts.authors.imported).toBe(2)
      const articles = await listNewsroomArticles(services, {})
      const statuses = Object.fromEntries(articles.map((a) => [a.slug, a.status]))
      expect(statuses).toMatchObject({
        'council-votes-north-quay': 'published',
        'regatta-programme': 'scheduled',
        'staff-rota': 'draft',
      })
      const sections = await listCategories(services)
      expect(sections.length).toBeGreaterThanOrEqual(3)
      expect(sections.some((s) => s.parentId !== null)).toBe(true)
      const users = await listUsers(services)
      expect(users.every((u) => u.role === 'contributor')).toBe(true)
      const quay = articles.find((a) => a.slug === 'council-votes-north-quay')!
      const comments = await listApprovedComments(services, quay.id)
      expect(comments.length).toBeGreaterThanOrEqual(3)
      expect(comments.some((c) => c.parentId !== null)).toBe(true)
      expect(report.ignored.pingback).toBe(1)
      expect(await findRedirect(services, '/?p=10')).toMatchObject({
        toPath: '/2024/03/council-votes-north-quay/',
      })
      expect(await findRedirect(services, '/about/')).toBeUndefined()
      expect(report.warnings.some((w) => /media-dir|fetch-media/.test(w.message))).toBe(true)
    })

    it('adds nothing when the same file is imported again', async () => {
      await runImport(services, ACTOR, 'wordpress', FIXTURE)
      const before = await listNewsroomArticles(services, {})
      const again = await runImport(services, ACTOR, 'wordpress', FIXTURE)

      expect(again.counts.articles).toMatchObject({ imported: 0, skipped: 6 })
      expect(again.counts.comments.imported).toBe(0)
      expect(again.counts.pages).toMatchObject({ imported: 0, skipped: 1 })
      expect(again.counts.authors).toMatchObject({ imported: 0, skipped: 2 })
      const after = await listNewsroomArticles(services, {})
      expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort())
      expect((await listUsers(services)).length).toBe(2)
    })

    it('maps an author onto an existing user with --author-map', async () => {
      const editor = await createUser(services, SYSTEM, {
        email: 'ed@example.org',
        name: 'Ed Desk',
        role: 'editor',
      })
      const report = await runImport(services, ACTOR, 'wordpress', FIXTURE, {
        authorMap: new Map([
          ['mara', 'ed@example.org'],
          ['tomasz.o', 'nobody@example.org'],
        ]),
      })
      expect(report.counts.authors).toMatchObject({ imported: 0, skipped: 1, failed: 1 })
      expect(report.warnings.some((w) => w.item === 'author tomasz.o')).toBe(true)
      const quay = (await listNewsroomArticles(services, {})).find(
        (a) => a.slug === 'council-votes-north-quay',
      )!
      expect(quay.author?.id).toBe(editor.id)
    })

    it('updates a story that changed on the old site, with a revision, and skips the rest', async () => {
      await runImport(services, ACTOR, 'wordpress', FIXTURE)
      const before = (await listNewsroomArticles(services, {})).find(
        (a) => a.slug === 'council-votes-north-quay',
      )!
      const changed = path.join(t.dataDir, 'ledger-changed.xml')
      const xml = fs.readFileSync(FIXTURE, 'utf8')
      expect(xml).toContain('before winter.')
      fs.writeFileSync(
        changed,
        xml
          .replace('before winter.', 'before the autumn storms.')
          .replace(
            '<title><![CDATA[Council votes to rebuild the north quay]]></title>\n\t\t<link>https://ledger.example.org/2024/03/council-votes-north-quay/',
            '<title><![CDATA[Council votes to rebuild the north quay by October]]></title>\n\t\t<link>https://ledger.example.org/2024/03/council-votes-north-quay/',
          ),
      )
      const again = await runImport(services, ACTOR, 'wordpress', changed)

      expect(again.counts.articles).toEqual({ imported: 0, updated: 1, skipped: 5, failed: 0 })
      expect(again.counts.comments.imported).toBe(0)
      const after = (await listNewsroomArticles(services, {})).find((a) => a.id === before.id)!
      expect(after.title).toBe('Council votes to rebuild the north quay by October')
      expect(after.slug).toBe('council-votes-north-quay')
      const article = (await findArticle(services, before.id))!
      expect(article.bodyHtml).toContain('before the autumn storms.')
      expect(article.categories.length).toBeGreaterThan(0)
      const revisions = await listRevisions(services, before.id)
      expect(revisions.map((r) => r.title)).toEqual(
        expect.arrayContaining([
          'Council votes to rebuild the north quay',
          'Council votes to rebuild the north quay by October',
        ]),
      )
      const third = await runImport(services, ACTOR, 'wordpress', changed)
      expect(third.counts.articles).toEqual({ imported: 0, updated: 0, skipped: 6, failed: 0 })
      expect(await listRevisions(services, before.id)).toHaveLength(revisions.length)
    })

    it('updates a page that changed on the old site, keeping its address', async () => {
      const first = await runImport(services, ACTOR, 'wordpress', FIXTURE)
      expect(first.counts.pages).toEqual({ imported: 1, updated: 0, skipped: 0, failed: 0 })
      const changed = path.join(t.dataDir, 'ledger-page-changed.xml')
      const xml = fs.readFileSync(FIXTURE, 'utf8')
      expect(xml).toContain('covered the harbour since 1921.')
      fs.writeFileSync(
        changed,
        xml
          .replace(
            'covered the harbour since 1921.',
            'covered the harbour and its boats since 1921.',
          )
          .replace(
            '<title><![CDATA[About the Ledger]]>',
            '<title><![CDATA[About the Harbour Ledger]]>',
          ),
      )

      const dry = await runImport(services, ACTOR, 'wordpress', changed, { dryRun: true })
      const again = await runImport(services, ACTOR, 'wordpress', changed)
      const third = await runImport(services, ACTOR, 'wordpress', changed)

      expect(dry.counts.pages).toEqual({ imported: 0, updated: 1, skipped: 0, failed: 0 })
      expect(again.counts.pages).toEqual({ imported: 0, updated: 1, skipped: 0, failed: 0 })
      expect(again.counts.articles.updated).toBe(0)
      const page = (await findPublishedPage(services, 'about'))!
      expect(page.title).toBe('About the Harbour Ledger')
      expect(page.bodyHtml).toContain('covered the harbour and its boats since 1921.')
      expect(third.counts.pages).toEqual({ imported: 0, updated: 0, skipped: 1, failed: 0 })
    })

    it('writes nothing on a dry run', async () => {
      const report = await runImport(services, ACTOR, 'wordpress', FIXTURE, { dryRun: true })
      expect(report.counts.articles.imported).toBe(6)
      expect(await listNewsroomArticles(services, {})).toHaveLength(0)
      expect(await findUserByEmail(services, 'nadia@ledger.example.org')).toBeUndefined()
    })
  })
}

describe('WordPress import: media (SQLite)', () => {
  let t: TestDatabase
  let server: http.Server
  let base: string
  const requests: string[] = []

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '')
      if (req.url === '/wp-content/uploads/2024/03/quay.jpg') {
        res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg)
      } else res.writeHead(404).end('missing')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  beforeEach(async () => {
    t = await createTestDatabase('sqlite')
  })
  afterEach(() => t.destroy())

  it('downloads attachments through the guarded client, once', async () => {
    const file = path.join(t.dataDir, 'site.xml')
    fs.writeFileSync(
      file,
      fs
        .readFileSync(FIXTURE, 'utf8')
        .replaceAll('https://ledger.example.org/wp-content', `${base}/wp-content`),
    )
    const services = testServices({ db: t.db, dialect: 'sqlite', dataDir: t.dataDir })
    const client = createHttpClient({ userAgent: 'Broadsheet-test', allowPrivate: true })
    const first = await runImport(services, ACTOR, 'wordpress', file, {
      media: { kind: 'fetch', client },
    })
    const second = await runImport(services, ACTOR, 'wordpress', file, {
      media: { kind: 'fetch', client },
    })
    client.close()

    expect(first.counts.media).toMatchObject({ imported: 1, failed: 0 })
    expect(second.counts.media).toMatchObject({ imported: 0, skipped: 1 })
    expect(requests.filter((r) => r.endsWith('quay.jpg'))).toHaveLength(1)
  })

  it('refuses private addresses unless allowed', async () => {
    const file = path.join(t.dataDir, 'site.xml')
    fs.writeFileSync(
      file,
      fs
        .readFileSync(FIXTURE, 'utf8')
        .replaceAll('https://ledger.example.org/wp-content', `${base}/wp-content`),
    )
    const services = testServices({ db: t.db, dialect: 'sqlite', dataDir: t.dataDir })
    const client = createHttpClient({ userAgent: 'Broadsheet-test' })
    const report = await runImport(services, ACTOR, 'wordpress', file, {
      media: { kind: 'fetch', client },
    })
    client.close()
    expect(report.counts.media.failed).toBe(1)
    expect(report.counts.articles.imported).toBe(6)
  })

  it('takes pictures from a copy of the uploads folder', async () => {
    const uploads = path.join(t.dataDir, 'uploads')
    fs.mkdirSync(path.join(uploads, '2024/03'), { recursive: true })
    fs.writeFileSync(path.join(uploads, '2024/03/quay.jpg'), jpeg)
    const report = await runImport(
      testServices({ db: t.db, dialect: 'sqlite', dataDir: t.dataDir }),
      ACTOR,
      'wordpress',
      FIXTURE,
      {
        media: { kind: 'dir', dir: uploads },
      },
    )
    expect(report.counts.media).toMatchObject({ imported: 1, failed: 0 })
    const quay = (
      await listNewsroomArticles(
        testServices({ db: t.db, dialect: 'sqlite', dataDir: t.dataDir }),
        {},
      )
    ).find((a) => a.slug === 'council-votes-north-quay')!
    expect(quay.image?.url).toMatch(/^\/media\//)
  })
})
