import { transact, type Kernel } from '../kernel.js'
import type { Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import { deleteFailuresBefore } from './login-attempt.repository.js'
import { requirePermission } from './permissions.js'
import { deleteExpiredSessions } from './session.repository.js'

/** Sign-in failures are kept this long (the throttle looks back 15 minutes; audits, a month). */
export const LOGIN_FAILURE_RETENTION_MS = 30 * 86_400_000

/**
 * Housekeeping for the tables sign-in fills: expired sessions and old login failures go.
 * Returns what was removed; one audit line when anything was.
 */
export async function pruneSignInRecords(
  deps: Kernel,
  actor: Actor,
  input: { failureRetentionMs?: number } = {},
): Promise<{ sessions: number; loginFailures: number }> {
  requirePermission(actor, 'settings.manage')
  const now = deps.clock.now().getTime()
  return transact(deps, async (tx) => {
    const sessions = await deleteExpiredSessions(tx.db, now)
    const loginFailures = await deleteFailuresBefore(
      tx.db,
      now - (input.failureRetentionMs ?? LOGIN_FAILURE_RETENTION_MS),
    )
    if (sessions + loginFailures > 0)
      await recordAudit(tx, actor, {
        action: 'data.clean-up',
        subjectType: 'settings',
        details: { sessions, loginFailures },
      })
    return { sessions, loginFailures }
  })
}
