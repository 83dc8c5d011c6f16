/** Articles, pages, sections, tags: writing, workflow and reader-facing reads. */
export type { ArticleRefs, DomainEvent, EventSink } from '../events.js'
export {
  articlePath,
  canTransition,
  formatCommentCount,
  isVisibleToReaders,
  type Article,
  type ArticleStatus,
  type ArticleSummary,
  type AuthorRef,
  type CategoryRef,
  type ImageRef,
  type Page,
  type TagRef,
} from './article.js'
/**
 * Article use cases. `createArticle` makes a draft; `publishArticle`, `scheduleArticle`,
 * `unpublishArticle`, `archiveArticle` and `submitForReview` move it through the workflow.
 * @example
 * const draft = await createArticle({ db, clock }, authorId, { title: 'Budget vote', bodyHtml: '<p>…</p>' })
 * await scheduleArticle({ db, clock }, draft.id, new Date('2026-12-01T07:00:00Z'))
 */
export {
  archiveArticle,
  createArticle,
  publishArticle,
  publishDueArticles,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
  type ArticleInput,
  type ContentDeps,
} from './article.service.js'
/** Reader-facing lists and lookups (published stories only). */
export {
  findArticle,
  findArticleSummaries,
  findPublishedArticle,
  listIndexableArticles,
  listAuthorArticles,
  listEditorsPicks,
  listFeaturedArticles,
  listLatestArticles,
  listNewestArticles,
  listNewestInSections,
  listMostRead,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
  type ArticleLookup,
  type PageRequest,
  type SectionListing,
} from './listing.service.js'
/** Sections and tags. */
export {
  ancestorIds,
  buildCategoryTree,
  createCategory,
  resolveTagNames,
  type CategoryInput,
  type CategoryNode,
} from './taxonomy.service.js'
export type { IndexableArticle } from './article.repository.js'
export {
  findCategoryBySlug,
  listCategories,
  type Category,
  type Tag,
} from './taxonomy.repository.js'
/** Static pages (About, Contact). */
export { createPage, findPublishedPage } from './page.service.js'
export type { StaticPage } from './page.repository.js'
/** Old URLs that moved. */
export { findRedirect, type Redirect } from './redirect.repository.js'
export { listRevisions, type Revision, type RevisionWithDoc } from './revision.repository.js'
/**
 * Revisions: look one up, or put it back (a new save and a new revision).
 * @example await restoreRevision({ db, clock }, { articleId, revisionId, expectedVersion: 7, editorId })
 */
export { findArticleRevision, restoreRevision } from './revision.service.js'
/** Dated corrections and updates under published articles. */
export { addCorrection, listArticleCorrections } from './correction.service.js'
export type { Correction } from './correction.repository.js'
/**
 * Secret preview links for unpublished articles.
 * @example const token = await previewTokenFor({ db, clock }, 42) // → /preview/<token>
 */
export { findArticleByPreviewToken, previewTokenFor } from './preview.service.js'
/**
 * Site management: sections' fields and order, tag renames and merges (with redirects),
 * and the redirect list.
 * @example await mergeTags({ db, clock, events }, { fromId: 12, intoId: 3 })
 */
export {
  addRedirect,
  listTagsWithCounts,
  mergeTags,
  moveSection,
  removeRedirect,
  renameTag,
  updateSection,
  type TagWithCount,
} from './taxonomy-admin.service.js'
export { listRedirects } from './redirect.repository.js'
/** Tag suggestions for the editor's autocomplete. */
export { searchTags } from './taxonomy.repository.js'
/** Sanitizing on save and the one door for stored HTML into templates. */
export { escapeHtml, sanitizeBody, trustedHtml, type TrustedHtml } from './body-html.js'
/** Reading time ("4 Mins Read"), word counts, excerpts. */
export {
  countWords,
  formatReadingTime,
  htmlToText,
  makeExcerpt,
  readingMinutes,
} from './reading-time.js'
/**
 * Feeds: the latest published stories of the site, a section, a tag or an author, whole.
 * @example const feed = await listFeedArticles({ db, clock }, { kind: 'section', slug: 'world' }, 20)
 */
export { listFeedArticles, type FeedListing, type FeedScope } from './feed.service.js'
export type { FeedArticle, FeedImage } from './feed.repository.js'
/**
 * Sitemaps: months with stories (UTC), one month's stories, the news sitemap's last 48 hours,
 * and the sections, tags, authors and pages that list something.
 */
export {
  findLatestPublication,
  listArchiveMonths,
  listMonthArticles,
  listNewsArticles,
  listSitemapPages,
  listSitemapTargets,
  NEWS_SITEMAP_MAX_URLS,
  SITEMAP_MAX_URLS,
  type ArchiveMonth,
} from './archive.service.js'
export type { ArchiveArticle, ArchiveEntry } from './archive.repository.js'
/**
 * The newsroom's article list and dashboard counts: every status, optionally one writer's.
 * @example await listNewsroomArticles({ db, clock }, { status: 'pending', authorId: 7 })
 */
export {
  countNewsroomArticles,
  findNewsroomArticle,
  listNewsroomArticles,
  type NewsroomFilter,
} from './newsroom.service.js'
