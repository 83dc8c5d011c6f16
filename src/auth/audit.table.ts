import type { Generated, Selectable } from 'kysely'

export interface AuditLogTable {
  id: Generated<number>
  /** The person who acted; null for integrations and the system. */
  user_id: number | null
  /** 'user', 'integration' or 'system'. */
  actor_kind: Generated<string>
  /** The integration's or the system job's name (empty for people: their name is looked up). */
  actor_name: Generated<string>
  integration_id: number | null
  action: string
  subject_type: string
  subject_id: number | null
  /** JSON object with whatever the action needs to be understood later. */
  details: Generated<string>
  created_at: number
}
export type AuditLogRow = Selectable<AuditLogTable>
