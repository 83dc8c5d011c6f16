/**
 * The reader's forms: comments and newsletter sign-up. Plain POSTs that work without
 * JavaScript. Bad input becomes a validation error, which the error handler renders as a 400
 * page with the message.
 */
import type { FastifyPluginAsync } from 'fastify'
import { postComment } from '../comments/index.js'
import { validationError } from '../errors.js'
import { subscribe } from '../newsletter/index.js'
import { findSettings } from '../settings/index.js'
import type { SiteKit } from './site.js'

type Form = Record<string, unknown>

export const formRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (app, { kit }) => {
  const { deps } = kit

  app.post('/comments', async (request, reply) => {
    const form = (request.body ?? {}) as Form
    const settings = await findSettings(deps.db)
    const posted = await postComment(
      deps,
      {
        articleSlug: field(form, 'article'),
        parentId: parentId(field(form, 'parent')),
        authorName: field(form, 'name'),
        authorEmail: field(form, 'email'),
        authorUrl: field(form, 'url'),
        body: field(form, 'comment'),
      },
      settings.timeZone,
    )
    return reply.redirect(`${posted.articlePath}?comment=pending#respond`, 303)
  })

  app.post('/subscribe', async (request, reply) => {
    const form = (request.body ?? {}) as Form
    await subscribe(deps, { email: field(form, 'email'), source: field(form, 'source') })
    const view = await kit.view(request)
    return kit.render(
      reply,
      view,
      { kind: 'message' },
      {
        title: 'Thanks — please check your inbox to confirm',
        message:
          'We’ll send a confirmation link to the address you gave. Follow it to start receiving our newsletter. If nothing arrives in a few minutes, look in your spam folder.',
      },
      { cache: 'none' },
    )
  })
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
