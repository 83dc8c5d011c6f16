import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { ImportRunRow, ImportRunStatus } from './import-run.table.js'

type Db = Kysely<Database>

/** An import started in the newsroom, as its status page shows it. */
export interface ImportRun {
  id: number
  source: 'wordpress' | 'ghost'
  filename: string
  /** The upload's path in the data directory (for the job; never shown). */
  file: string
  isDryRun: boolean
  status: ImportRunStatus
  phase: string | null
  done: number
  total: number
  attempts: number
  /** The importer's report (JSON-parsed), once done. */
  report: unknown
  error: string | null
  createdBy: number | null
  createdAt: Date
  updatedAt: Date
  finishedAt: Date | null
}

export async function insertImportRun(
  db: Db,
  run: {
    source: string
    filename: string
    file: string
    dryRun: boolean
    createdBy: number | null
  },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({
      source: run.source,
      filename: run.filename.slice(0, 300),
      file: run.file,
      dry_run: run.dryRun ? 1 : 0,
      created_by: run.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findImportRunById(db: Db, id: number): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toImportRun(row)
}

export async function listImportRunRows(db: Db, limit: number): Promise<ImportRun[]> {
  const rows = await db
    .selectFrom('imports')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toImportRun)
}

export async function updateImportRun(
  db: Db,
  id: number,
  values: {
    status?: ImportRunStatus
    phase?: string | null
    done?: number
    total?: number
    report?: string | null
    error?: string | null
    finishedAt?: number | null
  },
  now: number,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      ...(values.status !== undefined && { status: values.status }),
      ...(values.phase !== undefined && { phase: values.phase }),
      ...(values.done !== undefined && { done: values.done }),
      ...(values.total !== undefined && { total: values.total }),
      ...(values.report !== undefined && { report: values.report }),
      ...(values.error !== undefined && { error: values.error?.slice(0, 1000) ?? null }),
      ...(values.finishedAt !== undefined && { finished_at: values.finishedAt }),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
}

/** A new attempt begins: running, its count up, the last attempt's error cleared. */
export async function markImportRunStarted(db: Db, id: number, now: number): Promise<void> {
  await db
    .updateTable('imports')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      error: null,
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute()
}

function toImportRun(row: ImportRunRow): ImportRun {
  return {
    id: row.id,
    source: row.source === 'ghost' ? 'ghost' : 'wordpress',
    filename: row.filename,
    file: row.file,
    isDryRun: row.dry_run === 1,
    status: row.status,
    phase: row.phase,
    done: Number(row.done),
    total: Number(row.total),
    attempts: Number(row.attempts),
    report: row.report === null ? null : (JSON.parse(row.report) as unknown),
    error: row.error,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
    finishedAt: row.finished_at == null ? null : new Date(Number(row.finished_at)),
  }
}

/** Remove finished imports (done or failed) that ended before `before` (ms). Returns how many. */
export async function deleteFinishedImportRuns(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('imports')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
