import { describe, expect, it } from 'vitest'
import { can, type Action, type ArticleSubject } from './permissions.js'
import type { Role } from './user.table.js'

const ME = 1
const OTHER = 2
const own: ArticleSubject = { authorIds: [ME], status: 'draft' }
const others: ArticleSubject = { authorIds: [OTHER], status: 'draft' }
const ROLES: Role[] = ['owner', 'admin', 'editor', 'author', 'contributor']

/** The table, one expected answer per role in ROLES order. */
const MATRIX: [string, Action, ArticleSubject | undefined, boolean[]][] = [
  ['write drafts (new)', 'article.write', undefined, [true, true, true, true, true]],
  ['write drafts (own)', 'article.write', own, [true, true, true, true, true]],
  ['submit own for review', 'article.submit', own, [true, true, true, true, true]],
  ['publish / schedule own', 'article.publish', own, [true, true, true, true, false]],
  ['edit others’', 'article.write', others, [true, true, true, false, false]],
  ['publish others’', 'article.publish', others, [true, true, true, false, false]],
  ['submit others’', 'article.submit', others, [true, true, true, false, false]],
  ['upload media', 'media.upload', undefined, [true, true, true, true, false]],
  ['moderate comments on own article', 'comments.moderate', own, [true, true, true, true, false]],
  ['moderate comments on others’', 'comments.moderate', others, [true, true, true, false, false]],
  ['moderate any comments', 'comments.moderate', undefined, [true, true, true, false, false]],
  ['sections, tags, menus', 'taxonomy.manage', undefined, [true, true, true, false, false]],
  [
    'subscribers, newsletter, contact',
    'readers.manage',
    undefined,
    [true, true, true, false, false],
  ],
  ['users', 'users.manage', undefined, [true, true, false, false, false]],
  ['settings', 'settings.manage', undefined, [true, true, false, false, false]],
  ['ad slots', 'adSlots.manage', undefined, [true, true, false, false, false]],
  ['outbox', 'outbox.view', undefined, [true, true, false, false, false]],
  ['audit log', 'audit.view', undefined, [true, true, false, false, false]],
]

describe('can', () => {
  for (const [label, action, subject, expected] of MATRIX) {
    ROLES.forEach((role, i) => {
      it(`${expected[i] ? 'lets' : 'refuses'} ${role}: ${label}`, () => {
        expect(can({ id: ME, role }, action, subject)).toBe(expected[i])
      })
    })
  }

  it('keeps a contributor off their own published or scheduled article', () => {
    const contributor = { id: ME, role: 'contributor' as const }
    expect(can(contributor, 'article.write', { authorIds: [ME], status: 'published' })).toBe(false)
    expect(can(contributor, 'article.write', { authorIds: [ME], status: 'scheduled' })).toBe(false)
    expect(can(contributor, 'article.write', { authorIds: [ME], status: 'pending' })).toBe(true)
  })

  it('lets an author keep editing their own published article', () => {
    expect(
      can({ id: ME, role: 'author' }, 'article.write', { authorIds: [ME], status: 'published' }),
    ).toBe(true)
  })

  it('counts co-authors as owners of the article', () => {
    expect(can({ id: ME, role: 'author' }, 'article.publish', { authorIds: [OTHER, ME] })).toBe(
      true,
    )
  })
})
