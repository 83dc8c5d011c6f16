import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../content/index.js'
import { extractArticle } from './full-text.js'

const page = readFileSync(
  new URL('../../test/fixtures/feeds/article-page.html', import.meta.url),
  'utf8',
)
const pageUrl = 'https://courier.example/2026/05/footbridge-vote/'

describe('extractArticle', () => {
  it('keeps the article and drops navigation, sidebars, footers and scripts', () => {
    const article = extractArticle(page, pageUrl)!

    expect(article.title).toContain('Council backs the footbridge')
    expect(article.text).toContain('voted by nine votes to four')
    expect(article.text).toContain('leave comments until the end of June')
    expect(article.text).not.toContain('Most read')
    expect(article.text).not.toContain('All rights reserved')
    expect(article.contentHtml).not.toContain('trackArticle')
    expect(article.contentHtml).not.toContain('<nav')
  })

  it('makes the URLs absolute against the page', () => {
    const article = extractArticle(page, pageUrl)!

    expect(article.contentHtml).toContain(
      'href="https://courier.example/consultations/footbridge/"',
    )
    expect(article.firstImage).toEqual({
      url: 'https://courier.example/media/2026/05/footbridge-model.jpg',
      alt: 'A model of the footbridge',
    })
  })

  it('survives the body sanitizer with its paragraphs, links and image', () => {
    const article = extractArticle(page, pageUrl)!

    const safe = sanitizeBody(article.contentHtml)

    expect(safe).toContain('<p>After four hours of debate on Tuesday evening')
    expect(safe).toContain(
      '<a href="https://courier.example/consultations/footbridge/" rel="noopener">',
    )
    expect(safe).toContain('<img src="https://courier.example/media/2026/05/footbridge-model.jpg"')
    expect(safe).toContain('<figcaption>')
    expect(safe).not.toMatch(/<(div|script|section)\b/)
    expect(safe.match(/<p>/g)!.length).toBeGreaterThanOrEqual(4)
  })

  it('gives undefined for a page with no article', () => {
    expect(
      extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', pageUrl),
    ).toBeUndefined()
    expect(extractArticle('', pageUrl)).toBeUndefined()
  })
})
