import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemActor } from '../../../src/auth/index.js'
import { restoreContactMessages } from '../../../src/contact/index.js'
import { addRedirect, createTag, listArticleIdsForExport } from '../../../src/content/index.js'
import { fillDemo } from '../../../src/demo/fill-demo.js'
import { addGeneratedStories } from '../../../src/demo/generated-stories.js'
import { exportBackup, importBackup, runImport } from '../../../src/importers/index.js'
import { importSubscribers, markSubscriber } from '../../../src/newsletter/index.js'
import type { Services } from '../../../src/services.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const WXR = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')
const ACTOR = systemActor('test')

/** Two readers' messages, as the contact form stored them. */
const MESSAGES = [
  {
    name: 'Dana Ferris',
    email: 'dana@example.org',
    subject: 'Bridge closure',
    message: 'The bridge on Mill Lane is shut again.\nNo notice was posted.',
    createdAt: new Date('2026-11-30T08:15:42.123Z'),
  },
  {
    name: 'Éamon Ó Ceallaigh',
    email: 'eamon@example.net',
    subject: 'Correction: "the 1990 flood"',
    message: 'It was 1991 — I was there.',
    createdAt: new Date('2026-12-01T21:03:07.005Z'),
  },
]

/**
 * Demo newsroom, generated stories (excerpts cut at full length), a WordPress archive on top
 * (threads, redirects), a varied subscriber list and two contact messages.
 */
async function seed(services: Services): Promise<void> {
  await fillDemo(services)
  await addGeneratedStories(services, { articles: 300, now: Date.now() })
  await runImport(services, ACTOR, 'wordpress', WXR)
  await createTag(services, ACTOR, {
    name: 'Town hall',
    slug: 'council-watch',
    description: 'Every vote, every motion.',
  })
  await addRedirect(services, ACTOR, { fromPath: '/old-about/', toPath: '/about/' })
  await importSubscribers(services, ACTOR, 'email\nann@example.org\nbo@example.org\ncy@example.org')
  await markSubscriber(services, ACTOR, { email: 'bo@example.org', status: 'unsubscribed' })
  await markSubscriber(services, ACTOR, { email: 'cy@example.org', status: 'bounced' })
  await restoreContactMessages(services, ACTOR, MESSAGES)
}

async function exportTo(services: Services, file: string): Promise<Record<string, unknown>> {
  const out = fs.createWriteStream(file)
  await exportBackup(services, out)
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  )
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
}

/** The parts of a backup a restore cannot keep (README, "JSON backup"): when it was written. */
function normalise(doc: Record<string, unknown>): Record<string, unknown> {
  const { exportedAt: _exportedAt, ...rest } = doc
  return rest
}

for (const dialect of DIALECTS) {
  const other = dialect === 'sqlite' && DIALECTS.includes('postgres') ? 'postgres' : 'sqlite'
  describe(`${dialect} → ${other}: JSON backup`, () => {
    let a: TestDatabase
    let b: TestDatabase
    let first: Services
    let second: Services

    beforeEach(async () => {
      a = await createTestDatabase(dialect)
      b = await createTestDatabase(other)
      first = testServices({ db: a.db, dialect: a.dialect, dataDir: a.dataDir })
      second = testServices({ db: b.db, dialect: b.dialect, dataDir: b.dataDir })
    })
    afterEach(async () => {
      await a.destroy()
      await b.destroy()
    })

    it('restores a site that exports to the same document', async () => {
      await seed(first)
      const before = await exportTo(first, path.join(a.dataDir, 'backup.json'))

      const report = await importBackup(second, ACTOR, path.join(a.dataDir, 'backup.json'), {
        batchSize: 7,
      })
      const after = await exportTo(second, path.join(b.dataDir, 'again.json'))

      expect(report.warnings).toEqual([])
      expect((before.articles as unknown[]).length).toBeGreaterThan(10)
      expect(report.counts.articles).toBe((before.articles as unknown[]).length)
      expect(report.counts.comments).toBeGreaterThan(5)
      const messages = before.contactMessages as unknown[]
      expect(messages.slice(-2)).toEqual(
        MESSAGES.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      )
      expect(report.counts.contactMessages).toBe(messages.length)
      expect(normalise(after)).toEqual(normalise(before))
    }, 120_000)

    it('restores a backup written before contact messages were kept', async () => {
      await seed(first)
      const file = path.join(a.dataDir, 'backup.json')
      const before = await exportTo(first, file)
      const lines = fs.readFileSync(file, 'utf8').split('\n')
      const start = lines.indexOf('"contactMessages":[')
      const end = lines.indexOf('],', start)
      expect(start).toBeGreaterThan(0)
      const older = path.join(a.dataDir, 'older.json')
      fs.writeFileSync(older, [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n'))
      expect(fs.readFileSync(older, 'utf8')).not.toContain('contactMessages')

      const report = await importBackup(second, ACTOR, older)
      const after = await exportTo(second, path.join(b.dataDir, 'again.json'))

      expect(report.warnings).toEqual([])
      expect(report.counts.contactMessages).toBe(0)
      expect(report.counts.articles).toBe((before.articles as unknown[]).length)
      expect(normalise(after)).toEqual({ ...normalise(before), contactMessages: [] })
    }, 120_000)

    it('keeps secrets out of the backup', async () => {
      await seed(first)
      const file = path.join(a.dataDir, 'backup.json')
      const doc = await exportTo(first, file)

      expect(doc).toMatchObject({ format: 'broadsheet-backup', version: 1 })
      const users = doc.users as Record<string, unknown>[]
      expect(users.length).toBeGreaterThan(1)
      for (const user of users)
        expect(Object.keys(user).sort()).toEqual([
          'avatarUrl',
          'bio',
          'createdAt',
          'deactivatedAt',
          'email',
          'name',
          'role',
          'slug',
          'social',
        ])
      expect(fs.readFileSync(file, 'utf8')).not.toContain('$argon2')
      expect(Object.keys(doc.settings as object)).not.toContain('siteSecret')
    }, 120_000)

    it('refuses a site that has content, and changes nothing', async () => {
      await seed(first)
      const file = path.join(a.dataDir, 'backup.json')
      await exportTo(first, file)
      const ids = await listArticleIdsForExport(first, 0, 100_000)

      await expect(importBackup(first, ACTOR, file)).rejects.toThrow(
        /already has users, articles.*restore a backup into an empty site/,
      )
      expect(await listArticleIdsForExport(first, 0, 100_000)).toEqual(ids)
    }, 120_000)

    it('refuses a site whose only content is contact messages', async () => {
      await seed(first)
      const file = path.join(a.dataDir, 'backup.json')
      await exportTo(first, file)
      await restoreContactMessages(second, ACTOR, MESSAGES.slice(0, 1))

      await expect(importBackup(second, ACTOR, file)).rejects.toThrow(
        /already has contact messages; restore a backup into an empty site/,
      )
      expect(await listArticleIdsForExport(second, 0, 10)).toEqual([])
    }, 120_000)

    it('refuses a file that is not a backup, a newer version or a cut one, writing nothing', async () => {
      await seed(first)
      const file = path.join(a.dataDir, 'backup.json')
      await exportTo(first, file)
      const text = fs.readFileSync(file, 'utf8')
      const cases: [string, string, RegExp][] = [
        ['ghost.json', '{"db":[{"meta":{},"data":{}}]}\n', /not a Broadsheet JSON backup/],
        ['newer.json', text.replace('"version":1', '"version":2'), /version 2 is newer/],
        ['cut.json', text.slice(0, Math.floor(text.length * 0.8)), /cut short|not valid JSON/],
        ['pretty.json', JSON.stringify(JSON.parse(text), null, 2), /not laid out|not a Broadsheet/],
      ]
      for (const [name, body, error] of cases) {
        const bad = path.join(b.dataDir, name)
        fs.writeFileSync(bad, body)
        await expect(importBackup(second, ACTOR, bad)).rejects.toThrow(error)
        expect(await listArticleIdsForExport(second, 0, 10)).toEqual([])
      }
    }, 120_000)
  })
}
