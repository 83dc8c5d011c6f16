/**
 * Importers: WordPress and Ghost exports read into one import model (`import-model.ts`), which
 * the writer stage hands to the domain's use cases. Nothing here writes.
 */
export type * from './import-model.js'
/** Swap imported bodies' old image URLs and gallery placeholders for media-library pictures. */
export {
  originalUploadUrl,
  resolveBodyMedia,
  type BodyMediaLookup,
  type LibraryImage,
} from './body-media.js'
/** Imported HTML in the editor's shapes, sanitized (both sources use it; so can others). */
export { toEditorHtml, type EditorHtml } from './editor-shapes.js'
export { readWordPressExport, scanWordPressExport } from './wordpress/index.js'
export type { WordPressReadOptions, WordPressScan } from './wordpress/index.js'
export { parseGhostRedirects, readGhostExport } from './ghost/index.js'
export type { GhostReadOptions } from './ghost/index.js'
/** Write an export into this site through the domain's use cases, and report what happened. */
export {
  formatReport,
  REPORT_TYPES,
  runImport,
  type ImportProgress,
  type ImportReport,
  type MediaMode,
  type RunImportOptions,
} from './writer/index.js'
/** Full exports: WordPress WXR 1.2 and Ghost JSON, streamed a story at a time. */
export { exportWordPress } from './export/wordpress-wxr.js'
export { exportGhost } from './export/ghost-json.js'
export type { ExportDeps } from './export/export-source.js'
/**
 * The Broadsheet JSON backup: everything a site holds (no secrets), written and restored a record
 * at a time. `importBackup` restores into an empty site only.
 * @example await exportBackup(services, process.stdout)
 */
export { exportBackup, type BackupCounts } from './backup/backup-json-export.js'
export {
  importBackup,
  type BackupImportOptions,
  type BackupImportReport,
} from './backup/backup-json-import.js'
export { BACKUP_FORMAT, BACKUP_VERSION } from './backup/backup-format.js'
