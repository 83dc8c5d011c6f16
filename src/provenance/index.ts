/**
 * Provenance of imported objects: old site + old id → Broadsheet id. Import use cases record
 * keys inside their own transactions; importers read them to skip what is already there.
 * @example const done = await findImportTargets(deps, 'wordpress:https://old.example', 'article', ['41', '42'])
 */
export {
  findImportFingerprints,
  findImportTargets,
  hasImportTargets,
  listImportTargets,
  recordImportKeys,
  type ImportOrigin,
} from './import-keys.js'
export type { ImportKind } from './import-key.table.js'
/**
 * Imports started from the newsroom: queued as a job, followed by their progress and report.
 * @example const id = await queueImport(deps, actor, { source: 'wordpress', filename, file, dryRun: false })
 */
export {
  beginImportAttempt,
  findImport,
  finishImport,
  IMPORT_JOB,
  listImports,
  pruneImports,
  queueImport,
  recordImportFailure,
  recordImportProgress,
  type QueueImportInput,
} from './import-runs.js'
export type { ImportRun } from './import-run.repository.js'
export type { ImportRunStatus } from './import-run.table.js'
