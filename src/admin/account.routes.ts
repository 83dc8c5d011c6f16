/** Setup, sign-in, sign-out, forgotten passwords and the session list. */
import { randomBytes } from 'node:crypto'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import {
  findResetUser,
  listSessions,
  login,
  logout,
  needsSetup,
  requestPasswordReset,
  resetPassword,
  revokeAllSessions,
  setupOwner,
} from '../auth/index.js'
import { RateLimiter } from '../comments/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, pageRoute, text } from '../http/form-schema.js'
import { clearSessionCookie, setSessionCookie } from '../http/session.js'
import { findSettings } from '../settings/index.js'
import {
  actorOf,
  clientInfo,
  field,
  formToken,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { statusOf } from './admin-errors.js'
import {
  ForgotPage,
  LoginPage,
  MessagePage,
  ResetPage,
  SessionsPage,
  SetupPage,
} from './views/account.js'

const FORM_ERRORS = new Set([
  'VALIDATION_FAILED',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
])

/** Reset requests one address may make (for any accounts) in a quarter of an hour. */
const RESET_IP_RULE = { limit: 5, windowMs: 15 * 60_000 }

const CSRF = { _csrf: Type.Optional(text(200)) }
const SetupBody = Type.Object({ email: text(320), name: text(200), password: text(1_000), ...CSRF })
const LoginBody = Type.Object({ email: text(320), password: text(1_000), ...CSRF })
const EmailBody = Type.Object({ email: text(320), ...CSRF })
const PasswordBody = Type.Object({ password: text(1_000), ...CSRF })
const TokenParams = Type.Object({ token: text(200) })
const CsrfBody = Type.Object(CSRF)

export const accountRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx
  const linkFor = (token: string) => `${ctx.config.publicUrl}/admin/reset/${token}`

  app.post('/setup', formRoute({ body: SetupBody }), async (request, reply) => {
    const input = { email: field(request, 'email'), name: field(request, 'name') }
    try {
      assertForm(request)
      const signedIn = await setupOwner(deps, {
        ...input,
        password: field(request, 'password'),
        ...clientInfo(request),
      })
      setSessionCookie(request, reply, signedIn.token, signedIn.session.expiresAt)
      return seeOther(reply, '/admin/')
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      const page = h(SetupPage, { csrf: formToken(request, reply), error: error.message, ...input })
      return sendPage(reply, page, statusOf(error))
    }
  })

  app.get(
    '/login',
    pageRoute({ querystring: Type.Object({ reset: Type.Optional(text(10)) }) }),
    async (request, reply) => {
      if (await needsSetup(deps)) return seeOther(reply, '/admin/')
      if (request.user) return seeOther(reply, '/admin/')
      const notice = (request.query as Record<string, string>).reset
        ? 'Your password is saved. Sign in with it now.'
        : undefined
      return sendPage(reply, h(LoginPage, { csrf: formToken(request, reply), notice }))
    },
  )

  app.post('/login', formRoute({ body: LoginBody }), async (request, reply) => {
    const email = field(request, 'email')
    try {
      assertForm(request)
      const signedIn = await login(deps, {
        email,
        password: field(request, 'password'),
        ...clientInfo(request),
        previousSessionId: request.session?.id,
      })
      setSessionCookie(request, reply, signedIn.token, signedIn.session.expiresAt)
      return seeOther(reply, '/admin/')
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      const page = h(LoginPage, { csrf: formToken(request, reply), error: error.message, email })
      return sendPage(reply, page, statusOf(error))
    }
  })

  app.post('/logout', formRoute({ body: CsrfBody }), async (request, reply) => {
    await logout(deps, actorOf(request), request.session?.id)
    clearSessionCookie(request, reply)
    return seeOther(reply, '/admin/login')
  })

  app.get('/forgot', pageRoute(), async (request, reply) =>
    sendPage(reply, h(ForgotPage, { csrf: formToken(request, reply) })),
  )

  // Per-IP cap on reset requests; the per-address cap (one mail in 15 minutes) is the domain's.
  const resetLimiter = new RateLimiter(randomBytes(32).toString('hex'))
  app.post('/forgot', formRoute({ body: EmailBody }), async (request, reply) => {
    assertForm(request)
    const now = deps.clock.now().getTime()
    // Over the limit the answer is the same page: it never says whether a mail went out.
    if (resetLimiter.allows('reset-ip', request.ip, RESET_IP_RULE, now)) {
      resetLimiter.record('reset-ip', request.ip, RESET_IP_RULE, now)
      const { title } = await findSettings(deps)
      const email = field(request, 'email')
      await requestPasswordReset(deps, { email, siteTitle: title, linkFor })
    }
    return sendPage(reply, h(ForgotPage, { csrf: formToken(request, reply), sent: true }))
  })

  app.get<{ Params: { token: string } }>(
    '/reset/:token',
    pageRoute({ params: TokenParams }),
    async (request, reply) => {
      const found = await findResetUser(deps, request.params.token)
      if (!found) return sendPage(reply, expiredLink(), 400)
      const csrf = formToken(request, reply)
      return sendPage(reply, h(ResetPage, { csrf, token: request.params.token, ...found }))
    },
  )

  app.post<{ Params: { token: string } }>(
    '/reset/:token',
    formRoute({ params: TokenParams, body: PasswordBody }),
    async (request, reply) => {
      const { token } = request.params
      try {
        assertForm(request)
        await resetPassword(deps, { token, password: field(request, 'password') })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        const found = error.code === 'VALIDATION_FAILED' && (await findResetUser(deps, token))
        if (!found) return sendPage(reply, expiredLink(), 400)
        const csrf = formToken(request, reply)
        return sendPage(reply, h(ResetPage, { csrf, token, ...found, error: error.message }), 400)
      }
      if (request.user) clearSessionCookie(request, reply)
      return seeOther(reply, '/admin/login?reset=1')
    },
  )

  app.get(
    '/sessions',
    pageRoute({ querystring: Type.Object({ done: Type.Optional(text(10)) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      const sessions = await listSessions(deps, user.id)
      const notice = (request.query as Record<string, string>).done
        ? 'Every other browser has been signed out.'
        : undefined
      const csrf = formToken(request, reply)
      const currentId = request.session?.id ?? ''
      return sendPage(reply, h(SessionsPage, { user, csrf, sessions, currentId, notice }))
    },
  )

  app.post('/sessions/revoke-all', formRoute({ body: CsrfBody }), async (request, reply) => {
    await revokeAllSessions(deps, actorOf(request), { exceptSessionId: request.session?.id })
    return seeOther(reply, '/admin/sessions?done=1')
  })
}

function expiredLink() {
  return h(MessagePage, {
    title: 'This link no longer works',
    message:
      'It has expired or has already been used. Ask for a new one from “Forgot your password?”.',
  })
}
