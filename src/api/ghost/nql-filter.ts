/**
 * @module nql-filter
 * Ghost's NQL filter strings (`tag:world+featured:true`) to the domain's filter tree. The text is
 * parsed with `@tryghost/nql-lang`; its Mongo-style JSON is translated here, with Ghost's
 * shorthands (`tag` → `tags.slug`, `primary_tag` → `primary_tag.slug`…). An unknown field, an
 * operator we do not support or unreadable text is a 400 naming the problem.
 */
import nql from '@tryghost/nql-lang'
import type { ApiScalar } from '../../content/index.js'
import { badParameter } from './ghost-errors.js'

/** A filter tree over fields named `F` (the domain's `ApiFilter` when F is its field list). */
export type FilterTree<F extends string> =
  | { and: FilterTree<F>[] }
  | { or: FilterTree<F>[] }
  | { field: F; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: ApiScalar }
  | { field: F; op: 'in' | 'nin'; value: ApiScalar[] }
  | { field: F; op: 'like' | 'notLike'; value: string; anchor: 'any' | 'start' | 'end' }

/** Ghost's shorthand names, for every resource. */
const SHORTHANDS: Record<string, string> = {
  tag: 'tags.slug',
  tags: 'tags.slug',
  author: 'authors.slug',
  authors: 'authors.slug',
  primary_tag: 'primary_tag.slug',
  primary_author: 'primary_author.slug',
}

const COMPARISONS = { $ne: 'ne', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte' } as const

/**
 * Parse `text` into a filter over `fields` (after shorthands), or throw a 400.
 * @example parseNqlFilter("tag:[world,uk]+published_at:>'2026-01-01'", POST_FIELDS)
 */
export function parseNqlFilter<F extends string>(
  text: string,
  fields: readonly F[],
): FilterTree<F> {
  let json: unknown
  try {
    json = nql.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    throw badParameter(`Error parsing filter: ${detail}`, 'filter')
  }
  return translate(json, fields)
}

function translate<F extends string>(node: unknown, fields: readonly F[]): FilterTree<F> {
  if (!isObject(node)) throw badParameter('Error parsing filter', 'filter')
  const entries = Object.entries(node)
  if (entries.length !== 1) return { and: entries.map(([k, v]) => translate({ [k]: v }, fields)) }
  const [key, value] = entries[0] as [string, unknown]
  if (key === '$and' || key === '$or') {
    if (!Array.isArray(value)) throw badParameter('Error parsing filter', 'filter')
    const parts = value.map((v) => translate(v, fields))
    return key === '$and' ? { and: parts } : { or: parts }
  }
  const field = fieldOf(key, fields)
  return comparison(field, value)
}

function fieldOf<F extends string>(name: string, fields: readonly F[]): F {
  const resolved = SHORTHANDS[name] ?? name
  if (!(fields as readonly string[]).includes(resolved))
    throw badParameter(`Invalid filter field: ${name} cannot be filtered on`, name)
  return resolved as F
}

function comparison<F extends string>(field: F, value: unknown): FilterTree<F> {
  if (!isObject(value) || value instanceof RegExp) return regexOrEquality(field, value, false)
  const entries = Object.entries(value)
  if (entries.length !== 1) return { and: entries.map(([k, v]) => comparison(field, { [k]: v })) }
  const [op, operand] = entries[0] as [string, unknown]
  if (op === '$in' || op === '$nin') {
    if (!Array.isArray(operand) || !operand.every(isScalar))
      throw badParameter(`Invalid filter value for ${field}`, field)
    return { field, op: op === '$in' ? 'in' : 'nin', value: operand }
  }
  if (op === '$regex') return regexOrEquality(field, operand, false)
  if (op === '$not') return regexOrEquality(field, operand, true)
  if (op in COMPARISONS) {
    if (!isScalar(operand)) throw badParameter(`Invalid filter value for ${field}`, field)
    return { field, op: COMPARISONS[op as keyof typeof COMPARISONS], value: operand }
  }
  throw badParameter(`Unsupported filter operator on ${field}`, field)
}

function regexOrEquality<F extends string>(
  field: F,
  value: unknown,
  negate: boolean,
): FilterTree<F> {
  if (value instanceof RegExp) {
    const { text, anchor } = literalOf(value, field)
    return { field, op: negate ? 'notLike' : 'like', value: text, anchor }
  }
  if (negate || !isScalar(value)) throw badParameter(`Invalid filter value for ${field}`, field)
  return { field, op: 'eq', value }
}

/** NQL's `~`, `~^` and `~$` become `/text/i`, `/^text/i`, `/text$/i` with the text escaped. */
function literalOf(
  regex: RegExp,
  field: string,
): { text: string; anchor: 'any' | 'start' | 'end' } {
  let source = regex.source
  let anchor: 'any' | 'start' | 'end' = 'any'
  if (source.startsWith('^')) {
    anchor = 'start'
    source = source.slice(1)
  } else if (source.endsWith('$') && !source.endsWith('\\$')) {
    anchor = 'end'
    source = source.slice(0, -1)
  }
  if (/(^|[^\\])[.*+?()[\]{}|^$]/.test(source))
    throw badParameter(`Invalid filter value for ${field}`, field)
  return { text: source.replace(/\\(.)/g, '$1'), anchor }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isScalar(value: unknown): value is ApiScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
}

/**
 * Whether `record` passes `filter`: for the small resources (tags, authors, pages) filtered in
 * memory. Slugs and names compare as text, case-insensitively for `~`.
 */
export function matchesFilter<F extends string>(
  record: Record<F, ApiScalar | ApiScalar[]>,
  filter: FilterTree<F>,
): boolean {
  if ('and' in filter) return filter.and.every((f) => matchesFilter(record, f))
  if ('or' in filter) return filter.or.some((f) => matchesFilter(record, f))
  const actual = record[filter.field]
  const values = Array.isArray(actual) ? actual : [actual]
  const any = (test: (v: ApiScalar) => boolean) => values.some(test)
  const same = (a: ApiScalar, b: ApiScalar) => String(a) === String(b)
  switch (filter.op) {
    case 'eq':
      return any((v) => same(v, filter.value))
    case 'ne':
      return !any((v) => same(v, filter.value))
    case 'in':
      return any((v) => filter.value.some((w) => same(v, w)))
    case 'nin':
      return !any((v) => filter.value.some((w) => same(v, w)))
    case 'like':
    case 'notLike': {
      const needle = filter.value.toLowerCase()
      const hit = any((v) => {
        const text = String(v ?? '').toLowerCase()
        if (filter.anchor === 'start') return text.startsWith(needle)
        if (filter.anchor === 'end') return text.endsWith(needle)
        return text.includes(needle)
      })
      return filter.op === 'like' ? hit : !hit
    }
    default: {
      const op = filter.op
      return any((v) => {
        if (v === null || filter.value === null) return false
        const [a, b] = [v, filter.value].map((x) => (typeof x === 'number' ? x : String(x)))
        if (op === 'gt') return a! > b!
        if (op === 'gte') return a! >= b!
        if (op === 'lt') return a! < b!
        return a! <= b!
      })
    }
  }
}
