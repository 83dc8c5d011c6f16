/**
 * The writer stage: import records in, use-case calls out. It keeps what the run has learnt
 * (old author → user, old section slug → section, pictures), gathers stories into batches and
 * writes each batch through `importArticles`/`importPages`/`addComments`, which key every row by
 * its origin in the same transaction. Body work (media resolution, mapping) happens before the
 * batch's transaction opens.
 */
import { createHash } from 'node:crypto'
import { createUser, findUserByEmail, type Actor } from '../../auth/index.js'
import { addComments, type AddedComment } from '../../comments/index.js'
import {
  importArticleBatch,
  importPages,
  importRedirects,
  importSections,
  listCategories,
  listTagsWithCounts,
  type ImportedArticle,
  type ImportedPage,
} from '../../content/index.js'
import type { MediaDeps } from '../../media/index.js'
import { importSubscribers } from '../../newsletter/index.js'
import { findImportFingerprints, findImportTargets } from '../../provenance/index.js'
import { findSettings } from '../../settings/index.js'
import { slugify } from '../../text/slug.js'
import { resolveBodyMedia } from '../body-media.js'
import type {
  ImportAuthor,
  ImportCategory,
  ImportComment,
  ImportRecord,
  ImportSite,
  ImportStory,
  ImportSubscriber,
  ImportTag,
} from '../import-model.js'
import { warn, type ImportReport } from './import-report.js'
import { ImportMediaLibrary, type MediaMode } from './media-import.js'
import { ImportMenus, type MenuContext } from './menu-import.js'

export interface WriterOptions {
  media: MediaMode
  /** Old login or slug → email of a user of this site, who gets that author's stories. */
  authorMap: Map<string, string>
  dryRun: boolean
  /** Stories per transaction. Default 200. */
  batchSize: number
}

/** Users the importer creates sign in only once invited or sent a password reset. */
const IMPORTED_ROLE = 'contributor'

export class ImportWriter {
  source = ''
  private readonly authors = new Map<string, number>()
  private readonly sections = new Map<string, number>()
  private readonly redirects: { from: string; to: string }[] = []
  private readonly stories: ImportStory[] = []
  private readonly subscribers: ImportSubscriber[] = []
  private timeZone = 'UTC'
  private readonly tagSlugs = new Set<string>()
  /** Old tag id → our slug, old category id → its name, old page id → its title (menu links). */
  private readonly tagBySource = new Map<string, { slug: string; name: string }>()
  private readonly categoryNames = new Map<string, string>()
  private readonly pageTitles = new Map<string, string>()
  private readonly menus = new ImportMenus()
  private siteUrl = ''
  library!: ImportMediaLibrary
  /** Stories written or skipped so far (progress). */
  storiesDone = 0

  constructor(
    private readonly deps: MediaDeps,
    private readonly actor: Actor,
    private readonly report: ImportReport,
    private readonly options: WriterOptions,
  ) {}

  /** Write one record (stories wait for a full batch; call `finish` at the end). */
  async write(record: ImportRecord): Promise<void> {
    switch (record.kind) {
      case 'site':
        return this.site(record)
      case 'author':
        return this.author(record)
      case 'category':
        return this.category(record)
      case 'tag':
        return this.tag(record)
      case 'article':
      case 'page':
        this.stories.push(record)
        if (this.stories.length >= this.options.batchSize) await this.flush()
        return
      case 'media':
        return this.library.addAttachment(record)
      case 'subscriber':
        this.subscribers.push(record)
        return
      case 'redirect':
        this.redirects.push({ from: record.from, to: record.to })
        return
      case 'menu':
        this.menus.add(record)
        return
      case 'menuItem':
        this.menus.addItem(record)
        return
      case 'skipped':
        this.ignore(record.what)
        return
      case 'notice':
        warn(this.report, record.warning)
        return
    }
  }

  /** Write what is still waiting: the last stories, redirects, subscribers. */
  async finish(): Promise<void> {
    await this.flush()
    await this.flushRedirects()
    await this.writeSubscribers()
    await this.menus.write(this.menuContext())
    if (this.library.remote > 0)
      warn(this.report, {
        item: '',
        message: `${this.library.remote} pictures were left at their old address (use --media-dir or --fetch-media to bring them across)`,
      })
  }

  private menuContext(): MenuContext {
    return {
      deps: this.deps,
      actor: this.actor,
      report: this.report,
      source: this.source,
      siteUrl: this.siteUrl,
      timeZone: this.timeZone,
      dryRun: this.options.dryRun,
      tags: this.tagBySource,
      categoryNames: this.categoryNames,
      pageTitles: this.pageTitles,
    }
  }

  private ignore(what: string): void {
    this.report.ignored[what] = (this.report.ignored[what] ?? 0) + 1
  }

  private async site(site: ImportSite): Promise<void> {
    this.source = `${site.source}:${site.url || site.title}`
    this.siteUrl = site.url
    this.library = new ImportMediaLibrary(
      this.deps,
      this.actor,
      this.source,
      this.options.media,
      this.report,
      this.options.dryRun,
    )
    this.timeZone = (await findSettings(this.deps)).timeZone
    for (const section of await listCategories(this.deps))
      this.sections.set(section.slug, section.id)
    for (const tag of await listTagsWithCounts(this.deps, 'all')) this.tagSlugs.add(tag.slug)
  }

  private async author(author: ImportAuthor): Promise<void> {
    const counts = this.report.counts.authors
    const mapped =
      this.options.authorMap.get(author.login) ?? this.options.authorMap.get(author.slug)
    const email =
      (mapped ?? author.email).trim().toLowerCase() ||
      `${slugify(author.login) || 'author'}@imported.invalid`
    const existing = await findUserByEmail(this.deps, email)
    if (mapped && !existing) {
      counts.failed++
      warn(this.report, {
        item: `author ${author.login}`,
        message: `--author-map names ${mapped}, who is not a user here`,
      })
      return
    }
    if (existing) {
      counts.skipped++
      this.authors.set(author.sourceId, existing.id)
      this.redirectAll(author.oldUrls, `/author/${existing.slug}/`)
      return
    }
    if (this.options.dryRun) {
      counts.imported++
      return
    }
    try {
      const user = await createUser(this.deps, this.actor, {
        email,
        name: (author.name || author.login).slice(0, 200),
        role: IMPORTED_ROLE,
        bio: author.bio,
        avatarUrl: /^https?:\/\//.test(author.avatarUrl) ? author.avatarUrl : null,
      })
      counts.imported++
      this.authors.set(author.sourceId, user.id)
      this.redirectAll(author.oldUrls, `/author/${user.slug}/`)
    } catch (error) {
      counts.failed++
      warn(this.report, { item: `author ${author.login}`, message: (error as Error).message })
    }
  }

  private async category(category: ImportCategory): Promise<void> {
    const counts = this.report.counts.sections
    if (this.options.dryRun) {
      counts.imported++
      return
    }
    try {
      const outcome = await importSections(this.deps, this.actor, [
        {
          name: category.name,
          slug: category.slug,
          description: category.description,
          parentSlug: category.parentSlug === null ? null : this.sectionSlug(category.parentSlug),
          origin: { source: this.source, id: category.sourceId },
          oldPaths: category.oldUrls.map(pathOf).filter((p) => p !== ''),
        },
      ])
      counts[outcome.added > 0 ? 'imported' : 'skipped']++
      this.sections.set(category.slug, outcome.ids[0]!)
      this.categoryNames.set(category.sourceId, category.name)
      this.sectionSlugs.set(category.slug, slugify(category.slug) || category.slug)
    } catch (error) {
      counts.failed++
      warn(this.report, { item: `category ${category.slug}`, message: (error as Error).message })
    }
  }

  private readonly sectionSlugs = new Map<string, string>()
  private sectionSlug(sourceSlug: string): string {
    return this.sectionSlugs.get(sourceSlug) ?? sourceSlug
  }

  private tag(tag: ImportTag): void {
    // Tags are created with the first story that carries them (matched by name, as the editor does).
    const slug = slugify(tag.name) || slugify(tag.slug)
    this.tagBySource.set(tag.sourceId, { slug, name: tag.name })
    this.report.counts.tags[this.tagSlugs.has(slug) ? 'skipped' : 'imported']++
    this.redirectAll(tag.oldUrls, `/tag/${slug}/`)
  }

  private redirectAll(oldUrls: string[], to: string): void {
    for (const url of oldUrls) {
      const from = pathOf(url)
      if (from && from !== to) this.redirects.push({ from, to })
    }
  }

  private async flushRedirects(): Promise<void> {
    const counts = this.report.counts.redirects
    while (this.redirects.length > 0) {
      const batch = this.redirects.splice(0, 1000)
      if (this.options.dryRun) {
        counts.imported += batch.length
        continue
      }
      const written = await importRedirects(this.deps, this.actor, batch)
      counts.imported += written
      counts.skipped += batch.length - written
    }
  }

  private async writeSubscribers(): Promise<void> {
    const counts = this.report.counts.subscribers
    const wanted = this.subscribers.filter((s) => s.wantsNewsletter)
    counts.skipped += this.subscribers.length - wanted.length
    if (this.subscribers.length > wanted.length)
      this.ignore('members who had turned the newsletter off')
    for (let i = 0; i < wanted.length; i += 5000) {
      const chunk = wanted.slice(i, i + 5000)
      if (this.options.dryRun) {
        counts.imported += chunk.length
        continue
      }
      const result = await importSubscribers(
        this.deps,
        this.actor,
        ['email', ...chunk.map((s) => s.email)].join('\n'),
      )
      counts.imported += result.added
      counts.skipped += result.skipped
      counts.failed += result.invalid.length
    }
  }

  /** Write the waiting stories: one transaction for the articles, one for pages, then comments. */
  async flush(): Promise<void> {
    const batch = this.stories.splice(0)
    if (batch.length === 0) return
    for (const story of batch) {
      this.report.droppedShortcodes += story.droppedShortcodes
      for (const w of story.warnings) warn(this.report, w)
    }
    await this.writeArticles(batch.filter((s) => s.kind === 'article'))
    await this.writePages(batch.filter((s) => s.kind === 'page'))
    this.storiesDone += batch.length
  }

  private async writeArticles(stories: ImportStory[]): Promise<void> {
    if (stories.length === 0) return
    const counts = this.report.counts.articles
    const known = await findImportFingerprints(
      this.deps,
      this.source,
      'article',
      stories.map((s) => s.sourceId),
    )
    const fingerprints = new Map(stories.map((s) => [s.sourceId, storyFingerprint(s)]))
    const wanted = stories.filter((s) => {
      const was = known.get(s.sourceId)
      return !was || (was.fingerprint !== null && was.fingerprint !== fingerprints.get(s.sourceId))
    })
    if (this.options.dryRun) {
      const fresh = wanted.filter((s) => !known.has(s.sourceId)).length
      counts.imported += fresh
      counts.updated += wanted.length - fresh
      counts.skipped += stories.length - wanted.length
      this.report.counts.comments.imported += stories.reduce((n, s) => n + s.comments.length, 0)
      return
    }
    const items: ImportedArticle[] = []
    for (const story of wanted)
      items.push({ ...(await this.article(story)), fingerprint: fingerprints.get(story.sourceId)! })
    const outcome = await importArticleBatch(this.deps, this.actor, items, {
      timeZone: this.timeZone,
    })
    counts.imported += outcome.created
    counts.updated += outcome.updated
    counts.skipped += stories.length - outcome.created - outcome.updated
    const idOf = new Map(wanted.map((s, i) => [s.sourceId, outcome.ids[i]!]))
    for (const [sourceId, was] of known) if (!idOf.has(sourceId)) idOf.set(sourceId, was.targetId)
    await this.writeComments(stories, idOf)
  }

  private async article(story: ImportStory): Promise<ImportedArticle> {
    const { html, featured } = await this.media(story)
    const sectionIds = this.sectionIdsOf(story)
    return {
      title: story.title,
      slug: story.slug,
      bodyHtml: html,
      excerpt: story.excerpt,
      status: story.status,
      publishedAt: story.publishedAt,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      authorIds: this.authorIdsOf(story),
      primaryCategoryId: sectionIds[0] ?? null,
      categoryIds: sectionIds.slice(1),
      tags: story.tags.map((t) => t.name).filter((name) => slugify(name) !== ''),
      featuredMediaId: featured?.mediaId ?? null,
      featuredAlt: story.featuredImage?.alt || featured?.alt || '',
      featuredCaption: story.featuredImage?.caption || featured?.caption || '',
      isEditorsPick: story.isEditorsPick,
      allowComments: story.allowComments,
      seoTitle: story.seoTitle,
      seoDescription: story.seoDescription,
      canonicalUrl: story.canonicalUrl,
      origin: { source: this.source, id: story.sourceId },
      oldPaths: story.oldUrls.map(pathOf).filter((p) => p !== ''),
    }
  }

  /** Bring the story's pictures into the library (when media come across) and point the body at them. */
  private async media(story: ImportStory) {
    const label = `${story.kind === 'page' ? 'page' : 'post'} ${story.sourceId} “${story.title}”`
    if (story.featuredImage && !story.featuredImage.mediaSourceId)
      await this.library.addUrl(story.featuredImage.url, story.featuredImage)
    if (this.options.media.kind !== 'none')
      for (const match of story.bodyHtml.matchAll(/<img src="([^"]+)"/g))
        if (/^https?:\/\//.test(match[1]!))
          await this.library.addUrl(match[1]!.replace(/&amp;/g, '&'))
    // Pictures left at their old address: bodies keep their old <img>s and gallery placeholders.
    const resolved =
      this.options.media.kind === 'none'
        ? { html: story.bodyHtml, warnings: [] }
        : resolveBodyMedia(story.bodyHtml, this.library)
    for (const message of resolved.warnings) warn(this.report, { item: label, message })
    const ref = story.featuredImage
    const featured = ref
      ? ((ref.mediaSourceId ? this.library.bySourceId(ref.mediaSourceId) : undefined) ??
        this.library.byUrl(ref.url))
      : undefined
    if (ref && !featured && this.options.media.kind !== 'none')
      warn(this.report, {
        item: label,
        message: `its featured image (${ref.url || `attachment ${ref.mediaSourceId}`}) is not in the library`,
      })
    return { html: resolved.html, featured }
  }

  private authorIdsOf(story: ImportStory): number[] {
    return story.authorSourceIds.flatMap((id) => {
      const user = this.authors.get(id)
      return user === undefined ? [] : [user]
    })
  }

  private sectionIdsOf(story: ImportStory): number[] {
    if (story.categorySlugs.length === 0) {
      // Ghost: the first tag that names a section of this site (README, "Sections").
      const tag = story.tags.find((t) => this.sections.has(t.slug))
      return tag ? [this.sections.get(tag.slug)!] : []
    }
    return story.categorySlugs.flatMap((slug) => {
      const id = this.sections.get(slug)
      return id === undefined ? [] : [id]
    })
  }

  private async writePages(stories: ImportStory[]): Promise<void> {
    if (stories.length === 0) return
    const counts = this.report.counts.pages
    for (const story of stories) this.pageTitles.set(story.sourceId, story.title)
    if (this.options.dryRun) {
      const known = await findImportFingerprints(
        this.deps,
        this.source,
        'page',
        stories.map((s) => s.sourceId),
      )
      for (const story of stories) {
        const was = known.get(story.sourceId)
        if (!was) counts.imported++
        else if (was.fingerprint !== null && was.fingerprint !== storyFingerprint(story))
          counts.updated++
        else counts.skipped++
      }
      return
    }
    const items: ImportedPage[] = []
    for (const story of stories) {
      const { html } = await this.media(story)
      items.push({
        title: story.title,
        slug: story.slug,
        bodyHtml: html,
        status: story.status === 'published' ? 'published' : 'draft',
        publishedAt: story.publishedAt,
        createdAt: story.createdAt,
        updatedAt: story.updatedAt,
        authorId: this.authorIdsOf(story)[0] ?? null,
        seoTitle: story.seoTitle,
        seoDescription: story.seoDescription,
        origin: { source: this.source, id: story.sourceId },
        oldPaths: story.oldUrls.map(pathOf).filter((p) => p !== ''),
        fingerprint: storyFingerprint(story),
      })
      if (story.status !== 'published' && story.status !== 'draft')
        warn(this.report, {
          item: `page ${story.sourceId} “${story.title}”`,
          message: `was ${story.status}; imported as a draft`,
        })
    }
    const outcome = await importPages(this.deps, this.actor, items)
    counts.imported += outcome.added
    counts.updated += outcome.updated
    counts.skipped += items.length - outcome.added - outcome.updated
  }

  /** Comments of the batch's articles, parents before replies; ones already imported are skipped. */
  private async writeComments(stories: ImportStory[], idOf: Map<string, number>): Promise<void> {
    const counts = this.report.counts.comments
    const all: AddedComment[] = []
    for (const story of stories) {
      const articleId = idOf.get(story.sourceId)
      if (articleId === undefined) continue
      for (const comment of threadOrder(story.comments)) all.push(this.comment(comment, articleId))
    }
    if (all.length === 0) return
    const known = await findImportTargets(
      this.deps,
      this.source,
      'comment',
      all.map((c) => c.origin!.id),
    )
    counts.skipped += known.size
    counts.imported += all.length - known.size
    for (let i = 0; i < all.length; i += 2000)
      await addComments(this.deps, this.actor, all.slice(i, i + 2000))
  }

  private comment(comment: ImportComment, articleId: number): AddedComment {
    return {
      articleId,
      authorName: comment.authorName.slice(0, 200) || 'Anonymous',
      authorEmail: comment.authorEmail.slice(0, 320),
      authorUrl: /^https?:\/\//.test(comment.authorUrl) ? comment.authorUrl : '',
      body: comment.body || '…',
      status: comment.status,
      createdAt: comment.createdAt,
      userId: comment.authorSourceId ? (this.authors.get(comment.authorSourceId) ?? null) : null,
      origin: { source: this.source, id: comment.sourceId },
      parentOriginId: comment.parentSourceId,
    }
  }
}

/**
 * A digest of what a story was on the old site (comments aside: they are keyed one by one), so a
 * later run can tell a story that changed there from one that did not.
 */
export function storyFingerprint(story: ImportStory): string {
  const { comments: _comments, warnings: _warnings, droppedShortcodes: _dropped, ...rest } = story
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 40)
}

/** Comments with every parent before its replies (a reply to a missing parent becomes top-level). */
export function threadOrder(comments: ImportComment[]): ImportComment[] {
  const ids = new Set(comments.map((c) => c.sourceId))
  const children = new Map<string | null, ImportComment[]>()
  for (const c of comments) {
    const parent = c.parentSourceId !== null && ids.has(c.parentSourceId) ? c.parentSourceId : null
    children.set(parent, [...(children.get(parent) ?? []), { ...c, parentSourceId: parent }])
  }
  const out: ImportComment[] = []
  const seen = new Set<string>()
  const queue = [...(children.get(null) ?? [])]
  while (queue.length > 0) {
    const next = queue.shift()!
    if (seen.has(next.sourceId)) continue
    seen.add(next.sourceId)
    out.push(next)
    queue.push(...(children.get(next.sourceId) ?? []))
  }
  return out
}

/** The root-relative address of an old URL (`https://old.example/2019/03/x/` → `/2019/03/x/`, `?p=42` kept). */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://x.invalid')
    const path = parsed.pathname + parsed.search
    return path.startsWith('/') ? path : ''
  } catch {
    return ''
  }
}
