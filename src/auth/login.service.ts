/**
 * Sign-in, sign-out and first-run setup. Sign-in is throttled per account and per IP; a refused
 * attempt says when to come back ("Try again in N minutes").
 */
import { AppError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { userActor, type Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import {
  deleteAccountFailures,
  insertLoginFailure,
  listRecentFailures,
} from './login-attempt.repository.js'
import { deleteSession, findSessionById, type Session } from './session.repository.js'
import { createSession, type ClientInfo } from './session.service.js'
import { ACCOUNT_RULE, IP_RULE, retryAfterMs, tooManyAttemptsMessage } from './throttle.js'
import { countUsers, findPasswordHash, findUserByEmail, type User } from './user.repository.js'
import { checkUserInput, hashPassword, insertNewUser, verifyPassword } from './user.service.js'

export type LoginDeps = Kernel

export interface LoginInput extends ClientInfo {
  email: string
  password: string
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
  await assertNotThrottled(deps, account, ip)
  const user = account ? await findUserByEmail(deps.db, account) : undefined
  const hash = user ? await findPasswordHash(deps.db, user.id) : null
  if (!user || !hash || !(await verifyPassword(hash, input.password))) {
    // Its own write, kept although the sign-in fails: the throttle counts it.
    await insertLoginFailure(deps.db, account.slice(0, 320), ip, deps.clock.now().getTime())
    throw new AppError('INVALID_CREDENTIALS', WRONG, { property: 'password' })
  }
  if (user.deactivatedAt)
    throw new AppError(
      'FORBIDDEN',
      'This account has been deactivated. Ask an administrator to reactivate it.',
    )
  return transact(deps, async (tx) => {
    await deleteAccountFailures(tx.db, account)
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

async function assertNotThrottled(deps: LoginDeps, account: string, ip: string): Promise<void> {
  const now = deps.clock.now().getTime()
  const checks = [
    { rule: ACCOUNT_RULE, by: { account } },
    { rule: IP_RULE, by: { ip } },
  ]
  let wait = 0
  for (const { rule, by } of checks) {
    if ('ip' in by && !by.ip) continue
    const failures = await listRecentFailures(deps.db, by, now - rule.windowMs, rule.limit)
    wait = Math.max(wait, retryAfterMs(failures, rule, now))
  }
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', tooManyAttemptsMessage(wait))
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
