/** The audit log: who published, scheduled, invited, signed in… and when. */
import type { Kernel } from '../kernel.js'
import type { Actor } from './actor.js'
import {
  hasRecentAuditEntry,
  insertAuditEntry,
  listAuditEntries,
  type AuditEntry,
  type AuditSubjectType,
  type NewAuditEntry,
} from './audit.repository.js'

export type AuditDeps = Pick<Kernel, 'db' | 'clock'>

/**
 * Append one entry for `actor`, stamped with the clock's time. Use cases call it inside their
 * transaction, so the entry exists exactly when the change does. With `coalesceMs`, an entry
 * the same actor made for the same action and subject within that time stands for this one
 * (autosaves: one line per stretch of writing, not one every few seconds).
 */
export async function recordAudit(
  deps: AuditDeps,
  actor: Actor,
  entry: NewAuditEntry,
  options: { coalesceMs?: number } = {},
): Promise<void> {
  const now = deps.clock.now().getTime()
  const who = {
    userId: actor.kind === 'user' ? actor.id : null,
    kind: actor.kind,
    name: actor.kind === 'user' ? '' : actor.name,
    integrationId: actor.kind === 'integration' ? actor.id : null,
  }
  if (
    options.coalesceMs &&
    (await hasRecentAuditEntry(deps.db, who, entry, now - options.coalesceMs))
  )
    return
  await insertAuditEntry(deps.db, who, entry, now)
}

/** The latest entries, newest first (at most 200), optionally about one subject. */
export function listAudit(
  deps: AuditDeps,
  options: { limit?: number; subjectType?: AuditSubjectType; subjectId?: number } = {},
): Promise<AuditEntry[]> {
  return listAuditEntries(deps.db, { ...options, limit: Math.min(options.limit ?? 50, 200) })
}
