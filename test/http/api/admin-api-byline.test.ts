/**
 * A post an integration adds without authors gets a byline, as in Ghost: the owner, or on a site
 * with no owner yet (the demo newsroom) its most senior active person, so the Content API's
 * `primary_author`, which Ghost front-ends rely on, is never null.
 */
import type { AddressInfo } from 'node:net'
import GhostAdminAPI from '@tryghost/admin-api'
import GhostContentAPI from '@tryghost/content-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listUsers } from '../../../src/auth/index.js'
import { createIntegration } from '../../../src/integrations/index.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'

describe('Admin API: a byline for posts added without authors', () => {
  let site: SeededSite
  let url: string
  let keys: { contentKey: string; adminApiKey: string }

  beforeAll(async () => {
    site = await buildSeededSite()
    keys = await createIntegration(testKernel(site.db, site.clock), SYSTEM, { name: 'Script' })
    await site.app.listen({ port: 0, host: '127.0.0.1' })
    url = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`
  })
  afterAll(() => site.close())

  it('gives the post the most senior active person when the site has no owner', async () => {
    const people = await listUsers(testKernel(site.db, site.clock))
    expect(people.some((u) => u.role === 'owner')).toBe(false)
    const senior = ['admin', 'editor', 'author']
      .map((role) => people.find((u) => u.role === role && u.deactivatedAt === null))
      .find(Boolean)!
    const admin = GhostAdminAPI({ url, key: keys.adminApiKey, version: 'v5.0' })
    const post = await admin.posts.add({ title: 'From a script', status: 'published' })
    const content = GhostContentAPI({ url, key: keys.contentKey, version: 'v5.0' })
    const read = await content.posts.read({ id: String(post.id) }, { include: 'authors' })
    expect(read.primary_author).toMatchObject({ slug: senior.slug })
  })
})
