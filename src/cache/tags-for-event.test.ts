import { describe, expect, it } from 'vitest'
import type { ArticleRefs } from '../events.js'
import { tagsForEvent } from './tags-for-event.js'

const refs = (overrides: Partial<ArticleRefs> = {}): ArticleRefs => ({
  id: 42,
  slug: 'budget-vote',
  status: 'published',
  publishedAt: new Date('2026-06-01T10:00:00Z'),
  categorySlugs: ['politics', 'news'],
  tagSlugs: ['budget'],
  authorIds: [7],
  ...overrides,
})

describe('tagsForEvent', () => {
  it('purges the story and every list that showed it before or shows it after', () => {
    const tags = tagsForEvent({
      type: 'article.changed',
      articleId: 42,
      before: refs(),
      after: refs({ categorySlugs: ['world'], tagSlugs: ['russia'], authorIds: [7, 8] }),
    })
    expect(tags.sort()).toEqual(
      [
        'article:42',
        'section:politics',
        'section:news',
        'section:world',
        'tag:budget',
        'tag:russia',
        'author:7',
        'author:8',
        'home',
        'feed',
        'sitemap',
        'search',
        'api',
      ].sort(),
    )
  })

  it('purges on publish and on unpublish', () => {
    const draft = refs({ status: 'draft', publishedAt: null })
    for (const [before, after] of [
      [draft, refs()],
      [refs(), draft],
      [null, refs()],
    ] as const) {
      expect(tagsForEvent({ type: 'article.changed', articleId: 42, before, after })).toContain(
        'home',
      )
    }
  })

  it('purges the newest-stories lists only when a story enters, leaves or moves in them', () => {
    const publish = tagsForEvent({
      type: 'article.changed',
      articleId: 42,
      before: refs({ status: 'draft' }),
      after: refs(),
    })
    const edit = tagsForEvent({
      type: 'article.changed',
      articleId: 42,
      before: refs(),
      after: refs(),
    })
    const redate = tagsForEvent({
      type: 'article.changed',
      articleId: 42,
      before: refs(),
      after: refs({ publishedAt: new Date('2026-06-02T10:00:00Z') }),
    })
    expect(publish).toContain('latest')
    expect(edit).not.toContain('latest')
    expect(redate).toContain('latest')
  })

  it('purges nothing when no reader could see the story before or after', () => {
    const draft = refs({ status: 'draft', publishedAt: null })
    const scheduled = refs({ status: 'scheduled', publishedAt: new Date('2027-01-01') })
    expect(
      tagsForEvent({ type: 'article.changed', articleId: 42, before: null, after: draft }),
    ).toEqual([])
    expect(
      tagsForEvent({ type: 'article.changed', articleId: 42, before: draft, after: scheduled }),
    ).toEqual([])
  })

  it('maps comments, settings and taxonomy changes to their tags', () => {
    expect(tagsForEvent({ type: 'comments.changed', articleId: 3 })).toEqual(['article:3', 'home'])
    expect(tagsForEvent({ type: 'settings.changed', keys: ['title'] })).toEqual(['settings'])
    expect(tagsForEvent({ type: 'taxonomy.changed', kind: 'menu', slugs: ['main'] })).toEqual([
      'menu',
    ])
    expect(
      tagsForEvent({ type: 'taxonomy.changed', kind: 'section', slugs: ['world', 'sport'] }),
    ).toEqual(['menu', 'section:world', 'section:sport'])
    expect(tagsForEvent({ type: 'taxonomy.changed', kind: 'tag', slugs: ['russia'] })).toEqual([
      'menu',
      'tag:russia',
    ])
    expect(tagsForEvent({ type: 'taxonomy.changed', kind: 'page', slugs: ['about'] })).toEqual([
      'menu',
      'page:about',
    ])
  })
})
