/** What an import did, per type, and what it left behind, by name. */
import type { ImportSource, ImportWarning } from '../import-model.js'

export const REPORT_TYPES = [
  'authors',
  'sections',
  'tags',
  'articles',
  'pages',
  'comments',
  'media',
  'subscribers',
  'menus',
  'redirects',
] as const
export type ReportType = (typeof REPORT_TYPES)[number]

export interface ReportCount {
  /** Written by this run. */
  imported: number
  /** There already from an earlier run, changed on the old site since: rewritten (with a revision). */
  updated: number
  /** There already (an earlier run, or the same address/slug on this site) and left as it was. */
  skipped: number
  failed: number
}

export interface ImportReport {
  source: ImportSource
  /** True when nothing was written (`--dry-run`). */
  dryRun: boolean
  counts: Record<ReportType, ReportCount>
  /** Records never meant to be written, by what they were: revisions, pingbacks, internal tags… */
  ignored: Record<string, number>
  /** Unknown shortcodes dropped (inner text kept). */
  droppedShortcodes: number
  warnings: ImportWarning[]
  elapsedMs: number
}

export function emptyReport(source: ImportSource, dryRun: boolean): ImportReport {
  const counts = {} as Record<ReportType, ReportCount>
  for (const type of REPORT_TYPES) counts[type] = { imported: 0, updated: 0, skipped: 0, failed: 0 }
  return { source, dryRun, counts, ignored: {}, droppedShortcodes: 0, warnings: [], elapsedMs: 0 }
}

/** Warnings kept in full; past this, they are counted (a 50,000-post archive can warn a lot). */
const MAX_WARNINGS = 2_000

export function warn(report: ImportReport, warning: ImportWarning): void {
  if (report.warnings.length < MAX_WARNINGS) report.warnings.push(warning)
  else report.ignored['warnings not listed'] = (report.ignored['warnings not listed'] ?? 0) + 1
}

/** The report as lines of text (the CLI prints it; the newsroom shows it). */
export function formatReport(report: ImportReport): string[] {
  const lines = [
    `${report.dryRun ? 'Dry run of the ' : ''}${report.source === 'wordpress' ? 'WordPress' : 'Ghost'} import${report.dryRun ? ' (nothing was written)' : ''}, ${(report.elapsedMs / 1000).toFixed(1)} s`,
  ]
  lines.push(
    `  ${'type'.padEnd(12)} ${'imported'.padStart(9)} ${'updated'.padStart(8)} ${'skipped'.padStart(9)} ${'failed'.padStart(7)}`,
  )
  for (const type of REPORT_TYPES) {
    const c = report.counts[type]
    if (c.imported + c.updated + c.skipped + c.failed === 0) continue
    lines.push(
      `  ${type.padEnd(12)} ${String(c.imported).padStart(9)} ${String(c.updated).padStart(8)} ${String(c.skipped).padStart(9)} ${String(c.failed).padStart(7)}`,
    )
  }
  const ignored = Object.entries(report.ignored)
  if (ignored.length > 0)
    lines.push(`Not imported: ${ignored.map(([what, n]) => `${n} ${what}`).join(', ')}`)
  if (report.droppedShortcodes > 0)
    lines.push(`Unknown shortcodes dropped (their text kept): ${report.droppedShortcodes}`)
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length}):`)
    for (const w of report.warnings) lines.push(`  - ${w.item ? `${w.item}: ` : ''}${w.message}`)
  }
  return lines
}
