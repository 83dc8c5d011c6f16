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
 * Article use cases: the one door for every writer (newsroom, API, importers, wire, scheduler).
 * Each checks the actor's permission, runs in one transaction, writes its audit entry and
 * announces `article.changed` once, after the commit.
 * @example
 * const draft = await createArticle(deps, userActor(me), { title: 'Budget vote', bodyHtml: '<p>…</p>' })
 * await saveArticle(deps, userActor(me), draft.id, { input: { standfirst: '…' }, then: 'schedule', publishAt })
 * await stepArticle(deps, userActor(editor), draft.id, 'publish')
 */
export {
  ARTICLE_STEPS,
  createArticle,
  nextScheduledPublish,
  publishDueArticles,
  saveArticle,
  stepArticle,
  subjectOf,
  type ArticleEdit,
  type ArticleStep,
} from './article-workflow.js'
export type { ArticleInput } from './article-fields.js'
/**
 * Articles from elsewhere, a batch at a time (importers, generated archives).
 * @example const ids = await importArticles(deps, systemActor('wordpress-import'), batch)
 */
export {
  importArticleBatch,
  importArticles,
  type ArticleBatchOutcome,
  type ImportArticlesOptions,
  type ImportedArticle,
} from './article-import.js'
/**
 * Sections, pages and redirects from elsewhere, a batch at a time, keyed by origin so a second
 * run of the same export adds nothing.
 * @example await importSections(deps, systemActor('wordpress-import'), [{ name: 'World', slug: 'world', origin }])
 */
export {
  importPages,
  importRedirects,
  importSections,
  type ImportedPage,
  type ImportedSection,
  type ImportOutcome,
} from './content-import.js'
export type { ContentDeps } from './content-deps.js'
/** Reader-facing lists and lookups (published stories only). */
export {
  findArticle,
  findArticleSummaries,
  findPublishedArticle,
  listIndexableArticles,
  listStoryTexts,
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
export { ancestorIds, createCategory, type CategoryInput } from './taxonomy.service.js'
export type { IndexableArticle, StoryText } from './article.repository.js'
export type { Category, Tag } from './taxonomy.repository.js'
/** Read models over sections, tags, redirects and revisions. */
export {
  findCategoryBySlug,
  findRedirect,
  listCategories,
  listRedirects,
  listRevisions,
  listTagsWithCounts,
  listTagsPage,
  findTagByNameOrSlug,
  searchTags,
} from './taxonomy-reads.js'
export type { TagWithCount } from './taxonomy-admin.repository.js'
/** Everything, in id order, a page at a time: for full exports. */
export {
  listArticleIdsForExport,
  listPagesForExport,
  listRedirectsForExport,
  listTagsForExport,
} from './export-reads.js'
export type { ExportPage } from './export.repository.js'
/**
 * Static pages (About, Contact): create, change (with an optional stale-edit check), delete.
 * @example await updatePage(deps, userActor(editor), 3, { publish: true, expectedUpdatedAt })
 */
export {
  createPage,
  deletePage,
  findPublishedPage,
  updatePage,
  type PageEdit,
} from './page.service.js'
/**
 * Tags managed directly (the newsroom creates them by naming them on a story).
 * @example const tag = await createTag(deps, userActor(editor), { name: 'Elections', description: '…' })
 */
export { createTag, deleteTag, updateTag, type TagInput } from './tag.service.js'
/**
 * Delete a colleague, handing every story and page of theirs to someone else.
 * @example await deleteUserReassigning(deps, userActor(admin), 7, 3)
 */
export { countUserStories, deleteUserReassigning } from './person-removal.js'
export type { StaticPage } from './page.repository.js'
/** Old URLs that moved. */
export type { Redirect } from './redirect.repository.js'
export type { Revision, RevisionWithDoc } from './revision.repository.js'
/**
 * Revisions: look one up, or put it back (a new save and a new revision).
 * @example await restoreRevision(deps, userActor(me), { articleId, revisionId, expectedVersion: 7 })
 */
export { findArticleRevision, restoreRevision } from './revision.service.js'
/** Dated corrections and updates under published articles. */
export { addCorrection, listArticleCorrections } from './correction.service.js'
export type { Correction } from './correction.repository.js'
/**
 * Secret preview links for unpublished articles.
 * @example const token = await previewTokenFor(deps, userActor(me), 42) // → /preview/<token>
 */
export { findArticleByPreviewToken, previewTokenFor } from './preview.service.js'
/**
 * Site management: sections' fields and order, tag renames and merges (with redirects),
 * and the redirect list.
 * @example await mergeTags(deps, userActor(editor), { fromId: 12, intoId: 3 })
 */
export {
  addRedirect,
  mergeTags,
  moveSection,
  removeRedirect,
  renameTag,
  updateSection,
} from './taxonomy-admin.service.js'
/** Sanitizing on save and the one door for stored HTML into templates. */
export { escapeHtml, sanitizeBody, trustedHtml, type TrustedHtml } from './body-html.js'
/** Reading time ("4 Mins Read"), word counts, excerpts. */
export {
  countWords,
  formatReadingTime,
  htmlToLines,
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
  findNewsroomArticles,
  listNewsroomArticles,
  NEWSROOM_SORTS,
  type NewsroomFilter,
  type NewsroomPage,
  type NewsroomSort,
  type NewsroomText,
} from './newsroom.service.js'
/**
 * The platform APIs' reads: published stories under a filter tree, static pages, sections and
 * tags together, and the people who write (never their email).
 * @example const { total, batches } = await browseApiPosts(deps, { limit: 15, page: 1 })
 */
export {
  browseApiPosts,
  findApiPost,
  listApiAuthors,
  listApiStaticPages,
  listApiTags,
  loadApiPostBatches,
  pageApiPostIds,
  type ApiPageRow,
  type ApiPerson,
  type ApiPost,
  type ApiTagRow,
  type RememberTotal,
} from './api-reads.js'
export {
  API_FILTER_FIELDS,
  API_ORDER_FIELDS,
  isApiFilterField,
  isApiOrderField,
  type ApiFilter,
  type ApiFilterField,
  type ApiOrder,
  type ApiPostQuery,
  type ApiScalar,
} from './api-query.js'
/**
 * Delete an article, and apply one action to many (the newsroom's bulk actions): each article
 * through its own use case, permission and audit entry; refused ones are reported, not done.
 * @example await applyToArticles(deps, userActor(me), [4, 8], { kind: 'publish' })
 */
export {
  applyToArticles,
  deleteArticle,
  MAX_BULK,
  type BulkAction,
  type BulkResult,
} from './article-bulk.js'
