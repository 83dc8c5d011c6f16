import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { transact, type Kernel } from '../kernel.js'
import { listDailyRollups, rollUpHoursBefore } from './page-view.repository.js'

const DAY = 86_400_000
/** Hourly counts are kept two weeks ("most read", the dashboard's last days); then per day. */
export const HOURLY_VIEW_RETENTION_MS = 14 * DAY

/**
 * Fold hourly view counts older than the retention (whole UTC days) into daily rollups, which
 * are kept for good. Returns how many hourly rows were folded.
 */
export async function rollUpPageViews(
  deps: Kernel,
  actor: Actor,
  input: { retentionMs?: number } = {},
): Promise<{ hourlyRows: number }> {
  requirePermission(actor, 'settings.manage')
  const cutoff = deps.clock.now().getTime() - (input.retentionMs ?? HOURLY_VIEW_RETENTION_MS)
  const before = Math.floor(cutoff / DAY) * DAY
  return transact(deps, async (tx) => {
    const hourlyRows = await rollUpHoursBefore(tx.db, before)
    if (hourlyRows > 0)
      await recordAudit(tx, actor, {
        action: 'data.clean-up',
        subjectType: 'settings',
        details: { hourlyViewRows: hourlyRows, rolledUpBefore: new Date(before).toISOString() },
      })
    return { hourlyRows }
  })
}

/** Views per UTC day from the kept rollups (days older than the hourly retention). */
export function listDailyViews(
  deps: Pick<Kernel, 'db'>,
  range: { from: Date; to: Date },
): Promise<{ day: number; views: number }[]> {
  return listDailyRollups(deps.db, { from: range.from.getTime(), to: range.to.getTime() })
}
