/**
 * OPML, the list-of-feeds format every feed reader and aggregator imports and exports. Sources
 * are flattened on import (a folder outline becomes the `folder` of the feeds inside it) and
 * grouped by folder again on export.
 */
import { parseOpml as parseOpmlDocument } from 'feedsmith'
import { escapeHtml } from '../content/index.js'
import { webAddress } from './item-link.js'
import { WireError } from './wire-error.js'

export interface OpmlSource {
  /** The feed's URL (`xmlUrl`). */
  url: string
  title: string | undefined
  /** The site's home page (`htmlUrl`). */
  siteUrl: string | undefined
  /** The enclosing outline's text, or the first part of a `category` path. */
  folder: string | undefined
}

type Outline = {
  text?: string
  title?: string
  xmlUrl?: string
  htmlUrl?: string
  category?: string
  outlines?: Outline[]
}

/** The feeds listed in an OPML document, each URL once. Throws WireError BAD_OPML. */
export function parseOpml(text: string): OpmlSource[] {
  let outlines: Outline[]
  try {
    outlines = parseOpmlDocument(text).body?.outlines ?? []
  } catch (error) {
    // An OPML file with an empty body is a valid, empty list (our own export of no sources).
    if (/<opml[\s>][\s\S]*<body\s*(\/>|>\s*<\/body>)/.test(text)) return []
    throw new WireError('BAD_OPML', 'The file is not a readable OPML list of feeds.', {
      cause: error,
    })
  }
  const sources = new Map<string, OpmlSource>()
  const walk = (list: Outline[], folder: string | undefined) => {
    for (const outline of list) {
      const url = webAddress(outline.xmlUrl)
      const name = (outline.title || outline.text)?.trim() || undefined
      if (url && !sources.has(url))
        sources.set(url, {
          url,
          title: name,
          siteUrl: webAddress(outline.htmlUrl),
          folder: folder ?? categoryFolder(outline.category),
        })
      if (outline.outlines) walk(outline.outlines, url ? folder : (name ?? folder))
    }
  }
  walk(outlines, undefined)
  return [...sources.values()]
}

/** An OPML 2.0 document listing `sources`, folders as outlines holding their feeds. */
export function writeOpml(sources: OpmlSource[], options: { title: string; now: Date }): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeHtml(options.title)}</title>`,
    `    <dateCreated>${options.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ]
  const folders = new Map<string | undefined, OpmlSource[]>()
  for (const source of sources)
    folders.set(source.folder, [...(folders.get(source.folder) ?? []), source])
  for (const [folder, members] of folders) {
    if (folder === undefined) {
      lines.push(...members.map((s) => `    ${outlineFor(s)}`))
      continue
    }
    lines.push(`    <outline text="${escapeHtml(folder)}">`)
    lines.push(...members.map((s) => `      ${outlineFor(s)}`))
    lines.push('    </outline>')
  }
  lines.push('  </body>', '</opml>', '')
  return lines.join('\n')
}

function outlineFor(source: OpmlSource): string {
  const name = escapeHtml(source.title ?? source.url)
  const site = source.siteUrl ? ` htmlUrl="${escapeHtml(source.siteUrl)}"` : ''
  return `<outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeHtml(source.url)}"${site}/>`
}

function categoryFolder(category: string | undefined): string | undefined {
  return category?.split(',')[0]?.replace(/^\//, '').split('/')[0]?.trim() || undefined
}
