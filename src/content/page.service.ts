import { AppError, validationError } from '../errors.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { ContentDeps } from './article.service.js'
import { sanitizeBody } from './body-html.js'
import { findPageBySlug, insertPage, isPageSlugTaken, type StaticPage } from './page.repository.js'

/** Create a static page (About, Contact…). Body HTML is sanitized like an article's. */
export async function createPage(
  deps: ContentDeps,
  input: {
    title: string
    slug?: string
    bodyHtml: string
    publish?: boolean
    authorId?: number | null
  },
): Promise<StaticPage> {
  const title = input.title.trim()
  if (!title) throw validationError('title', 'title is required')
  const slug = await uniqueSlug(
    slugify(input.slug ?? title),
    (s) => isPageSlugTaken(deps.db, s),
    'page',
  )
  const status = input.publish === false ? 'draft' : 'published'
  await insertPage(
    deps.db,
    {
      title,
      slug,
      bodyHtml: sanitizeBody(input.bodyHtml),
      status,
      authorId: input.authorId ?? null,
    },
    deps.clock.now().getTime(),
  )
  const page = await findPageBySlug(deps.db, slug)
  if (!page) throw new AppError('PAGE_NOT_FOUND', `page ${slug} vanished after insert`)
  return page
}

/** A published static page, or undefined. */
export async function findPublishedPage(
  deps: ContentDeps,
  slug: string,
): Promise<StaticPage | undefined> {
  const page = await findPageBySlug(deps.db, slug)
  return page?.status === 'published' ? page : undefined
}
