/**
 * Contact messages added as they were received, sending nothing: a restored JSON backup
 * (`broadsheet import json`) and the generated archive of `broadsheet seed --articles N` (scale
 * tests of the newsroom's list and its search). The backup reads them back by id.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  insertContactMessages,
  listContactMessagesAfter,
  type ContactMessage,
} from './contact-message.repository.js'

const MAX_BATCH = 5_000

/** Messages after `afterId`, in id order (oldest first), `limit` at a time (full exports). */
export function listContactMessagesForExport(
  deps: Pick<Kernel, 'db'>,
  afterId: number,
  limit = 1_000,
): Promise<ContactMessage[]> {
  return listContactMessagesAfter(deps.db, afterId, limit)
}

/**
 * Add contact messages with their own dates, in one transaction. Nothing is mailed.
 * @example await restoreContactMessages(deps, systemActor('generator'), [{ name: 'Ann', email: 'ann@example.com', subject: 'Tip', message: '…', createdAt }])
 */
export async function restoreContactMessages(
  deps: Kernel,
  actor: Actor,
  records: Omit<ContactMessage, 'id'>[],
): Promise<number> {
  requirePermission(actor, 'readers.manage')
  if (records.length > MAX_BATCH)
    throw validationError('messages', `at most ${MAX_BATCH} messages at a time`)
  if (records.length === 0) return 0
  return transact(deps, async (tx) => {
    await insertContactMessages(tx.db, records)
    await recordAudit(tx, actor, {
      action: 'contact.import',
      subjectType: 'contact_message',
      details: { count: records.length },
    })
    return records.length
  })
}
