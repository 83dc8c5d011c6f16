/**
 * Database sessions. The browser holds a random token; the table holds its SHA-256, so a copy
 * of the database cannot be turned into working cookies.
 */
import { transact, type Kernel } from '../kernel.js'
import type { Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import {
  deleteSession,
  deleteUserSessions,
  findSessionById,
  insertSession,
  listLastSeen,
  listUserSessions,
  touchSession,
  type Session,
} from './session.repository.js'
import { hashToken, newToken } from './token.js'
import { findUserById, updateUserRow, type User } from './user.repository.js'

export type SessionDeps = Pick<Kernel, 'db' | 'clock'>

/** Sessions last 30 days from sign-in; "last seen" is refreshed at most once a minute. */
export const SESSION_LIFETIME_MS = 30 * 24 * 3_600_000
const TOUCH_EVERY_MS = 60_000

export interface ClientInfo {
  ip?: string
  userAgent?: string
}

/** Start a session for a user. The token goes into the cookie and nowhere else. */
export async function createSession(
  deps: SessionDeps,
  userId: number,
  client: ClientInfo = {},
): Promise<{ token: string; session: Session }> {
  const token = newToken()
  const now = deps.clock.now().getTime()
  const row = {
    id: hashToken(token),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: now + SESSION_LIFETIME_MS,
    ip: (client.ip ?? '').slice(0, 64),
    user_agent: (client.userAgent ?? '').slice(0, 500),
  }
  await insertSession(deps.db, row)
  await updateUserRow(deps.db, userId, { last_sign_in_at: now })
  return {
    token,
    session: {
      id: row.id,
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(row.expires_at),
      ip: row.ip,
      userAgent: row.user_agent,
    },
  }
}

/** The user and session behind a cookie token, or undefined when unknown or expired. */
export async function validateSession(
  deps: SessionDeps,
  token: string,
): Promise<{ user: User; session: Session } | undefined> {
  if (!token) return undefined
  const session = await findSessionById(deps.db, hashToken(token))
  if (!session) return undefined
  const now = deps.clock.now().getTime()
  if (session.expiresAt.getTime() <= now) {
    await deleteSession(deps.db, session.id)
    return undefined
  }
  const user = await findUserById(deps.db, session.userId)
  if (!user) return undefined
  // Deactivation deletes sessions too; this covers one that was being used at that moment.
  if (user.deactivatedAt) {
    await deleteSession(deps.db, session.id)
    return undefined
  }
  if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(deps.db, session.id, now)
    session.lastSeenAt = new Date(now)
  }
  return { user, session }
}

/**
 * Sign the actor out everywhere else: every session of theirs but `exceptSessionId` ends.
 * Returns how many ended.
 */
export async function revokeAllSessions(
  deps: Kernel,
  actor: Actor,
  options: { exceptSessionId?: string | undefined } = {},
): Promise<number> {
  if (actor.kind !== 'user') return 0
  return transact(deps, async (tx) => {
    const count = await deleteUserSessions(tx.db, actor.id, options.exceptSessionId)
    await recordAudit(tx, actor, {
      action: 'sessions.revoke-all',
      subjectType: 'user',
      subjectId: actor.id,
      details: { count },
    })
    return count
  })
}

/** A user's live sessions, most recently used first. */
export function listSessions(deps: SessionDeps, userId: number): Promise<Session[]> {
  return listUserSessions(deps.db, userId, deps.clock.now().getTime())
}

/** When each person was last active in the newsroom (from their live sessions). */
export function listLastActive(deps: SessionDeps): Promise<Map<number, Date>> {
  return listLastSeen(deps.db)
}
