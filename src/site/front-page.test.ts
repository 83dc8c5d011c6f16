import { describe, expect, it } from 'vitest'
import type { ArticleSummary, Category } from '../content/index.js'
import { arrangeFrontPage } from './front-page.js'

const story = (id: number) => ({ id }) as ArticleSummary
const stories = (...ids: number[]) => ids.map(story)
const section = (id: number, ...ids: number[]) => ({
  category: { id } as Category,
  articles: stories(...ids),
})

describe('arrangeFrontPage', () => {
  it('shows every story at most once, in the order the page reads', () => {
    const page = arrangeFrontPage({
      featured: stories(1, 2, 3),
      latest: stories(1, 4, 5, 6, 7, 8, 9, 10, 11, 12),
      trending: stories(4, 1, 13, 14),
      sections: [section(1, 1, 5, 15, 16, 17, 18), section(2, 13, 19)],
      editorsPicks: stories(2, 19, 20),
    })
    expect(page.lead?.id).toBe(1)
    expect(page.featured.map((a) => a.id)).toEqual([2, 3])
    expect(page.hot.map((a) => a.id)).toEqual([4, 13, 14])
    expect(page.editorsPicks.map((a) => a.id)).toEqual([19, 20])
    expect(page.latest.map((a) => a.id)).toEqual([5, 6, 7, 8, 9, 10])
    expect(page.sections.map((s) => s.articles.map((a) => a.id))).toEqual([[15, 16, 17, 18], []])
    const all = [
      page.lead!,
      ...page.featured,
      ...page.hot,
      ...page.latest,
      ...page.sections.flatMap((s) => s.articles),
      ...page.editorsPicks,
    ].map((a) => a.id)
    expect(new Set(all).size).toBe(all.length)
  })

  it('leads with the newest story when nothing is featured, and copes with an empty site', () => {
    expect(
      arrangeFrontPage({
        featured: [],
        latest: stories(7, 8),
        trending: [],
        sections: [],
        editorsPicks: [],
      }).lead?.id,
    ).toBe(7)
    const empty = arrangeFrontPage({
      featured: [],
      latest: [],
      trending: [],
      sections: [],
      editorsPicks: [],
    })
    expect(empty.lead).toBeUndefined()
    expect(empty.latest).toEqual([])
  })
})
