import { describe, expect, it } from 'vitest'
import { absolute } from './ghost-serializers.js'

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
