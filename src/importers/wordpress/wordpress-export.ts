/**
 * A WordPress export (WXR file) as a stream of import records, in constant memory.
 *
 * Two passes over the file: `scanWordPressExport` counts what is there (for a progress bar) and
 * learns the site's UTC offsets from the dated items; `readWordPressExport` then yields one
 * record at a time in file order: site, authors, sections (parents first), tags, menus, then
 * stories, media and menu items as the file lists them. Media usually come after the stories
 * that show them, so the writer resolves featured images and galleries by source id.
 */
import type { ImportRecord, ImportWarning } from '../import-model.js'
import { OffsetSamples, utcDate, zoneClock, type SiteClock } from '../site-time.js'
import { WordPressContext } from './wordpress-context.js'
import { mapAuthor, mapCategory, mapSite, mapTag, mapTerm } from './wordpress-header.js'
import { mapItem } from './wordpress-items.js'
import type { WxrItem, WxrRecord, WxrSite } from './wxr-records.js'
import { readWxrFile, type WxrReadStats } from './wxr-reader.js'

export interface WordPressScan {
  site: WxrSite
  /** Items by post type (`post`, `page`, `attachment`, `nav_menu_item`…), plus `comment`. */
  counts: Record<string, number>
  bytes: number
  encoding: string
  /** The site's UTC offsets as the export's dated items show them. */
  offsets: OffsetSamples
}

/** Read the file once, quickly: what it holds, and the site's clock. */
export async function scanWordPressExport(path: string): Promise<WordPressScan> {
  const scan = emptyScan()
  const stats: WxrReadStats = { encoding: '', removed: 0, bytes: 0 }
  for await (const record of readWxrFile(path, stats, { skipBodies: true }))
    scanRecord(record, scan)
  scan.bytes = stats.bytes
  scan.encoding = stats.encoding
  return scan
}

function emptyScan(): WordPressScan {
  return {
    site: undefined as unknown as WxrSite,
    counts: {},
    bytes: 0,
    encoding: '',
    offsets: new OffsetSamples(),
  }
}

function scanRecord(record: WxrRecord, scan: WordPressScan): void {
  const { counts, offsets } = scan
  if (record.kind === 'site') scan.site = record.site
  if (record.kind !== 'item') {
    counts[record.kind] = (counts[record.kind] ?? 0) + 1
    return
  }
  const { item } = record
  const type = item.postType || 'post'
  counts[type] = (counts[type] ?? 0) + 1
  counts.comment = (counts.comment ?? 0) + item.comments.length
  offsets.add(item.postDate, item.postDateGmt)
  offsets.add(item.postModified, item.postModifiedGmt)
  for (const comment of item.comments) offsets.add(comment.date, comment.dateGmt)
}

/**
 * The first of an import's two passes, in one read of the file: yield the header (site, authors,
 * sections, tags) and the attachments as media, and fill `scan` (counts, the site's clock) on
 * the way, without converting any story body. An attachment with only a local date waits for
 * the end of the file, where the clock is known (it is held as read: attachments are small).
 * @example
 * const scan = emptyWordPressScan()
 * for await (const record of readWordPressHeader('site.xml', scan)) await write(record)
 * for await (const record of readWordPressExport('site.xml', { scan })) await write(record)
 */
export async function* readWordPressHeader(
  path: string,
  scan: WordPressScan,
  options: { timeZone?: string } = {},
): AsyncGenerator<ImportRecord> {
  const zone = options.timeZone ? zoneClock(options.timeZone) : undefined
  const ctx = new WordPressContext(zone ?? PENDING_CLOCK)
  const waiting: WxrItem[] = []
  const stats: WxrReadStats = { encoding: '', removed: 0, bytes: 0 }
  for await (const record of readWxrFile(path, stats, { skipBodies: true })) {
    scanRecord(record, scan)
    if (record.kind === 'term') continue
    if (record.kind !== 'item') {
      yield* mapRecord(record, ctx)
      continue
    }
    const { item } = record
    if (item.postType !== 'attachment') continue
    if (!zone && !utcDate(item.postDateGmt)) waiting.push(item)
    else yield* mapItem(item, ctx)
  }
  scan.bytes = stats.bytes
  scan.encoding = stats.encoding
  if (waiting.length === 0) return
  ctx.clock = scan.offsets.clock()
  for (const item of waiting) yield* mapItem(item, ctx)
}

/** A new, empty scan for `readWordPressHeader` to fill. */
export function emptyWordPressScan(): WordPressScan {
  return emptyScan()
}

/** The clock of a first pass that has not reached the end of the file yet: never read. */
const PENDING_CLOCK: SiteClock = {
  description: "the export's clock (not read yet)",
  toDate() {
    throw new Error('the site clock is known only at the end of the file')
  },
}

export interface WordPressReadOptions {
  /** The old site's time zone (`Europe/Oslo`, `+02:00`), for times the export gives only locally. */
  timeZone?: string
  /** A scan already made (the progress bar's); made here when missing and no zone is given. */
  scan?: WordPressScan
  /**
   * Yield only the header (site, authors, sections, tags) and attachments, without converting
   * story bodies: the writer's first pass, which brings pictures in before the stories.
   */
  headerAndMediaOnly?: boolean
}

/**
 * Yield the import records of a WordPress export, one at a time.
 * @example
 * const scan = await scanWordPressExport('site.xml') // counts for the progress bar
 * for await (const record of readWordPressExport('site.xml', { scan })) await write(record)
 */
export async function* readWordPressExport(
  path: string,
  options: WordPressReadOptions = {},
): AsyncGenerator<ImportRecord> {
  const clock = await siteClock(path, options)
  const ctx = new WordPressContext(clock)
  const stats: WxrReadStats = { encoding: '', removed: 0, bytes: 0 }
  const only = options.headerAndMediaOnly === true
  for await (const record of readWxrFile(path, stats)) {
    if (only && record.kind === 'item' && record.item.postType !== 'attachment') continue
    yield* mapRecord(record, ctx)
  }
  for (const warning of fileWarnings(ctx, stats)) yield { kind: 'notice', warning }
}

async function siteClock(path: string, options: WordPressReadOptions): Promise<SiteClock> {
  if (options.timeZone) return zoneClock(options.timeZone)
  const scan = options.scan ?? (await scanWordPressExport(path))
  return scan.offsets.clock()
}

function mapRecord(record: WxrRecord, ctx: WordPressContext): ImportRecord[] {
  switch (record.kind) {
    case 'site':
      return [mapSite(record.site, ctx)]
    case 'author':
      return [mapAuthor(record.author, ctx)]
    case 'category':
      return [mapCategory(record.category, ctx)]
    case 'tag':
      return [mapTag(record.tag, ctx)]
    case 'term':
      return [mapTerm(record.term)]
    case 'item':
      return mapItem(record.item, ctx)
  }
}

function fileWarnings(ctx: WordPressContext, stats: WxrReadStats): ImportWarning[] {
  const warnings: ImportWarning[] = []
  if (stats.removed > 0)
    warnings.push({
      item: '',
      message: `${stats.removed} control characters that XML forbids were removed from the text`,
    })
  if (ctx.localTimes > 0)
    warnings.push({
      item: '',
      message: `${ctx.localTimes} dates had no UTC time (drafts, mostly) and were read in ${ctx.clock.description}`,
    })
  return warnings
}
