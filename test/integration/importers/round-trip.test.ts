import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemActor } from '../../../src/auth/index.js'
import { listCommentsForExport } from '../../../src/comments/index.js'
import {
  findArticle,
  listArticleIdsForExport,
  listPagesForExport,
} from '../../../src/content/index.js'
import { exportGhost, exportWordPress, runImport } from '../../../src/importers/index.js'
import type { Services } from '../../../src/services.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const FIXTURE = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')

/** The stories of a site, without ids and the times an import sets (documented in the README). */
async function stories(services: Services) {
  const ids = await listArticleIdsForExport(services, 0, 1000)
  const out = []
  for (const id of ids) {
    const a = (await findArticle(services, id))!
    const comments = await listCommentsForExport(services, [id])
    out.push({
      title: a.title,
      slug: a.slug,
      status: a.status,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      bodyHtml: a.bodyHtml,
      isEditorsPick: a.isEditorsPick,
      sections: a.categories.map((c) => c.slug),
      tags: a.tags.map((t) => t.slug),
      authors: a.authors.map((u) => u.name),
      comments: comments.map((c) => [c.authorName, c.body, c.status, c.parentId !== null]),
    })
  }
  const pages = (await listPagesForExport(services, 0, 1000)).map((p) => ({
    title: p.title,
    slug: p.slug,
    status: p.status,
    bodyHtml: p.bodyHtml,
  }))
  return { articles: out.sort((x, y) => x.slug.localeCompare(y.slug)), pages }
}

async function exportTo(
  services: Services,
  file: string,
  format: 'wordpress' | 'ghost' = 'wordpress',
): Promise<void> {
  const out = fs.createWriteStream(file)
  await (format === 'wordpress' ? exportWordPress : exportGhost)(services, out)
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  )
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: export then import`, () => {
    let a: TestDatabase
    let b: TestDatabase

    beforeEach(async () => {
      a = await createTestDatabase(dialect)
      b = await createTestDatabase(
        dialect === 'sqlite' && DIALECTS.includes('postgres') ? 'postgres' : 'sqlite',
      )
    })
    afterEach(async () => {
      await a.destroy()
      await b.destroy()
    })

    it('gives the same stories through WordPress WXR', async () => {
      const first = testServices({ db: a.db, dialect: a.dialect, dataDir: a.dataDir })
      const second = testServices({ db: b.db, dialect: b.dialect, dataDir: b.dataDir })
      await runImport(first, systemActor('test'), 'wordpress', FIXTURE)
      const file = path.join(a.dataDir, 'export.xml')
      await exportTo(first, file)

      const report = await runImport(second, systemActor('test'), 'wordpress', file)

      expect(report.counts.articles.failed).toBe(0)
      const before = await stories(first)
      expect(before.articles).toHaveLength(6)
      expect(before.articles.some((x) => x.comments.length >= 3 && x.tags.length > 0)).toBe(true)
      expect(await stories(second)).toEqual(before)
      const again = path.join(b.dataDir, 'again.xml')
      await exportTo(second, again)
      const strip = (xml: string) =>
        xml
          .replace(/<pubDate>[^<]*<\/pubDate>/, '')
          .replace(
            /<wp:(post_id|comment_id|term_id|author_id|comment_parent|comment_user_id|post_parent)>\d+</g,
            '<$1><',
          )
          .replace(/\?p=\d+/g, '')
          .replace(/\?page_id=\d+/g, '')
          .replace(/_thumbnail_id\]\]><\/wp:meta_key><wp:meta_value><!\[CDATA\[\d+/g, '')
      expect(strip(fs.readFileSync(again, 'utf8'))).toBe(strip(fs.readFileSync(file, 'utf8')))
    })

    it('gives the same stories through Ghost JSON (sections become first tags)', async () => {
      const first = testServices({ db: a.db, dialect: a.dialect, dataDir: a.dataDir })
      const second = testServices({ db: b.db, dialect: b.dialect, dataDir: b.dataDir })
      await runImport(first, systemActor('test'), 'wordpress', FIXTURE)
      const file = path.join(a.dataDir, 'export.json')
      await exportTo(first, file, 'ghost')

      const report = await runImport(second, systemActor('test'), 'ghost', file)

      expect(report.counts.articles).toMatchObject({ imported: 6, failed: 0 })
      // Ghost keeps no comments, no sections and no review queue (pending goes out as draft).
      const strip = (s: Awaited<ReturnType<typeof stories>>) => ({
        pages: s.pages,
        articles: s.articles.map((x) => ({
          ...x,
          status: x.status === 'pending' ? 'draft' : x.status,
          comments: [],
          sections: [],
          tags: x.tags.filter((t) => !x.sections.includes(t)),
        })),
      })
      const before = strip(await stories(first))
      const after = strip(await stories(second))
      expect(
        after.articles.map((x) => ({
          ...x,
          tags: x.tags.filter((t) => before.articles.some((y) => y.tags.includes(t))),
        })),
      ).toEqual(before.articles)
      expect(after.pages).toEqual(before.pages)
    })

    it('exports every tag, past the 2,000 the Tags screen lists', async () => {
      const first = testServices({ db: a.db, dialect: a.dialect, dataDir: a.dataDir })
      const now = Date.now()
      const rows = Array.from({ length: 2100 }, (_, i) => ({
        name: `Topic ${String(i).padStart(4, '0')}`,
        slug: `topic-${String(i).padStart(4, '0')}`,
        created_at: now,
      }))
      for (let i = 0; i < rows.length; i += 500)
        await a.db
          .insertInto('tags')
          .values(rows.slice(i, i + 500))
          .execute()
      const file = path.join(a.dataDir, 'tags.xml')
      await exportTo(first, file)
      const xml = fs.readFileSync(file, 'utf8')
      expect(xml.match(/<wp:tag>/g)).toHaveLength(2100)
      expect(xml).toContain('<wp:tag_slug><![CDATA[topic-2099]]></wp:tag_slug>')
    })
  })
}
