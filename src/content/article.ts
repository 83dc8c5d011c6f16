import { yearMonthIn } from '../text/date-format.js'
import type { ArticleStatus } from './article.table.js'
import type { TrustedHtml } from './body-html.js'

export type { ArticleStatus }

export interface CategoryRef {
  id: number
  name: string
  slug: string
  parentId: number | null
}

export interface TagRef {
  id: number
  name: string
  slug: string
}

export interface AuthorRef {
  id: number
  name: string
  slug: string
  avatarUrl: string | null
}

export interface ImageRef {
  mediaId: number
  url: string
  alt: string
  caption: string
  credit: string
  width: number | null
  height: number | null
}

/** What lists show: enough for a teaser card, no body. */
export interface ArticleSummary {
  id: number
  title: string
  slug: string
  standfirst: string
  excerpt: string
  status: ArticleStatus
  publishedAt: Date | null
  updatedAt: Date
  readingMinutes: number
  commentCount: number
  isEditorsPick: boolean
  isFeatured: boolean
  category: CategoryRef | null
  author: AuthorRef | null
  image: ImageRef | null
}

/** A whole article, as the article page and the editor need it. */
export interface Article extends ArticleSummary {
  bodyHtml: TrustedHtml
  bodyDoc: unknown
  createdAt: Date
  wordCount: number
  allowComments: boolean
  seoTitle: string
  seoDescription: string
  canonicalUrl: string
  version: number
  categories: CategoryRef[]
  /** Slugs of every section that lists the article: chosen ones and their ancestors. */
  sectionSlugs: string[]
  tags: TagRef[]
  authors: AuthorRef[]
}

export interface Page<T> {
  items: T[]
  page: number
  perPage: number
  total: number
  totalPages: number
}

/** Which status changes an editor may make. Publishing is allowed from anywhere but itself. */
const TRANSITIONS: Record<ArticleStatus, ArticleStatus[]> = {
  draft: ['pending', 'scheduled', 'published', 'archived'],
  pending: ['draft', 'scheduled', 'published', 'archived'],
  scheduled: ['draft', 'pending', 'scheduled', 'published', 'archived'],
  published: ['draft', 'archived'],
  archived: ['draft', 'published'],
}

export function canTransition(from: ArticleStatus, to: ArticleStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** Readers see an article when it is published and its time has come. */
export function isVisibleToReaders(
  article: Pick<ArticleSummary, 'status' | 'publishedAt'>,
  now: Date,
): boolean {
  return (
    article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now
  )
}

/**
 * The public path of an article: `/2026/05/budget-vote/`. The slug alone identifies it; the
 * date parts are for readers (and redirect to the right ones when they don't match).
 */
export function articlePath(
  article: Pick<ArticleSummary, 'slug' | 'publishedAt'>,
  timeZone = 'UTC',
): string {
  if (!article.publishedAt) return `/p/${article.slug}/`
  return `/${yearMonthIn(article.publishedAt, timeZone)}/${article.slug}/`
}

/** "No Comments", "1 Comment", "12 Comments". */
export function formatCommentCount(count: number): string {
  if (count === 0) return 'No Comments'
  return `${count} ${count === 1 ? 'Comment' : 'Comments'}`
}
