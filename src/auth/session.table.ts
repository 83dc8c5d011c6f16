import type { Generated, Insertable, Selectable } from 'kysely'

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string
  user_id: number
  created_at: number
  last_seen_at: number
  expires_at: number
  ip: Generated<string>
  user_agent: Generated<string>
}
export type SessionRow = Selectable<SessionTable>
export type NewSessionRow = Insertable<SessionTable>

/** One failed login, counted per account and per IP by the throttle. */
export interface LoginAttemptTable {
  id: Generated<number>
  account: string
  ip: string
  created_at: number
}

/** `second-factor`: a password was right; the sign-in waits for the TOTP code (5 minutes). */
export type TokenPurpose = 'reset' | 'invite' | 'second-factor'

/** A password-reset or invitation link: the id is the SHA-256 (hex) of the emailed token. */
export interface PasswordResetTable {
  id: string
  user_id: number
  purpose: TokenPurpose
  created_at: number
  expires_at: number
  used_at: number | null
}
export type PasswordResetRow = Selectable<PasswordResetTable>
