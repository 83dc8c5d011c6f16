import { describe, expect, it } from 'vitest'
import { pageCacheTags } from './page-cache-tags.js'

const story = (id: number) => ({
  id,
  slug: `s${id}`,
  title: `Story ${id}`,
  publishedAt: new Date(0),
})

describe('pageCacheTags', () => {
  it('tags the page and every story it shows, however deeply nested', () => {
    const tags = pageCacheTags(
      { kind: 'section', slug: 'world' },
      {
        props: {
          listing: { articles: { items: [story(1), story(2)] } },
          sidebar: { latest: [story(3)] },
        },
        trending: [story(1), story(4)],
      },
    )
    expect(tags.sort()).toEqual([
      'article:1',
      'article:2',
      'article:3',
      'article:4',
      'latest',
      'section:world',
    ])
  })

  it('tags an author page with the author and the front page with home', () => {
    const author = { id: 7, slug: 'jane', role: 'author', bio: 'Writes', name: 'Jane' }
    expect(pageCacheTags({ kind: 'author', slug: 'jane' }, { author })).toContain('author:7')
    expect(pageCacheTags({ kind: 'home' }, {})).toEqual(['latest', 'home'])
  })

  it('ignores bylines and other objects that are not stories', () => {
    const tags = pageCacheTags(
      { kind: 'tag', slug: 'x' },
      { author: { id: 3, slug: 'a', name: 'A', avatarUrl: null }, when: new Date() },
    )
    expect(tags.sort()).toEqual(['latest', 'tag:x'])
  })
})
