/**
 * The reader forms' request schemas (TypeBox). Fastify validates each form against its schema;
 * a form that fails is shown again with the reader's text and a message next to the field, so
 * every field also has the messages a reader reads (`FIELD_MESSAGES`). The domain checks the
 * meaning (an address that looks like one, an article that exists) after the shape is right.
 */
import { Type, type Static } from '@sinclair/typebox'
import { ID_DIGITS } from '../http/form-schema.js'
import { COMMENT_LIMITS, HONEYPOT_FIELD, STAMP_FIELD } from '../comments/index.js'
import { CONTACT_LIMITS } from '../contact/index.js'

/** Every form carries the honeypot and the signed stamp (see theme/components/form-trap.tsx). */
const trap = {
  [HONEYPOT_FIELD]: Type.Optional(Type.String({ maxLength: 500 })),
  [STAMP_FIELD]: Type.Optional(Type.String({ maxLength: 500 })),
}

export const CommentForm = Type.Object({
  article: Type.String({ minLength: 1, maxLength: 200 }),
  parent: Type.Optional(Type.String({ pattern: `^\\s*(?:${ID_DIGITS})?\\s*$` })),
  comment: Type.String({ minLength: 1, maxLength: COMMENT_LIMITS.body }),
  name: Type.String({ minLength: 1, maxLength: COMMENT_LIMITS.name }),
  email: Type.String({ minLength: 1, maxLength: COMMENT_LIMITS.email }),
  url: Type.Optional(Type.String({ maxLength: COMMENT_LIMITS.url })),
  notify: Type.Optional(Type.Literal('1')),
  ...trap,
})
export type CommentForm = Static<typeof CommentForm>

export const ContactForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: CONTACT_LIMITS.name }),
  email: Type.String({ minLength: 1, maxLength: CONTACT_LIMITS.email }),
  subject: Type.String({ minLength: 1, maxLength: CONTACT_LIMITS.subject }),
  message: Type.String({ minLength: 1, maxLength: CONTACT_LIMITS.message }),
  ...trap,
})
export type ContactForm = Static<typeof ContactForm>

export const SubscribeForm = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  source: Type.Optional(Type.String({ maxLength: 50 })),
  [HONEYPOT_FIELD]: Type.Optional(Type.String({ maxLength: 500 })),
})
export type SubscribeForm = Static<typeof SubscribeForm>

/** `?token=…` on the links readers follow from our mail. */
export const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 2000 })) })
export type TokenQuery = Static<typeof TokenQuery>

/** The search form (GET). Unusable values give defaults, never an error page. */
export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String()),
  section: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 20 })),
})
export type SearchQuery = Static<typeof SearchQuery>

/** What a reader reads when a field fails its schema: the same words the domain uses. */
export const FIELD_MESSAGES: Record<string, string> = {
  article: 'That article does not exist or is no longer available.',
  parent: 'The comment you replied to is not on this article.',
  comment: `Please write a comment (at most ${COMMENT_LIMITS.body} characters).`,
  name: `Please give your name (at most ${COMMENT_LIMITS.name} characters).`,
  email: 'Please give a valid email address.',
  url: 'A website must be an http(s) address.',
  subject: `Please give a subject (at most ${CONTACT_LIMITS.subject} characters).`,
  message: `Please write a message (at most ${CONTACT_LIMITS.message} characters).`,
}

/** Form-level properties: shown above the form rather than next to a field. */
const FORM_LEVEL = new Set(['form', 'article', 'parent', 'source', HONEYPOT_FIELD, STAMP_FIELD])

/** Where a message about `name` shows: next to its field, or above the form. */
export function errorKey(name: string): string {
  return FORM_LEVEL.has(name) || !FIELD_MESSAGES[name] ? 'form' : name
}

/**
 * Field errors from Fastify's validation error (Ajv's list): the field each one names, with
 * the message a reader reads.
 */
export function schemaErrors(error: { validation?: unknown }): Record<string, string> {
  const errors: Record<string, string> = {}
  const list = Array.isArray(error.validation) ? (error.validation as AjvError[]) : []
  for (const item of list) {
    const name =
      item.params?.missingProperty ?? item.instancePath?.replace(/^\//, '').split('/')[0] ?? ''
    const message = FIELD_MESSAGES[name] ?? 'Please check this form and send it again.'
    errors[errorKey(name)] ??= message
  }
  if (Object.keys(errors).length === 0) errors.form = 'Please check this form and send it again.'
  return errors
}

interface AjvError {
  instancePath?: string
  params?: { missingProperty?: string }
}
