/** Setup, sign-in, sign-out, forgotten passwords and the session list. */
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import {
  findResetUser,
  listSessions,
  login,
  needsSetup,
  recordAudit,
  recordLogout,
  requestPasswordReset,
  resetPassword,
  revokeAllSessions,
  revokeSession,
  setupOwner,
} from '../auth/index.js'
import { AppError } from '../errors.js'
import { clearSessionCookie, setSessionCookie } from '../http/session.js'
import { findSettings } from '../settings/index.js'
import {
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
])

export const accountRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx
  const linkFor = (token: string) => `${ctx.config.publicUrl}/admin/reset/${token}`

  app.post('/setup', async (request, reply) => {
    const input = { email: field(request, 'email'), name: field(request, 'name') }
    try {
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

  app.get('/login', async (request, reply) => {
    if (await needsSetup(deps)) return seeOther(reply, '/admin/')
    if (request.user) return seeOther(reply, '/admin/')
    const notice = (request.query as Record<string, string>).reset
      ? 'Your password is saved. Sign in with it now.'
      : undefined
    return sendPage(reply, h(LoginPage, { csrf: formToken(request, reply), notice }))
  })

  app.post('/login', async (request, reply) => {
    const email = field(request, 'email')
    try {
      const signedIn = await login(deps, {
        email,
        password: field(request, 'password'),
        ...clientInfo(request),
      })
      setSessionCookie(request, reply, signedIn.token, signedIn.session.expiresAt)
      return seeOther(reply, '/admin/')
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      const page = h(LoginPage, { csrf: formToken(request, reply), error: error.message, email })
      return sendPage(reply, page, statusOf(error))
    }
  })

  app.post('/logout', async (request, reply) => {
    const user = requireUser(request)
    if (request.session) await revokeSession(deps, user.id, request.session.id)
    await recordLogout(deps, user.id)
    clearSessionCookie(request, reply)
    return seeOther(reply, '/admin/login')
  })

  app.get('/forgot', async (request, reply) =>
    sendPage(reply, h(ForgotPage, { csrf: formToken(request, reply) })),
  )

  app.post('/forgot', async (request, reply) => {
    const { title } = await findSettings(deps.db)
    await requestPasswordReset(
      { ...deps, mailer: ctx.mailer },
      { email: field(request, 'email'), siteTitle: title, linkFor },
    )
    return sendPage(reply, h(ForgotPage, { csrf: formToken(request, reply), sent: true }))
  })

  app.get<{ Params: { token: string } }>('/reset/:token', async (request, reply) => {
    const found = await findResetUser(deps, request.params.token)
    if (!found) return sendPage(reply, expiredLink(), 400)
    const csrf = formToken(request, reply)
    return sendPage(reply, h(ResetPage, { csrf, token: request.params.token, ...found }))
  })

  app.post<{ Params: { token: string } }>('/reset/:token', async (request, reply) => {
    const { token } = request.params
    try {
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
  })

  app.get('/sessions', async (request, reply) => {
    const user = requireUser(request)
    const sessions = await listSessions(deps, user.id)
    const notice = (request.query as Record<string, string>).done
      ? 'Every other browser has been signed out.'
      : undefined
    const csrf = formToken(request, reply)
    const currentId = request.session?.id ?? ''
    return sendPage(reply, h(SessionsPage, { user, csrf, sessions, currentId, notice }))
  })

  app.post('/sessions/revoke-all', async (request, reply) => {
    const user = requireUser(request)
    const count = await revokeAllSessions(deps, user.id, { exceptSessionId: request.session?.id })
    await recordAudit(deps, {
      userId: user.id,
      action: 'sessions.revoke-all',
      subjectType: 'user',
      subjectId: user.id,
      details: { count },
    })
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
