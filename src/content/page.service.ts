import { actingUserId, recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { ContentDeps } from './content-deps.js'
import { sanitizeBody } from './body-html.js'
import { findPageBySlug, insertPage, isPageSlugTaken, type StaticPage } from './page.repository.js'

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
      },
      tx.clock.now().getTime(),
    )
    const page = await findPageBySlug(tx.db, slug)
    if (!page) throw new AppError('PAGE_NOT_FOUND', `page ${slug} vanished after insert`)
    await recordAudit(tx, actor, { action: 'page.create', subjectType: 'page', subjectId: page.id })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'page', slugs: [page.slug] })
    tx.events.emit({
      type: 'page.changed',
      page: {
        id: page.id,
        title: page.title,
        slug: page.slug,
        status: page.status,
        publishedAt: page.publishedAt,
      },
      before: null,
    })
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
