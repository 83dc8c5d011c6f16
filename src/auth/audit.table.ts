import type { Generated, Selectable } from 'kysely'

export interface AuditLogTable {
  id: Generated<number>
  user_id: number | null
  action: string
  subject_type: string
  subject_id: number | null
  /** JSON object with whatever the action needs to be understood later. */
  details: Generated<string>
  created_at: number
}
export type AuditLogRow = Selectable<AuditLogTable>
