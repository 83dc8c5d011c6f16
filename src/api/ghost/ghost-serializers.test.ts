import { describe, expect, it } from 'vitest'
import type { ApiPost } from '../../content/index.js'
import { absolute, postJsonText, serializePost, writtenLinks } from './ghost-serializers.js'

describe('absolute', () => {
  const sites = ['https://gazette.test', 'https://Gazette.TEST:443/', 'http://localhost:8080/news/']
  const paths = [
    '/',
    '/2026/11/budget-vote-passes/',
    '/author/olive-owner/',
    '/media/2026/11/photo.v2.jpg',
    '/tag/café/',
    '/a/../b/',
    '/./x',
    '//evil.test/x',
    '/media/photo.jpg?v=1#top',
    '/with space/',
    'https://cdn.test/a.jpg',
  ]

  it('gives what URL parsing gives, for plain paths and every other kind', () => {
    for (const publicUrl of sites)
      for (const path of paths)
        expect(absolute({ publicUrl, timeZone: 'UTC' }, path), `${publicUrl} ${path}`).toBe(
          new URL(path, `${publicUrl.replace(/\/$/, '')}/`).toString(),
        )
  })
})

describe('postJsonText', () => {
  const ctx = { publicUrl: 'https://gazette.test', timeZone: 'Europe/London' }
  const person = (id: number, website: string | null) => ({
    id,
    name: `Writer “${id}”`,
    slug: `writer-${id}`,
    bio: id === 1 ? 'Covers <courts> & "crime"' : '',
    avatarUrl: id === 1 ? '/media/w1.jpg' : null,
    website,
    postCount: 0,
  })
  const post = (id: number, links: Partial<ApiPost>): ApiPost => ({
    id,
    title: `Budget “vote” ${id}\u2028passes`,
    slug: `budget-vote-${id}`,
    standfirst: id % 2 ? '' : 'MPs agree £2bn',
    excerpt: 'The vote…',
    status: 'published',
    publishedAt: new Date(Date.UTC(2026, 10, 30, 23, 30)),
    updatedAt: new Date(Date.UTC(2026, 11, 1)),
    createdAt: new Date(Date.UTC(2026, 10, 29)),
    readingMinutes: 3,
    isFeatured: id === 1,
    primaryCategoryId: null,
    image: id === 1 ? { url: '/media/a.jpg', alt: 'A "cat"', caption: '' } : null,
    bodyHtml: '<p>Ministers\u00a0said “no” to <b>\\escapes\\</b> & ünïcode 🚀</p>',
    seoTitle: id === 1 ? 'SEO' : '',
    seoDescription: '',
    canonicalUrl: '',
    sections: [{ id: 1, name: 'World', slug: 'world', parentId: null }],
    tags: [
      { id: 1, name: 'Europe', slug: 'europe' },
      { id: 2, name: 'Café', slug: 'café' },
    ],
    authors: [person(1, 'https://w1.test'), person(2, null)],
    ...links,
  })
  const posts = [
    post(1, {}),
    post(2, { sections: [], tags: [], authors: [] }),
    post(3, { sections: [] }),
  ]
  const includes = [[], ['tags'], ['authors'], ['tags', 'authors']]
  const formats = [['html'], ['plaintext'], ['html', 'plaintext'], ['mobiledoc']]

  it('writes what serializing and stringifying the post writes, for every include and format', () => {
    for (const include of includes)
      for (const format of formats) {
        const options = { include: new Set(include), formats: new Set(format) }
        const written = writtenLinks()
        for (const p of posts)
          expect(
            postJsonText(ctx, p, options, written),
            `${p.id} ${include.join()} ${format.join()}`,
          ).toBe(JSON.stringify(serializePost(ctx, p, options)))
      }
  })
})
