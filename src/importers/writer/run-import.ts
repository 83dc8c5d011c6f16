/**
 * Run a whole import: read the export, write it through the domain's use cases, and report.
 * WordPress is read twice, in constant memory: the first pass brings the header (authors,
 * sections, tags) and the attachments into the library, because stories come before the
 * pictures they show, and learns the site's clock and the counts on the way; the second writes
 * the stories in batches.
 */
import { stat } from 'node:fs/promises'
import type { Actor } from '../../auth/index.js'
import { AppError } from '../../errors.js'
import type { MediaDeps } from '../../media/index.js'
import { readGhostExport } from '../ghost/index.js'
import type { ImportRecord, ImportSource } from '../import-model.js'
import { emptyWordPressScan, readWordPressExport, readWordPressHeader } from '../wordpress/index.js'
import { emptyReport, type ImportReport } from './import-report.js'
import { ImportWriter } from './import-writer.js'
import type { MediaMode } from './media-import.js'

export interface ImportProgress {
  /**
   * `scan` (starting to read), `header` (authors, sections, media: `total` is 0, the count of
   * attachments being known only at the end of that read), `stories`.
   */
  phase: 'scan' | 'header' | 'stories'
  done: number
  total: number
}

export interface RunImportOptions {
  /** Where pictures come from; default: left at their old address. */
  media?: MediaMode
  /** Old login or slug → email of a user here who takes over that author's stories. */
  authorMap?: Map<string, string>
  /** Read and count everything, write nothing. */
  dryRun?: boolean
  /** WordPress: the old site's time zone, for dates the export gives only locally. */
  timeZone?: string
  /** Ghost: the old site's address (its export does not say it), for absolute picture URLs. */
  siteUrl?: string
  batchSize?: number
  onProgress?: (progress: ImportProgress) => void
}

/**
 * Import a WordPress (WXR) or Ghost (JSON) export file. A file that is not such an export throws
 * `AppError('VALIDATION_FAILED')` with a one-line message before anything is written.
 * @example const report = await runImport(services, systemActor('wordpress-import'), 'wordpress', 'site.xml', { media: { kind: 'dir', dir: 'uploads' } })
 */
export async function runImport(
  deps: MediaDeps,
  actor: Actor,
  source: ImportSource,
  file: string,
  options: RunImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now()
  await mustBeFile(file)
  const dryRun = options.dryRun ?? false
  const report = emptyReport(source, dryRun)
  const writer = new ImportWriter(deps, actor, report, {
    media: options.media ?? { kind: 'none' },
    authorMap: options.authorMap ?? new Map<string, string>(),
    dryRun,
    batchSize: options.batchSize ?? 200,
  })
  const progress = options.onProgress ?? (() => {})
  if (source === 'wordpress') await wordpress(writer, file, options, progress)
  else await ghost(writer, file, options, progress)
  await writer.finish()
  report.elapsedMs = Date.now() - started
  return report
}

const HEADER = new Set<ImportRecord['kind']>(['site', 'author', 'category', 'tag', 'media'])

async function wordpress(
  writer: ImportWriter,
  file: string,
  options: RunImportOptions,
  progress: (p: ImportProgress) => void,
): Promise<void> {
  progress({ phase: 'scan', done: 0, total: 0 })
  // One read brings the header and the attachments in, counts the stories and learns the clock.
  const scan = emptyWordPressScan()
  const zone = options.timeZone ? { timeZone: options.timeZone } : {}
  let done = 0
  for await (const record of readWordPressHeader(file, scan, zone)) {
    await writer.write(record)
    if (record.kind === 'media' && ++done % 50 === 0) progress({ phase: 'header', done, total: 0 })
  }
  const read = { scan, ...zone }
  const total = (scan.counts.post ?? 0) + (scan.counts.page ?? 0)
  let last = -1
  for await (const record of readWordPressExport(file, read)) {
    if (HEADER.has(record.kind)) continue
    await writer.write(record)
    if (writer.storiesDone !== last) {
      last = writer.storiesDone
      progress({ phase: 'stories', done: last, total })
    }
  }
  await writer.flush()
  progress({ phase: 'stories', done: writer.storiesDone, total })
}

async function ghost(
  writer: ImportWriter,
  file: string,
  options: RunImportOptions,
  progress: (p: ImportProgress) => void,
): Promise<void> {
  const records: ImportRecord[] = []
  for await (const record of readGhostExport(
    file,
    options.siteUrl ? { siteUrl: options.siteUrl } : {},
  ))
    records.push(record)
  const total = records.filter((r) => r.kind === 'article' || r.kind === 'page').length
  let last = -1
  for (const record of records) {
    await writer.write(record)
    if (writer.storiesDone !== last) {
      last = writer.storiesDone
      progress({ phase: 'stories', done: last, total })
    }
  }
  await writer.flush()
  progress({ phase: 'stories', done: writer.storiesDone, total })
}

async function mustBeFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) throw new AppError('VALIDATION_FAILED', `${file}: no such file`)
}
