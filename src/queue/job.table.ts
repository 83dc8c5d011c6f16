import type { Generated, Selectable } from 'kysely'

export type JobStatus = 'pending' | 'running' | 'done' | 'failed'

export interface JobTable {
  id: Generated<number>
  type: string
  /** JSON */
  payload: Generated<string>
  status: JobStatus
  run_at: number
  attempts: Generated<number>
  max_attempts: Generated<number>
  locked_by: string | null
  locked_until: number | null
  last_error: string | null
  /** Enqueueing the same key twice keeps one job (e.g. one digest per day). */
  unique_key: string | null
  created_at: number
  updated_at: number
}
export type JobRow = Selectable<JobTable>
