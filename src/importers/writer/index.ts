/**
 * The writer stage: an export file in, Broadsheet content out, through the domain's use cases.
 * @example
 * const report = await runImport(services, systemActor('wordpress-import'), 'wordpress', 'site.xml', { dryRun: true })
 * console.log(formatReport(report).join('\n'))
 */
export { runImport, type ImportProgress, type RunImportOptions } from './run-import.js'
export {
  formatReport,
  REPORT_TYPES,
  type ImportReport,
  type ReportCount,
  type ReportType,
} from './import-report.js'
export { uploadPathOf, type MediaMode } from './media-import.js'
