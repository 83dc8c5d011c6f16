/**
 * "Forgot password" and invitations share one mechanism: a single-use link whose token is
 * emailed and stored only as its SHA-256. Reset links expire after an hour, invitations after
 * three days.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { AppError, validationError } from '../errors.js'
import type { Mailer } from '../mail/index.js'
import { recordAudit } from './audit.service.js'
import {
  findPasswordReset,
  insertPasswordReset,
  markPasswordResetUsed,
} from './password-reset.repository.js'
import { deleteUserSessions } from './session.repository.js'
import type { TokenPurpose } from './session.table.js'
import { hashToken, newToken } from './token.js'
import { findUserByEmail, findUserById, updatePasswordHash, type User } from './user.repository.js'
import { createUser, hashPassword, MIN_PASSWORD_LENGTH } from './user.service.js'
import type { Role } from './user.table.js'

export interface ResetDeps {
  db: Kysely<Database>
  clock: Clock
  mailer: Mailer
}

export const RESET_LIFETIME_MS = 3_600_000
export const INVITE_LIFETIME_MS = 72 * 3_600_000

/** Builds the absolute link for a token, e.g. `https://news.example/admin/reset/<token>`. */
export type LinkBuilder = (token: string) => string

/**
 * Email a reset link when the address belongs to an account. Says nothing either way, so the
 * form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  deps: ResetDeps,
  input: { email: string; siteTitle: string; linkFor: LinkBuilder },
): Promise<void> {
  const user = await findUserByEmail(deps.db, input.email.trim().toLowerCase())
  if (!user) return
  const token = await issueToken(deps, user.id, 'reset', RESET_LIFETIME_MS)
  await deps.mailer.send({
    to: user.email,
    subject: `Reset your password for ${input.siteTitle}`,
    text: [
      `Hello ${user.name},`,
      '',
      `Someone (hopefully you) asked to reset your password on ${input.siteTitle}.`,
      'Choose a new one here within the next hour (the link works once):',
      '',
      input.linkFor(token),
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  })
  await recordAudit(deps, {
    userId: user.id,
    action: 'password.reset-requested',
    subjectType: 'user',
    subjectId: user.id,
  })
}

/** The account a link belongs to while it is unused and unexpired; undefined otherwise. */
export async function findResetUser(
  deps: Pick<ResetDeps, 'db' | 'clock'>,
  token: string,
): Promise<{ user: User; purpose: TokenPurpose } | undefined> {
  const row = token ? await findPasswordReset(deps.db, hashToken(token)) : undefined
  if (!row || row.used_at !== null || Number(row.expires_at) <= deps.clock.now().getTime())
    return undefined
  const user = await findUserById(deps.db, row.user_id)
  return user && { user, purpose: row.purpose }
}

/**
 * Set a new password through a link: once only, before it expires. Every session of the account
 * ends, so a thief signed in with the old password is thrown out.
 */
export async function resetPassword(
  deps: Pick<ResetDeps, 'db' | 'clock'>,
  input: { token: string; password: string },
): Promise<User> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw validationError('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  const found = await findResetUser(deps, input.token)
  const now = deps.clock.now().getTime()
  if (!found || !(await markPasswordResetUsed(deps.db, hashToken(input.token), now))) {
    throw new AppError('TOKEN_INVALID', 'This link has expired or has already been used.')
  }
  await updatePasswordHash(deps.db, found.user.id, await hashPassword(input.password), now)
  await deleteUserSessions(deps.db, found.user.id)
  await recordAudit(deps, {
    userId: found.user.id,
    action: 'password.reset',
    subjectType: 'user',
    subjectId: found.user.id,
    details: { via: found.purpose },
  })
  return found.user
}

/** Create an account without a password and email it a link to choose one. */
export async function inviteUser(
  deps: ResetDeps,
  input: {
    email: string
    name: string
    role: Role
    invitedBy: User
    siteTitle: string
    linkFor: LinkBuilder
  },
): Promise<User> {
  if (input.role === 'owner') throw validationError('role', 'there is only one owner')
  const user = await createUser(deps, { email: input.email, name: input.name, role: input.role })
  const token = await issueToken(deps, user.id, 'invite', INVITE_LIFETIME_MS)
  await deps.mailer.send({
    to: user.email,
    subject: `You are invited to ${input.siteTitle}`,
    text: [
      `Hello ${user.name},`,
      '',
      `${input.invitedBy.name} invited you to join ${input.siteTitle} as ${input.role}.`,
      'Choose your password here within three days (the link works once):',
      '',
      input.linkFor(token),
    ].join('\n'),
  })
  await recordAudit(deps, {
    userId: input.invitedBy.id,
    action: 'user.invite',
    subjectType: 'user',
    subjectId: user.id,
    details: { email: user.email, role: user.role },
  })
  return user
}

async function issueToken(
  deps: Pick<ResetDeps, 'db' | 'clock'>,
  userId: number,
  purpose: TokenPurpose,
  lifetimeMs: number,
): Promise<string> {
  const token = newToken()
  const now = deps.clock.now().getTime()
  await insertPasswordReset(deps.db, {
    id: hashToken(token),
    userId,
    purpose,
    createdAt: now,
    expiresAt: now + lifetimeMs,
  })
  return token
}
