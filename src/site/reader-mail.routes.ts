/**
 * Links readers follow from our mail: newsletter confirmation, newsletter unsubscribe
 * (a GET page with a button, and the RFC 8058 one-click POST), and stopping reply notices.
 * Answers never say whether an address is on the list.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { stopReplyNotices } from '../comments/index.js'
import { confirmSubscription, isUnsubscribeToken, unsubscribe } from '../newsletter/index.js'
import { TokenQuery } from './form.schemas.js'
import type { SiteKit } from './site-kit.js'

/** A malformed query (say `token[]=x`) is a link that does not work, not a JSON error. */
const route = { schema: { querystring: TokenQuery }, attachValidation: true }

export const readerMailRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (plain, { kit }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  const { deps } = kit

  app.get('/newsletter/confirm', route, async (request, reply) => {
    const outcome = await confirmSubscription(deps, tokenOf(request))
    if (outcome === 'confirmed')
      return say(kit, request, reply, 200, {
        title: 'You’re subscribed',
        message: 'Thanks for confirming. Our newsletter will arrive in your inbox from now on.',
      })
    return say(kit, request, reply, 400, {
      title: outcome === 'expired' ? 'That link has expired' : 'That link does not work',
      message:
        'Confirmation links work for three days. Sign up again and we will send you a fresh one.',
      backHref: '/subscribe/',
      backLabel: 'Sign up again',
    })
  })

  app.get('/newsletter/unsubscribe', route, async (request, reply) => {
    const token = tokenOf(request)
    if (!isUnsubscribeToken(deps.secret, token, deps.clock.now().getTime()))
      return badLink(kit, request, reply)
    return say(kit, request, reply, 200, {
      title: 'Unsubscribe from the newsletter?',
      message: 'Press the button and we will stop sending you the newsletter.',
      form: {
        action: `/newsletter/unsubscribe?token=${encodeURIComponent(token)}`,
        label: 'Unsubscribe',
      },
    })
  })

  // One-click (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` and expect a 200.
  app.post('/newsletter/unsubscribe', route, async (request, reply) => {
    if (!(await unsubscribe(deps, tokenOf(request)))) return badLink(kit, request, reply)
    return say(kit, request, reply, 200, {
      title: 'You’re unsubscribed',
      message: 'You will not receive our newsletter any more. You can sign up again at any time.',
    })
  })

  app.get('/comments/unsubscribe', route, async (request, reply) => {
    if (!(await stopReplyNotices(deps, tokenOf(request)))) return badLink(kit, request, reply)
    return say(kit, request, reply, 200, {
      title: 'No more reply notices',
      message: 'We will not email you about replies to your comments any more.',
    })
  })
}

function tokenOf(request: { query: TokenQuery; validationError?: unknown }): string {
  return request.validationError ? '' : (request.query.token ?? '')
}

function badLink(kit: SiteKit, request: FastifyRequest, reply: FastifyReply) {
  return say(kit, request, reply, 400, {
    title: 'That link does not work',
    message: 'It may have been copied incompletely. Try opening it from the email again.',
  })
}

async function say(
  kit: SiteKit,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  props: {
    title: string
    message: string
    backHref?: string
    backLabel?: string
    form?: { action: string; label: string }
  },
) {
  const view = await kit.view(request)
  return kit.render(reply.status(status), view, { kind: 'message' }, props, { cache: 'none' })
}
