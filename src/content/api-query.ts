/**
 * @module api-query
 * What a platform client may ask of the published stories: a filter tree over a closed list of
 * fields, an order and a page. The Content API parses Ghost's NQL into this shape; the
 * repository turns it into SQL. Values are checked here, so a bad one is a VALIDATION_FAILED
 * naming the field, never a database error.
 */
import { validationError } from '../errors.js'

/** The fields a filter may name. Tags include sections (a story's section is its first tag). */
export const API_FILTER_FIELDS = [
  'id',
  'slug',
  'title',
  'featured',
  'published_at',
  'updated_at',
  'visibility',
  'tags.slug',
  'authors.slug',
  'primary_tag.slug',
  'primary_author.slug',
  /** draft, pending, scheduled, published: only useful to staff (readers see published). */
  'status',
] as const
export type ApiFilterField = (typeof API_FILTER_FIELDS)[number]

export type ApiScalar = string | number | boolean | null

/** One test on one field, or a group of tests. */
export type ApiFilter =
  | { and: ApiFilter[] }
  | { or: ApiFilter[] }
  | { field: ApiFilterField; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: ApiScalar }
  | { field: ApiFilterField; op: 'in' | 'nin'; value: ApiScalar[] }
  /** Case-insensitive text match: contains, starts with or ends with `value`. */
  | {
      field: ApiFilterField
      op: 'like' | 'notLike'
      value: string
      anchor: 'any' | 'start' | 'end'
    }

/** The fields a list may be ordered by. */
export const API_ORDER_FIELDS = [
  'id',
  'title',
  'slug',
  'featured',
  'published_at',
  'updated_at',
  'created_at',
] as const
export type ApiOrderField = (typeof API_ORDER_FIELDS)[number]

export interface ApiOrder {
  field: ApiOrderField
  direction: 'asc' | 'desc'
}

/** A page of published stories: `limit: 'all'` reads every one. */
export interface ApiPostQuery {
  filter?: ApiFilter
  order?: ApiOrder[]
  limit: number | 'all'
  page: number
  /** Readers (default) see published stories; staff see every status but archived. */
  audience?: 'readers' | 'staff'
}

export function isApiFilterField(name: string): name is ApiFilterField {
  return (API_FILTER_FIELDS as readonly string[]).includes(name)
}

export function isApiOrderField(name: string): name is ApiOrderField {
  return (API_ORDER_FIELDS as readonly string[]).includes(name)
}

/**
 * The value as the database compares it for `field`: ids are integers, `featured` a 0/1 flag,
 * dates epoch milliseconds (a date without an offset is UTC), the rest text.
 * @example filterValue('published_at', '2026-05-01 10:00:00') // 1777629600000
 */
export function filterValue(field: ApiFilterField, value: ApiScalar): string | number | null {
  if (value === null) return null
  switch (field) {
    case 'id': {
      const id = typeof value === 'number' ? value : Number(value)
      if (!Number.isSafeInteger(id)) throw validationError(field, `${field} must be a whole number`)
      return id
    }
    case 'featured':
      if (value === true || value === 1 || value === 'true' || value === '1') return 1
      if (value === false || value === 0 || value === 'false' || value === '0') return 0
      throw validationError(field, 'featured must be true or false')
    case 'published_at':
    case 'updated_at':
      return dateValue(field, value)
    default:
      return String(value)
  }
}

function dateValue(field: string, value: ApiScalar): number {
  if (typeof value === 'number') return value
  const text = String(value).trim().replace(' ', 'T')
  const withZone = /T.*(Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T') ? text : `${text}Z`
  const time = Date.parse(withZone)
  if (Number.isNaN(time)) throw validationError(field, `${field} must be a date`)
  return time
}
