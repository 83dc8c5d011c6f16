import type { Generated, Selectable } from 'kysely'

/** `queued` (waiting for the job runner, or for a retry), `running`, `done`, `failed`. */
export type ImportRunStatus = 'queued' | 'running' | 'done' | 'failed'

export interface ImportRunTable {
  id: Generated<number>
  /** `wordpress` or `ghost`. */
  source: string
  /** The name the file was uploaded with (shown; never used as a path). */
  filename: string
  /** Where the upload waits in the data directory until the import is over. */
  file: string
  dry_run: Generated<number>
  status: Generated<ImportRunStatus>
  phase: string | null
  done: Generated<number>
  total: Generated<number>
  attempts: Generated<number>
  /** JSON: the importer's report, once done. */
  report: string | null
  error: string | null
  created_by: number | null
  created_at: number
  updated_at: number
  finished_at: number | null
}
export type ImportRunRow = Selectable<ImportRunTable>
