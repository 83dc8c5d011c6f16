import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { NewUserRow, Role, UserRow, UserUpdate } from './user.table.js'

type Db = Kysely<Database>

export interface SocialLinks {
  x?: string
  facebook?: string
  instagram?: string
  linkedin?: string
  website?: string
}

/** A user as the rest of the app sees them: never the password hash. */
export interface User {
  id: number
  email: string
  name: string
  slug: string
  bio: string
  avatarUrl: string | null
  role: Role
  social: SocialLinks
  createdAt: Date
  /** When the account was deactivated; null while it is active. */
  deactivatedAt: Date | null
  /** When they last signed in; null if never (an invitation not yet taken up). */
  lastSignInAt: Date | null
}

export async function insertUser(db: Db, row: NewUserRow): Promise<number> {
  const result = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow()
  return result.id
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toUser(row)
}

export async function findUserBySlug(db: Db, slug: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toUser(row)
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
  return row && toUser(row)
}

export async function findPasswordHash(db: Db, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.password_hash ?? null
}

export async function updatePasswordHash(
  db: Db,
  userId: number,
  hash: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: now })
    .where('id', '=', userId)
    .execute()
}

export async function isUserSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst()) !==
    undefined
  )
}

/** Everyone, by name (case aside), as the Staff screen and the byline pickers list them. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .orderBy((eb) => eb.fn('lower', ['name']))
    .orderBy('id')
    .execute()
  return rows.map(toUser)
}

/** Change some of a user's columns. */
export async function updateUserRow(db: Db, id: number, update: UserUpdate): Promise<void> {
  await db.updateTable('users').set(update).where('id', '=', id).execute()
}

/** Whether a slug belongs to someone other than `exceptId`. */
export async function isUserSlugTakenByOther(
  db: Db,
  slug: string,
  exceptId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('slug', '=', slug)
    .where('id', '!=', exceptId)
    .executeTakeFirst()
  return row !== undefined
}

/** Delete an account; its sessions and links go with it (ON DELETE CASCADE). */
export async function deleteUserRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute()
}

/** How many stories carry this person's byline (read across to the content tables). */
export async function countBylines(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('article_authors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Owners whose accounts are active. */
export async function countActiveOwners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('deactivated_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slug: row.slug,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    role: row.role,
    social: parseSocial(row.social),
    createdAt: new Date(row.created_at),
    deactivatedAt: row.deactivated_at == null ? null : new Date(Number(row.deactivated_at)),
    lastSignInAt: row.last_sign_in_at == null ? null : new Date(Number(row.last_sign_in_at)),
  }
}

function parseSocial(json: string): SocialLinks {
  try {
    const value = JSON.parse(json) as SocialLinks | null
    return value && typeof value === 'object' ? value : {}
  } catch {
    return {}
  }
}

/**
 * Claim the right to mail a reset link: true for exactly one caller per `intervalMs`, however
 * many ask at once (one conditional UPDATE decides).
 */
export async function claimResetMail(
  db: Db,
  userId: number,
  now: number,
  intervalMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ reset_mail_at: now })
    .where('id', '=', userId)
    .where((eb) =>
      eb.or([eb('reset_mail_at', 'is', null), eb('reset_mail_at', '<=', now - intervalMs)]),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
