/** People: the users list with invitations, and the development outbox. Administrators only. */
import path from 'node:path'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import {
  changePassword,
  changeUserRole,
  deactivateUser,
  inviteUser,
  listInvitations,
  listLastActive,
  listSessions,
  listUsers,
  reactivateUser,
  resendInvitation,
  revokeAllSessions,
  revokeInvitation,
  updateProfile,
  type Role,
  type User,
  userActor,
} from '../auth/index.js'
import { countUserStories, deleteUserReassigning } from '../content/index.js'
import { searchMedia } from '../media/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, IdParams, pageRoute, text } from '../http/form-schema.js'
import { listOutbox, readOutboxMessage } from '../mail/index.js'
import { findSettings } from '../settings/index.js'
import {
  actorOf,
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { statusOf } from './admin-errors.js'
import {
  DeleteUserPage,
  OutboxMessagePage,
  OutboxPage,
  ProfilePage,
  UsersPage,
} from './views/people.js'
import { siteFormats } from './locale-format.js'

const INVITE_ERRORS = new Set(['VALIDATION_FAILED', 'EMAIL_TAKEN'])
/** Refusals the Staff screen shows above the list instead of an error page. */
const PEOPLE_ERRORS = new Set([
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'USER_NOT_FOUND',
])
const PROFILE_ERRORS = new Set(['VALIDATION_FAILED', 'SLUG_TAKEN'])

const NOTICES: Record<string, string> = {
  invited: 'Invitation sent.',
  role: 'Role changed.',
  deactivated: 'Deactivated: they were signed out everywhere and cannot sign in.',
  reactivated: 'Reactivated: they can sign in again.',
  deleted: 'Deleted: their stories now carry the byline you chose.',
  resent: 'A new invitation is on its way; earlier links no longer work.',
  revoked: 'Invitation revoked: the link no longer works.',
}
const DeleteBody = Type.Object({ reassignTo: text(12), _csrf: Type.Optional(text(200)) })

const RoleBody = Type.Object({ role: text(20), _csrf: Type.Optional(text(200)) })
const CsrfBody = Type.Object({ _csrf: Type.Optional(text(200)) })
const ProfileBody = Type.Object({
  name: text(200),
  slug: Type.Optional(text(200)),
  bio: Type.Optional(text(1000)),
  avatarUrl: Type.Optional(text(2000)),
  website: Type.Optional(text(500)),
  x: Type.Optional(text(500)),
  _csrf: Type.Optional(text(200)),
})
const PasswordBody = Type.Object({
  current: text(1000),
  next: text(1000),
  _csrf: Type.Optional(text(200)),
})

const InviteBody = Type.Object({
  email: text(320),
  name: text(200),
  role: text(20),
  _csrf: Type.Optional(text(200)),
})

export const peopleRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx
  const outboxDir = path.join(ctx.config.dataDir, 'outbox')

  app.get<{ Querystring: { done?: string; invited?: string } }>(
    '/users',
    pageRoute({
      querystring: Type.Object({
        done: Type.Optional(text(20)),
        invited: Type.Optional(text(10)),
      }),
    }),
    async (request, reply) => {
      const user = requireUser(request)
      requirePermission(user, 'users.manage')
      const done = request.query.invited ? 'invited' : (request.query.done ?? '')
      return staffPage(request, reply, user, { notice: NOTICES[done] })
    },
  )

  for (const [verb, act] of [
    ['deactivate', (user: User, id: number) => deactivateUser(deps, userActor(user), id)],
    ['reactivate', (user: User, id: number) => reactivateUser(deps, userActor(user), id)],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/users/:id/${verb}`,
      formRoute({ params: IdParams, body: CsrfBody }),
      async (request, reply) => {
        const user = requireUser(request)
        try {
          assertForm(request)
          await act(user, Number(request.params.id))
          return seeOther(reply, `/admin/users?done=${verb}d`)
        } catch (error) {
          if (!(error instanceof AppError) || !PEOPLE_ERRORS.has(error.code)) throw error
          return staffPage(request, reply, user, { error })
        }
      },
    )
  }

  for (const [verb, act] of [
    [
      'resend',
      async (user: User, id: number) => {
        const { title } = await findSettings(deps)
        await resendInvitation(deps, userActor(user), id, {
          siteTitle: title,
          linkFor: (token) => `${ctx.config.publicUrl}/admin/reset/${token}`,
        })
      },
    ],
    ['revoke', (user: User, id: number) => revokeInvitation(deps, userActor(user), id)],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/users/:id/invitation/${verb}`,
      formRoute({ params: IdParams, body: CsrfBody }),
      async (request, reply) => {
        const user = requireUser(request)
        try {
          assertForm(request)
          await act(user, Number(request.params.id))
          return seeOther(reply, `/admin/users?done=${verb === 'resend' ? 'resent' : 'revoked'}`)
        } catch (error) {
          if (!(error instanceof AppError) || !PEOPLE_ERRORS.has(error.code)) throw error
          return staffPage(request, reply, user, { error })
        }
      },
    )
  }

  app.get<{ Params: { id: string } }>(
    '/users/:id/delete',
    pageRoute({ params: IdParams }),
    async (request, reply) => {
      const user = requireUser(request)
      return deletePage(request, reply, user, Number(request.params.id), {})
    },
  )

  app.post<{ Params: { id: string } }>(
    '/users/:id/delete',
    formRoute({ params: IdParams, body: DeleteBody }),
    async (request, reply) => {
      const user = requireUser(request)
      const id = Number(request.params.id)
      const chosen = field(request, 'reassignTo')
      try {
        assertForm(request)
        if (!/^\d{1,10}$/.test(chosen))
          throw new AppError('VALIDATION_FAILED', 'Choose who takes over their stories.', {
            property: 'reassignTo',
          })
        await deleteUserReassigning(deps, userActor(user), id, Number(chosen))
        return seeOther(reply, '/admin/users?done=deleted')
      } catch (error) {
        if (!(error instanceof AppError) || !PEOPLE_ERRORS.has(error.code)) throw error
        return deletePage(request, reply, user, id, { error, chosen })
      }
    },
  )

  async function deletePage(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    id: number,
    extra: { error?: AppError; chosen?: string },
  ) {
    requirePermission(user, 'users.manage')
    const [everyone, stories] = await Promise.all([listUsers(deps), countUserStories(deps, id)])
    const target = everyone.find((u) => u.id === id)
    if (!target) throw new AppError('USER_NOT_FOUND', 'There is no such person.')
    const page = h(DeleteUserPage, {
      user,
      csrf: formToken(request, reply),
      target,
      stories,
      heirs: everyone.filter((u) => u.id !== id && !u.deactivatedAt),
      chosen: extra.chosen,
      error: extra.error?.message,
    })
    return sendPage(reply, page, extra.error ? statusOf(extra.error) : 200)
  }

  app.post<{ Params: { id: string } }>(
    '/users/:id/role',
    formRoute({ params: IdParams, body: RoleBody }),
    async (request, reply) => {
      const user = requireUser(request)
      try {
        assertForm(request)
        const role = field(request, 'role') as Role
        await changeUserRole(deps, userActor(user), Number(request.params.id), role)
        return seeOther(reply, '/admin/users?done=role')
      } catch (error) {
        if (!(error instanceof AppError) || !PEOPLE_ERRORS.has(error.code)) throw error
        return staffPage(request, reply, user, { error })
      }
    },
  )

  app.get<{ Querystring: { done?: string } }>(
    '/profile',
    pageRoute({ querystring: Type.Object({ done: Type.Optional(text(20)) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      const notice =
        request.query.done === 'password'
          ? 'Password changed. Your other sessions were signed out.'
          : request.query.done === 'sessions'
            ? 'Every other browser has been signed out.'
            : request.query.done
              ? 'Profile saved. Your author page shows it now.'
              : undefined
      return profilePage(request, reply, user, profileValues(user), { notice })
    },
  )

  app.post('/profile', formRoute({ body: ProfileBody }), async (request, reply) => {
    const user = requireUser(request)
    const values = {
      name: field(request, 'name'),
      slug: field(request, 'slug'),
      bio: field(request, 'bio'),
      avatarUrl: field(request, 'avatarUrl'),
      website: field(request, 'website'),
      x: field(request, 'x'),
    }
    try {
      assertForm(request)
      await updateProfile(deps, userActor(user), user.id, {
        name: values.name,
        slug: values.slug,
        bio: values.bio,
        avatarUrl: values.avatarUrl,
        social: { ...user.social, website: values.website, x: values.x },
      })
      return seeOther(reply, '/admin/profile?done=1')
    } catch (error) {
      if (!(error instanceof AppError) || !PROFILE_ERRORS.has(error.code)) throw error
      return profilePage(request, reply, user, values, { error })
    }
  })

  app.post('/profile/password', formRoute({ body: PasswordBody }), async (request, reply) => {
    const user = requireUser(request)
    try {
      assertForm(request)
      await changePassword(deps, userActor(user), {
        current: field(request, 'current'),
        next: field(request, 'next'),
        keepSessionId: request.session?.id,
      })
      return seeOther(reply, '/admin/profile?done=password')
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
      return profilePage(request, reply, user, profileValues(user), { passwordError: error })
    }
  })

  app.post('/profile/sessions/revoke', formRoute({ body: CsrfBody }), async (request, reply) => {
    const user = requireUser(request)
    assertForm(request)
    await revokeAllSessions(deps, userActor(user), { exceptSessionId: request.session?.id })
    return seeOther(reply, '/admin/profile?done=sessions#sessions')
  })

  async function staffPage(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    extra: { notice?: string | undefined; error?: AppError },
  ) {
    requirePermission(user, 'users.manage')
    const [users, lastSeen, invitations, settings] = await Promise.all([
      listUsers(deps),
      listLastActive(deps),
      listInvitations(deps),
      findSettings(deps),
    ])
    const page = h(UsersPage, {
      user,
      csrf: formToken(request, reply),
      users,
      lastSeen,
      invitations,
      now: deps.clock.now(),
      formats: siteFormats(settings),
      notice: extra.notice,
      error: extra.error?.message,
    })
    return sendPage(reply, page, extra.error ? statusOf(extra.error) : 200)
  }

  async function profilePage(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    values: ReturnType<typeof profileValues>,
    extra: { notice?: string | undefined; error?: AppError; passwordError?: AppError },
  ) {
    const [media, sessions] = await Promise.all([
      searchMedia(deps, { type: 'image/', perPage: 60 }),
      listSessions(deps, user.id),
    ])
    const failed = extra.error ?? extra.passwordError
    const page = h(ProfilePage, {
      user,
      csrf: formToken(request, reply),
      values,
      images: media.items.map((m) => ({ url: m.url, alt: m.alt })),
      publicUrl: ctx.config.publicUrl,
      sessions,
      currentSessionId: request.session?.id ?? '',
      notice: extra.notice,
      error: extra.error?.message,
      passwordError: extra.passwordError?.message,
    })
    return sendPage(reply, page, failed ? statusOf(failed) : 200)
  }

  app.post('/users', formRoute({ body: InviteBody }), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'users.manage')
    try {
      assertForm(request)
      const { title } = await findSettings(deps)
      await inviteUser(deps, actorOf(request), {
        email: field(request, 'email'),
        name: field(request, 'name'),
        role: field(request, 'role') as Role,
        siteTitle: title,
        linkFor: (token) => `${ctx.config.publicUrl}/admin/reset/${token}`,
      })
      return seeOther(reply, '/admin/users?invited=1')
    } catch (error) {
      if (!(error instanceof AppError) || !INVITE_ERRORS.has(error.code)) throw error
      return staffPage(request, reply, user, { error })
    }
  })

  app.get('/outbox', pageRoute(), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'outbox.view')
    const entries = await listOutbox(outboxDir)
    return sendPage(reply, h(OutboxPage, { user, csrf: formToken(request, reply), entries }))
  })

  app.get<{ Params: { name: string } }>(
    '/outbox/:name',
    pageRoute({ params: Type.Object({ name: text(200) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      requirePermission(user, 'outbox.view')
      const message = await readOutboxMessage(outboxDir, request.params.name)
      if (!message) throw new AppError('NOT_FOUND', 'There is no such message in the outbox.')
      return sendPage(
        reply,
        h(OutboxMessagePage, { user, csrf: formToken(request, reply), message }),
      )
    },
  )
}

function profileValues(user: User) {
  return {
    name: user.name,
    slug: user.slug,
    bio: user.bio,
    avatarUrl: user.avatarUrl ?? '',
    website: user.social.website ?? '',
    x: user.social.x ?? '',
  }
}
