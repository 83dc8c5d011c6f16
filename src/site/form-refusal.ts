/**
 * A refused reader form, answered with the page it came from: the article with its comment
 * form, the Contact page, the Subscribe page. The reader's text is in the fields, each message
 * next to its field, the status is 4xx and the answer is never cached.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findPublishedArticle, findPublishedPage } from '../content/index.js'
import { cleanText } from '../text/clean-text.js'
import { loadArticlePage } from './page-data.js'
import type { SiteKit } from './site-kit.js'
import { loadSidebar } from './site-view.js'
import type { FormState } from './theme/form-state.js'

export interface Refusal extends FormState {
  status: number
}

const NOT_CACHED = { cache: 'none' } as const

export async function showComment(
  kit: SiteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: Refusal,
): Promise<FastifyReply> {
  const form = keptForm(refusal)
  const lookup = await findPublishedArticle(kit.deps, form.values.article ?? '')
  if (lookup.kind !== 'published')
    return showKept(kit, request, reply, refusal.status, {
      title: 'Your comment was not posted',
      message: firstMessage(form),
      kept: { label: 'Your comment', text: form.values.comment ?? '' },
    })
  const view = await kit.view(request)
  const parent = Number(form.values.parent)
  const props = await loadArticlePage(kit.deps, view, lookup.article, {
    replyTo: Number.isInteger(parent) && parent > 0 ? parent : undefined,
    pending: false,
    commentForm: form,
  })
  const page = { kind: 'post', slug: lookup.article.slug } as const
  return kit.render(reply.status(refusal.status), view, page, props, NOT_CACHED)
}

export async function showContact(
  kit: SiteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: Refusal,
): Promise<FastifyReply> {
  const form = keptForm(refusal)
  const page = await findPublishedPage(kit.deps, 'contact')
  if (!page)
    return showKept(kit, request, reply, refusal.status, {
      title: 'Your message was not sent',
      message: firstMessage(form),
      kept: { label: 'Your message', text: form.values.message ?? '' },
    })
  const [view, sidebar] = await Promise.all([kit.view(request), loadSidebar(kit.deps)])
  return kit.render(
    reply.status(refusal.status),
    view,
    { kind: 'page', slug: page.slug },
    { page, sidebar, contactForm: form },
    NOT_CACHED,
  )
}

export async function showSubscribe(
  kit: SiteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: Refusal,
): Promise<FastifyReply> {
  const view = await kit.view(request)
  const form = keptForm(refusal)
  return kit.render(reply.status(refusal.status), view, { kind: 'subscribe' }, { form }, NOT_CACHED)
}

async function showKept(
  kit: SiteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  props: { title: string; message: string; kept: { label: string; text: string } },
): Promise<FastifyReply> {
  const view = await kit.view(request)
  return kit.render(reply.status(status), view, { kind: 'message' }, props, NOT_CACHED)
}

/** The values shown back: the reader's text, without control characters that break HTML. */
function keptForm(refusal: Refusal): FormState {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(refusal.values)) values[key] = cleanText(value)
  return { values, errors: refusal.errors }
}

function firstMessage(form: FormState): string {
  return form.errors.form ?? Object.values(form.errors)[0] ?? 'Please try again.'
}
