/**
 * The article form's fields, read the same way from a url-encoded form (no JavaScript) and from
 * the editor's JSON autosave, and turned into an `ArticleInput`.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { Article, ArticleInput } from '../content/index.js'
import { validationError } from '../errors.js'
import { OptionalId, repeated, text } from '../http/form-schema.js'
import { dateToZonedInput, zonedInputToDate } from './zoned-time.js'

const flagField = Type.Union([Type.Boolean(), text(10)])
const idField = OptionalId

/**
 * The article form's body, as the plain form posts it (strings, repeated fields) and as the
 * editor's autosave sends it (JSON, with booleans and numbers). Lengths are generous: the
 * content rules (a 300-character headline…) are the use case's, with their own messages.
 */
export const ArticleFormBody = Type.Object({
  title: Type.Optional(text(1_000)),
  slug: Type.Optional(text(300)),
  standfirst: Type.Optional(text(5_000)),
  bodyHtml: Type.Optional(text(2_000_000)),
  bodyDoc: Type.Optional(text(4_000_000)),
  sectionId: Type.Optional(idField),
  moreSectionIds: Type.Optional(repeated(idField)),
  tags: Type.Optional(text(5_000)),
  authorIds: Type.Optional(repeated(idField)),
  featuredMediaId: Type.Optional(idField),
  featuredAlt: Type.Optional(text(1_000)),
  featuredCaption: Type.Optional(text(2_000)),
  featuredCredit: Type.Optional(text(1_000)),
  isEditorsPick: Type.Optional(flagField),
  isFeatured: Type.Optional(flagField),
  allowComments: Type.Optional(flagField),
  seoTitle: Type.Optional(text(1_000)),
  seoDescription: Type.Optional(text(2_000)),
  canonicalUrl: Type.Optional(text(2_000)),
  publishAt: Type.Optional(text(40)),
  action: Type.Optional(text(20, 'save, submit, publish, schedule, unpublish or archive')),
  version: Type.Optional(Type.Union([text(12), Type.Integer()])),
  _csrf: Type.Optional(text(200)),
})

export interface ArticleFormValues {
  title: string
  slug: string
  standfirst: string
  bodyHtml: string
  /** The editor's ProseMirror document as JSON ('' from the plain form). */
  bodyDoc: string
  sectionId: string
  moreSectionIds: string[]
  tags: string
  authorIds: string[]
  featuredMediaId: string
  featuredAlt: string
  featuredCaption: string
  featuredCredit: string
  isEditorsPick: boolean
  isFeatured: boolean
  allowComments: boolean
  seoTitle: string
  seoDescription: string
  canonicalUrl: string
  publishAt: string
}

type Body = Record<string, unknown>

function bodyOf(request: FastifyRequest): Body {
  const body = request.body
  return body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Body) : {}
}

function str(body: Body, name: string): string {
  const value = body[name]
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return ''
}

function list(body: Body, name: string): string[] {
  const value = body[name]
  const all: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return all
    .map((v) => (typeof v === 'number' ? String(v) : v))
    .filter((v): v is string => typeof v === 'string' && v !== '')
}

function flag(body: Body, name: string): boolean {
  const value = body[name]
  return value === true || value === 'on' || value === '1' || value === 'true'
}

export function readFormValues(request: FastifyRequest): ArticleFormValues {
  const body = bodyOf(request)
  return {
    title: str(body, 'title'),
    slug: str(body, 'slug'),
    standfirst: str(body, 'standfirst'),
    bodyHtml: str(body, 'bodyHtml'),
    bodyDoc: str(body, 'bodyDoc'),
    sectionId: str(body, 'sectionId'),
    moreSectionIds: list(body, 'moreSectionIds'),
    tags: str(body, 'tags'),
    authorIds: list(body, 'authorIds'),
    featuredMediaId: str(body, 'featuredMediaId'),
    featuredAlt: str(body, 'featuredAlt'),
    featuredCaption: str(body, 'featuredCaption'),
    featuredCredit: str(body, 'featuredCredit'),
    isEditorsPick: flag(body, 'isEditorsPick'),
    isFeatured: flag(body, 'isFeatured'),
    allowComments: flag(body, 'allowComments'),
    seoTitle: str(body, 'seoTitle'),
    seoDescription: str(body, 'seoDescription'),
    canonicalUrl: str(body, 'canonicalUrl'),
    publishAt: str(body, 'publishAt'),
  }
}

const ids = (values: string[]) => values.filter((v) => /^\d+$/.test(v)).map(Number)

/** The service input for these values. `writerId` always stays among the authors. */
export function toArticleInput(values: ArticleFormValues, writerId: number | null): ArticleInput {
  let bodyDoc: unknown = null
  if (values.bodyDoc) {
    try {
      bodyDoc = JSON.parse(values.bodyDoc)
    } catch {
      throw validationError('bodyDoc', 'the editor document is not valid JSON')
    }
  }
  const primary = /^\d+$/.test(values.sectionId) ? Number(values.sectionId) : null
  const authors = ids(values.authorIds)
  if (writerId !== null && authors.length > 0 && !authors.includes(writerId)) authors.push(writerId)
  return {
    title: values.title,
    ...(values.slug.trim() ? { slug: values.slug } : {}),
    standfirst: values.standfirst,
    bodyHtml: values.bodyHtml,
    bodyDoc,
    primaryCategoryId: primary,
    categoryIds: ids(values.moreSectionIds).filter((id) => id !== primary),
    tags: values.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    ...(authors.length > 0 ? { authorIds: authors } : {}),
    featuredMediaId: /^\d+$/.test(values.featuredMediaId) ? Number(values.featuredMediaId) : null,
    featuredAlt: values.featuredAlt,
    featuredCaption: values.featuredCaption,
    featuredCredit: values.featuredCredit,
    isEditorsPick: values.isEditorsPick,
    isFeatured: values.isFeatured,
    allowComments: values.allowComments,
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    canonicalUrl: values.canonicalUrl,
  }
}

export function publishAtOf(values: ArticleFormValues, timeZone: string): Date | undefined {
  return values.publishAt ? zonedInputToDate(values.publishAt, timeZone) : undefined
}

export function emptyValues(writerId: number): ArticleFormValues {
  return {
    title: '',
    slug: '',
    standfirst: '',
    bodyHtml: '',
    bodyDoc: '',
    sectionId: '',
    moreSectionIds: [],
    tags: '',
    authorIds: [String(writerId)],
    featuredMediaId: '',
    featuredAlt: '',
    featuredCaption: '',
    featuredCredit: '',
    isEditorsPick: false,
    isFeatured: false,
    allowComments: true,
    seoTitle: '',
    seoDescription: '',
    canonicalUrl: '',
    publishAt: '',
  }
}

export function valuesOf(article: Article, timeZone: string): ArticleFormValues {
  return {
    title: article.title,
    slug: article.slug,
    standfirst: article.standfirst,
    bodyHtml: article.bodyHtml,
    bodyDoc: article.bodyDoc ? JSON.stringify(article.bodyDoc) : '',
    sectionId: article.category ? String(article.category.id) : '',
    moreSectionIds: article.categories
      .filter((c) => c.id !== article.category?.id)
      .map((c) => String(c.id)),
    tags: article.tags.map((t) => t.name).join(', '),
    authorIds: article.authors.map((a) => String(a.id)),
    featuredMediaId: article.image ? String(article.image.mediaId) : '',
    featuredAlt: article.image?.alt ?? '',
    featuredCaption: article.image?.caption ?? '',
    featuredCredit: article.image?.credit ?? '',
    isEditorsPick: article.isEditorsPick,
    isFeatured: article.isFeatured,
    allowComments: article.allowComments,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    canonicalUrl: article.canonicalUrl,
    publishAt:
      article.status === 'scheduled' && article.publishedAt
        ? dateToZonedInput(article.publishedAt, timeZone)
        : '',
  }
}

const COMPARED = [
  'title',
  'slug',
  'standfirst',
  'bodyHtml',
  'sectionId',
  'tags',
  'featuredMediaId',
  'featuredAlt',
  'featuredCaption',
  'featuredCredit',
  'seoTitle',
  'seoDescription',
  'canonicalUrl',
] as const

/** Whether the submitted values differ from what is stored (then a step saves them first). */
export function isChanged(before: ArticleFormValues, after: ArticleFormValues): boolean {
  return (
    COMPARED.some((k) => before[k].trim() !== after[k].trim()) ||
    before.isEditorsPick !== after.isEditorsPick ||
    before.isFeatured !== after.isFeatured ||
    before.allowComments !== after.allowComments ||
    before.moreSectionIds.join() !== after.moreSectionIds.join() ||
    (after.authorIds.length > 0 && before.authorIds.join() !== after.authorIds.join())
  )
}
