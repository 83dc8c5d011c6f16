/**
 * Read models over sections, tags, redirects and revisions, for entry points: each takes the
 * deps object an entry point holds, never the database handle itself.
 */
import type { Kernel } from '../kernel.js'
import * as redirects from './redirect.repository.js'
import * as revisions from './revision.repository.js'
import * as taxonomyAdmin from './taxonomy-admin.repository.js'
import * as taxonomy from './taxonomy.repository.js'

type Reader = Pick<Kernel, 'db'>

/** Every section, by position then name. */
export function listCategories(deps: Reader): Promise<taxonomy.Category[]> {
  return taxonomy.listCategories(deps.db)
}

export function findCategoryBySlug(
  deps: Reader,
  slug: string,
): Promise<taxonomy.Category | undefined> {
  return taxonomy.findCategoryBySlug(deps.db, slug)
}

/** Tags whose name starts with `prefix`, for the editor's suggestions. */
export function searchTags(deps: Reader, prefix: string, limit = 10): Promise<taxonomy.Tag[]> {
  return taxonomy.searchTags(deps.db, prefix, limit)
}

/**
 * Tags by name with how many articles carry it: the first 2,000 for a screen, or every one
 * (`'all'`) for exports and importers, which must not lose any.
 */
export function listTagsWithCounts(
  deps: Reader,
  limit: number | 'all' = 2000,
): Promise<taxonomyAdmin.TagWithCount[]> {
  return taxonomyAdmin.listTagsWithCounts(deps.db, limit)
}

/** A page of the Tags screen: tags by name (a search on name or slug), with counts and the total. */
export function listTagsPage(
  deps: Reader,
  options: { search?: string | undefined; limit: number; offset: number },
): Promise<{ tags: taxonomyAdmin.TagWithCount[]; total: number }> {
  return taxonomyAdmin.listTagsPage(deps.db, options)
}

/** A tag named `text` (any case), or whose slug is `text`. */
export function findTagByNameOrSlug(
  deps: Reader,
  text: string,
): Promise<{ id: number; name: string; slug: string } | undefined> {
  return taxonomyAdmin.findTagByNameOrSlug(deps.db, text.trim())
}

/** An article's revisions, newest first. */
export function listRevisions(deps: Reader, articleId: number): Promise<revisions.Revision[]> {
  return revisions.listRevisions(deps.db, articleId)
}

/** The redirect for an old path, if any. */
export function findRedirect(
  deps: Reader,
  fromPath: string,
): Promise<redirects.Redirect | undefined> {
  return redirects.findRedirect(deps.db, fromPath)
}

/** Every redirect, newest first. */
export function listRedirects(deps: Reader): ReturnType<typeof redirects.listRedirects> {
  return redirects.listRedirects(deps.db)
}
