/**
 * People from a Broadsheet backup: accounts as they were (slug, role, profile, dates,
 * deactivation) but without a password or second factor, so nobody signs in until sent a
 * password reset. One transaction per batch, one audit line.
 */
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import { requirePermission } from './permissions.js'
import * as users from './user.repository.js'
import { checkUserInput } from './user.service.js'
import type { Role } from './user.table.js'

export interface RestoredUser {
  email: string
  name: string
  slug: string
  role: Role
  bio: string
  avatarUrl: string | null
  social: users.SocialLinks
  createdAt: Date
  deactivatedAt: Date | null
}

/**
 * Add accounts with their own slugs and dates; returns their ids in order. A taken email or
 * slug is an error (restores go into an empty site).
 * @example const ids = await restoreUsers(deps, systemActor('json-import'), backup.users)
 */
export async function restoreUsers(
  deps: Kernel,
  actor: Actor,
  items: RestoredUser[],
): Promise<number[]> {
  requirePermission(actor, 'users.manage')
  const checked = items.map((item) => ({ ...item, ...checkUserInput(item) }))
  return transact(deps, async (tx) => {
    const ids: number[] = []
    for (const user of checked) {
      if (await users.findUserByEmail(tx.db, user.email))
        throw validationError('email', `a user with email ${user.email} already exists`)
      if (!/^[a-z0-9-]{1,200}$/.test(user.slug) || (await users.isUserSlugTaken(tx.db, user.slug)))
        throw validationError('slug', `the author slug "${user.slug}" is invalid or taken`)
      ids.push(
        await users.insertUser(tx.db, {
          email: user.email,
          name: user.name,
          slug: user.slug,
          role: user.role,
          bio: user.bio,
          avatar_url: user.avatarUrl,
          social: JSON.stringify(user.social),
          password_hash: null,
          created_at: user.createdAt.getTime(),
          updated_at: user.createdAt.getTime(),
          deactivated_at: user.deactivatedAt?.getTime() ?? null,
        }),
      )
    }
    if (ids.length > 0)
      await recordAudit(tx, actor, {
        action: 'user.import',
        subjectType: 'user',
        details: { count: ids.length },
      })
    return ids
  })
}
