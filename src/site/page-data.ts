/**
 * What each reader page shows, gathered from the domain's public functions. Route handlers call
 * one of these and render; nothing here knows about HTTP.
 */
import { findUserBySlug, type User } from '../auth/index.js'
import { buildCommentTree, commentsOpen, listApprovedComments } from '../comments/index.js'
import {
  listArticleCorrections,
  listEditorsPicks,
  listFeaturedArticles,
  listNewestArticles,
  listRelatedArticles,
  listNewestInSections,
  type Article,
} from '../content/index.js'
import { findStoryOrigin } from '../wire/index.js'
import { arrangeFrontPage } from './front-page.js'
import type { FormState } from './theme/form-state.js'
import type { ArticlePageProps } from './theme/pages/article.page.js'
import type { HomePageProps } from './theme/pages/home.page.js'
import type { SiteView } from './theme/site-view.js'
import { loadSidebar, type SiteDeps } from './site-view.js'

export async function loadHomePage(deps: SiteDeps, view: SiteView): Promise<HomePageProps> {
  const roots = view.categories.filter((c) => c.parentId === null)
  // More than each block shows: stories placed higher up are skipped further down.
  const [featured, latest, sidebar, picks, sections] = await Promise.all([
    listFeaturedArticles(deps, 3),
    listNewestArticles(deps, 24),
    loadSidebar(deps),
    listEditorsPicks(deps, 8),
    listNewestInSections(
      deps,
      roots.map((c) => c.id),
      8,
    ),
  ])
  const page = arrangeFrontPage({
    featured,
    latest,
    trending: view.trending,
    sections: roots.map((category) => ({ category, articles: sections.get(category.id) ?? [] })),
    editorsPicks: picks,
  })
  return { ...page, sidebar: { ...sidebar, editorsPicks: page.editorsPicks } }
}

export async function loadArticlePage(
  deps: SiteDeps,
  view: SiteView,
  article: Article,
  query: { replyTo?: number | undefined; pending: boolean; commentForm?: FormState },
): Promise<ArticlePageProps> {
  const authorRefs =
    article.authors.length > 0 ? article.authors : article.author ? [article.author] : []
  const [related, comments, sidebar, authors, corrections, origin] = await Promise.all([
    listRelatedArticles(deps, article, 6),
    listApprovedComments(deps, article.id),
    loadSidebar(deps),
    Promise.all(authorRefs.map((a) => findUserBySlug(deps, a.slug))),
    listArticleCorrections(deps, article.id),
    // Unsigned stories are the wire's: the byline names where they came from.
    authorRefs.length === 0 ? findStoryOrigin(deps, article.id) : undefined,
  ])
  return {
    // The form shows only while comments are open (per article and the site's "close after").
    article: { ...article, allowComments: commentsOpen(article, view.settings, view.now) },
    sectionTrail: sectionTrail(view, article.category?.id),
    authors: authors.filter((a): a is User => a !== undefined),
    related,
    comments: buildCommentTree(comments, view.settings.commentDepth),
    replyTo: query.replyTo,
    pending: query.pending,
    commentForm: query.commentForm,
    sidebar,
    corrections,
    origin,
  }
}

/** The section and its ancestors, top-level first. */
function sectionTrail(view: SiteView, id: number | undefined): { name: string; slug: string }[] {
  const byId = new Map(view.categories.map((c) => [c.id, c]))
  const trail: { name: string; slug: string }[] = []
  let category = id === undefined ? undefined : byId.get(id)
  while (category && trail.length < 10) {
    trail.unshift({ name: category.name, slug: category.slug })
    category = category.parentId === null ? undefined : byId.get(category.parentId)
  }
  return trail
}
