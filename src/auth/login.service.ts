/**
 * Sign-in, sign-out and first-run setup. Sign-in is throttled per (account, IP) pair with
 * backoff and per IP (`throttle.ts`); a refused attempt says when to come back ("Try again in N
 * minutes"). An unknown account costs the same password-hash work as a known one, so timing
 * does not tell who has an account.
 */
import { AppError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { systemActor, userActor, type Actor } from './actor.js'
import type { Mailer, MailMessage } from '../mail/index.js'
import { recordAudit } from './audit.service.js'
import { countDevices, rememberDevice } from './device.repository.js'
import {
  deletePairFailures,
  insertLoginFailure,
  listRecentFailures,
} from './login-attempt.repository.js'
import { findPasswordReset, markPasswordResetUsed } from './password-reset.repository.js'
import { issueToken } from './password-reset.service.js'
import { deleteSession, findSessionById, type Session } from './session.repository.js'
import { createSession, type ClientInfo } from './session.service.js'
import { backoffMs, IP_RULE, PAIR_RULE, retryAfterMs, tooManyAttemptsMessage } from './throttle.js'
import { hashToken } from './token.js'
import { findTotpSecret } from './two-factor.repository.js'
import { verifySecondFactor } from './two-factor.service.js'
import {
  countUsers,
  findPasswordHash,
  findUserByEmail,
  findUserById,
  type User,
} from './user.repository.js'
import {
  checkUserInput,
  hashPassword,
  insertNewUser,
  verifyPassword,
  verifyNothing,
} from './user.service.js'

/** With a mailer, a sign-in from a device the user never used is mailed to them. */
export type LoginDeps = Kernel & { mailer?: Mailer }

export interface LoginInput extends ClientInfo {
  email: string
  password: string
  /** The TOTP or recovery code, for an account with two-factor sign-in. */
  code?: string | undefined
  /** The session this browser held before, ended at sign-in: a session never survives it. */
  previousSessionId?: string | undefined
  /** The browser's long-lived random device id (its `bs_device` cookie), if it has one. */
  deviceId?: string | undefined
}

export interface SignedIn {
  token: string
  user: User
  session: Session
}

const WRONG = 'That email and password do not match an account.'

/** A sign-in whose password was right, waiting for the second factor (`completeLogin`). */
export interface PendingLogin {
  secondFactor: string
}

const SECOND_FACTOR_LIFETIME_MS = 5 * 60_000

/**
 * Check the password, open a session and log the sign-in. For an account with two-factor
 * sign-in, `input.code` must be a valid code (SECOND_FACTOR_REQUIRED when it is absent).
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<SignedIn> {
  const started = await startLogin(deps, input)
  if (!('secondFactor' in started)) return started
  if (!input.code)
    throw new AppError('SECOND_FACTOR_REQUIRED', 'Enter the code from your authenticator app.', {
      property: 'code',
    })
  return completeLogin(deps, { ...input, token: started.secondFactor, code: input.code })
}

/**
 * Check the password. Without a second factor the session opens at once; with one, a
 * five-minute single-use token is returned for `completeLogin`.
 */
export async function startLogin(
  deps: LoginDeps,
  input: LoginInput,
): Promise<SignedIn | PendingLogin> {
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
  if (await findTotpSecret(deps.db, user.id)) {
    const token = await issueToken(deps, user.id, 'second-factor', SECOND_FACTOR_LIFETIME_MS)
    return { secondFactor: token }
  }
  return openSession(deps, user, account, ip, input)
}

/** Finish a sign-in with its second factor; wrong codes count towards the throttle. */
export async function completeLogin(
  deps: LoginDeps,
  input: ClientInfo & {
    token: string
    code: string
    previousSessionId?: string | undefined
    deviceId?: string | undefined
  },
): Promise<SignedIn> {
  const ip = (input.ip ?? '').slice(0, 64)
  const now = deps.clock.now().getTime()
  const row = input.token ? await findPasswordReset(deps.db, hashToken(input.token)) : undefined
  const live =
    row && row.purpose === 'second-factor' && row.used_at === null && Number(row.expires_at) > now
  const user = live ? await findUserById(deps.db, row.user_id) : undefined
  if (!user)
    throw new AppError('TOKEN_INVALID', 'This sign-in has expired. Enter your password again.')
  await assertNotThrottled(deps, user.email, ip, user)
  if (!(await verifySecondFactor(deps, user.id, input.code))) {
    await insertLoginFailure(deps.db, user.email, ip, now)
    await auditFailure(deps, user, ip, 'second-factor')
    throw new AppError('INVALID_CREDENTIALS', 'That code does not match.', { property: 'code' })
  }
  if (!(await markPasswordResetUsed(deps.db, hashToken(input.token), now)))
    throw new AppError('TOKEN_INVALID', 'This sign-in has expired. Enter your password again.')
  return openSession(deps, user, user.email, ip, input)
}

async function openSession(
  deps: LoginDeps,
  user: User,
  account: string,
  ip: string,
  input: ClientInfo & { previousSessionId?: string | undefined; deviceId?: string | undefined },
): Promise<SignedIn> {
  if (user.deactivatedAt)
    throw new AppError(
      'FORBIDDEN',
      'This account has been deactivated. Ask an administrator to reactivate it.',
    )
  const { signedIn, newDevice } = await transact(deps, async (tx) => {
    await deletePairFailures(tx.db, account, ip)
    if (input.previousSessionId) await deleteSession(tx.db, input.previousSessionId)
    const { token, session } = await createSession(tx, user.id, input)
    await recordAudit(tx, userActor(user), {
      action: 'login',
      subjectType: 'user',
      subjectId: user.id,
      details: { ip },
    })
    const now = tx.clock.now().getTime()
    const known = await countDevices(tx.db, user.id)
    const isNew = input.deviceId
      ? await rememberDevice(tx.db, user.id, hashToken(`device:${input.deviceId}`), now)
      : false
    // The first device is the one the account was set up on: nothing to warn about.
    const newDevice = isNew && known > 0
    if (newDevice)
      await recordAudit(tx, userActor(user), {
        action: 'login.new-device',
        subjectType: 'user',
        subjectId: user.id,
        details: { ip },
      })
    return { signedIn: { token, user, session }, newDevice }
  })
  // After the commit, and never failing the sign-in.
  if (newDevice && deps.mailer) {
    await deps.mailer.send(newDeviceMail(user, input)).catch(() => undefined)
  }
  return signedIn
}

function newDeviceMail(user: User, client: ClientInfo): MailMessage {
  return {
    to: user.email,
    subject: 'New sign-in to your newsroom account',
    text: [
      `Hello ${user.name},`,
      '',
      'Your account was just signed in to from a browser it had not used before:',
      '',
      `  Browser: ${(client.userAgent ?? '').slice(0, 200) || 'unknown'}`,
      `  IP address: ${(client.ip ?? '').slice(0, 64) || 'unknown'}`,
      '',
      'If this was you, there is nothing to do.',
      'If not, reset your password now and use "Sign out everywhere" under Your sessions.',
    ].join('\n'),
  }
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
