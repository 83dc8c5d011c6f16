import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import GhostAdminAPI from '@tryghost/admin-api'
import GhostContentAPI from '@tryghost/content-api'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../../src/auth/index.js'
import { createIntegration, type Integration } from '../../../src/integrations/index.js'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'
import { SYSTEM } from '../../support/kernel.js'
import { DIALECTS } from '../../support/test-database.js'

/** A token made by hand, to try what the official client would never send. */
function token(
  integration: Integration,
  options: { alg?: string; secret?: string; aud?: string; iat?: number; exp?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const head = encode({ alg: options.alg ?? 'HS256', typ: 'JWT', kid: integration.adminKeyId })
  const body = encode({
    iat: options.iat ?? now,
    exp: options.exp ?? now + 300,
    aud: options.aud ?? '/admin/',
  })
  if (options.alg === 'none') return `${head}.${body}.`
  const secret = Buffer.from(options.secret ?? integration.adminSecret, 'hex')
  const algorithm = options.alg === 'HS512' ? 'sha512' : 'sha256'
  const signature = createHmac(algorithm, secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${signature}`
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: Ghost Admin API`, () => {
    let site: ApiNewsroom
    let admin: ReturnType<typeof GhostAdminAPI>

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect)
      admin = GhostAdminAPI({ url: site.url, key: site.integration.adminApiKey, version: 'v5.0' })
    })
    afterAll(() => site.close())

    it('adds a draft from HTML, edits and publishes it, and readers then see it', async () => {
      const draft = await admin.posts.add(
        {
          title: 'Harbour reopens',
          html: '<p>Boats are back.</p><script>alert(1)</script>',
          tags: ['World', { name: 'Shipping' }],
          custom_excerpt: 'The harbour is open again.',
        },
        { source: 'html' },
      )
      expect(draft).toMatchObject({ title: 'Harbour reopens', status: 'draft' })
      expect(draft.html).toBe('<p>Boats are back.</p>')
      expect(draft.primary_tag).toMatchObject({ slug: 'world' })
      expect((draft.tags as { slug: string }[]).map((t) => t.slug)).toEqual(['world', 'shipping'])
      expect(draft.primary_author).toMatchObject({ slug: 'olive-owner' })

      const published = await admin.posts.edit({
        id: draft.id,
        updated_at: draft.updated_at,
        status: 'published',
        title: 'Harbour reopens at dawn',
      })
      expect(published).toMatchObject({ status: 'published', title: 'Harbour reopens at dawn' })
      const content = GhostContentAPI({
        url: site.url,
        key: site.integration.contentKey,
        version: 'v5.0',
      })
      expect(await content.posts.read({ slug: 'harbour-reopens' })).toMatchObject({
        title: 'Harbour reopens at dawn',
      })
      const audit = await listAudit(site.services, {
        subjectType: 'article',
        subjectId: Number(draft.id),
      })
      expect(audit.map((e) => [e.action, e.actorKind, e.actorName])).toEqual([
        ['article.publish', 'integration', 'Front end'],
        ['article.create', 'integration', 'Front end'],
      ])
    })

    it('refuses an edit based on a stale updated_at with 409 UpdateCollisionError', async () => {
      const post = await admin.posts.add({ title: 'Tide tables' })
      site.clock.advance(1000)
      await admin.posts.edit({ id: post.id, updated_at: post.updated_at, title: 'Tide tables (1)' })
      await expect(
        admin.posts.edit({ id: post.id, updated_at: post.updated_at, title: 'Tide tables (2)' }),
      ).rejects.toMatchObject({ name: 'UpdateCollisionError' })
      const response = await fetch(`${site.url}/ghost/api/admin/posts/${String(post.id)}/`, {
        method: 'PUT',
        headers: {
          authorization: `Ghost ${token(site.integration)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ posts: [{ title: 'x', updated_at: post.updated_at }] }),
      })
      expect(response.status).toBe(409)
      expect((await admin.posts.read({ id: post.id })).title).toBe('Tide tables (1)')
    })

    it('browses drafts too, reads by slug, and deletes', async () => {
      const post = await admin.posts.add({ title: 'Short-lived' })
      const all = await admin.posts.browse({ filter: 'status:draft', limit: 'all' })
      expect(all.map((p) => p.title)).toContain('Short-lived')
      expect(await admin.posts.read({ slug: 'short-lived' })).toMatchObject({ id: post.id })
      await admin.posts.delete({ id: post.id })
      await expect(admin.posts.read({ id: post.id })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
    })

    it('lets a contributor key write drafts but not publish', async () => {
      const contributor = await createIntegration(site.services, SYSTEM, {
        name: 'Stringer',
        role: 'contributor',
      })
      const api = GhostAdminAPI({ url: site.url, key: contributor.adminApiKey, version: 'v5.0' })
      const draft = await api.posts.add({ title: 'Filed from the field' })
      expect(draft.status).toBe('draft')
      await expect(
        api.posts.add({ title: 'Straight to print', status: 'published' }),
      ).rejects.toMatchObject({
        name: 'NoPermissionError',
      })
      await expect(
        api.posts.edit({ id: draft.id, updated_at: draft.updated_at, status: 'published' }),
      ).rejects.toMatchObject({ name: 'NoPermissionError' })
      expect((await admin.posts.read({ id: draft.id })).status).toBe('draft')
    })

    it('uploads an image into the media library', async () => {
      const file = path.join(site.database.dataDir, 'photo.png')
      fs.writeFileSync(
        file,
        await sharp({ create: { width: 40, height: 30, channels: 3, background: '#358' } })
          .png()
          .toBuffer(),
      )
      const image = await admin.images.upload({ file, ref: 'photo-1' })
      expect(image.ref).toBe('photo-1')
      expect(image.url).toMatch(new RegExp(`^${PUBLIC_URL}/media/`))
    })

    it('reads the site and its users', async () => {
      expect(await admin.site.read()).toMatchObject({ title: 'Broadsheet', url: `${PUBLIC_URL}/` })
      const users = await admin.users.browse()
      expect(users.map((u) => u.slug)).toEqual(['olive-owner', 'wren-writer'])
      expect(await admin.users.read({ slug: 'wren-writer' })).toMatchObject({ name: 'Wren Writer' })
    })

    it('refuses forged, expired and misaddressed tokens with 401', async () => {
      const i = site.integration
      const now = Math.floor(Date.now() / 1000)
      const attacks: Record<string, string | undefined> = {
        'no header': undefined,
        'alg none': `Ghost ${token(i, { alg: 'none' })}`,
        'another algorithm': `Ghost ${token(i, { alg: 'HS512' })}`,
        'wrong secret': `Ghost ${token(i, { secret: 'ab'.repeat(32) })}`,
        expired: `Ghost ${token(i, { iat: now - 600, exp: now - 300 })}`,
        'longer than five minutes': `Ghost ${token(i, { exp: now + 3600 })}`,
        'wrong audience': `Ghost ${token(i, { aud: '/members/' })}`,
        'bearer scheme': `Bearer ${token(i)}`,
      }
      for (const [name, authorization] of Object.entries(attacks)) {
        const response = await fetch(`${site.url}/ghost/api/admin/posts/`, {
          headers: authorization ? { authorization } : {},
        })
        expect(response.status, name).toBe(401)
        expect(await response.json(), name).toMatchObject({
          errors: [{ type: 'UnauthorizedError' }],
        })
      }
      const versioned = await fetch(`${site.url}/ghost/api/v4/admin/posts/`, {
        headers: { authorization: `Ghost ${token(i, { aud: '/v4/admin/' })}` },
      })
      expect(versioned.status).toBe(200)
    })
  })
}
