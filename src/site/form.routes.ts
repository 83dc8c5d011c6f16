/**
 * The reader's forms: comments, newsletter sign-up and the contact form. Plain POSTs that
 * work without JavaScript. Bad input becomes a validation error, which the error handler
 * renders as a 400 page with the message; spam is answered kindly and never stored.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { formStamp, HONEYPOT_FIELD, postComment, STAMP_FIELD } from '../comments/index.js'
import { sendContactMessage } from '../contact/index.js'
import { AppError, validationError } from '../errors.js'
import { subscribe } from '../newsletter/index.js'
import { findSettings } from '../settings/index.js'
import type { SiteKit } from './site-kit.js'

type Form = Record<string, unknown>

/** Sign-ups per address and per IP: enough for typos, too few to mail-bomb someone. */
const SUBSCRIBE_RULE = { limit: 5, windowMs: 60 * 60_000 }

export const formRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (app, { kit }) => {
  const { deps } = kit

  // Pages are cached, so the stamp in their HTML may be old; site.js asks for a fresh one.
  app.get('/api/form-stamp', async (_request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send({ stamp: formStamp(deps.secret, deps.clock.now().getTime()) }),
  )

  app.post('/comments', async (request, reply) => {
    const form = formOf(request)
    const posted = await postComment(deps, {
      articleSlug: field(form, 'article'),
      parentId: parentId(field(form, 'parent')),
      authorName: field(form, 'name'),
      authorEmail: field(form, 'email'),
      authorUrl: field(form, 'url'),
      body: field(form, 'comment'),
      notifyReplies: field(form, 'notify') === '1',
      honeypot: field(form, HONEYPOT_FIELD),
      stamp: field(form, STAMP_FIELD),
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
    })
    // A bot that filled the honeypot is told what a held comment would be told.
    if (posted.outcome === 'dropped') return message(kit, request, reply, 'pending')
    if (posted.outcome === 'approved')
      return reply.redirect(`${posted.articlePath}#comment-${posted.id}`, 303)
    return reply.redirect(`${posted.articlePath}?comment=pending#respond`, 303)
  })

  app.post('/subscribe', async (request, reply) => {
    const form = formOf(request)
    const email = field(form, 'email')
    const now = deps.clock.now().getTime()
    if (field(form, HONEYPOT_FIELD) === '') {
      const settings = await findSettings(deps.db)
      const allowed =
        deps.limiter.hit('subscribe-ip', request.ip, SUBSCRIBE_RULE, now) &&
        deps.limiter.hit('subscribe-email', email.trim(), SUBSCRIBE_RULE, now)
      if (!allowed)
        throw new AppError(
          'TOO_MANY_ATTEMPTS',
          'You are signing up a lot in a short time. Please wait a while and try again.',
        )
      await subscribe(
        { ...deps, siteTitle: settings.title },
        { email, source: field(form, 'source') },
      )
    }
    return message(kit, request, reply, 'subscribe')
  })

  app.post('/contact', async (request, reply) => {
    const form = formOf(request)
    await sendContactMessage(deps, {
      name: field(form, 'name'),
      email: field(form, 'email'),
      subject: field(form, 'subject'),
      message: field(form, 'message'),
      honeypot: field(form, HONEYPOT_FIELD),
      stamp: field(form, STAMP_FIELD),
      ip: request.ip,
    })
    return message(kit, request, reply, 'contact')
  })
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

function formOf(request: FastifyRequest): Form {
  const body = request.body
  return body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Form) : {}
}

function field(form: Form, name: string): string {
  const value = form[name]
  return typeof value === 'string' ? value : ''
}

function parentId(value: string): number | null {
  if (value.trim() === '') return null
  if (!/^\d{1,12}$/.test(value.trim()))
    throw validationError('parent', 'The comment you replied to is not on this article.')
  return Number(value)
}
