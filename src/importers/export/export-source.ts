/**
 * What every export reads, in id order, a page at a time: the site, its people and taxonomies
 * (small, read whole), then articles with their comments and pages (streamed). Reads only
 * through the domain's read models.
 */
import { listUsers, type User } from '../../auth/index.js'
import { listCommentsForExport, type ExportComment } from '../../comments/index.js'
import {
  findArticle,
  listArticleIdsForExport,
  listCategories,
  listPagesForExport,
  listTagsWithCounts,
  type Article,
  type Category,
  type ExportPage,
  type TagWithCount,
} from '../../content/index.js'
import type { Kernel } from '../../kernel.js'
import {
  findMenuItems,
  findSettings,
  type MenuItem,
  type SiteSettings,
} from '../../settings/index.js'

export interface ExportDeps extends Kernel {
  /** The site's public address (`https://news.example.org`), for absolute links. */
  publicUrl: string
}

export interface ExportHeader {
  settings: SiteSettings
  users: User[]
  sections: Category[]
  tags: TagWithCount[]
  /** The site's menus that have items, by location (`primary`, `footer`). */
  menus: { location: string; items: MenuItem[] }[]
}

/** The menus the site shows. */
export const MENU_LOCATIONS = ['primary', 'footer'] as const

export async function readHeader(deps: ExportDeps): Promise<ExportHeader> {
  const [settings, users, sections, tags, ...menuItems] = await Promise.all([
    findSettings(deps),
    listUsers(deps),
    listCategories(deps),
    listTagsWithCounts(deps, 'all'),
    ...MENU_LOCATIONS.map((location) => findMenuItems(deps, location)),
  ])
  const menus = MENU_LOCATIONS.map((location, i) => ({ location, items: menuItems[i]! })).filter(
    (m) => m.items.length > 0,
  )
  return { settings, users, sections, tags, menus }
}

/** Articles in id order with their comments, `pageSize` at a time. */
export async function* readArticles(
  deps: ExportDeps,
  pageSize = 200,
): AsyncGenerator<{ article: Article; comments: ExportComment[] }> {
  let after = 0
  for (;;) {
    const ids = await listArticleIdsForExport(deps, after, pageSize)
    if (ids.length === 0) return
    const comments = await listCommentsForExport(deps, ids)
    const byArticle = new Map<number, ExportComment[]>()
    for (const c of comments) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c])
    for (const id of ids) {
      const article = await findArticle(deps, id)
      if (article) yield { article, comments: byArticle.get(id) ?? [] }
    }
    after = ids[ids.length - 1]!
  }
}

export async function* readPages(deps: ExportDeps, pageSize = 200): AsyncGenerator<ExportPage> {
  let after = 0
  for (;;) {
    const pages = await listPagesForExport(deps, after, pageSize)
    if (pages.length === 0) return
    yield* pages
    after = pages[pages.length - 1]!.id
  }
}

/** Write text to a stream, waiting when its buffer is full (constant memory at any size). */
export function streamWriter(stream: NodeJS.WritableStream): (text: string) => Promise<void> {
  return async (text) => {
    if (!stream.write(text))
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
  }
}

export function absolute(publicUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${publicUrl.replace(/\/+$/, '')}${path}`
}
