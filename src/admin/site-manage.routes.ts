/**
 * Site management screens: sections (tree, order, description), tags (rename and merge, with
 * redirects), menus (up/down without JavaScript, drag with it), redirects, site settings and
 * the audit log. Editors manage taxonomy; only administrators see settings and the log.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { h } from 'preact'
import {
  can,
  listAudit,
  listUsers,
  recordAudit,
  type AuditAction,
  type User,
} from '../auth/index.js'
import {
  addRedirect,
  listCategories,
  listRedirects,
  listTagsWithCounts,
  mergeTags,
  moveSection,
  removeRedirect,
  renameTag,
  updateSection,
} from '../content/index.js'
import { AppError } from '../errors.js'
import {
  findMenuItems,
  findSettings,
  reorderMenuItems,
  SOCIAL_NETWORKS,
  updateSiteSettings,
  type SettingsPatch,
} from '../settings/index.js'
import {
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
  AuditPage,
  MenusPage,
  RedirectsPage,
  SectionEditPage,
  SectionsPage,
  SettingsPage,
  SiteHubPage,
  TagsPage,
} from './views/site-manage.js'

const MENUS = ['primary', 'footer']
const SHOWN_ERRORS = new Set([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'TAG_NOT_FOUND',
  'CATEGORY_NOT_FOUND',
])
type Query = { done?: string }

export const siteManageRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  const taxonomist = (request: FastifyRequest): User => {
    const user = requireUser(request)
    requirePermission(user, 'taxonomy.manage')
    return user
  }
  const admin = (request: FastifyRequest): User => {
    const user = requireUser(request)
    requirePermission(user, 'settings.manage')
    return user
  }
  const base = (request: FastifyRequest, reply: FastifyReply, user: User) => ({
    user,
    csrf: formToken(request, reply),
    notice: (request.query as Query).done ? 'Saved.' : undefined,
  })
  const audit = (
    user: User,
    action: AuditAction,
    subjectType: 'section' | 'tag' | 'menu' | 'redirect' | 'settings',
    details: Record<string, unknown>,
    subjectId?: number,
  ) =>
    recordAudit(deps, {
      userId: user.id,
      action,
      subjectType,
      details,
      ...(subjectId === undefined ? {} : { subjectId }),
    })

  /** Run a write; a validation error re-renders `page` with the message (status 400/404). */
  async function attempt(
    reply: FastifyReply,
    write: () => Promise<void>,
    done: string,
    page: (error: string) => Promise<VNode<any>>,
  ): Promise<FastifyReply> {
    try {
      await write()
      return seeOther(reply, done)
    } catch (error) {
      if (!(error instanceof AppError) || !SHOWN_ERRORS.has(error.code)) throw error
      return sendPage(reply, await page(error.message), statusOf(error))
    }
  }

  app.get('/site', async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(
      reply,
      h(SiteHubPage, { ...base(request, reply, user), admin: can(user, 'settings.manage') }),
    )
  })

  const sectionsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(SectionsPage, {
      ...base(request, reply, user),
      error,
      sections: await listCategories(deps.db),
    })

  app.get('/sections', async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(reply, await sectionsPage(request, reply, user))
  })

  app.post('/sections/move', async (request, reply) => {
    const user = taxonomist(request)
    const id = Number(field(request, 'id'))
    const direction = field(request, 'direction') === 'up' ? 'up' : 'down'
    return attempt(
      reply,
      async () => {
        await moveSection(deps, { id, direction })
        await audit(user, 'section.update', 'section', { move: direction }, id)
      },
      '/admin/sections?done=1',
      (error) => sectionsPage(request, reply, user, error),
    )
  })

  app.get<{ Params: { id: string } }>('/sections/:id', async (request, reply) => {
    const user = taxonomist(request)
    const sections = await listCategories(deps.db)
    const section = sections.find((s) => s.id === Number(request.params.id))
    if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
    return sendPage(reply, h(SectionEditPage, { ...base(request, reply, user), section, sections }))
  })

  app.post<{ Params: { id: string } }>('/sections/:id', async (request, reply) => {
    const user = taxonomist(request)
    const id = Number(request.params.id)
    const parent = field(request, 'parentId')
    return attempt(
      reply,
      async () => {
        await updateSection(deps, {
          id,
          name: field(request, 'name'),
          description: field(request, 'description'),
          parentId: /^\d+$/.test(parent) ? Number(parent) : null,
        })
        await audit(user, 'section.update', 'section', { name: field(request, 'name') }, id)
      },
      '/admin/sections?done=1',
      async (error) => {
        const sections = await listCategories(deps.db)
        const section = sections.find((s) => s.id === id)
        if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
        return h(SectionEditPage, { ...base(request, reply, user), error, section, sections })
      },
    )
  })

  const tagsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(TagsPage, { ...base(request, reply, user), error, tags: await listTagsWithCounts(deps.db) })

  app.get('/tags', async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(reply, await tagsPage(request, reply, user))
  })

  app.post<{ Params: { id: string } }>('/tags/:id/rename', async (request, reply) => {
    const user = taxonomist(request)
    const id = Number(request.params.id)
    return attempt(
      reply,
      async () => {
        const { slug } = await renameTag(deps, { id, name: field(request, 'name') })
        await audit(user, 'tag.rename', 'tag', { name: field(request, 'name'), slug }, id)
      },
      '/admin/tags?done=1',
      (error) => tagsPage(request, reply, user, error),
    )
  })

  app.post<{ Params: { id: string } }>('/tags/:id/merge', async (request, reply) => {
    const user = taxonomist(request)
    const fromId = Number(request.params.id)
    const intoId = Number(field(request, 'intoId'))
    return attempt(
      reply,
      async () => {
        await mergeTags(deps, { fromId, intoId })
        await audit(user, 'tag.merge', 'tag', { intoId }, fromId)
      },
      '/admin/tags?done=1',
      (error) => tagsPage(request, reply, user, error),
    )
  })

  app.get('/menus', async (request, reply) => {
    const user = taxonomist(request)
    const menus = await Promise.all(
      MENUS.map(async (location) => ({ location, items: await findMenuItems(deps.db, location) })),
    )
    return sendPage(reply, h(MenusPage, { ...base(request, reply, user), menus }))
  })

  app.post<{ Params: { location: string } }>('/menus/:location/move', async (request, reply) => {
    const user = taxonomist(request)
    const location = menuLocation(request.params.location)
    const items = await findMenuItems(deps.db, location)
    const ids = items.map((i) => i.id)
    const id = Number(field(request, 'id'))
    const from = ids.indexOf(id)
    const to = field(request, 'direction') === 'up' ? from - 1 : from + 1
    if (from >= 0 && to >= 0 && to < ids.length) {
      ids.splice(from, 1)
      ids.splice(to, 0, id)
      await saveMenuOrder(user, location, ids)
    }
    return seeOther(reply, '/admin/menus?done=1')
  })

  // The drag-and-drop list sends the whole order at once.
  app.post<{ Params: { location: string } }>('/menus/:location/order', async (request, reply) => {
    const user = taxonomist(request)
    const location = menuLocation(request.params.location)
    const ids = field(request, 'ids')
      .split(',')
      .filter((v) => /^\d+$/.test(v))
      .map(Number)
    await saveMenuOrder(user, location, ids)
    return reply.send({ ok: true })
  })

  async function saveMenuOrder(user: User, location: string, ids: number[]): Promise<void> {
    await reorderMenuItems(deps.db, location, ids)
    deps.events?.emit({ type: 'taxonomy.changed', kind: 'menu', slugs: [] })
    await audit(user, 'menu.update', 'menu', { location, order: ids })
  }

  const redirectsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(RedirectsPage, {
      ...base(request, reply, user),
      error,
      redirects: await listRedirects(deps.db),
    })

  app.get('/redirects', async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(reply, await redirectsPage(request, reply, user))
  })

  app.post('/redirects', async (request, reply) => {
    const user = taxonomist(request)
    const input = { fromPath: field(request, 'fromPath'), toPath: field(request, 'toPath') }
    return attempt(
      reply,
      async () => {
        await addRedirect(deps, input)
        await audit(user, 'redirect.create', 'redirect', input)
      },
      '/admin/redirects?done=1',
      (error) => redirectsPage(request, reply, user, error),
    )
  })

  app.post('/redirects/delete', async (request, reply) => {
    const user = taxonomist(request)
    const fromPath = field(request, 'fromPath')
    return attempt(
      reply,
      async () => {
        await removeRedirect(deps, fromPath)
        await audit(user, 'redirect.delete', 'redirect', { fromPath })
      },
      '/admin/redirects?done=1',
      (error) => redirectsPage(request, reply, user, error),
    )
  })

  const settingsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(SettingsPage, {
      ...base(request, reply, user),
      error,
      settings: await findSettings(deps.db),
      networks: SOCIAL_NETWORKS,
    })

  app.get('/settings', async (request, reply) => {
    const user = admin(request)
    return sendPage(reply, await settingsPage(request, reply, user))
  })

  app.post('/settings/site', async (request, reply) => {
    const user = admin(request)
    const patch: SettingsPatch = {
      title: field(request, 'title'),
      tagline: field(request, 'tagline'),
      logoUrl: field(request, 'logoUrl').trim(),
      faviconUrl: field(request, 'faviconUrl').trim(),
      timeZone: field(request, 'timeZone').trim(),
      locale: field(request, 'locale').trim(),
      dateFormat: field(request, 'dateFormat') as SettingsPatch['dateFormat'],
      contactEmail: field(request, 'contactEmail').trim(),
      commentPolicy: field(request, 'commentPolicy') as SettingsPatch['commentPolicy'],
      social: Object.fromEntries(
        SOCIAL_NETWORKS.map((n): [string, string] => [
          n,
          field(request, `social.${n}`).trim(),
        ]).filter(([, v]) => v),
      ),
    }
    return attempt(
      reply,
      async () => {
        const keys = await updateSiteSettings(deps, patch)
        await audit(user, 'settings.update', 'settings', { keys })
      },
      '/admin/settings?done=1',
      (error) => settingsPage(request, reply, user, error),
    )
  })

  app.get('/audit', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'audit.view')
    const [entries, users] = await Promise.all([
      listAudit(deps, { limit: 200 }),
      listUsers(deps.db),
    ])
    const names = new Map(users.map((u) => [u.id, u.name]))
    return sendPage(reply, h(AuditPage, { ...base(request, reply, user), entries, names }))
  })
}

function menuLocation(value: string): string {
  if (!MENUS.includes(value)) throw new AppError('NOT_FOUND', 'There is no such menu.')
  return value
}
