import { expect, it } from 'vitest'
import { recordViews, viewStats } from '../../../src/analytics/index.js'
import { fixedClock } from '../../../src/clock.js'
import { createArticle } from '../../../src/content/index.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const NOW = new Date('2026-06-30T10:30:00Z')
const DAY = 86_400_000

describeDialects('dashboard view stats', (dialect) => {
  const t = useTestDatabase(dialect)
  const clock = fixedClock(NOW)

  it('totals views per day in the site time zone and ranks the top stories', async () => {
    const deps = testKernel(t.db, clock)
    const a = await createArticle(deps, SYSTEM, { title: 'Ferries' })
    const b = await createArticle(deps, SYSTEM, { title: 'Budget' })
    await recordViews(
      { db: t.db },
      { articleId: a.id, at: new Date(NOW.getTime() - 1000), views: 5 },
    )
    await recordViews(
      { db: t.db },
      { articleId: b.id, at: new Date(NOW.getTime() - 1000), views: 2 },
    )
    // 23:30 UTC on 28 June is 00:30 on 29 June in London (BST).
    await recordViews(
      { db: t.db },
      { articleId: b.id, at: new Date(Date.UTC(2026, 5, 28, 23, 30)), views: 7 },
    )
    // Older than the window: not counted.
    await recordViews(
      { db: t.db },
      { articleId: a.id, at: new Date(NOW.getTime() - 40 * DAY), views: 100 },
    )

    const stats = await viewStats(deps, { days: 30, timeZone: 'Europe/London' })

    expect(stats.days).toHaveLength(30)
    expect(stats.days.at(-1)).toEqual({ date: '2026-06-30', views: 7 })
    expect(stats.days.at(-2)).toEqual({ date: '2026-06-29', views: 7 })
    expect(stats.days.at(-3)).toEqual({ date: '2026-06-28', views: 0 })
    expect(stats.total).toBe(14)
    expect(stats.top).toEqual([
      { articleId: b.id, title: 'Budget', views: 9 },
      { articleId: a.id, title: 'Ferries', views: 5 },
    ])
  })
})
