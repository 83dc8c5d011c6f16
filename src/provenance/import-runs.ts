/**
 * Imports started from the newsroom: the upload is queued as a job, the job records its progress
 * and its report here, and Settings → Import reads them back. Only people who manage settings
 * (owners and admins) start or see them.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { transact, type Kernel } from '../kernel.js'
import { enqueueJob } from '../queue/index.js'
import {
  deleteFinishedImportRuns,
  findImportRunById,
  insertImportRun,
  listImportRunRows,
  markImportRunStarted,
  updateImportRun,
  type ImportRun,
} from './import-run.repository.js'

/** The job that runs a queued import; its payload is `{ importId }`. */
export const IMPORT_JOB = 'import.run'

/** A failing import is tried this often (a restart mid-import does not count as a failure). */
const IMPORT_ATTEMPTS = 3

export interface QueueImportInput {
  source: 'wordpress' | 'ghost'
  /** The name the file was uploaded with, for the screen. */
  filename: string
  /** Where the upload waits (in the data directory); removed when the import is over. */
  file: string
  dryRun: boolean
}

/**
 * Queue an import of an uploaded export: one row to follow it by, one job to run it, committed
 * together. Returns the import's id.
 * @example const id = await queueImport(deps, userActor(owner), { source: 'wordpress', filename: 'site.xml', file, dryRun: false })
 */
export async function queueImport(
  deps: Kernel,
  actor: Actor,
  input: QueueImportInput,
): Promise<number> {
  requirePermission(actor, 'settings.manage')
  return transact(deps, async (tx) => {
    const id = await insertImportRun(
      tx.db,
      { ...input, createdBy: actor.kind === 'user' ? actor.id : null },
      tx.clock.now().getTime(),
    )
    await enqueueJob(tx, IMPORT_JOB, { importId: id }, { maxAttempts: IMPORT_ATTEMPTS })
    await recordAudit(tx, actor, {
      action: 'site.import',
      subjectType: 'settings',
      details: {
        importId: id,
        source: input.source,
        filename: input.filename,
        dryRun: input.dryRun,
      },
    })
    tx.events.emit({ type: 'job.queued', jobType: IMPORT_JOB })
    return id
  })
}

/** One import, for its status page (undefined when there is none with that id). */
export async function findImport(
  deps: Pick<Kernel, 'db'>,
  actor: Actor,
  id: number,
): Promise<ImportRun | undefined> {
  requirePermission(actor, 'settings.manage')
  return findImportRunById(deps.db, id)
}

/** The latest imports, newest first. */
export async function listImports(
  deps: Pick<Kernel, 'db'>,
  actor: Actor,
  limit = 10,
): Promise<ImportRun[]> {
  requirePermission(actor, 'settings.manage')
  return listImportRunRows(deps.db, limit)
}

/**
 * The job begins an attempt: the import is running again. Returns it, or undefined when it is
 * gone or already over (a job that ran twice does nothing the second time).
 */
export async function beginImportAttempt(
  deps: Pick<Kernel, 'db' | 'clock'>,
  id: number,
): Promise<ImportRun | undefined> {
  const run = await findImportRunById(deps.db, id)
  if (!run || run.status === 'done' || run.status === 'failed') return undefined
  await markImportRunStarted(deps.db, id, deps.clock.now().getTime())
  return findImportRunById(deps.db, id)
}

/** Where a running import is: its phase, and how far through it. */
export async function recordImportProgress(
  deps: Pick<Kernel, 'db' | 'clock'>,
  id: number,
  progress: { phase: string; done: number; total: number },
): Promise<void> {
  await updateImportRun(deps.db, id, progress, deps.clock.now().getTime())
}

/** The import is over: its report (the importer's, as JSON). */
export async function finishImport(
  deps: Pick<Kernel, 'db' | 'clock'>,
  id: number,
  report: unknown,
): Promise<void> {
  const now = deps.clock.now().getTime()
  await updateImportRun(
    deps.db,
    id,
    { status: 'done', report: JSON.stringify(report), error: null, finishedAt: now },
    now,
  )
}

/**
 * An attempt failed with `message` (shown to the person who imported). When `isFinal`, the
 * import is over; otherwise it waits for the queue's retry.
 */
export async function recordImportFailure(
  deps: Pick<Kernel, 'db' | 'clock'>,
  id: number,
  message: string,
  isFinal: boolean,
): Promise<void> {
  const now = deps.clock.now().getTime()
  await updateImportRun(
    deps.db,
    id,
    isFinal
      ? { status: 'failed', error: message, finishedAt: now }
      : { status: 'queued', error: message },
    now,
  )
}

/** How long a finished import's row and report stay on the Import screen. */
export const IMPORT_HISTORY_DAYS = 90

/**
 * Forget imports that finished more than 90 days ago (the daily clean-up). Returns how many.
 * @example await pruneImports(deps) // 2
 */
export async function pruneImports(deps: Pick<Kernel, 'db' | 'clock'>): Promise<number> {
  const before = deps.clock.now().getTime() - IMPORT_HISTORY_DAYS * 24 * 3_600_000
  return deleteFinishedImportRuns(deps.db, before)
}
