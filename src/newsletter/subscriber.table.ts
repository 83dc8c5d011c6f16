import type { Generated, Selectable } from 'kysely'

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'bounced' | 'complained'

export interface SubscriberTable {
  id: Generated<number>
  email: string
  name: Generated<string>
  status: SubscriberStatus
  source: Generated<string>
  created_at: number
  confirmed_at: number | null
  unsubscribed_at: number | null
}
export type SubscriberRow = Selectable<SubscriberTable>
