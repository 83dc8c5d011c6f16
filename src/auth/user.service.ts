/** People: creating accounts (argon2id passwords, unique slugs) and reading them. */
import argon2 from 'argon2'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import { requirePermission } from './permissions.js'
import * as users from './user.repository.js'
import type { Role } from './user.table.js'

export type UserDeps = Pick<Kernel, 'db' | 'clock'>

export const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'author', 'contributor']

export interface CreateUserInput {
  email: string
  name: string
  role: Role
  password?: string
  bio?: string
  avatarUrl?: string | null
  social?: users.SocialLinks
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const MIN_PASSWORD_LENGTH = 10

/**
 * Create an account as `actor` (who must manage users), logged in the audit log.
 * @example await createUser(deps, systemActor('cli'), { email: 'ann@example.com', name: 'Ann', role: 'editor' })
 */
export async function createUser(
  deps: Kernel,
  actor: Actor,
  input: CreateUserInput,
): Promise<users.User> {
  requirePermission(actor, 'users.manage')
  const checked = checkUserInput(input)
  const hash = input.password === undefined ? null : await hashPassword(input.password)
  return transact(deps, async (tx) => {
    const user = await insertNewUser(tx, checked, hash)
    await recordAudit(tx, actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      details: { email: user.email, role: user.role },
    })
    return user
  })
}

/** Validate a new account's fields (email, name, role, password length). */
export function checkUserInput(input: CreateUserInput): CreateUserInput {
  const email = input.email.trim().toLowerCase()
  const name = input.name.trim()
  if (!EMAIL.test(email) || email.length > 320)
    throw validationError('email', `"${input.email}" is not an email address`)
  if (!name || name.length > 200) throw validationError('name', 'name must be 1 to 200 characters')
  if (!ROLES.includes(input.role))
    throw validationError('role', `role must be one of ${ROLES.join(', ')}`)
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw validationError('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  return { ...input, email, name }
}

/** Insert a checked account with an already hashed password, inside the caller's transaction. */
export async function insertNewUser(
  deps: UserDeps,
  input: CreateUserInput,
  passwordHash: string | null,
): Promise<users.User> {
  if (await users.findUserByEmail(deps.db, input.email)) {
    throw new AppError('EMAIL_TAKEN', `a user with email ${input.email} already exists`, {
      property: 'email',
    })
  }
  const slug = await uniqueSlug(
    slugify(input.name),
    (s) => users.isUserSlugTaken(deps.db, s),
    'author',
  )
  const now = deps.clock.now().getTime()
  const id = await users.insertUser(deps.db, {
    email: input.email,
    name: input.name,
    slug,
    role: input.role,
    bio: input.bio ?? '',
    avatar_url: input.avatarUrl ?? null,
    social: JSON.stringify(input.social ?? {}),
    password_hash: passwordHash,
    created_at: now,
    updated_at: now,
  })
  const user = await users.findUserById(deps.db, id)
  if (!user) throw new AppError('USER_NOT_FOUND', `user ${id} vanished after insert`)
  return user
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

/**
 * An argon2id hash (default parameters, as `hashPassword` makes) of a random password nobody
 * knows. Verifying against it costs what a real check costs.
 */
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$gYN8f7dBG/X+nzlcuwyYug$pSMrcTN5xYxE7yUFk5RvvNtAI+6Ieoy5w7z9oSMV6fQ'

/** The work of a password check with no account behind it; always false. */
export async function verifyNothing(): Promise<false> {
  await verifyPassword(DUMMY_HASH, 'not the password')
  return false
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

type Reader = Pick<Kernel, 'db'>

/** Everyone with an account, oldest first. */
export function listUsers(deps: Reader): Promise<users.User[]> {
  return users.listUsers(deps.db)
}

export function findUserById(deps: Reader, id: number): Promise<users.User | undefined> {
  return users.findUserById(deps.db, id)
}

export function findUserBySlug(deps: Reader, slug: string): Promise<users.User | undefined> {
  return users.findUserBySlug(deps.db, slug)
}

export function findUserByEmail(deps: Reader, email: string): Promise<users.User | undefined> {
  return users.findUserByEmail(deps.db, email.trim().toLowerCase())
}

export function countUsers(deps: Reader): Promise<number> {
  return users.countUsers(deps.db)
}
