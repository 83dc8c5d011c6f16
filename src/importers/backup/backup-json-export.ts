/**
 * `broadsheet export json`: the whole site as a Broadsheet JSON backup (`backup-format.ts`),
 * written a record at a time with back-pressure, so memory stays flat at any archive size.
 * Left out on purpose: password hashes, second-factor secrets, sessions and tokens, the site
 * secret that signs subscriber links, integrations (API keys) and webhooks (secrets), the audit
 * log, page-view counts, queued jobs, revisions and the editor's document form of bodies.
 */
import { listUsers } from '../../auth/index.js'
import type { ExportComment } from '../../comments/index.js'
import { listContactMessagesForExport } from '../../contact/index.js'
import {
  listCategories,
  listRedirectsForExport,
  listTagsForExport,
  type Article,
  type Category,
} from '../../content/index.js'
import { listMediaForExport } from '../../media/index.js'
import { listSubscribersForExport } from '../../newsletter/index.js'
import { findMenuItems, findSettings } from '../../settings/index.js'
import {
  MENU_LOCATIONS,
  readArticles,
  readPages,
  streamWriter,
  type ExportDeps,
} from '../export/export-source.js'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupArticle,
  type BackupComment,
  type BackupHeader,
  type BackupList,
  type BackupMenu,
  type BackupRecords,
  type BackupSection,
} from './backup-format.js'

export interface BackupCounts {
  articles: number
  pages: number
  comments: number
}

const iso = (d: Date | null) => d?.toISOString() ?? null

/**
 * Write the site as a JSON backup to `out`.
 * @example await exportBackup(services, process.stdout)
 */
export async function exportBackup(
  deps: ExportDeps,
  out: NodeJS.WritableStream,
): Promise<BackupCounts> {
  const write = streamWriter(out)
  const counts = { articles: 0, pages: 0, comments: 0 }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: deps.clock.now().toISOString(),
    publicUrl: deps.publicUrl,
  }
  await write(`${JSON.stringify(header).slice(0, -1)},\n`)
  await write(`"settings":${JSON.stringify(await findSettings(deps))},\n`)

  const list = async <K extends BackupList>(
    name: K,
    records: AsyncIterable<BackupRecords[K]>,
    last = false,
  ) => {
    await write(`"${name}":[\n`)
    let first = true
    for await (const record of records) {
      await write(`${first ? '' : ',\n'}${JSON.stringify(record)}`)
      first = false
    }
    await write(`${first ? '' : '\n'}]${last ? '' : ','}\n`)
  }

  const users = await listUsers(deps)
  const emailOf = new Map(users.map((u) => [u.id, u.email]))
  const email = (id: number | null) => (id === null ? null : (emailOf.get(id) ?? null))
  await list(
    'users',
    each(users, (u) => ({
      email: u.email,
      name: u.name,
      slug: u.slug,
      role: u.role,
      bio: u.bio,
      avatarUrl: u.avatarUrl,
      social: u.social,
      createdAt: u.createdAt.toISOString(),
      deactivatedAt: iso(u.deactivatedAt),
    })),
  )
  const sections = treeOrder(await listCategories(deps))
  const sectionSlug = new Map(sections.map((s) => [s.id, s.slug]))
  await list(
    'sections',
    each(sections, (s): BackupSection => ({
      slug: s.slug,
      name: s.name,
      description: s.description,
      parent: s.parentId === null ? null : (sectionSlug.get(s.parentId) ?? null),
    })),
  )
  await list(
    'tags',
    paged(
      (after) => listTagsForExport(deps, after),
      (t) => ({ slug: t.slug, name: t.name, description: t.description }),
    ),
  )
  const mediaPath = new Map<number, string>()
  await list(
    'media',
    paged(
      (after) => listMediaForExport(deps, after),
      (m) => {
        mediaPath.set(m.id, m.path)
        return {
          path: m.path,
          mimeType: m.mimeType,
          width: m.width,
          height: m.height,
          bytes: m.bytes,
          alt: m.alt,
          caption: m.caption,
          credit: m.credit,
          uploadedBy: email(m.uploadedBy),
          createdAt: m.createdAt.toISOString(),
          variants: m.variants.map((v) => ({
            kind: v.kind,
            format: v.format,
            width: v.width,
            height: v.height,
            bytes: v.bytes,
            path: v.path,
          })),
        }
      },
    ),
  )
  const pageSlug = new Map<number, string>()
  await list(
    'pages',
    mapAsync(readPages(deps), (p) => {
      pageSlug.set(p.id, p.slug)
      counts.pages++
      return {
        slug: p.slug,
        title: p.title,
        status: p.status,
        bodyHtml: p.bodyHtml,
        author: email(p.authorId),
        seoTitle: p.seoTitle,
        seoDescription: p.seoDescription,
        publishedAt: iso(p.publishedAt),
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      }
    }),
  )
  await list(
    'articles',
    mapAsync(readArticles(deps), ({ article, comments }) => {
      counts.articles++
      counts.comments += comments.length
      return articleRecord(article, comments, email, mediaPath)
    }),
  )
  const menus: BackupMenu[] = []
  for (const location of MENU_LOCATIONS) {
    const items = await findMenuItems(deps, location)
    if (items.length === 0) continue
    const index = new Map(items.map((item, i) => [item.id, i]))
    menus.push({
      location,
      items: items.map((item) => ({
        label: item.label,
        section: item.categoryId === null ? null : (sectionSlug.get(item.categoryId) ?? null),
        page: item.pageId === null ? null : (pageSlug.get(item.pageId) ?? null),
        url: item.url,
        parent: item.parentId === null ? null : (index.get(item.parentId) ?? null),
      })),
    })
  }
  await list(
    'menus',
    each(menus, (m) => m),
  )
  await list(
    'subscribers',
    paged(
      (after) => listSubscribersForExport(deps, after),
      (s) => ({
        email: s.email,
        name: s.name,
        status: s.status,
        source: s.source,
        createdAt: s.createdAt.toISOString(),
        confirmedAt: iso(s.confirmedAt),
        unsubscribedAt: iso(s.unsubscribedAt),
      }),
    ),
  )
  await list(
    'contactMessages',
    paged(
      (after) => listContactMessagesForExport(deps, after),
      (m) => ({
        name: m.name,
        email: m.email,
        subject: m.subject,
        message: m.message,
        createdAt: m.createdAt.toISOString(),
      }),
    ),
  )
  await list(
    'redirects',
    paged(
      (after) => listRedirectsForExport(deps, after),
      (r) => ({ from: r.fromPath, to: r.toPath, status: r.statusCode }),
    ),
    true,
  )
  await write('}\n')
  return counts
}

function articleRecord(
  article: Article,
  comments: ExportComment[],
  email: (id: number | null) => string | null,
  mediaPath: Map<number, string>,
): BackupArticle {
  const primary = article.category?.slug
  const sections = article.categories.map((c) => c.slug)
  const image = article.image
  const featured = image ? mediaPath.get(image.mediaId) : undefined
  return {
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    excerpt: article.excerpt,
    bodyHtml: article.bodyHtml,
    status: article.status,
    publishedAt: iso(article.publishedAt),
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    authors: article.authors.flatMap((a) => email(a.id) ?? []),
    sections: primary ? [primary, ...sections.filter((s) => s !== primary)] : sections,
    tags: article.tags.map((t) => t.slug),
    featuredImage:
      image && featured
        ? { media: featured, alt: image.alt, caption: image.caption, credit: image.credit }
        : null,
    isEditorsPick: article.isEditorsPick,
    isFeatured: article.isFeatured,
    allowComments: article.allowComments,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    canonicalUrl: article.canonicalUrl,
    comments: threads(comments, email),
  }
}

/** Comments as trees: each reply under its parent, oldest first at every level. */
function threads(
  comments: ExportComment[],
  email: (id: number | null) => string | null,
): BackupComment[] {
  const byParent = new Map<number | null, ExportComment[]>()
  const ids = new Set(comments.map((c) => c.id))
  for (const c of comments) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), c])
  }
  const build = (parent: number | null): BackupComment[] =>
    (byParent.get(parent) ?? []).map((c) => ({
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      authorUrl: c.authorUrl,
      user: email(c.userId),
      body: c.body,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      replies: build(c.id),
    }))
  return build(null)
}

/** Sections with every parent before its children (siblings in the site's order). */
export function treeOrder(sections: Category[]): Category[] {
  const out: Category[] = []
  const visit = (parentId: number | null) => {
    for (const s of sections.filter((x) => x.parentId === parentId)) {
      out.push(s)
      visit(s.id)
    }
  }
  visit(null)
  // A section whose parent is missing still goes out, at the end.
  for (const s of sections) if (!out.includes(s)) out.push(s)
  return out
}

async function* each<T, R>(items: T[], map: (item: T) => R): AsyncGenerator<R> {
  for (const item of items) yield map(item)
}

async function* mapAsync<T, R>(items: AsyncIterable<T>, map: (item: T) => R): AsyncGenerator<R> {
  for await (const item of items) yield map(item)
}

async function* paged<T extends { id: number }, R>(
  page: (afterId: number) => Promise<T[]>,
  map: (item: T) => R,
): AsyncGenerator<R> {
  let after = 0
  for (;;) {
    const items = await page(after)
    if (items.length === 0) return
    for (const item of items) yield map(item)
    after = items[items.length - 1]!.id
  }
}
