import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import GhostAdminAPI from '@tryghost/admin-api'
import GhostContentAPI from '@tryghost/content-api'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../../../src/auth/index.js'
import { createHttpClient } from '../../../src/net/index.js'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'
import { DIALECTS } from '../../support/test-database.js'

type Ref = { slug: string }

for (const dialect of DIALECTS) {
  describe(`${dialect}: Ghost Admin API posts, field by field`, () => {
    let site: ApiNewsroom
    let admin: ReturnType<typeof GhostAdminAPI>
    let content: ReturnType<typeof GhostContentAPI>
    let photos: http.Server
    let photosUrl: string

    beforeAll(async () => {
      const png = await sharp({
        create: { width: 60, height: 40, channels: 3, background: '#a33' },
      })
        .png()
        .toBuffer()
      photos = http.createServer((request, response) => {
        if (request.url === '/harbour.png') response.writeHead(200, { 'content-type': 'image/png' })
        else response.writeHead(404)
        response.end(request.url === '/harbour.png' ? png : 'missing')
      })
      await new Promise<void>((resolve) => photos.listen(0, '127.0.0.1', resolve))
      photosUrl = `http://127.0.0.1:${(photos.address() as AddressInfo).port}`
      // The photo server is on loopback: let the guarded client reach it, as tests do.
      site = await buildApiNewsroom(
        dialect,
        {},
        { wireClient: createHttpClient({ userAgent: 'test', allowPrivate: true }) },
      )
      admin = GhostAdminAPI({ url: site.url, key: site.integration.adminApiKey, version: 'v5.0' })
      content = GhostContentAPI({
        url: site.url,
        key: site.integration.contentKey,
        version: 'v5.0',
      })
    })
    afterAll(async () => {
      await site.close()
      await new Promise((resolve) => photos.close(resolve))
    })

    it('takes a feature image from the media library or from a URL, and removes it', async () => {
      const file = path.join(site.database.dataDir, 'lighthouse.png')
      fs.writeFileSync(
        file,
        await sharp({ create: { width: 80, height: 50, channels: 3, background: '#246' } })
          .png()
          .toBuffer(),
      )
      const uploaded = await admin.images.upload({ file })
      const post = await admin.posts.add({
        title: 'Lighthouse relit',
        feature_image: uploaded.url,
        feature_image_alt: 'The lighthouse at dusk',
        feature_image_caption: 'Relit after forty years.',
      })
      expect(post).toMatchObject({
        feature_image: uploaded.url,
        feature_image_alt: 'The lighthouse at dusk',
        feature_image_caption: 'Relit after forty years.',
      })

      const fetched = await admin.posts.edit({
        id: post.id,
        updated_at: post.updated_at,
        feature_image: `${photosUrl}/harbour.png`,
      })
      expect(fetched.feature_image).toMatch(new RegExp(`^${PUBLIC_URL}/media/`))
      expect(fetched.feature_image).not.toBe(uploaded.url)
      const stored = await fetch(`${site.url}${new URL(fetched.feature_image as string).pathname}`)
      expect(stored.status).toBe(200)
      expect((await sharp(Buffer.from(await stored.arrayBuffer())).metadata()).width).toBe(60)

      for (const [url, says] of [
        [`${photosUrl}/missing.png`, /could not be fetched/],
        [`${PUBLIC_URL}/media/nowhere.png`, /media library/],
        ['ftp://example.test/x.png', /http/],
      ] as const)
        await expect(
          admin.posts.edit({ id: post.id, updated_at: fetched.updated_at, feature_image: url }),
        ).rejects.toMatchObject({
          name: 'ValidationError',
          message: expect.stringMatching(says) as unknown,
        })

      const removed = await admin.posts.edit({
        id: post.id,
        updated_at: fetched.updated_at,
        feature_image: null,
      })
      expect(removed.feature_image).toBeNull()
    })

    it('refuses a feature image URL on a private address without the allowance', async () => {
      const guarded = await buildApiNewsroom(dialect)
      try {
        const api = GhostAdminAPI({
          url: guarded.url,
          key: guarded.integration.adminApiKey,
          version: 'v5.0',
        })
        await expect(
          api.posts.add({ title: 'Sneaky', feature_image: `${photosUrl}/harbour.png` }),
        ).rejects.toMatchObject({ name: 'ValidationError' })
      } finally {
        await guarded.close()
      }
    })

    it('finds tags and authors by name, slug or id', async () => {
      const economy = await admin.tags.read({ slug: 'economy' })
      const post = await admin.posts.add({
        title: 'Fishing quotas',
        tags: [{ slug: 'world' }, { id: economy.id }, 'Fisheries', { name: 'football' }],
        authors: [{ id: String(site.writer.id) }, 'Olive Owner'],
      })
      expect((post.tags as Ref[]).map((t) => t.slug)).toEqual([
        'world',
        'economy',
        'fisheries',
        'football',
      ])
      expect((post.authors as Ref[]).map((a) => a.slug)).toEqual(['wren-writer', 'olive-owner'])
      const edited = await admin.posts.edit({
        id: post.id,
        updated_at: post.updated_at,
        authors: [{ slug: 'olive-owner' }, { email: 'wren@gazette.test' }],
      })
      expect((edited.authors as Ref[]).map((a) => a.slug)).toEqual(['olive-owner', 'wren-writer'])
      await expect(
        admin.posts.add({ title: 'Nobody wrote this', authors: [{ slug: 'ghost-writer' }] }),
      ).rejects.toMatchObject({ name: 'ValidationError' })
      await expect(
        admin.posts.add({ title: 'Unknown tag id', tags: [{ id: '999999' }] }),
      ).rejects.toMatchObject({ name: 'ValidationError' })
    })

    it('schedules with published_at, and readers see nothing until then', async () => {
      const at = new Date(Date.parse('2026-11-20T06:00:00Z'))
      const post = await admin.posts.add({
        title: 'Dawn raid',
        status: 'scheduled',
        published_at: at.toISOString(),
      })
      expect(post).toMatchObject({
        status: 'scheduled',
        published_at: '2026-11-20T06:00:00.000+00:00',
      })
      await expect(content.posts.read({ id: String(post.id) })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      const scheduled = await admin.posts.browse({ filter: 'status:scheduled' })
      expect(scheduled.map((p) => p.title)).toEqual(['Dawn raid'])
    })

    it('deletes a published post for good: 204, then gone from both APIs and the site', async () => {
      // The browse's total: every story but the archived ones, as the rows say.
      const total = async () =>
        (await admin.posts.browse({ limit: 1 })).meta.pagination.total as number
      const stories = async () =>
        Number(
          (
            await site.services.db
              .selectFrom('articles')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '<>', 'archived')
              .executeTakeFirstOrThrow()
          ).n,
        )
      const before = await total()
      expect(before).toBe(await stories())
      const post = await admin.posts.add({ title: 'Retracted story', status: 'published' })
      expect(await total()).toBe(before + 1)
      const page = `${site.url}${new URL(post.url as string).pathname}`
      expect((await fetch(page)).status).toBe(200)
      const response = await fetch(`${site.url}/ghost/api/admin/posts/${String(post.id)}/`, {
        method: 'DELETE',
        headers: { authorization: `Ghost ${adminToken(site)}` },
      })
      expect(response.status).toBe(204)
      await expect(admin.posts.read({ id: post.id })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      await expect(content.posts.read({ id: String(post.id) })).rejects.toMatchObject({
        name: 'NotFoundError',
      })
      const all = await admin.posts.browse({ limit: 'all' })
      expect(all.map((p) => p.id)).not.toContain(post.id)
      expect(await total()).toBe(before)
      expect((await fetch(page)).status).toBe(404)
      const audit = await listAudit(site.services, {
        subjectType: 'article',
        subjectId: Number(post.id),
      })
      expect(audit[0]).toMatchObject({ action: 'article.delete', actorName: 'Front end' })
    })
  })
}

/** A token as Ghost's client makes one, for a plain fetch. */
function adminToken(site: ApiNewsroom): string {
  const [id, secret] = site.integration.adminApiKey.split(':') as [string, string]
  const now = Math.floor(Date.now() / 1000)
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const head = encode({ alg: 'HS256', typ: 'JWT', kid: id })
  const body = encode({ iat: now, exp: now + 300, aud: '/admin/' })
  const signature = createHmac('sha256', Buffer.from(secret, 'hex'))
    .update(`${head}.${body}`)
    .digest('base64url')
  return `${head}.${body}.${signature}`
}
