/**
 * Menus from an export: WordPress `nav_menu` terms with their `nav_menu_item`s (which come after
 * the stories they link to), Ghost's primary and secondary navigation. They are gathered while
 * the run goes and written at its end, when every section, page and story they point at has its
 * Broadsheet id. The site shows two menus, `primary` and `footer`: a menu goes where its slug or
 * name says (`footer`, `secondary` → footer), else to the first free one.
 */
import type { Actor } from '../../auth/index.js'
import { articlePath, findArticle } from '../../content/index.js'
import type { MediaDeps } from '../../media/index.js'
import { findImportTargets } from '../../provenance/index.js'
import { importMenu, type NewMenuTreeItem } from '../../settings/index.js'
import type { ImportMenu, ImportMenuItem } from '../import-model.js'
import { warn, type ImportReport } from './import-report.js'

export interface MenuContext {
  deps: MediaDeps
  actor: Actor
  report: ImportReport
  source: string
  /** The old site's address: links into it become root-relative (the redirects take them on). */
  siteUrl: string
  timeZone: string
  dryRun: boolean
  tags: Map<string, { slug: string; name: string }>
  categoryNames: Map<string, string>
  pageTitles: Map<string, string>
}

export const MENU_LOCATIONS = ['primary', 'footer'] as const

interface GatheredMenu {
  sourceId: string
  slug: string
  name: string
  items: ImportMenuItem[]
}

export class ImportMenus {
  private readonly bySlug = new Map<string, GatheredMenu>()

  add(menu: ImportMenu): void {
    const known = this.bySlug.get(menu.slug)
    if (known) {
      known.sourceId = menu.sourceId
      known.name = menu.name
      known.items.push(...menu.items)
    } else this.bySlug.set(menu.slug, { ...menu, items: [...menu.items] })
  }

  addItem(item: ImportMenuItem): void {
    let menu = this.bySlug.get(item.menuSlug)
    if (!menu) {
      menu = { sourceId: item.menuSlug, slug: item.menuSlug, name: item.menuSlug, items: [] }
      this.bySlug.set(item.menuSlug, menu)
    }
    menu.items.push(item)
  }

  async write(ctx: MenuContext): Promise<void> {
    const counts = ctx.report.counts.menus
    const placed = placeMenus([...this.bySlug.values()].filter((m) => m.items.length > 0))
    for (const { menu, location } of placed) {
      if (location === undefined) {
        counts.skipped++
        warn(ctx.report, {
          item: `menu ${menu.slug}`,
          message: `the site shows two menus (${MENU_LOCATIONS.join(', ')}), both taken by this import`,
        })
        continue
      }
      if (ctx.dryRun) {
        counts.imported++
        continue
      }
      try {
        const items = await resolveItems(ctx, menu)
        const outcome = await importMenu(ctx.deps, ctx.actor, {
          location,
          name: menu.name.slice(0, 200) || menu.slug,
          items,
          origin: { source: ctx.source, id: menu.sourceId },
        })
        counts[outcome === 'written' ? 'imported' : 'skipped']++
        if (outcome === 'kept')
          warn(ctx.report, {
            item: `menu ${menu.slug}`,
            message: `the ${location} menu made here was kept`,
          })
      } catch (error) {
        counts.failed++
        warn(ctx.report, { item: `menu ${menu.slug}`, message: (error as Error).message })
      }
    }
  }
}

/** Each menu's location: named by its slug or name, else the first one still free. */
export function placeMenus<M extends { slug: string; name: string }>(
  menus: M[],
): { menu: M; location: string | undefined }[] {
  const wants = (m: M): string | undefined => {
    const words = `${m.slug} ${m.name}`.toLowerCase()
    if (/footer|secondary/.test(words)) return 'footer'
    if (/primary|main|header|top/.test(words)) return 'primary'
    return undefined
  }
  const taken = new Set<string>()
  const out = menus.map((menu) => {
    const wanted = wants(menu)
    if (wanted && !taken.has(wanted)) {
      taken.add(wanted)
      return { menu, location: wanted }
    }
    return { menu, location: undefined as string | undefined }
  })
  for (const entry of out)
    if (entry.location === undefined) {
      entry.location = MENU_LOCATIONS.find((l) => !taken.has(l))
      if (entry.location) taken.add(entry.location)
    }
  return out
}

/** Items parents first, targets turned into this site's sections, pages and addresses. */
async function resolveItems(ctx: MenuContext, menu: GatheredMenu): Promise<NewMenuTreeItem[]> {
  const ordered = treeOrder(menu.items)
  const ids = (kind: 'article' | 'page' | 'category') =>
    findImportTargets(
      ctx.deps,
      ctx.source,
      kind,
      ordered.flatMap((i) => (i.target.kind === kind ? [i.target.sourceId] : [])),
    )
  const [articles, pages, categories] = await Promise.all([
    ids('article'),
    ids('page'),
    ids('category'),
  ])
  const index = new Map<string, number>()
  const out: NewMenuTreeItem[] = []
  for (const item of ordered) {
    const resolved = await resolveTarget(ctx, item, { articles, pages, categories })
    if (!resolved) {
      warn(ctx.report, {
        item: `menu ${menu.slug}`,
        message: `the link “${item.label || item.sourceId}” points at something not imported; left out`,
      })
      continue
    }
    const parent = item.parentSourceId === null ? undefined : index.get(item.parentSourceId)
    index.set(item.sourceId, out.length)
    out.push({ ...resolved, label: resolved.label.slice(0, 200), parent: parent ?? null })
  }
  return out
}

async function resolveTarget(
  ctx: MenuContext,
  item: ImportMenuItem,
  ids: Record<'articles' | 'pages' | 'categories', Map<string, number>>,
): Promise<Omit<NewMenuTreeItem, 'parent'> | undefined> {
  const target = item.target
  switch (target.kind) {
    case 'url': {
      const url = localUrl(target.url, ctx.siteUrl)
      return url ? { label: item.label || url, url } : undefined
    }
    case 'category': {
      const categoryId = ids.categories.get(target.sourceId)
      if (categoryId === undefined) return undefined
      return { label: item.label || ctx.categoryNames.get(target.sourceId) || '', categoryId }
    }
    case 'page': {
      const pageId = ids.pages.get(target.sourceId)
      if (pageId === undefined) return undefined
      return { label: item.label || ctx.pageTitles.get(target.sourceId) || '', pageId }
    }
    case 'tag': {
      const tag = ctx.tags.get(target.sourceId)
      return tag ? { label: item.label || tag.name, url: `/tag/${tag.slug}/` } : undefined
    }
    case 'article': {
      const id = ids.articles.get(target.sourceId)
      const article = id === undefined ? undefined : await findArticle(ctx.deps, id)
      if (!article) return undefined
      return { label: item.label || article.title, url: articlePath(article, ctx.timeZone) }
    }
  }
}

/** A link into the old site becomes root-relative; other http(s) links and paths stay. */
export function localUrl(url: string, siteUrl: string): string {
  const trimmed = url.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed
  if (!/^https?:\/\//i.test(trimmed)) return ''
  const base = siteUrl.replace(/\/+$/, '')
  if (base && (trimmed === base || trimmed.startsWith(`${base}/`)))
    return trimmed.slice(base.length) || '/'
  return trimmed
}

function treeOrder(items: ImportMenuItem[]): ImportMenuItem[] {
  const sorted = [...items].sort((a, b) => a.position - b.position)
  const ids = new Set(sorted.map((i) => i.sourceId))
  const out: ImportMenuItem[] = []
  const visit = (parent: string | null) => {
    for (const item of sorted) {
      const itsParent =
        item.parentSourceId !== null && ids.has(item.parentSourceId) ? item.parentSourceId : null
      if (itsParent === parent && !out.includes(item)) {
        out.push(item)
        visit(item.sourceId)
      }
    }
  }
  visit(null)
  return out
}
