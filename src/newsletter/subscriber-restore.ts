/**
 * Subscribers in a Broadsheet backup: every address with its state (pending, confirmed,
 * unsubscribed, bounced, complained) and dates, so a restored list mails exactly who it mailed
 * before. Restoring sends nothing.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  insertSubscriberRecords,
  listSubscribersAfter,
  type SubscriberRecord,
} from './subscriber.repository.js'

export type { SubscriberRecord }

const STATUSES = new Set(['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'])
const MAX_BATCH = 5_000

/** Subscribers after `afterId`, in id order, `limit` at a time (full exports). */
export function listSubscribersForExport(
  deps: Pick<Kernel, 'db'>,
  afterId: number,
  limit = 1_000,
): Promise<SubscriberRecord[]> {
  return listSubscribersAfter(deps.db, afterId, limit)
}

/**
 * Add subscribers as they were, in one transaction; addresses already listed are skipped.
 * Returns how many were added.
 * @example await restoreSubscribers(deps, systemActor('json-import'), records)
 */
export async function restoreSubscribers(
  deps: Kernel,
  actor: Actor,
  records: Omit<SubscriberRecord, 'id'>[],
): Promise<number> {
  requirePermission(actor, 'readers.manage')
  if (records.length > MAX_BATCH)
    throw validationError('subscribers', `restore at most ${MAX_BATCH} at a time`)
  for (const r of records)
    if (!STATUSES.has(r.status) || !r.email.includes('@') || r.email.length > 320)
      throw validationError('subscribers', `subscriber "${r.email}" (${r.status}) is not valid`)
  return transact(deps, async (tx) => {
    const added = await insertSubscriberRecords(
      tx.db,
      records.map((r) => ({ ...r, email: r.email.trim().toLowerCase() })),
    )
    if (added > 0)
      await recordAudit(tx, actor, {
        action: 'subscriber.import',
        subjectType: 'subscriber',
        details: { added, skipped: records.length - added },
      })
    return added
  })
}
