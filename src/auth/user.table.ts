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
}
export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
