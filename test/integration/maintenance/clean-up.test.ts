import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listDailyViews, recordViews } from '../../../src/analytics/index.js'
import { listAudit } from '../../../src/auth/index.js'
import { cleanUpData } from '../../../src/jobs/index.js'
import { enqueueJob, listRecentJobs } from '../../../src/queue/index.js'
import { HOUR, newsroom, T0 } from '../../support/content-fixtures.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const DAY = 24 * HOUR

for (const dialect of DIALECTS) {
  describe(`${dialect}: the daily clean-up`, () => {
    let t: TestDatabase
    beforeEach(async () => {
      t = await createTestDatabase(dialect)
    })
    afterEach(() => t.destroy())

    it('removes what expired, keeps what is live, and rolls old views up by day', async () => {
      const { clock, writer, published } = await newsroom(t.db)
      const story = await published('Harbour reopens')
      const services = { ...testServices({ db: t.db, dialect, clock, dataDir: t.dataDir }) }
      const now = T0.getTime()
      await t.db
        .insertInto('sessions')
        .values([
          {
            id: 'expired',
            user_id: writer.id,
            created_at: 0,
            last_seen_at: 0,
            expires_at: now - 1,
          },
          { id: 'live', user_id: writer.id, created_at: 0, last_seen_at: 0, expires_at: now + DAY },
        ])
        .execute()
      await t.db
        .insertInto('login_attempts')
        .values([
          { account: 'a@example.com', ip: '10.0.0.1', created_at: now - 31 * DAY },
          { account: 'a@example.com', ip: '10.0.0.1', created_at: now - HOUR },
        ])
        .execute()
      for (const [ago, type] of [
        [8 * DAY, 'old.done'],
        [DAY, 'new.done'],
      ] as const) {
        clock.set(new Date(now - ago))
        await enqueueJob(services, type, {})
      }
      clock.set(T0)
      await t.db.updateTable('jobs').set({ status: 'done' }).execute()
      // Views: two old days (one with two hours) and one recent hour.
      const day20 = Math.floor((now - 20 * DAY) / DAY) * DAY
      await recordViews(services, { articleId: story.id, at: new Date(day20 + HOUR), views: 5 })
      await recordViews(services, { articleId: story.id, at: new Date(day20 + 3 * HOUR), views: 7 })
      await recordViews(services, { articleId: story.id, at: new Date(day20 - DAY), views: 2 })
      await recordViews(services, { articleId: story.id, at: new Date(now - HOUR), views: 11 })

      const run = (filename: string, status: 'done' | 'running', finishedAt: number | null) => ({
        source: 'wordpress',
        filename,
        file: `/nowhere/${filename}`,
        status,
        created_at: now - 100 * DAY,
        updated_at: now - 100 * DAY,
        finished_at: finishedAt,
      })
      await t.db
        .insertInto('imports')
        .values([
          run('old.xml', 'done', now - 91 * DAY),
          run('recent.xml', 'done', now - 89 * DAY),
          run('stuck.xml', 'running', null),
        ])
        .execute()

      const report = await cleanUpData(services)

      expect(report).toEqual({
        sessions: 1,
        loginFailures: 1,
        jobs: { done: 1, failed: 0 },
        hourlyViewRows: 3,
        webhookDeliveries: 0,
        imports: 1,
      })
      const imports = await t.db.selectFrom('imports').select('filename').orderBy('id').execute()
      expect(imports.map((i) => i.filename)).toEqual(['recent.xml', 'stuck.xml'])
      const sessions = await t.db.selectFrom('sessions').select('id').execute()
      expect(sessions.map((s) => s.id)).toEqual(['live'])
      expect(await t.db.selectFrom('login_attempts').select('id').execute()).toHaveLength(1)
      expect((await listRecentJobs(services)).map((j) => j.type)).toEqual(['new.done'])
      const hours = await t.db.selectFrom('page_views').select(['hour', 'views']).execute()
      expect(hours.map((h) => Number(h.views))).toEqual([11])
      expect(
        await listDailyViews(services, { from: new Date(day20 - DAY), to: new Date(now) }),
      ).toEqual([
        { day: day20 - DAY, views: 2 },
        { day: day20, views: 12 },
      ])
      const audit = await listAudit(services)
      expect(audit.filter((a) => a.action === 'data.clean-up')).toHaveLength(2)

      // Running again finds nothing and adds nothing twice.
      const again = await cleanUpData(services)
      expect(again).toEqual({
        sessions: 0,
        loginFailures: 0,
        jobs: { done: 0, failed: 0 },
        hourlyViewRows: 0,
        webhookDeliveries: 0,
        imports: 0,
      })
      const total = await listDailyViews(services, { from: new Date(0), to: new Date(now) })
      expect(total.reduce((sum, d) => sum + d.views, 0)).toBe(14)
    })
  })
}
