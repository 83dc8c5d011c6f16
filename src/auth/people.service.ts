/**
 * Managing colleagues and your own profile: change a role, deactivate and reactivate an
 * account (its sessions end at once; bylines and stories stay), and edit a profile (name, slug,
 * bio, avatar, links). Each is a use case: permission, one transaction, one audit entry.
 */
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { slugify } from '../text/slug.js'
import type { Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import { rankOf, requirePermission } from './permissions.js'
import { deleteUserSessions } from './session.repository.js'
import * as users from './user.repository.js'
import { checkPassword, MIN_PASSWORD_LENGTH } from './password-policy.js'
import { ROLES, hashPassword, verifyPassword } from './user.service.js'
import type { Role, UserUpdate } from './user.table.js'

/** Load the person being managed and check the actor may manage them. */
async function manageable(tx: Kernel, actor: Actor, userId: number): Promise<users.User> {
  requirePermission(actor, 'users.manage')
  const target = await users.findUserById(tx.db, userId)
  if (!target) throw new AppError('USER_NOT_FOUND', `user ${userId} does not exist`)
  if (actor.kind === 'user' && actor.id === userId)
    throw new AppError('FORBIDDEN', 'You cannot change your own role or deactivate yourself.')
  if (rankOf(target.role) > rankOf(actor.role))
    throw new AppError('FORBIDDEN', `Only an owner can change an owner's account.`)
  return target
}

/** Refuse a change that would leave the site without an active owner. */
async function keepAnOwner(tx: Kernel, target: users.User): Promise<void> {
  if (target.role !== 'owner' || target.deactivatedAt) return
  if ((await users.countActiveOwners(tx.db)) <= 1)
    throw new AppError(
      'INVALID_TRANSITION',
      'The site needs at least one active owner: make someone else an owner first.',
    )
}

/**
 * Give a colleague another role. Nobody changes their own role or gives a role above their
 * own, and the last active owner stays an owner.
 * @example await changeUserRole(deps, userActor(admin), 7, 'editor')
 */
export async function changeUserRole(
  deps: Kernel,
  actor: Actor,
  userId: number,
  role: Role,
): Promise<users.User> {
  if (!ROLES.includes(role))
    throw validationError('role', `role must be one of ${ROLES.join(', ')}`)
  return transact(deps, async (tx) => {
    const target = await manageable(tx, actor, userId)
    if (rankOf(role) > rankOf(actor.role))
      throw new AppError('FORBIDDEN', 'You cannot give a role above your own.')
    if (target.role === role) return target
    if (role !== 'owner') await keepAnOwner(tx, target)
    await users.updateUserRow(tx.db, userId, { role, updated_at: tx.clock.now().getTime() })
    await recordAudit(tx, actor, {
      action: 'user.role',
      subjectType: 'user',
      subjectId: userId,
      details: { from: target.role, to: role },
    })
    return { ...target, role }
  })
}

/**
 * Deactivate a colleague who has left: they cannot sign in, every session of theirs ends now,
 * and their bylines and stories stay. Returns how many sessions ended.
 * @example await deactivateUser(deps, userActor(admin), 7)
 */
export async function deactivateUser(deps: Kernel, actor: Actor, userId: number): Promise<number> {
  return transact(deps, async (tx) => {
    const target = await manageable(tx, actor, userId)
    if (target.deactivatedAt) return 0
    await keepAnOwner(tx, target)
    const now = tx.clock.now().getTime()
    await users.updateUserRow(tx.db, userId, { deactivated_at: now, updated_at: now })
    const ended = await deleteUserSessions(tx.db, userId)
    await recordAudit(tx, actor, {
      action: 'user.deactivate',
      subjectType: 'user',
      subjectId: userId,
      details: { sessionsEnded: ended },
    })
    return ended
  })
}

/**
 * Let a deactivated colleague sign in again (with the password they had).
 * @example await reactivateUser(deps, userActor(admin), 7)
 */
export async function reactivateUser(deps: Kernel, actor: Actor, userId: number): Promise<void> {
  await transact(deps, async (tx) => {
    const target = await manageable(tx, actor, userId)
    if (!target.deactivatedAt) return
    const now = tx.clock.now().getTime()
    await users.updateUserRow(tx.db, userId, { deactivated_at: null, updated_at: now })
    await recordAudit(tx, actor, {
      action: 'user.reactivate',
      subjectType: 'user',
      subjectId: userId,
    })
  })
}

export interface ProfileInput {
  name: string
  /** The author page's address (`/author/<slug>/`); blank keeps the current one. */
  slug?: string
  bio?: string
  /** An image URL: a path on this site (`/media/…`) or an http(s) address; '' for none. */
  avatarUrl?: string
  social?: users.SocialLinks
}

const MAX_BIO = 1_000
const URL_LIKE = /^(https?:\/\/[^\s]+|\/[^\s]*)$/i

/**
 * Edit a profile: your own, or (with `users.manage`) a colleague's at or below your rank.
 * The author page and the byline show it.
 * @example await updateProfile(deps, userActor(me), me.id, { name: 'Ann Lee', bio: 'Covers the courts.' })
 */
export async function updateProfile(
  deps: Kernel,
  actor: Actor,
  userId: number,
  input: ProfileInput,
): Promise<users.User> {
  const self = actor.kind === 'user' && actor.id === userId
  if (!self) requirePermission(actor, 'users.manage')
  const update = checkProfile(input)
  return transact(deps, async (tx) => {
    const target = await users.findUserById(tx.db, userId)
    if (!target) throw new AppError('USER_NOT_FOUND', `user ${userId} does not exist`)
    if (!self && rankOf(target.role) > rankOf(actor.role))
      throw new AppError('FORBIDDEN', `Only an owner can change an owner's profile.`)
    if (update.slug && (await users.isUserSlugTakenByOther(tx.db, update.slug, userId)))
      throw new AppError('SLUG_TAKEN', `Another person already uses the address ${update.slug}.`, {
        property: 'slug',
      })
    await users.updateUserRow(tx.db, userId, { ...update, updated_at: tx.clock.now().getTime() })
    await recordAudit(tx, actor, {
      action: 'user.profile',
      subjectType: 'user',
      subjectId: userId,
      details: { fields: Object.keys(update) },
    })
    const saved = await users.findUserById(tx.db, userId)
    if (!saved) throw new AppError('USER_NOT_FOUND', `user ${userId} does not exist`)
    tx.events.emit({ type: 'author.changed', userId })
    return saved
  })
}

function checkProfile(input: ProfileInput): UserUpdate {
  const name = input.name.trim()
  if (!name || name.length > 200) throw validationError('name', 'Name must be 1 to 200 characters.')
  const update: UserUpdate = { name }
  if (input.slug !== undefined && input.slug.trim() !== '') {
    const slug = slugify(input.slug)
    if (!slug) throw validationError('slug', 'The address must contain letters or digits.')
    update.slug = slug.slice(0, 200)
  }
  if (input.bio !== undefined) {
    const bio = input.bio.trim()
    if (bio.length > MAX_BIO)
      throw validationError('bio', `The bio must be at most ${MAX_BIO} characters.`)
    update.bio = bio
  }
  if (input.avatarUrl !== undefined) {
    const url = input.avatarUrl.trim()
    if (url && (!URL_LIKE.test(url) || url.startsWith('//') || url.length > 2000))
      throw validationError(
        'avatarUrl',
        'The avatar must be an image address (/media/… or https://…).',
      )
    update.avatar_url = url || null
  }
  if (input.social !== undefined) {
    const social: users.SocialLinks = {}
    for (const [key, raw] of Object.entries(input.social) as [keyof users.SocialLinks, string][]) {
      const value = (raw ?? '').trim()
      if (!value) continue
      if (!/^https?:\/\/[^\s]+$/i.test(value) || value.length > 500)
        throw validationError(key, `The ${key} link must be an http(s) address.`)
      social[key] = value
    }
    update.social = JSON.stringify(social)
  }
  return update
}

/**
 * Change your own password: the current one is required. Other sessions end; this one stays.
 * @example await changePassword(deps, userActor(me), { current, next, keepSessionId })
 */
export async function changePassword(
  deps: Kernel,
  actor: Actor,
  input: { current: string; next: string; keepSessionId?: string | undefined },
): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a person has a password.')
  if (input.next.length < MIN_PASSWORD_LENGTH)
    throw validationError(
      'next',
      `The new password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
    )
  try {
    checkPassword(input.next)
  } catch (error) {
    // The same rules as everywhere else, reported against this form's field.
    if (error instanceof AppError) throw validationError('next', `The new ${error.message}.`)
    throw error
  }
  const stored = await users.findPasswordHash(deps.db, actor.id)
  if (!stored || !(await verifyPassword(stored, input.current)))
    throw validationError('current', 'Your current password is not right.')
  const hash = await hashPassword(input.next)
  await transact(deps, async (tx) => {
    const now = tx.clock.now().getTime()
    await users.updatePasswordHash(tx.db, actor.id, hash, now)
    await deleteUserSessions(tx.db, actor.id, input.keepSessionId)
    await recordAudit(tx, actor, {
      action: 'password.reset',
      subjectType: 'user',
      subjectId: actor.id,
      details: { by: 'self' },
    })
  })
}

/**
 * Hands a departing person's work to their heir inside the deletion's transaction and says how
 * many stories moved. The content domain supplies it (bylines are its tables, not ours).
 */
export type HandOver = (tx: Kernel, fromId: number, toId: number) => Promise<number>

/**
 * Delete a colleague's account for good. Their stories go to `reassignTo` (an active person
 * other than them) through `handOver`, all in one transaction with the deletion; the last
 * active owner cannot be deleted. Returns how many stories moved.
 * @example await deleteUser(deps, userActor(admin), 7, { reassignTo: 3, handOver })
 */
export async function deleteUser(
  deps: Kernel,
  actor: Actor,
  userId: number,
  options: { reassignTo: number; handOver: HandOver },
): Promise<number> {
  return transact(deps, async (tx) => {
    const target = await manageable(tx, actor, userId)
    await keepAnOwner(tx, target)
    const heir = await users.findUserById(tx.db, options.reassignTo)
    if (!heir || heir.id === userId || heir.deactivatedAt)
      throw validationError(
        'reassignTo',
        'Choose an active colleague (not the person being deleted) to take over their stories.',
      )
    const moved = await options.handOver(tx, userId, heir.id)
    await deleteUserSessions(tx.db, userId)
    await users.deleteUserRow(tx.db, userId)
    await recordAudit(tx, actor, {
      action: 'user.delete',
      subjectType: 'user',
      subjectId: userId,
      details: { email: target.email, name: target.name, reassignedTo: heir.id, stories: moved },
    })
    tx.events.emit({ type: 'author.changed', userId })
    tx.events.emit({ type: 'author.changed', userId: heir.id })
    return moved
  })
}
