/** Setup, sign-in, sign-out, forgotten passwords and the session list. */
import { randomBytes } from 'node:crypto'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import {
  completeLogin,
  disableTwoFactor,
  enableTwoFactor,
  findResetUser,
  listSessions,
  logout,
  startLogin,
  startTwoFactorEnrolment,
  TWO_FACTOR_ROLES,
  twoFactorStatus,
  needsSetup,
  requestPasswordReset,
  resetPassword,
  revokeAllSessions,
  setupOwner,
} from '../auth/index.js'
import { RateLimiter } from '../comments/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, pageRoute, text } from '../http/form-schema.js'
import { clearSessionCookie, cookieName, isHttps, setSessionCookie } from '../http/session.js'
import { findSettings, siteSecret, updateSiteSettings } from '../settings/index.js'
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
import { SecondFactorPage, TwoFactorPage } from './views/two-factor.js'

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
const CodeBody = Type.Object({ token: text(200), code: text(40), ...CSRF })
const EnrolBody = Type.Object({ secret: text(100), code: text(40), ...CSRF })
const DisableBody = Type.Object({ code: text(40), ...CSRF })
const RequireBody = Type.Object({ required: Type.Optional(text(1)), ...CSRF })

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
      const signedIn = await startLogin(deps, {
        email,
        password: field(request, 'password'),
        ...clientInfo(request),
        previousSessionId: request.session?.id,
        deviceId: deviceId(request, reply),
      })
      if ('secondFactor' in signedIn) {
        const page = h(SecondFactorPage, {
          csrf: formToken(request, reply),
          token: signedIn.secondFactor,
        })
        return sendPage(reply, page)
      }
      setSessionCookie(request, reply, signedIn.token, signedIn.session.expiresAt)
      return seeOther(reply, '/admin/')
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      const page = h(LoginPage, { csrf: formToken(request, reply), error: error.message, email })
      return sendPage(reply, page, statusOf(error))
    }
  })

  app.post('/login/code', formRoute({ body: CodeBody }), async (request, reply) => {
    const token = field(request, 'token')
    try {
      assertForm(request)
      const signedIn = await completeLogin(deps, {
        token,
        code: field(request, 'code'),
        ...clientInfo(request),
        previousSessionId: request.session?.id,
        deviceId: deviceId(request, reply),
      })
      setSessionCookie(request, reply, signedIn.token, signedIn.session.expiresAt)
      return seeOther(reply, '/admin/')
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      if (error.code === 'TOKEN_INVALID') return seeOther(reply, '/admin/login')
      if (!FORM_ERRORS.has(error.code)) throw error
      const csrf = formToken(request, reply)
      const page = h(SecondFactorPage, { csrf, token, error: error.message })
      return sendPage(reply, page, statusOf(error))
    }
  })

  const twoFactorPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { recoveryCodes?: string[]; error?: string; notice?: string } = {},
    status = 200,
  ) => {
    const user = requireUser(request)
    const settings = await findSettings(deps)
    const state = await twoFactorStatus(deps, user.id)
    const required = settings.requireTwoFactor && TWO_FACTOR_ROLES.includes(user.role)
    const enrolment = state.enabled
      ? undefined
      : startTwoFactorEnrolment({ account: user.email, issuer: settings.title })
    const page = h(TwoFactorPage, {
      user,
      csrf: formToken(request, reply),
      ...state,
      required,
      requireForRoles: user.role === 'owner' ? settings.requireTwoFactor : undefined,
      enrolment: enrolment && {
        secret: enrolment.secret,
        qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString('base64')}`,
      },
      ...extra,
    })
    return sendPage(reply, page, status)
  }

  app.get('/account/two-factor', pageRoute(), async (request, reply) =>
    twoFactorPage(request, reply),
  )

  app.post('/account/two-factor', formRoute({ body: EnrolBody }), async (request, reply) => {
    try {
      assertForm(request)
      const recoveryCodes = await enableTwoFactor(deps, actorOf(request), {
        secret: field(request, 'secret'),
        code: field(request, 'code'),
      })
      return await twoFactorPage(request, reply, { recoveryCodes })
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      return twoFactorPage(request, reply, { error: error.message }, statusOf(error))
    }
  })

  app.post(
    '/account/two-factor/disable',
    formRoute({ body: DisableBody }),
    async (request, reply) => {
      try {
        assertForm(request)
        const user = requireUser(request)
        const { requireTwoFactor } = await findSettings(deps)
        if (requireTwoFactor && TWO_FACTOR_ROLES.includes(user.role))
          throw new AppError(
            'FORBIDDEN',
            'Your newsroom requires two-factor sign-in for your role.',
          )
        await disableTwoFactor(deps, actorOf(request), { code: field(request, 'code') })
        return await twoFactorPage(request, reply, { notice: 'Two-factor sign-in is off.' })
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
        return twoFactorPage(request, reply, { error: error.message }, statusOf(error))
      }
    },
  )

  app.post(
    '/account/two-factor/require',
    formRoute({ body: RequireBody }),
    async (request, reply) => {
      assertForm(request)
      const required = field(request, 'required') === '1'
      await updateSiteSettings(deps, actorOf(request), { requireTwoFactor: required })
      return twoFactorPage(request, reply, {
        notice: required
          ? 'Editors, admins and the owner must now sign in with a second factor.'
          : 'Two-factor sign-in is optional again.',
      })
    },
  )

  app.post('/logout', formRoute({ body: CsrfBody }), async (request, reply) => {
    await logout(deps, actorOf(request), request.session?.id)
    clearSessionCookie(request, reply)
    return seeOther(reply, '/admin/login')
  })

  app.get('/forgot', pageRoute(), async (request, reply) =>
    sendPage(reply, h(ForgotPage, { csrf: formToken(request, reply) })),
  )

  // Per-IP cap on reset requests; the per-address cap (one mail in 15 minutes) is the domain's.
  // With Redis the counters are shared, so their keys are made with the site's shared secret.
  const resetLimiter = ctx.limiterFor
    ? ctx.limiterFor(await siteSecret(deps))
    : new RateLimiter(randomBytes(32).toString('hex'))
  app.post('/forgot', formRoute({ body: EmailBody }), async (request, reply) => {
    assertForm(request)
    const now = deps.clock.now().getTime()
    // Over the limit the answer is the same page: it never says whether a mail went out.
    if (await resetLimiter.allows('reset-ip', request.ip, RESET_IP_RULE, now)) {
      await resetLimiter.record('reset-ip', request.ip, RESET_IP_RULE, now)
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

/**
 * This browser's long-lived random id (`bs_device`, HttpOnly), set on its first sign-in; a
 * sign-in from an id the account never used is mailed to its owner.
 */
function deviceId(request: FastifyRequest, reply: FastifyReply): string {
  const name = cookieName(request, DEVICE_COOKIE, 'path')
  const current = request.cookies[name]
  if (current && /^[A-Za-z0-9_-]{20,100}$/.test(current)) return current
  const id = randomBytes(24).toString('base64url')
  reply.setCookie(name, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/admin',
    maxAge: 400 * 24 * 3600,
  })
  return id
}

const DEVICE_COOKIE = 'bs_device'

function expiredLink() {
  return h(MessagePage, {
    title: 'This link no longer works',
    message:
      'It has expired or has already been used. Ask for a new one from “Forgot your password?”.',
  })
}
