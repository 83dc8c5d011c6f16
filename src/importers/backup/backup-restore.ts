/**
 * The writing half of `import json`: backup entries in, use-case calls out, a list at a time in
 * batches. It keeps what the run has learnt (email → user, slug → section, tag and page, media
 * path → library id) so later records can point at what earlier ones wrote.
 */
import type { Actor } from '../../auth/index.js'
import { restoreUsers } from '../../auth/index.js'
import { addComments, type AddedComment } from '../../comments/index.js'
import { restoreContactMessages } from '../../contact/index.js'
import {
  createTag,
  importArticleBatch,
  importPages,
  importRedirects,
  importSections,
  type ImportedArticle,
} from '../../content/index.js'
import { restoreMedia, type MediaDeps } from '../../media/index.js'
import { restoreSubscribers } from '../../newsletter/index.js'
import {
  DEFAULT_SETTINGS,
  importMenu,
  updateSiteSettings,
  type NewMenuTreeItem,
  type SiteSettings,
} from '../../settings/index.js'
import type {
  BackupArticle,
  BackupComment,
  BackupContactMessage,
  BackupList,
  BackupMedia,
  BackupPage,
  BackupRecords,
  BackupSection,
  BackupSubscriber,
  BackupUser,
} from './backup-format.js'
import type { BackupEntry } from './backup-json-reader.js'

export interface BackupImportReport {
  exportedAt: string
  /** Records written per list, comments counted apart. */
  counts: Record<BackupList | 'comments', number>
  /** Things that did not come back exactly as they were, each naming its record. */
  warnings: string[]
  elapsedMs: number
}

const date = (s: string | null) => (s === null ? null : new Date(s))

export class BackupRestore {
  readonly report: BackupImportReport = {
    exportedAt: '',
    counts: {
      users: 0,
      sections: 0,
      tags: 0,
      media: 0,
      pages: 0,
      articles: 0,
      comments: 0,
      menus: 0,
      subscribers: 0,
      contactMessages: 0,
      redirects: 0,
    },
    warnings: [],
    elapsedMs: 0,
  }
  private source = 'broadsheet-backup'
  private readonly users = new Map<string, number>()
  private readonly sections = new Map<string, number>()
  private readonly tags = new Map<string, number>()
  private readonly media = new Map<string, number>()
  private readonly pages = new Map<string, number>()
  private pending: { list: BackupList; records: unknown[] } | undefined
  private articleCount = 0

  constructor(
    private readonly deps: MediaDeps,
    private readonly actor: Actor,
    private readonly batchSize: number,
  ) {}

  async write(entry: BackupEntry): Promise<void> {
    if (entry.kind === 'header') {
      this.report.exportedAt = entry.header.exportedAt
      this.source = `broadsheet-backup:${entry.header.exportedAt}`
      return
    }
    if (entry.kind === 'settings') return this.settings(entry.settings)
    // Records of one list are written in batches; a new list flushes the one before it.
    if (this.pending && this.pending.list !== entry.kind) await this.flush()
    this.pending ??= { list: entry.kind, records: [] }
    this.pending.records.push(entry.record)
    if (this.pending.records.length >= batchLimit(entry.kind, this.batchSize)) await this.flush()
  }

  async finish(): Promise<void> {
    await this.flush()
  }

  private async flush(): Promise<void> {
    const batch = this.pending
    this.pending = undefined
    if (!batch || batch.records.length === 0) return
    const records = batch.records as BackupRecords[typeof batch.list][]
    switch (batch.list) {
      case 'users':
        return this.writeUsers(records as BackupUser[])
      case 'sections':
        return this.writeSections(records as BackupSection[])
      case 'tags':
        for (const tag of records as BackupRecords['tags'][]) {
          const created = await createTag(this.deps, this.actor, tag)
          this.tags.set(tag.slug, created.id)
          this.report.counts.tags++
          if (created.slug !== tag.slug)
            this.warn(`tag ${tag.slug}`, `its slug is now ${created.slug}`)
        }
        return
      case 'media':
        return this.writeMedia(records as BackupMedia[])
      case 'pages':
        return this.writePages(records as BackupPage[])
      case 'articles':
        return this.writeArticles(records as BackupArticle[])
      case 'menus':
        for (const menu of records as BackupRecords['menus'][]) await this.writeMenu(menu)
        return
      case 'subscribers':
        return this.writeSubscribers(records as BackupSubscriber[])
      case 'contactMessages':
        this.report.counts.contactMessages += await restoreContactMessages(
          this.deps,
          this.actor,
          (records as BackupContactMessage[]).map((m) => ({
            name: m.name,
            email: m.email,
            subject: m.subject,
            message: m.message,
            createdAt: new Date(m.createdAt),
          })),
        )
        return
      case 'redirects': {
        const list = records as BackupRecords['redirects'][]
        for (const r of list)
          if (r.status !== 301) this.warn(`redirect ${r.from}`, `was ${r.status}; now 301`)
        this.report.counts.redirects += await importRedirects(
          this.deps,
          this.actor,
          list.map((r) => ({ from: r.from, to: r.to })),
        )
        return
      }
    }
  }

  private warn(item: string, message: string): void {
    this.report.warnings.push(`${item}: ${message}`)
  }

  private async settings(settings: SiteSettings): Promise<void> {
    // Only the keys this version knows, so a backup with extra keys restores what it can.
    const known = Object.fromEntries(
      Object.keys(DEFAULT_SETTINGS).flatMap((key) =>
        key in settings ? [[key, settings[key as keyof SiteSettings]]] : [],
      ),
    )
    await updateSiteSettings(this.deps, this.actor, known)
  }

  private async writeUsers(records: BackupUser[]): Promise<void> {
    const ids = await restoreUsers(
      this.deps,
      this.actor,
      records.map((u) => ({
        ...u,
        createdAt: new Date(u.createdAt),
        deactivatedAt: date(u.deactivatedAt),
      })),
    )
    records.forEach((u, i) => this.users.set(u.email.toLowerCase(), ids[i]!))
    this.report.counts.users += ids.length
  }

  private userId(email: string | null): number | null {
    return email === null ? null : (this.users.get(email.toLowerCase()) ?? null)
  }

  private async writeSections(records: BackupSection[]): Promise<void> {
    const outcome = await importSections(
      this.deps,
      this.actor,
      records.map((s) => ({
        name: s.name,
        slug: s.slug,
        description: s.description,
        parentSlug: s.parent,
        origin: { source: this.source, id: s.slug },
      })),
    )
    records.forEach((s, i) => this.sections.set(s.slug, outcome.ids[i]!))
    this.report.counts.sections += outcome.added
  }

  private async writeMedia(records: BackupMedia[]): Promise<void> {
    const ids = await restoreMedia(
      this.deps,
      this.actor,
      records.map((m) => ({
        path: m.path,
        mimeType: m.mimeType,
        width: m.width,
        height: m.height,
        bytes: m.bytes,
        alt: m.alt,
        caption: m.caption,
        credit: m.credit,
        uploadedBy: this.userId(m.uploadedBy),
        createdAt: new Date(m.createdAt),
        variants: m.variants,
      })),
    )
    records.forEach((m, i) => this.media.set(m.path, ids[i]!))
    this.report.counts.media += ids.length
  }

  private async writePages(records: BackupPage[]): Promise<void> {
    const outcome = await importPages(
      this.deps,
      this.actor,
      records.map((p) => ({
        title: p.title,
        slug: p.slug,
        bodyHtml: p.bodyHtml,
        status: p.status,
        publishedAt: date(p.publishedAt),
        createdAt: new Date(p.createdAt),
        updatedAt: new Date(p.updatedAt),
        authorId: this.userId(p.author),
        seoTitle: p.seoTitle,
        seoDescription: p.seoDescription,
        origin: { source: this.source, id: p.slug },
      })),
    )
    records.forEach((p, i) => this.pages.set(p.slug, outcome.ids[i]!))
    this.report.counts.pages += outcome.added
  }

  private async writeArticles(records: BackupArticle[]): Promise<void> {
    const items = records.map((a) => this.article(a))
    const outcome = await importArticleBatch(this.deps, this.actor, items)
    this.report.counts.articles += outcome.created
    const comments: AddedComment[] = []
    records.forEach((a, i) => {
      const key = `${this.articleCount + i}`
      comments.push(...this.comments(a.comments, outcome.ids[i]!, key, null))
    })
    this.articleCount += records.length
    for (let i = 0; i < comments.length; i += 2000)
      await addComments(this.deps, this.actor, comments.slice(i, i + 2000))
    this.report.counts.comments += comments.length
  }

  private article(a: BackupArticle): ImportedArticle {
    const [primary, ...more] = a.sections.flatMap((slug) => {
      const id = this.sections.get(slug)
      if (id === undefined) this.warn(`article ${a.slug}`, `section ${slug} is not in the backup`)
      return id === undefined ? [] : [id]
    })
    const featured = a.featuredImage ? this.media.get(a.featuredImage.media) : undefined
    if (a.featuredImage && featured === undefined)
      this.warn(
        `article ${a.slug}`,
        `its featured image ${a.featuredImage.media} is not in the backup`,
      )
    return {
      title: a.title,
      slug: a.slug,
      standfirst: a.standfirst,
      bodyHtml: a.bodyHtml,
      excerpt: a.excerpt,
      status: a.status,
      publishedAt: date(a.publishedAt),
      createdAt: new Date(a.createdAt),
      updatedAt: new Date(a.updatedAt),
      authorIds: a.authors.flatMap((email) => this.userId(email) ?? []),
      primaryCategoryId: primary ?? null,
      categoryIds: more,
      tagIds: a.tags.flatMap((slug) => this.tags.get(slug) ?? []),
      featuredMediaId: featured ?? null,
      featuredAlt: a.featuredImage?.alt ?? '',
      featuredCaption: a.featuredImage?.caption ?? '',
      featuredCredit: a.featuredImage?.credit ?? '',
      isEditorsPick: a.isEditorsPick,
      isFeatured: a.isFeatured,
      allowComments: a.allowComments,
      seoTitle: a.seoTitle,
      seoDescription: a.seoDescription,
      canonicalUrl: a.canonicalUrl,
    }
  }

  /** A thread flattened parents first; each comment keyed by its place in the document. */
  private comments(
    thread: BackupComment[],
    articleId: number,
    key: string,
    parent: string | null,
  ): AddedComment[] {
    return thread.flatMap((c, i) => {
      const id = `${key}.${i}`
      return [
        {
          articleId,
          authorName: c.authorName,
          authorEmail: c.authorEmail,
          authorUrl: c.authorUrl,
          body: c.body,
          status: c.status,
          createdAt: new Date(c.createdAt),
          userId: this.userId(c.user),
          origin: { source: this.source, id },
          parentOriginId: parent,
        },
        ...this.comments(c.replies, articleId, id, id),
      ]
    })
  }

  private async writeMenu(menu: BackupRecords['menus']): Promise<void> {
    const items: NewMenuTreeItem[] = menu.items.map((item) => {
      const categoryId = item.section === null ? undefined : this.sections.get(item.section)
      const pageId = item.page === null ? undefined : this.pages.get(item.page)
      return {
        label: item.label,
        ...(categoryId !== undefined
          ? { categoryId }
          : pageId !== undefined
            ? { pageId }
            : { url: item.url }),
        parent: item.parent,
      }
    })
    const outcome = await importMenu(this.deps, this.actor, {
      location: menu.location,
      name: menu.location,
      items,
      origin: { source: this.source, id: menu.location },
    })
    if (outcome === 'written') this.report.counts.menus++
  }

  private async writeSubscribers(records: BackupSubscriber[]): Promise<void> {
    this.report.counts.subscribers += await restoreSubscribers(
      this.deps,
      this.actor,
      records.map((s) => ({
        ...s,
        createdAt: new Date(s.createdAt),
        confirmedAt: date(s.confirmedAt),
        unsubscribedAt: date(s.unsubscribedAt),
      })),
    )
  }
}

/** Records per transaction for each list (within what each use case accepts). */
function batchLimit(list: BackupList, stories: number): number {
  switch (list) {
    case 'articles':
    case 'pages':
    case 'media':
      return stories
    case 'subscribers':
    case 'contactMessages':
      return 5_000
    case 'tags':
      return 100
    default:
      return 1_000
  }
}
