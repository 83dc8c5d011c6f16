import { describe, expect, it } from 'vitest'
import { articlePath, canTransition, formatCommentCount, isVisibleToReaders } from './article.js'

describe('article rules', () => {
  it('formats comment counts like the seed page', () => {
    expect(formatCommentCount(0)).toBe('No Comments')
    expect(formatCommentCount(1)).toBe('1 Comment')
    expect(formatCommentCount(12)).toBe('12 Comments')
  })

  it('builds dated permalinks in the site time zone', () => {
    const publishedAt = new Date('2026-05-31T23:30:00Z')
    expect(articlePath({ slug: 'budget-vote', publishedAt })).toBe('/2026/05/budget-vote/')
    expect(articlePath({ slug: 'budget-vote', publishedAt }, 'Europe/London')).toBe(
      '/2026/06/budget-vote/',
    )
    expect(articlePath({ slug: 'draft', publishedAt: null })).toBe('/p/draft/')
  })

  it('allows the editorial workflow and refuses nonsense', () => {
    expect(canTransition('draft', 'pending')).toBe(true)
    expect(canTransition('pending', 'published')).toBe(true)
    expect(canTransition('published', 'scheduled')).toBe(false)
    expect(canTransition('published', 'published')).toBe(false)
    expect(canTransition('archived', 'published')).toBe(true)
  })

  it('shows readers only published articles whose time has come', () => {
    const now = new Date('2026-01-01T12:00:00Z')
    expect(
      isVisibleToReaders(
        { status: 'published', publishedAt: new Date('2026-01-01T11:00:00Z') },
        now,
      ),
    ).toBe(true)
    expect(
      isVisibleToReaders(
        { status: 'published', publishedAt: new Date('2026-01-01T13:00:00Z') },
        now,
      ),
    ).toBe(false)
    expect(
      isVisibleToReaders(
        { status: 'scheduled', publishedAt: new Date('2026-01-01T11:00:00Z') },
        now,
      ),
    ).toBe(false)
  })
})
