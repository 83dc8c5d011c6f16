import { actingUserId, recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { cleanLine } from '../text/clean-text.js'
import { transact, type Kernel } from '../kernel.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { ContentDeps } from './content-deps.js'
import { sanitizeBody } from './body-html.js'
import {
  deletePageRow,
  findPageById,
  findPageBySlug,
  insertPage,
  isPageSlugTaken,
  isPageSlugTakenByOther,
  updatePageRow,
  type StaticPage,
} from './page.repository.js'

/** Create a static page (About, Contact…). Body HTML is sanitized like an article's. */
export async function createPage(
  deps: Kernel,
  actor: Actor,
  input: {
    title: string
    slug?: string
    bodyHtml: string
    publish?: boolean
    authorId?: number | null
    seoTitle?: string
    seoDescription?: string
  },
): Promise<StaticPage> {
  requirePermission(actor, 'pages.manage')
  const title = input.title.trim()
  if (!title) throw validationError('title', 'title is required')
  return transact(deps, async (tx) => {
    const slug = await uniqueSlug(
      slugify(input.slug ?? title),
      (s) => isPageSlugTaken(tx.db, s),
      'page',
    )
    const status = input.publish === false ? 'draft' : 'published'
    await insertPage(
      tx.db,
      {
        title,
        slug,
        bodyHtml: sanitizeBody(input.bodyHtml),
        status,
        authorId: input.authorId !== undefined ? input.authorId : actingUserId(actor),
        seoTitle: cleanLine(input.seoTitle ?? '').trim(),
        seoDescription: cleanLine(input.seoDescription ?? '').trim(),
      },
      tx.clock.now().getTime(),
    )
    const page = await findPageBySlug(tx.db, slug)
    if (!page) throw new AppError('PAGE_NOT_FOUND', `page ${slug} vanished after insert`)
    await recordAudit(tx, actor, { action: 'page.create', subjectType: 'page', subjectId: page.id })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'page', slugs: [page.slug] })
    tx.events.emit({ type: 'page.changed', page: pageMoment(page), before: null })
    return page
  })
}

/** A published static page, or undefined. */
export async function findPublishedPage(
  deps: ContentDeps,
  slug: string,
): Promise<StaticPage | undefined> {
  const page = await findPageBySlug(deps.db, slug)
  return page?.status === 'published' ? page : undefined
}

/** What an edit of a static page may change; absent fields keep their value. */
export interface PageEdit {
  title?: string
  slug?: string
  bodyHtml?: string
  publish?: boolean
  authorId?: number | null
  seoTitle?: string
  seoDescription?: string
  /** The `updatedAt` the editor started from: a page changed since is a VERSION_CONFLICT. */
  expectedUpdatedAt?: Date
}

/**
 * Change a static page. The first publish stamps `publishedAt`; a new slug moves the page.
 * @example await updatePage(deps, userActor(editor), 3, { title: 'About the Gazette', publish: true })
 */
export async function updatePage(
  deps: Kernel,
  actor: Actor,
  id: number,
  edit: PageEdit,
): Promise<StaticPage> {
  requirePermission(actor, 'pages.manage')
  return transact(deps, async (tx) => {
    const current = await findPageById(tx.db, id)
    if (!current) throw new AppError('PAGE_NOT_FOUND', 'There is no such page.')
    if (edit.expectedUpdatedAt && edit.expectedUpdatedAt.getTime() !== current.updatedAt.getTime())
      throw new AppError('VERSION_CONFLICT', 'Someone else changed this page; reload it first.')
    const now = tx.clock.now().getTime()
    const title = edit.title !== undefined ? cleanLine(edit.title).trim() : current.title
    if (!title) throw validationError('title', 'title is required')
    if (title.length > 300) throw validationError('title', 'title must be at most 300 characters')
    const slug =
      edit.slug && slugify(edit.slug) !== current.slug
        ? await uniqueSlug(slugify(edit.slug), (s) => isPageSlugTakenByOther(tx.db, s, id), 'page')
        : current.slug
    const status =
      edit.publish === undefined ? current.status : edit.publish ? 'published' : 'draft'
    await updatePageRow(tx.db, id, {
      title,
      slug,
      ...(edit.bodyHtml !== undefined ? { body_html: sanitizeBody(edit.bodyHtml) } : {}),
      status,
      ...(edit.authorId !== undefined ? { author_id: edit.authorId } : {}),
      ...(edit.seoTitle !== undefined ? { seo_title: cleanLine(edit.seoTitle).trim() } : {}),
      ...(edit.seoDescription !== undefined
        ? { seo_description: cleanLine(edit.seoDescription).trim() }
        : {}),
      ...(status === 'published' && !current.publishedAt ? { published_at: now } : {}),
      updated_at: now,
    })
    await recordAudit(tx, actor, {
      action: 'page.update',
      subjectType: 'page',
      subjectId: id,
      details: { title, status },
    })
    tx.events.emit({
      type: 'taxonomy.changed',
      kind: 'page',
      slugs: [...new Set([current.slug, slug])],
    })
    const page = await findPageById(tx.db, id)
    if (!page) throw new AppError('PAGE_NOT_FOUND', `page ${id} vanished after update`)
    tx.events.emit({ type: 'page.changed', page: pageMoment(page), before: pageMoment(current) })
    return page
  })
}

/** Delete a static page for good (its menu links go with it). */
export async function deletePage(deps: Kernel, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'pages.manage')
  await transact(deps, async (tx) => {
    const current = await findPageById(tx.db, id)
    if (!current) throw new AppError('PAGE_NOT_FOUND', 'There is no such page.')
    await deletePageRow(tx.db, id)
    await recordAudit(tx, actor, {
      action: 'page.delete',
      subjectType: 'page',
      subjectId: id,
      details: { title: current.title, slug: current.slug },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'page', slugs: [current.slug] })
    const before = pageMoment(current)
    tx.events.emit({ type: 'page.changed', page: before, before, deleted: true })
  })
}

/** What the `page.changed` event says of a page at one moment. */
function pageMoment(page: StaticPage) {
  const { id, title, slug, status, publishedAt } = page
  return { id, title, slug, status, publishedAt }
}
