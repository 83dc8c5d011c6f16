/**
 * Sign-in, sign-out and first-run setup. Sign-in is throttled per (account, IP) pair with
 * backoff and per IP (`throttle.ts`); a refused attempt says when to come back ("Try again in N
 * minutes"). An unknown account costs the same password-hash work as a known one, so timing
 * does not tell who has an account.
 */
import { AppError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { systemActor, userActor, type Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import {
  deletePairFailures,
  insertLoginFailure,
  listRecentFailures,
} from './login-attempt.repository.js'
import { deleteSession, findSessionById, type Session } from './session.repository.js'
import { createSession, type ClientInfo } from './session.service.js'
import { backoffMs, IP_RULE, PAIR_RULE, retryAfterMs, tooManyAttemptsMessage } from './throttle.js'
import { countUsers, findPasswordHash, findUserByEmail, type User } from './user.repository.js'
import {
  checkUserInput,
  hashPassword,
  insertNewUser,
  verifyPassword,
  verifyNothing,
} from './user.service.js'

export type LoginDeps = Kernel

export interface LoginInput extends ClientInfo {
  email: string
  password: string
  /** The session this browser held before, ended at sign-in: a session never survives it. */
  previousSessionId?: string | undefined
}

export interface SignedIn {
  token: string
  user: User
  session: Session
}

const WRONG = 'That email and password do not match an account.'

/** Check the password, open a session and log the sign-in. */
export async function login(deps: LoginDeps, input: LoginInput): Promise<SignedIn> {
  const account = input.email.trim().toLowerCase()
  const ip = (input.ip ?? '').slice(0, 64)
  const user = account ? await findUserByEmail(deps.db, account) : undefined
  await assertNotThrottled(deps, account.slice(0, 320), ip, user)
  const hash = user ? await findPasswordHash(deps.db, user.id) : null
  // The same argon2 work whether or not the account exists (no timing oracle).
  const matches = hash ? await verifyPassword(hash, input.password) : await verifyNothing()
  if (!user || !matches) {
    await recordFailure(deps, account.slice(0, 320), ip, user, 'password')
    throw new AppError('INVALID_CREDENTIALS', WRONG, { property: 'password' })
  }
  if (user.deactivatedAt)
    throw new AppError(
      'FORBIDDEN',
      'This account has been deactivated. Ask an administrator to reactivate it.',
    )
  return transact(deps, async (tx) => {
    await deletePairFailures(tx.db, account, ip)
    if (input.previousSessionId) await deleteSession(tx.db, input.previousSessionId)
    const { token, session } = await createSession(tx, user.id, input)
    await recordAudit(tx, userActor(user), {
      action: 'login',
      subjectType: 'user',
      subjectId: user.id,
      details: { ip },
    })
    return { token, user, session }
  })
}

/** Pair backoff, then the per-IP rule. Only this (account, IP) pair or this IP is held back. */
async function assertNotThrottled(
  deps: LoginDeps,
  account: string,
  ip: string,
  user: User | undefined,
): Promise<void> {
  const now = deps.clock.now().getTime()
  const since = now - PAIR_RULE.windowMs
  const pairFailures = await listRecentFailures(deps.db, { account, ip }, since, MAX_COUNTED)
  let wait = backoffMs(pairFailures, PAIR_RULE, now)
  if (ip) {
    const ipFailures = await listRecentFailures(
      deps.db,
      { ip },
      now - IP_RULE.windowMs,
      IP_RULE.limit,
    )
    wait = Math.max(wait, retryAfterMs(ipFailures, IP_RULE, now))
  }
  if (wait > 0) {
    if (user) await auditFailure(deps, user, ip, 'throttled')
    throw new AppError('TOO_MANY_ATTEMPTS', tooManyAttemptsMessage(wait))
  }
}

/** Enough failures to reach the backoff cap; older ones change nothing. */
const MAX_COUNTED = 20

/** Count the failure for the throttle and, for a real account, log it in the audit log. */
async function recordFailure(
  deps: LoginDeps,
  account: string,
  ip: string,
  user: User | undefined,
  reason: 'password',
): Promise<void> {
  // Its own write, kept although the sign-in fails: the throttle counts it.
  await insertLoginFailure(deps.db, account, ip, deps.clock.now().getTime())
  if (user) await auditFailure(deps, user, ip, reason)
}

/**
 * Failed sign-ins to existing accounts go to the audit log (unknown addresses do not: they could
 * be anything typed into the email field, a password included).
 */
async function auditFailure(
  deps: LoginDeps,
  user: User,
  ip: string,
  reason: 'password' | 'throttled' | 'second-factor',
): Promise<void> {
  await recordAudit(deps, systemActor('sign-in'), {
    action: 'login.failed',
    subjectType: 'user',
    subjectId: user.id,
    details: { ip, reason },
  })
}

/** Sign out: end this session (when it is the actor's) and log it. */
export async function logout(
  deps: LoginDeps,
  actor: Actor,
  sessionId: string | undefined,
): Promise<void> {
  if (actor.kind !== 'user') return
  await transact(deps, async (tx) => {
    const session = sessionId ? await findSessionById(tx.db, sessionId) : undefined
    if (session && session.userId === actor.id) await deleteSession(tx.db, session.id)
    await recordAudit(tx, actor, { action: 'logout', subjectType: 'user', subjectId: actor.id })
  })
}

/** True until the first account exists: `/admin/` then offers the setup page. */
export async function needsSetup(deps: Pick<Kernel, 'db'>): Promise<boolean> {
  return (await countUsers(deps.db)) === 0
}

export interface SetupInput extends ClientInfo {
  email: string
  name: string
  password: string
}

/**
 * First run: create the owner and sign them in. Refused with SETUP_DONE once any user exists;
 * the check and the insert share a transaction so two racing browsers make one owner.
 */
export async function setupOwner(deps: LoginDeps, input: SetupInput): Promise<SignedIn> {
  if (!input.password)
    throw new AppError('VALIDATION_FAILED', 'password is required', { property: 'password' })
  const checked = checkUserInput({ ...input, role: 'owner' })
  const hash = await hashPassword(input.password)
  return transact(deps, async (tx) => {
    if (!(await needsSetup(tx)))
      throw new AppError('SETUP_DONE', 'This site already has an owner. Sign in instead.')
    const user = await insertNewUser(tx, checked, hash)
    await recordAudit(tx, userActor(user), {
      action: 'setup',
      subjectType: 'user',
      subjectId: user.id,
    })
    const { token, session } = await createSession(tx, user.id, input)
    return { token, user, session }
  })
}
