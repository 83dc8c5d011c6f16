/** Ghost JSON exports read as import records. */
/**
 * Read a Ghost export (`{db: [{meta, data}]}` or `{meta, data}`): site, authors, tags, menus,
 * posts and pages, members as subscribers, redirects.
 * @example for (const record of ghostRecords(JSON.parse(text), 'site.json', { siteUrl })) …
 */
export { ghostRecords, readGhostExport, type GhostReadOptions } from './ghost-export.js'
/** Ghost's redirects.json / redirects.yaml, which live beside the export, not in it. */
export { parseGhostRedirects } from './ghost-redirects.js'
/** The document renderers, for a post whose export has no `html`. */
export { renderLexical } from './lexical-html.js'
export { renderMobiledoc } from './mobiledoc-html.js'
export type { GhostRenderContext } from './ghost-cards.js'
