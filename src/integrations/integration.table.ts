import type { Generated, Selectable } from 'kysely'
import type { Role } from '../auth/index.js'

export interface IntegrationTable {
  id: Generated<number>
  name: string
  role: Role
  /** 26 hex characters, sent as `?key=` by Content API clients. */
  content_key: string
  /** 24 hex characters: the `kid` of the client's tokens and the part before the colon. */
  admin_key_id: string
  /** 64 hex characters; hex-decoded, it signs the client's HS256 tokens. */
  admin_secret: string
  created_by: number | null
  created_at: number
  updated_at: number
}
export type IntegrationRow = Selectable<IntegrationTable>
