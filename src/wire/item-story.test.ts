import { describe, expect, it } from 'vitest'
import { skipReason, storyFor, type StoryItem } from './item-story.js'

const item: StoryItem = {
  title: 'Bridge reopens',
  link: 'https://courier.example/news/bridge/',
  author: 'Ann Reporter',
  categories: ['Transport', 'transport', 'Local'],
  excerpt: 'The old bridge reopened on Tuesday.',
  contentHtml: '<p>The old bridge reopened on Tuesday after <b>two years</b>.</p>',
  summaryHtml: undefined,
  publishedAt: new Date('2026-05-06T09:00:00Z'),
  image: { url: 'https://courier.example/bridge.jpg', alt: 'The bridge' },
}
const source = {
  name: 'The Courier',
  mode: 'excerpt' as const,
  sectionId: 4,
  authorId: 9,
  tags: ['Partner'],
  mapCategories: true,
}

describe('storyFor', () => {
  it('makes an excerpt story that links prominently to the original', () => {
    const story = storyFor(item, source, 'published')

    expect(story.bodyHtml).toContain(
      '<a href="https://courier.example/news/bridge/">Read the full story at The Courier</a>',
    )
    expect(story.bodyHtml).toContain('By Ann Reporter, The Courier')
    expect(story.bodyHtml).not.toContain('two years')
    expect(story.bodyHtml).toContain('<img src="https://courier.example/bridge.jpg"')
    expect(story).toMatchObject({
      canonicalUrl: 'https://courier.example/news/bridge/',
      publishedAt: item.publishedAt,
      primaryCategoryId: 4,
      authorIds: [9],
      tags: ['Partner', 'Transport', 'Local'],
      status: 'published',
    })
  })

  it('makes a full story with the body and an attribution line', () => {
    const story = storyFor(item, { ...source, mode: 'full' }, 'draft')

    expect(story.bodyHtml).toContain('<b>two years</b>')
    expect(story.bodyHtml).toContain(
      'Originally published by <a href="https://courier.example/news/bridge/">The Courier</a>',
    )
    expect(story.publishedAt).toBeNull()
  })

  it('never repeats the body in the standfirst: only a summary of its own, in full mode', () => {
    const dek = { ...item, summaryHtml: '<p>A two-year closure ends with a brass band.</p>' }
    const lede = { ...item, summaryHtml: '<p>The old bridge reopened on Tuesday after two…</p>' }
    const full = { ...source, mode: 'full' as const }

    expect(storyFor(item, source, 'draft').standfirst).toBe('')
    expect(storyFor(dek, source, 'draft').standfirst).toBe('')
    expect(storyFor(dek, full, 'draft').standfirst).toBe(item.excerpt)
    expect(storyFor(lede, full, 'draft').standfirst).toBe('')
    expect(storyFor(item, full, 'draft').standfirst).toBe('')
  })

  it('leaves the item categories out when the source maps none', () => {
    expect(storyFor(item, { ...source, mapCategories: false }, 'draft').tags).toEqual(['Partner'])
  })

  it('escapes the source name and byline', () => {
    const story = storyFor(
      { ...item, author: '<script>x</script>' },
      { ...source, name: 'A & B' },
      'draft',
    )
    expect(story.bodyHtml).toContain('By &lt;script&gt;x&lt;/script&gt;, A &amp; B')
  })
})

describe('skipReason', () => {
  const rules = { includeWords: [], excludeWords: [], maxAgeDays: null }
  const now = new Date('2026-05-06T12:00:00Z')
  const text = { title: 'Council votes on the budget', text: 'A long meeting.', publishedAt: now }

  it('takes everything without rules', () => {
    expect(skipReason(text, rules, now)).toBeUndefined()
  })

  it('needs one include word, as a whole word, any case', () => {
    expect(skipReason(text, { ...rules, includeWords: ['budget'] }, now)).toBeUndefined()
    expect(skipReason(text, { ...rules, includeWords: ['BUDGET'] }, now)).toBeUndefined()
    expect(skipReason(text, { ...rules, includeWords: ['budg'] }, now)).toBe('no include word')
  })

  it('refuses exclude words and items older than the maximum age', () => {
    expect(skipReason(text, { ...rules, excludeWords: ['meeting'] }, now)).toBe('has "meeting"')
    const old = { ...text, publishedAt: new Date('2026-04-01T00:00:00Z') }
    expect(skipReason(old, { ...rules, maxAgeDays: 7 }, now)).toBe('too old')
    expect(skipReason(old, { ...rules, maxAgeDays: 60 }, now)).toBeUndefined()
  })
})
