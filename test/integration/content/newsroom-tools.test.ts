/** The newsroom's domain tools on both dialects: corrections, previews, restores, taxonomy admin. */
import { expect, it } from 'vitest'
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
  removeRedirect,
  renameTag,
  restoreRevision,
  saveArticle,
  stepArticle,
} from '../../../src/content/index.js'
import { findMenuItems, reorderMenu, replaceMenu } from '../../../src/settings/index.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { asUser, SYSTEM, testKernel } from '../../support/kernel.js'

const NOW = new Date('2026-06-01T09:00:00Z')

describeDialects('newsroom tools', (dialect) => {
  const t = useTestDatabase(dialect)
  const clock = fixedClock(NOW)
  const deps = () => testKernel(t.db, clock)

  it('keeps dated corrections for published articles only', async () => {
    const draft = await createArticle(deps(), SYSTEM, { title: 'Draft' })
    await expect(
      addCorrection(deps(), SYSTEM, { articleId: draft.id, body: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    await stepArticle(deps(), SYSTEM, draft.id, 'publish')
    await addCorrection(deps(), SYSTEM, { articleId: draft.id, body: 'First note.' })
    clock.advance(60_000)
    await addCorrection(deps(), SYSTEM, { articleId: draft.id, body: 'Second note.' })
    const notes = await listArticleCorrections(deps(), draft.id)
    expect(notes.map((n) => n.body)).toEqual(['First note.', 'Second note.'])
    expect(notes[0]?.createdAt).toEqual(NOW)
  })

  it('gives each article one stable, unguessable preview token', async () => {
    const a = await createArticle(deps(), SYSTEM, { title: 'A' })
    const token = await previewTokenFor(deps(), SYSTEM, a.id)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await previewTokenFor(deps(), SYSTEM, a.id)).toBe(token)
    expect((await findArticleByPreviewToken(deps(), token))?.id).toBe(a.id)
    expect(await findArticleByPreviewToken(deps(), `${token.slice(0, -1)}x`)).toBeUndefined()
  })

  it('restores a revision as a new, version-checked save', async () => {
    const editor = await createUser(deps(), SYSTEM, {
      email: 'ed@example.com',
      name: 'Ed',
      role: 'editor',
      password: 'a long enough password',
    })
    const a = await createArticle(deps(), SYSTEM, { title: 'One', bodyHtml: '<p>First.</p>' })
    await saveArticle(deps(), SYSTEM, a.id, {
      input: { title: 'Two', bodyHtml: '<p>Second.</p>' },
    })
    const [, first] = await listRevisions({ db: t.db }, a.id)
    await expect(
      restoreRevision(deps(), asUser(editor), {
        articleId: a.id,
        revisionId: first!.id,
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' })
    const restored = await restoreRevision(deps(), asUser(editor), {
      articleId: a.id,
      revisionId: first!.id,
      expectedVersion: 2,
    })
    expect(restored).toMatchObject({ title: 'One', bodyHtml: '<p>First.</p>', version: 3 })
  })

  it('renames and merges tags with redirects, and reorders sections and menus', async () => {
    const a = await createArticle(deps(), SYSTEM, { title: 'A', tags: ['Ferris', 'Boats'] })
    await createArticle(deps(), SYSTEM, { title: 'B', tags: ['Boats'] })
    let tags = await listTagsWithCounts({ db: t.db })
    const ferris = tags.find((x) => x.name === 'Ferris')!
    await renameTag(deps(), SYSTEM, { id: ferris.id, name: 'Ferries' })
    expect(await findRedirect({ db: t.db }, '/tag/ferris/')).toMatchObject({
      toPath: '/tag/ferries/',
    })
    tags = await listTagsWithCounts({ db: t.db })
    const boats = tags.find((x) => x.name === 'Boats')!
    expect(boats.articleCount).toBe(2)
    await mergeTags(deps(), SYSTEM, { fromId: boats.id, intoId: ferris.id })
    expect((await findNewsroomArticle(deps(), a.id))?.tags.map((x) => x.name)).toEqual(['Ferries'])
    expect((await listTagsWithCounts({ db: t.db })).map((x) => [x.name, x.articleCount])).toEqual([
      ['Ferries', 2],
    ])

    await createCategory(deps(), SYSTEM, { name: 'World' })
    await createCategory(deps(), SYSTEM, { name: 'Sport' })
    const sport = (await listCategories({ db: t.db })).find((c) => c.name === 'Sport')!
    await moveSection(deps(), SYSTEM, { id: sport.id, direction: 'up' })
    const order = (await listCategories({ db: t.db })).sort((x, y) => x.position - y.position)
    expect(order.map((c) => c.name)).toEqual(['Sport', 'World'])

    await replaceMenu(deps(), SYSTEM, {
      location: 'primary',
      name: 'Primary',
      items: [
        { label: 'One', url: '/1/' },
        { label: 'Two', url: '/2/' },
      ],
    })
    const [one, two] = await findMenuItems({ db: t.db }, 'primary')
    await reorderMenu(deps(), SYSTEM, { location: 'primary', orderedIds: [two!.id, one!.id] })
    expect((await findMenuItems({ db: t.db }, 'primary')).map((i) => i.label)).toEqual([
      'Two',
      'One',
    ])
  })

  it('adds, lists and removes redirects', async () => {
    await addRedirect(deps(), SYSTEM, { fromPath: '/old/', toPath: '/new/' })
    expect((await listRedirects({ db: t.db })).map((r) => [r.fromPath, r.toPath])).toEqual([
      ['/old/', '/new/'],
    ])
    await expect(
      addRedirect(deps(), SYSTEM, { fromPath: '/admin/x', toPath: '/y/' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await removeRedirect(deps(), SYSTEM, '/old/')
    expect(await listRedirects({ db: t.db })).toEqual([])
  })
})
