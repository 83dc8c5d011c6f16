import type { Generated, Selectable } from 'kysely'

export interface ContactMessageTable {
  id: Generated<number>
  name: string
  email: string
  subject: string
  message: string
  created_at: number
}
export type ContactMessageRow = Selectable<ContactMessageTable>
