/**
 * The reader's forms: comments, newsletter sign-up and the contact form. Plain POSTs that
 * work without JavaScript, validated by their schemas (form.schemas.ts). A form refused for
 * any reason (its schema, the domain's checks, rate limits, comments closed) comes back as the
 * same page with the reader's text in the fields and the message next to the field, with a
 * 4xx status and never cached. Spam is answered kindly and never stored.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { formStamp, postComment, HONEYPOT_FIELD, STAMP_FIELD } from '../comments/index.js'
import { sendContactMessage } from '../contact/index.js'
import { AppError } from '../errors.js'
import { subscribe } from '../newsletter/index.js'
import { findSettings } from '../settings/index.js'
import { CommentForm, ContactForm, errorKey, schemaErrors, SubscribeForm } from './form.schemas.js'
import { showComment, showContact, showSubscribe, type Refusal } from './form-refusal.js'
import type { SiteKit } from './site-kit.js'

/** Sign-ups per address and per IP: enough for typos, too few to mail-bomb someone. */
const SUBSCRIBE_RULE = { limit: 5, windowMs: 60 * 60_000 }

export const formRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (plain, { kit }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  const { deps } = kit

  // Pages are cached, so the stamp in their HTML may be old; site.js asks for a fresh one.
  app.get('/api/form-stamp', async (_request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send({ stamp: formStamp(deps.secret, deps.clock.now().getTime()) }),
  )

  app.post(
    '/comments',
    { schema: { body: CommentForm }, attachValidation: true },
    async (request, reply) => {
      const form = request.body
      if (request.validationError) return showComment(kit, request, reply, refusedBySchema(request))
      try {
        const posted = await postComment(deps, {
          articleSlug: form.article,
          parentId: form.parent?.trim() ? Number(form.parent) : null,
          authorName: form.name,
          authorEmail: form.email,
          authorUrl: form.url ?? '',
          body: form.comment,
          notifyReplies: form.notify === '1',
          honeypot: form[HONEYPOT_FIELD] ?? '',
          stamp: form[STAMP_FIELD] ?? '',
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        })
        // A bot that filled the honeypot is told what a held comment would be told.
        if (posted.outcome === 'dropped') return message(kit, request, reply, 'pending')
        if (posted.outcome === 'approved')
          return reply.redirect(`${posted.articlePath}#comment-${posted.id}`, 303)
        return reply.redirect(`${posted.articlePath}?comment=pending#respond`, 303)
      } catch (error) {
        return showComment(kit, request, reply, refusedByDomain(request, error))
      }
    },
  )

  app.post(
    '/subscribe',
    { schema: { body: SubscribeForm }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError)
        return showSubscribe(kit, request, reply, refusedBySchema(request))
      const { email, source } = request.body
      if ((request.body[HONEYPOT_FIELD] ?? '') !== '')
        return message(kit, request, reply, 'subscribe')
      const now = deps.clock.now().getTime()
      try {
        const allowed =
          (await deps.limiter.allows('subscribe-ip', request.ip, SUBSCRIBE_RULE, now)) &&
          (await deps.limiter.allows('subscribe-email', email.trim(), SUBSCRIBE_RULE, now))
        if (!allowed)
          throw new AppError(
            'TOO_MANY_ATTEMPTS',
            'You are signing up a lot in a short time. Please wait a while and try again.',
            { property: 'form' },
          )
        const settings = await findSettings(deps)
        await subscribe({ ...deps, siteTitle: settings.title }, { email, source })
        await deps.limiter.record('subscribe-ip', request.ip, SUBSCRIBE_RULE, now)
        await deps.limiter.record('subscribe-email', email.trim(), SUBSCRIBE_RULE, now)
      } catch (error) {
        return showSubscribe(kit, request, reply, refusedByDomain(request, error))
      }
      return message(kit, request, reply, 'subscribe')
    },
  )

  app.post(
    '/contact',
    { schema: { body: ContactForm }, attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return showContact(kit, request, reply, refusedBySchema(request))
      const form = request.body
      try {
        await sendContactMessage(deps, {
          name: form.name,
          email: form.email,
          subject: form.subject,
          message: form.message,
          honeypot: form[HONEYPOT_FIELD] ?? '',
          stamp: form[STAMP_FIELD] ?? '',
          ip: request.ip,
        })
      } catch (error) {
        return showContact(kit, request, reply, refusedByDomain(request, error))
      }
      return message(kit, request, reply, 'contact')
    },
  )
}

/** The form as the reader sent it, only its text fields (whatever the schema said of them). */
function sentValues(request: FastifyRequest): Record<string, string> {
  const body = request.body
  const values: Record<string, string> = {}
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return values
  for (const [key, value] of Object.entries(body as Record<string, unknown>))
    if (typeof value === 'string' && key !== STAMP_FIELD && key !== HONEYPOT_FIELD)
      values[key] = value
  return values
}

function refusedBySchema(request: FastifyRequest): Refusal {
  const error = request.validationError ?? {}
  return { status: 400, values: sentValues(request), errors: schemaErrors(error) }
}

/** Domain refusals carry a code and the field they are about; anything else is a real failure. */
function refusedByDomain(request: FastifyRequest, error: unknown): Refusal {
  if (!(error instanceof AppError)) throw error
  return {
    status: error.code === 'TOO_MANY_ATTEMPTS' ? 429 : 400,
    values: sentValues(request),
    errors: { [errorKey(error.property ?? 'form')]: error.message },
  }
}

const MESSAGES = {
  pending: {
    title: 'Thanks — your comment is awaiting moderation',
    message: 'An editor will look at it soon. Comments appear once they are approved.',
  },
  subscribe: {
    title: 'Thanks — please check your inbox to confirm',
    message:
      'We’ll send a confirmation link to the address you gave. Follow it to start receiving our newsletter. If nothing arrives in a few minutes, look in your spam folder.',
  },
  contact: {
    title: 'Thanks — your message is with the newsroom',
    message: 'An editor reads every message. If you asked a question, we will reply by email.',
  },
}

async function message(
  kit: SiteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  kind: keyof typeof MESSAGES,
) {
  const view = await kit.view(request)
  return kit.render(reply, view, { kind: 'message' }, MESSAGES[kind], { cache: 'none' })
}
