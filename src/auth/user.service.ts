import argon2 from 'argon2'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { Database } from '../db/database.js'
import { AppError, validationError } from '../errors.js'
import {
  findUserByEmail,
  findUserById,
  insertUser,
  isUserSlugTaken,
  type SocialLinks,
  type User,
} from './user.repository.js'
import type { Role } from './user.table.js'

export interface UserDeps {
  db: Kysely<Database>
  clock: Clock
}

export const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'author', 'contributor']

export interface CreateUserInput {
  email: string
  name: string
  role: Role
  password?: string
  bio?: string
  avatarUrl?: string | null
  social?: SocialLinks
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const MIN_PASSWORD_LENGTH = 10

/** Create a user (argon2id-hashed password), with a unique slug from their name. */
export async function createUser(deps: UserDeps, input: CreateUserInput): Promise<User> {
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
  if (await findUserByEmail(deps.db, email)) {
    throw new AppError('EMAIL_TAKEN', `a user with email ${email} already exists`, {
      property: 'email',
    })
  }
  const slug = await uniqueSlug(slugify(name), (s) => isUserSlugTaken(deps.db, s), 'author')
  const now = deps.clock.now().getTime()
  const id = await insertUser(deps.db, {
    email,
    name,
    slug,
    role: input.role,
    bio: input.bio ?? '',
    avatar_url: input.avatarUrl ?? null,
    social: JSON.stringify(input.social ?? {}),
    password_hash: input.password === undefined ? null : await hashPassword(input.password),
    created_at: now,
    updated_at: now,
  })
  const user = await findUserById(deps.db, id)
  if (!user) throw new AppError('USER_NOT_FOUND', `user ${id} vanished after insert`)
  return user
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}
