import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser, listAudit } from '../../../src/auth/index.js'
import { systemClock } from '../../../src/clock.js'
import { createArticle, createCategory } from '../../../src/content/index.js'
import { EventBus } from '../../../src/events.js'
import { PublishTimer } from '../../../src/jobs/index.js'
import type { Services } from '../../../src/services.js'
import { asUser, SYSTEM, testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

/** Two nodes over one database: their own event buses and timers, one shared store. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: scheduled publishing on two nodes`, { timeout: 20_000 }, () => {
    let t: TestDatabase
    let nodes: { services: Services; timer: PublishTimer; published: number[] }[]
    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      nodes = [0, 1].map(() => {
        const services = testServices({
          db: t.db,
          dialect,
          clock: systemClock,
          dataDir: t.dataDir,
          events: new EventBus(),
        })
        const published: number[] = []
        const timer = new PublishTimer(services, {
          onPublished: (ids) => published.push(...ids),
          onError: (error) => {
            throw error
          },
        })
        return { services, timer, published }
      })
    })
    afterEach(async () => {
      await Promise.all(nodes.map((node) => node.timer.stop()))
      await t.destroy()
    })

    async function scheduleOnFirstNode(inMs: number) {
      const deps = nodes[0]!.services
      const writer = await createUser(deps, SYSTEM, {
        email: 'sched@example.com',
        name: 'Sam Scheduler',
        role: 'editor',
      })
      const section = await createCategory(deps, SYSTEM, { name: 'City', position: 0 })
      const publishAt = new Date(Date.now() + inMs)
      const article = await createArticle(
        deps,
        asUser(writer),
        { title: 'Bridge opens', bodyHtml: '<p>At noon.</p>', primaryCategoryId: section.id },
        { then: 'schedule', publishAt },
      )
      return { article, publishAt }
    }

    /** When the article was first seen published (polled every 25 ms). */
    async function publishedAt(id: number): Promise<number> {
      for (;;) {
        const row = await t.db
          .selectFrom('articles')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        if (row.status === 'published') return Date.now()
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }

    it('publishes within 2 s of the set time, once, whichever node fires', async () => {
      for (const node of nodes) node.timer.start()
      const { article, publishAt } = await scheduleOnFirstNode(1_500)

      const seen = await publishedAt(article.id)

      expect(seen - publishAt.getTime()).toBeLessThan(2_000)
      expect(seen).toBeGreaterThanOrEqual(publishAt.getTime())
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect([...nodes[0]!.published, ...nodes[1]!.published]).toEqual([article.id])
      const audit = await listAudit(nodes[0]!.services, { subjectType: 'article' })
      expect(audit.filter((a) => a.action === 'article.publish')).toHaveLength(1)
    })

    it('is published by the other node when the one that scheduled it is gone', async () => {
      for (const node of nodes) node.timer.start()
      const { article, publishAt } = await scheduleOnFirstNode(1_500)
      await nodes[0]!.timer.stop()

      const seen = await publishedAt(article.id)

      expect(seen - publishAt.getTime()).toBeLessThan(2_000)
      expect(nodes[1]!.published).toEqual([article.id])
      expect(nodes[0]!.published).toEqual([])
    })
  })
}
