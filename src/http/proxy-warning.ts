/**
 * Behind a reverse proxy without TRUST_PROXY, every reader seems to come from the proxy's
 * address, so they all share one rate-limit allowance. The common case is easy to spot: a
 * request carrying `X-Forwarded-For` from a loopback peer. Say so once, clearly, in the log.
 */
import type { FastifyInstance } from 'fastify'

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

export function warnAboutUntrustedProxy(app: FastifyInstance): void {
  let warned = false
  app.addHook('onRequest', async (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return
    if (!LOOPBACK.test(request.socket.remoteAddress ?? '')) return
    warned = true
    request.log.warn(
      'requests arrive through a proxy on this machine (X-Forwarded-For from a loopback address) ' +
        'but TRUST_PROXY is not set: every reader shares the proxy’s address and one rate limit. ' +
        'Set TRUST_PROXY=true when the proxy is yours.',
    )
  })
}
