import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeWxr } from '../../../scripts/generate-wxr.js'
import { systemActor } from '../../../src/auth/index.js'
import { listCommentsForExport } from '../../../src/comments/index.js'
import { listArticleIdsForExport } from '../../../src/content/index.js'
import { runImport } from '../../../src/importers/index.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const ACTOR = systemActor('wordpress-import')

for (const dialect of DIALECTS) {
  describe(`${dialect}: an interrupted import`, () => {
    let t: TestDatabase
    let file: string

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      file = path.join(t.dataDir, 'site.xml')
      const out = fs.createWriteStream(file)
      await writeWxr(out, { posts: 50, comments: 100, seed: 7 })
      await new Promise<void>((resolve) => out.end(resolve))
    })
    afterEach(() => t.destroy())

    it('completes when run again, with no duplicates', async () => {
      const services = testServices({ db: t.db, dialect, dataDir: t.dataDir })
      const stop = new Error('stopped')
      // Dies between batches, as a killed process would after a commit (a batch is all or nothing).
      await expect(
        runImport(services, ACTOR, 'wordpress', file, {
          batchSize: 20,
          onProgress: (p) => {
            if (p.phase === 'stories' && p.done >= 20) throw stop
          },
        }),
      ).rejects.toBe(stop)
      const half = await listArticleIdsForExport(services, 0, 1000)
      expect(half.length).toBeGreaterThan(0)
      expect(half.length).toBeLessThan(50)

      const report = await runImport(services, ACTOR, 'wordpress', file, { batchSize: 20 })

      const ids = await listArticleIdsForExport(services, 0, 1000)
      expect(report.counts.articles.skipped).toBe(half.length)
      expect(report.counts.articles.imported + half.length).toBe(ids.length)
      const comments = await listCommentsForExport(services, ids)
      expect(comments.length).toBe(report.counts.comments.imported + report.counts.comments.skipped)
    })
  })
}
