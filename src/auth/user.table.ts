import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export type Role = 'owner' | 'admin' | 'editor' | 'author' | 'contributor'

export interface UserTable {
  id: Generated<number>
  email: string
  name: string
  slug: string
  bio: Generated<string>
  avatar_url: string | null
  role: Role
  password_hash: string | null
  /** JSON object: { x?, facebook?, instagram?, linkedin?, website? } */
  social: Generated<string>
  created_at: number
  /** When the account was deactivated (it cannot sign in); NULL while active. */
  deactivated_at: number | null
  updated_at: number
  /** When the last password-reset mail went out (one per 15 minutes). */
  reset_mail_at: number | null
  /** Base32 TOTP secret once two-factor sign-in is on; null while off. */
  totp_secret: string | null
  /** The last TOTP time step accepted: a code is refused at or before it (no replay). */
  totp_last_step: number | null
  /** When the person last signed in (a session was started); NULL if never. */
  last_sign_in_at: number | null
}
export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>

/** A single-use recovery code, stored as its SHA-256. */
export interface RecoveryCodeTable {
  id: Generated<number>
  user_id: number
  code_hash: string
  used_at: number | null
}

/** A browser a user has signed in from: the SHA-256 of its `bs_device` cookie. */
export interface UserDeviceTable {
  user_id: number
  device_hash: string
  created_at: number
  last_seen_at: number
}
