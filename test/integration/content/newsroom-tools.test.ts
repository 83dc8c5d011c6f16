/** The newsroom's domain tools on both dialects: corrections, previews, restores, taxonomy admin. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import {
  addCorrection,
  addRedirect,
  createArticle,
  createCategory,
  findArticleByPreviewToken,
  findNewsroomArticle,
  findRedirect,
  listArticleCorrections,
  listCategories,
  listRedirects,
  listRevisions,
  listTagsWithCounts,
  mergeTags,
  moveSection,
  previewTokenFor,
  publishArticle,
  removeRedirect,
  renameTag,
  restoreRevision,
  updateArticle,
} from '../../../src/content/index.js'
import { findMenuItems, reorderMenuItems, replaceMenu } from '../../../src/settings/index.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const NOW = new Date('2026-06-01T09:00:00Z')

for (const dialect of DIALECTS) {
  describe(`${dialect}: newsroom tools`, () => {
    let t: TestDatabase
    const clock = fixedClock(NOW)
    const deps = () => ({ db: t.db, clock })
    beforeEach(async () => {
      t = await createTestDatabase(dialect)
    })
    afterEach(() => t.destroy())

    it('keeps dated corrections for published articles only', async () => {
      const draft = await createArticle(deps(), null, { title: 'Draft' })
      await expect(
        addCorrection(deps(), { articleId: draft.id, body: 'x', userId: null }),
      ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
      await publishArticle(deps(), draft.id)
      await addCorrection(deps(), { articleId: draft.id, body: 'First note.', userId: null })
      clock.advance(60_000)
      await addCorrection(deps(), { articleId: draft.id, body: 'Second note.', userId: null })
      const notes = await listArticleCorrections(deps(), draft.id)
      expect(notes.map((n) => n.body)).toEqual(['First note.', 'Second note.'])
      expect(notes[0]?.createdAt).toEqual(NOW)
    })

    it('gives each article one stable, unguessable preview token', async () => {
      const a = await createArticle(deps(), null, { title: 'A' })
      const token = await previewTokenFor(deps(), a.id)
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(await previewTokenFor(deps(), a.id)).toBe(token)
      expect((await findArticleByPreviewToken(deps(), token))?.id).toBe(a.id)
      expect(await findArticleByPreviewToken(deps(), `${token.slice(0, -1)}x`)).toBeUndefined()
    })

    it('restores a revision as a new, version-checked save', async () => {
      const editor = await createUser(deps(), {
        email: 'ed@example.com',
        name: 'Ed',
        role: 'editor',
        password: 'a long enough password',
      })
      const a = await createArticle(deps(), null, { title: 'One', bodyHtml: '<p>First.</p>' })
      await updateArticle(deps(), a.id, { title: 'Two', bodyHtml: '<p>Second.</p>' })
      const [, first] = await listRevisions(t.db, a.id)
      await expect(
        restoreRevision(deps(), {
          articleId: a.id,
          revisionId: first!.id,
          expectedVersion: 1,
          editorId: editor.id,
        }),
      ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' })
      const restored = await restoreRevision(deps(), {
        articleId: a.id,
        revisionId: first!.id,
        expectedVersion: 2,
        editorId: editor.id,
      })
      expect(restored).toMatchObject({ title: 'One', bodyHtml: '<p>First.</p>', version: 3 })
    })

    it('renames and merges tags with redirects, and reorders sections and menus', async () => {
      const a = await createArticle(deps(), null, { title: 'A', tags: ['Ferris', 'Boats'] })
      await createArticle(deps(), null, { title: 'B', tags: ['Boats'] })
      let tags = await listTagsWithCounts(t.db)
      const ferris = tags.find((x) => x.name === 'Ferris')!
      await renameTag(deps(), { id: ferris.id, name: 'Ferries' })
      expect(await findRedirect(t.db, '/tag/ferris/')).toMatchObject({ toPath: '/tag/ferries/' })
      tags = await listTagsWithCounts(t.db)
      const boats = tags.find((x) => x.name === 'Boats')!
      expect(boats.articleCount).toBe(2)
      await mergeTags(deps(), { fromId: boats.id, intoId: ferris.id })
      expect((await findNewsroomArticle(deps(), a.id))?.tags.map((x) => x.name)).toEqual([
        'Ferries',
      ])
      expect((await listTagsWithCounts(t.db)).map((x) => [x.name, x.articleCount])).toEqual([
        ['Ferries', 2],
      ])

      await createCategory(deps(), { name: 'World' })
      await createCategory(deps(), { name: 'Sport' })
      const sport = (await listCategories(t.db)).find((c) => c.name === 'Sport')!
      await moveSection(deps(), { id: sport.id, direction: 'up' })
      const order = (await listCategories(t.db)).sort((x, y) => x.position - y.position)
      expect(order.map((c) => c.name)).toEqual(['Sport', 'World'])

      await replaceMenu(t.db, 'primary', 'Primary', [
        { label: 'One', url: '/1/' },
        { label: 'Two', url: '/2/' },
      ])
      const [one, two] = await findMenuItems(t.db, 'primary')
      await reorderMenuItems(t.db, 'primary', [two!.id, one!.id])
      expect((await findMenuItems(t.db, 'primary')).map((i) => i.label)).toEqual(['Two', 'One'])
    })

    it('adds, lists and removes redirects', async () => {
      await addRedirect(deps(), { fromPath: '/old/', toPath: '/new/' })
      expect((await listRedirects(t.db)).map((r) => [r.fromPath, r.toPath])).toEqual([
        ['/old/', '/new/'],
      ])
      await expect(
        addRedirect(deps(), { fromPath: '/admin/x', toPath: '/y/' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
      await removeRedirect(deps(), '/old/')
      expect(await listRedirects(t.db)).toEqual([])
    })
  })
}
