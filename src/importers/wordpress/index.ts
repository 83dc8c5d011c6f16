/** WordPress exports (WXR) read as import records. */
/**
 * Stream a WXR file's records: site, authors, sections, tags, menus, then stories, media and
 * menu items in file order. `scanWordPressExport` counts first (progress) and learns the clock;
 * `readWordPressHeader` does that in the same read as the header and the attachments.
 * @example
 * const scan = await scanWordPressExport('site.xml')
 * for await (const record of readWordPressExport('site.xml', { scan })) await write(record)
 */
export {
  emptyWordPressScan,
  readWordPressExport,
  readWordPressHeader,
  scanWordPressExport,
  type WordPressReadOptions,
  type WordPressScan,
} from './wordpress-export.js'
/** One post body converted (paragraphs, blocks, shortcodes, embeds), for previews and tests. */
export { convertWordPressBody, type WordPressBody } from './wordpress-body.js'
/** The raw streaming reader, when the WordPress shape itself is wanted. */
export { readWxr, readWxrFile } from './wxr-reader.js'
export type { WxrItem, WxrRecord } from './wxr-records.js'
