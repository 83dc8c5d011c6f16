/**
 * "Forgot password" and invitations share one mechanism: a single-use link whose token is
 * emailed and stored only as its SHA-256. Reset links expire after 30 minutes, invitations after
 * three days; a password change voids every link still unused. At most one reset mail goes to
 * an address per RESET_MAIL_INTERVAL_MS, whoever asks, so the form cannot bomb a mailbox.
 */
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { Mailer } from '../mail/index.js'
import { userActor, type Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import {
  findPasswordReset,
  insertPasswordReset,
  listPendingInvitations,
  markPasswordResetUsed,
  markUserResetsUsed,
  type PendingInvitation,
} from './password-reset.repository.js'
import { requirePermission } from './permissions.js'
import { deleteUserSessions } from './session.repository.js'
import type { TokenPurpose } from './session.table.js'
import { hashToken, newToken } from './token.js'
import {
  claimResetMail,
  countBylines,
  deleteUserRow,
  findPasswordHash,
  findUserByEmail,
  findUserById,
  updatePasswordHash,
  type User,
} from './user.repository.js'
import { checkPassword } from './password-policy.js'
import { checkUserInput, hashPassword, insertNewUser } from './user.service.js'
import type { Role } from './user.table.js'

export interface ResetDeps extends Kernel {
  mailer: Mailer
}

export const RESET_LIFETIME_MS = 30 * 60_000
/** One reset mail per address in this time; further requests are answered alike and dropped. */
export const RESET_MAIL_INTERVAL_MS = 15 * 60_000
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
  const now = deps.clock.now().getTime()
  if (!(await claimResetMail(deps.db, user.id, now, RESET_MAIL_INTERVAL_MS))) return
  const token = await transact(deps, async (tx) => {
    const issued = await issueToken(tx, user.id, 'reset', RESET_LIFETIME_MS)
    await recordAudit(tx, userActor(user), {
      action: 'password.reset-requested',
      subjectType: 'user',
      subjectId: user.id,
    })
    return issued
  })
  // After the commit: a mail never points at a token that was rolled back.
  await deps.mailer.send({
    to: user.email,
    subject: `Reset your password for ${input.siteTitle}`,
    text: [
      `Hello ${user.name},`,
      '',
      `Someone (hopefully you) asked to reset your password on ${input.siteTitle}.`,
      'Choose a new one here within 30 minutes (the link works once):',
      '',
      input.linkFor(token),
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  })
}

/** The account a link belongs to while it is unused and unexpired; undefined otherwise. */
export async function findResetUser(
  deps: Pick<Kernel, 'db' | 'clock'>,
  token: string,
): Promise<{ user: User; purpose: 'reset' | 'invite' } | undefined> {
  const row = token ? await findPasswordReset(deps.db, hashToken(token)) : undefined
  if (!row || row.used_at !== null || Number(row.expires_at) <= deps.clock.now().getTime())
    return undefined
  // A pending second-factor sign-in is no way to set a password.
  if (row.purpose !== 'reset' && row.purpose !== 'invite') return undefined
  const user = await findUserById(deps.db, row.user_id)
  return user && { user, purpose: row.purpose }
}

/**
 * Set a new password through a link: once only, before it expires. Every session of the account
 * ends, so a thief signed in with the old password is thrown out.
 */
export async function resetPassword(
  deps: Kernel,
  input: { token: string; password: string },
): Promise<User> {
  checkPassword(input.password)
  const hash = await hashPassword(input.password)
  return transact(deps, async (tx) => {
    const found = await findResetUser(tx, input.token)
    const now = tx.clock.now().getTime()
    if (!found || !(await markPasswordResetUsed(tx.db, hashToken(input.token), now))) {
      throw new AppError('TOKEN_INVALID', 'This link has expired or has already been used.')
    }
    await updatePasswordHash(tx.db, found.user.id, hash, now)
    await markUserResetsUsed(tx.db, found.user.id, now)
    await deleteUserSessions(tx.db, found.user.id)
    await recordAudit(tx, userActor(found.user), {
      action: 'password.reset',
      subjectType: 'user',
      subjectId: found.user.id,
      details: { via: found.purpose },
    })
    return found.user
  })
}

/** Create an account without a password and email it a link to choose one. */
export async function inviteUser(
  deps: ResetDeps,
  actor: Actor,
  input: {
    email: string
    name: string
    role: Role
    siteTitle: string
    linkFor: LinkBuilder
  },
): Promise<User> {
  requirePermission(actor, 'users.manage')
  if (input.role === 'owner') throw validationError('role', 'there is only one owner')
  const checked = checkUserInput({ email: input.email, name: input.name, role: input.role })
  const { user, token } = await transact(deps, async (tx) => {
    const created = await insertNewUser(tx, checked, null)
    const issued = await issueToken(tx, created.id, 'invite', INVITE_LIFETIME_MS)
    await recordAudit(tx, actor, {
      action: 'user.invite',
      subjectType: 'user',
      subjectId: created.id,
      details: { email: created.email, role: created.role },
    })
    return { user: created, token: issued }
  })
  await deps.mailer.send({
    to: user.email,
    subject: `You are invited to ${input.siteTitle}`,
    text: [
      `Hello ${user.name},`,
      '',
      `${actor.name} invited you to join ${input.siteTitle} as ${input.role}.`,
      'Choose your password here within three days (the link works once):',
      '',
      input.linkFor(token),
    ].join('\n'),
  })
  return user
}

/**
 * Invitations not yet taken up (the account has no password), for the Staff screen.
 * @example const waiting = await listInvitations(deps)
 */
export function listInvitations(deps: Pick<Kernel, 'db'>): Promise<PendingInvitation[]> {
  return listPendingInvitations(deps.db)
}

/** The invited account behind `userId`, refusing accounts that already chose a password. */
async function pendingInvitee(tx: Kernel, actor: Actor, userId: number): Promise<User> {
  requirePermission(actor, 'users.manage')
  const user = await findUserById(tx.db, userId)
  if (!user) throw new AppError('USER_NOT_FOUND', `user ${userId} does not exist`)
  const pending = (await listPendingInvitations(tx.db)).some((i) => i.userId === userId)
  if (!pending || (await findPasswordHash(tx.db, userId)) !== null)
    throw new AppError(
      'INVALID_TRANSITION',
      `${user.name} has already accepted their invitation: there is nothing to resend or revoke.`,
    )
  return user
}

/**
 * Send a fresh invitation link (three days again); earlier links stop working.
 * @example await resendInvitation({ ...deps, mailer }, userActor(admin), 9, { siteTitle, linkFor })
 */
export async function resendInvitation(
  deps: ResetDeps,
  actor: Actor,
  userId: number,
  input: { siteTitle: string; linkFor: LinkBuilder },
): Promise<void> {
  const { user, token } = await transact(deps, async (tx) => {
    const invitee = await pendingInvitee(tx, actor, userId)
    await markUserResetsUsed(tx.db, userId, tx.clock.now().getTime())
    const issued = await issueToken(tx, userId, 'invite', INVITE_LIFETIME_MS)
    await recordAudit(tx, actor, {
      action: 'user.invite-resend',
      subjectType: 'user',
      subjectId: userId,
      details: { email: invitee.email },
    })
    return { user: invitee, token: issued }
  })
  await deps.mailer.send({
    to: user.email,
    subject: `Your invitation to ${input.siteTitle}`,
    text: [
      `Hello ${user.name},`,
      '',
      `${actor.name} sent you a new link to join ${input.siteTitle} as ${user.role}.`,
      'Choose your password here within three days (the link works once; earlier links no longer do):',
      '',
      input.linkFor(token),
    ].join('\n'),
  })
}

/**
 * Withdraw an invitation: the account that was waiting for it is removed and its link stops
 * working. Refused once the person is on a story's byline (delete them from the Staff list
 * instead, so the stories are handed to someone).
 * @example await revokeInvitation(deps, userActor(admin), 9)
 */
export async function revokeInvitation(deps: Kernel, actor: Actor, userId: number): Promise<void> {
  await transact(deps, async (tx) => {
    const invitee = await pendingInvitee(tx, actor, userId)
    const bylines = await countBylines(tx.db, userId)
    if (bylines > 0)
      throw new AppError(
        'INVALID_TRANSITION',
        `${invitee.name} is on the byline of ${bylines} ${bylines === 1 ? 'story' : 'stories'}: delete the account instead, choosing who takes them over.`,
      )
    await deleteUserRow(tx.db, userId)
    await recordAudit(tx, actor, {
      action: 'user.invite-revoke',
      subjectType: 'user',
      subjectId: userId,
      details: { email: invitee.email },
    })
  })
}

export async function issueToken(
  deps: Pick<Kernel, 'db' | 'clock'>,
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
