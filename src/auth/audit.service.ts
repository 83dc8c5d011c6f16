/** The audit log: who published, scheduled, invited, signed in… and when. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import {
  insertAuditEntry,
  listAuditEntries,
  type AuditEntry,
  type AuditSubjectType,
  type NewAuditEntry,
} from './audit.repository.js'

export interface AuditDeps {
  db: Kysely<Database>
  clock: Clock
}

/** Append one entry, stamped with the clock's time. */
export function recordAudit(deps: AuditDeps, entry: NewAuditEntry): Promise<void> {
  return insertAuditEntry(deps.db, entry, deps.clock.now().getTime())
}

/** The latest entries, newest first (at most 200), optionally about one subject. */
export function listAudit(
  deps: AuditDeps,
  options: { limit?: number; subjectType?: AuditSubjectType; subjectId?: number } = {},
): Promise<AuditEntry[]> {
  return listAuditEntries(deps.db, { ...options, limit: Math.min(options.limit ?? 50, 200) })
}
