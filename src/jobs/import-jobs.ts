/**
 * Imports started in the newsroom, run by the job runner: the upload waiting in the data
 * directory goes through the same `runImport` as `broadsheet import`, and the import's row
 * follows it (phase, done of total, then the report or the error). Imports are keyed by source
 * id, so an attempt cut short by a restart is simply run again: what was committed is skipped.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { can, findUserById, userActor, type Actor } from '../auth/index.js'
import { AppError } from '../errors.js'
import { runImport, type ImportProgress } from '../importers/index.js'
import {
  beginImportAttempt,
  finishImport,
  IMPORT_JOB,
  recordImportFailure,
  recordImportProgress,
  type ImportRun,
} from '../provenance/index.js'
import type { Services } from '../services.js'
import type { JobHandler, JobLease } from './job-runner.js'
import type { Job } from '../queue/index.js'

/** Progress is written at most this often (and at every change of phase). */
const PROGRESS_MS = 500
/** The job's lock is renewed this often, for this long: a dead process's import restarts soon. */
const HEARTBEAT_MS = 15_000
const LEASE_MS = 60_000

/** Outside the runner (a test calling the handler), there is no lock to keep. */
const NO_LEASE: JobLease = { extend: () => Promise.resolve() }

export function importJobs(services: Services): { handlers: Record<string, JobHandler> } {
  return {
    handlers: {
      [IMPORT_JOB]: async (payload, job, lease) => {
        const id = Number((payload as { importId?: unknown }).importId)
        const run = await beginImportAttempt(services, id)
        if (run) await runQueuedImport(services, run, job, lease ?? NO_LEASE)
      },
    },
  }
}

async function runQueuedImport(
  services: Services,
  run: ImportRun,
  job: Job,
  lease: JobLease,
): Promise<void> {
  const progress = progressWriter(services, run.id)
  const heartbeat = setInterval(() => void lease.extend(LEASE_MS).catch(() => {}), HEARTBEAT_MS)
  try {
    await lease.extend(LEASE_MS)
    const actor = await importActor(services, run)
    const report = await runImport(services, actor, run.source, run.file, {
      dryRun: run.isDryRun,
      onProgress: progress.update,
    })
    await progress.settle()
    await finishImport(services, run.id, report)
    await rm(run.file, { force: true })
  } catch (error) {
    await progress.settle()
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      // Not an export this importer reads: retrying cannot help.
      await recordImportFailure(services, run.id, describeRefusal(error, run), true)
      await rm(run.file, { force: true })
      return
    }
    const isFinal = job.attempts >= job.maxAttempts
    await recordImportFailure(
      services,
      run.id,
      isFinal
        ? 'The import stopped on an unexpected error (it is in the server log). What it wrote is kept; importing the file again carries on.'
        : `Attempt ${job.attempts} stopped on an unexpected error (it is in the server log); it will be tried again.`,
      isFinal,
    )
    if (isFinal) await rm(run.file, { force: true })
    throw error
  } finally {
    clearInterval(heartbeat)
  }
}

/**
 * Writes progress without slowing the import: at most one write in flight and one every
 * PROGRESS_MS (a change of phase goes at once); the latest figures always win.
 */
function progressWriter(services: Services, id: number) {
  let latest: ImportProgress | undefined
  let written: ImportProgress | undefined
  let lastAt = 0
  let inFlight: Promise<void> = Promise.resolve()
  let busy = false
  const flush = () => {
    if (busy || !latest || latest === written) return
    const next = latest
    busy = true
    lastAt = Date.now()
    written = next
    inFlight = recordImportProgress(services, id, next)
      .catch(() => {})
      .finally(() => {
        busy = false
      })
  }
  return {
    update: (next: ImportProgress) => {
      const phaseChanged = next.phase !== latest?.phase
      latest = next
      if (phaseChanged || Date.now() - lastAt >= PROGRESS_MS) flush()
    },
    settle: async () => {
      await inFlight
      flush()
      await inFlight
    },
  }
}

/** The import writes as the person who started it, while they may still manage the site. */
async function importActor(services: Services, run: ImportRun): Promise<Actor> {
  const user = run.createdBy === null ? undefined : await findUserById(services, run.createdBy)
  if (!user || user.deactivatedAt !== null || !can(user, 'settings.manage'))
    throw new AppError(
      'VALIDATION_FAILED',
      'The person who started this import can no longer manage the site.',
    )
  return userActor(user)
}

/** The importer names the file by its path here; the screen names it as it was uploaded. */
function describeRefusal(error: AppError, run: ImportRun): string {
  return error.message
    .replaceAll(run.file, run.filename)
    .replaceAll(path.basename(run.file), run.filename)
}
