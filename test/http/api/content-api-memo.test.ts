/**
 * The Content API's post memo (encoded posts kept between requests) must not change a byte:
 * the same browses from a server with the memo (asked twice, so the second answer comes from
 * it) and from one without it (`API_POST_MEMO=0`), over the same database.
 */
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { renameTag, saveArticle } from '../../../src/content/index.js'
import { parseConfig } from '../../../src/config.js'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'
import { asUser } from '../../support/kernel.js'
import { DIALECTS } from '../../support/test-database.js'

const BROWSES = [
  'posts/?include=tags,authors',
  'posts/?include=tags,authors&formats=html,plaintext',
  'posts/?fields=id,title,url,published_at&limit=2&page=2',
  'posts/?filter=tag:economy&include=tags',
  'posts/?filter=author:olive-owner%2Btag:economy&order=title%20asc',
  'posts/?filter=primary_tag:world&include=authors',
  'posts/?limit=all&include=tags,authors',
  'pages/?include=authors',
]

for (const dialect of DIALECTS) {
  describe(`${dialect}: Content API post memo`, () => {
    let site: ApiNewsroom
    let withoutMemo: Awaited<ReturnType<typeof buildApp>>
    let plainUrl: string

    beforeAll(async () => {
      site = await buildApiNewsroom(dialect, { PAGE_CACHE: 'false' })
      withoutMemo = await buildApp({
        services: site.services,
        config: parseConfig({
          DATA_DIR: site.database.dataDir,
          LOG_LEVEL: 'silent',
          DEMO_CONTENT: 'false',
          PUBLIC_URL,
          PAGE_CACHE: 'false',
          API_POST_MEMO: '0',
        }),
      })
      await withoutMemo.listen({ host: '127.0.0.1', port: 0 })
      plainUrl = `http://127.0.0.1:${(withoutMemo.server.address() as AddressInfo).port}`
    })
    afterAll(async () => {
      await withoutMemo?.close()
      await site?.close()
    })

    it('answers every browse with the same bytes with and without the memo', async () => {
      const key = site.integration.contentKey
      const get = async (base: string, browse: string) => {
        const response = await fetch(`${base}/ghost/api/content/${browse}&key=${key}`)
        expect(response.status, browse).toBe(200)
        return Buffer.from(await response.arrayBuffer()).toString('utf8')
      }
      for (const browse of BROWSES) {
        const first = await get(site.url, browse)
        const fromMemo = await get(site.url, browse)
        const plain = await get(plainUrl, browse)
        expect(plain, browse).toMatch(/"(posts|pages)":\[\{/)
        expect(fromMemo, browse).toBe(first)
        expect(plain, browse).toBe(first)
      }
    })

    it('answers as a server without it after a story is edited and after a tag is renamed', async () => {
      const key = site.integration.contentKey
      const browse = 'posts/?include=tags,authors'
      const get = async (base: string) =>
        (await fetch(`${base}/ghost/api/content/${browse}&key=${key}`)).text()
      const before = await get(site.url)
      expect(await get(site.url)).toBe(before)
      // One story's edit: the memo drops that story and keeps the others.
      await saveArticle(site.services, asUser(site.owner), site.ids.budget, {
        input: { title: 'Budget: the final figures' },
      })
      const edited = await get(site.url)
      expect(edited).toContain('"title":"Budget: the final figures"')
      expect(edited).toBe(await get(plainUrl))
      // A rename shows in every post that has the tag.
      const tags = JSON.parse(await get(site.url)) as {
        posts: { tags: { id: string; slug: string }[] }[]
      }
      const economy = tags.posts.flatMap((p) => p.tags).find((t) => t.slug === 'economy')
      expect(economy).toBeDefined()
      await renameTag(site.services, asUser(site.owner), {
        id: Number(economy!.id),
        name: 'The Economy',
      })
      const renamed = await get(site.url)
      expect(renamed).toContain('"name":"The Economy"')
      expect(renamed).not.toContain('"name":"Economy"')
      expect(renamed).toBe(await get(plainUrl))
    })
  })
}
