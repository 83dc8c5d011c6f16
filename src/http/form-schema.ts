/**
 * Schema-first routes for HTML forms and pages. A form route declares its body (and params and
 * query) in TypeBox; Fastify validates it. A form that fails validation is not answered with
 * Fastify's JSON error: the handler gets the failure as a domain error naming the field, and
 * shows the form again with what the person typed.
 */
import { Type, type TSchema } from '@sinclair/typebox'
import type { FastifyRequest, FastifySchema } from 'fastify'
import { AppError } from '../errors.js'

/** An HTML page, as route schemas document it. */
export const HtmlPage = Type.String({ contentMediaType: 'text/html' })
/** A redirect after a POST, with no body. */
export const SeeOther = Type.Null({ description: '303 See Other to the next page' })
/** The responses of an HTML page route. */
export const PAGE_RESPONSES = { 200: HtmlPage, '4xx': HtmlPage }
/** The responses of a form POST: on to the next page, or the form again with the errors. */
export const FORM_RESPONSES = { 303: SeeOther, 200: HtmlPage, '4xx': HtmlPage }

/** A form text field: a string of at most `max` characters (forms send text, never objects). */
export function text(max = 10_000, description?: string) {
  return Type.String({ maxLength: max, ...(description ? { description } : {}) })
}

/** A form field that may be sent once or repeated (`ids=1&ids=2`). */
export function repeated(item: TSchema = text(100)) {
  return Type.Union([item, Type.Array(item, { maxItems: 1000 })])
}

/**
 * The largest row id: PostgreSQL's `integer`. SQLite's ids are wider, but one rule for both means
 * an id beyond it is a 400 on either database instead of a database error on one of them.
 */
export const MAX_ID = 2_147_483_647
/** The digits of a number from 1 to MAX_ID (leading zeros allowed), for use inside a pattern. */
export const ID_DIGITS =
  '0*(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|' +
  '21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])'
/** A row id as text: ID_DIGITS and nothing else. */
export const ID_PATTERN = `^${ID_DIGITS}$`
const ID_REGEXP = new RegExp(ID_PATTERN)
const ID_MESSAGE = `must be a whole number from 1 to ${MAX_ID}`

/** Whether `text` is a row id (see ID_PATTERN). */
export function isId(text: string): boolean {
  return ID_REGEXP.test(text)
}

/** A row id in a path, query or form field, as text. */
export function idText(description?: string) {
  return Type.String({ pattern: ID_PATTERN, ...(description ? { description } : {}) })
}

/** A row id sent as text (a form) or as a number (JSON), or '' for none. */
export const OptionalId = Type.Union([
  Type.String({ pattern: `^$|${ID_PATTERN}` }),
  Type.Integer({ minimum: 1, maximum: MAX_ID }),
])

/** A numeric path id. */
export const IdParams = Type.Object({ id: idText() })

/**
 * Route options for a form POST: its schemas, validated by Fastify, with the failure kept for
 * the handler (`formError`) instead of a JSON 400.
 */
export function formRoute(schema: FastifySchema): {
  schema: FastifySchema
  attachValidation: true
} {
  return { schema: { response: FORM_RESPONSES, ...schema }, attachValidation: true }
}

/** Route options for an HTML page: its schemas, with a failure answered as an error page. */
export function pageRoute(schema: FastifySchema = {}): { schema: FastifySchema } {
  return { schema: { response: PAGE_RESPONSES, ...schema } }
}

/**
 * The form's validation failure as a VALIDATION_FAILED error naming the field, or undefined
 * when the form passed. Throw it where the handler shows the form again.
 */
export function formError(request: FastifyRequest): AppError | undefined {
  const failure = request.validationError
  if (!failure) return undefined
  const first = (failure as { validation?: { instancePath?: string; params?: unknown }[] })
    .validation?.[0]
  const params = first?.params as { missingProperty?: string; pattern?: string } | undefined
  const property =
    params?.missingProperty ?? first?.instancePath?.replace(/^\//, '').split('/')[0] ?? undefined
  const idFailed = params?.pattern?.endsWith(ID_PATTERN) === true
  const message = property
    ? `${property.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${idFailed ? ID_MESSAGE : describe(failure.message)}`
    : 'Some of the form could not be read; please check it and try again.'
  return new AppError('VALIDATION_FAILED', message, property ? { property } : {})
}

/** Throw the form's validation failure, if any (for handlers that show errors on a page). */
export function assertForm(request: FastifyRequest): void {
  const error = formError(request)
  if (error) throw error
}

function describe(message: string): string {
  // "body/title must NOT have more than 300 characters" → "must NOT have more than 300 characters"
  return message.replace(/^[^ ]+ /, '').replace('must NOT', 'must not')
}
