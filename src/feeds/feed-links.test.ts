import { describe, expect, it } from 'vitest'
import { absolutizeHtml, articleFeedId } from './feed-document.js'
import { feedLinks } from './feed-links.js'
import { newsLanguage } from './sitemap-xml.js'

describe('feedLinks', () => {
  it('gives RSS, Atom and JSON Feed links for a section', () => {
    expect(feedLinks('section', 'world', 'World')).toEqual([
      { type: 'application/rss+xml', title: 'World (RSS)', href: '/world/feed/' },
      { type: 'application/atom+xml', title: 'World (Atom)', href: '/world/feed.atom' },
      { type: 'application/feed+json', title: 'World (JSON Feed)', href: '/world/feed.json' },
    ])
  })

  it('gives the site, tag and author paths', () => {
    expect(feedLinks('site').map((l) => l.href)).toEqual(['/feed/', '/feed.atom', '/feed.json'])
    expect(feedLinks('tag', 'film')[0]?.href).toBe('/tag/film/feed/')
    expect(feedLinks('author', 'ada')[1]?.href).toBe('/author/ada/feed.atom')
  })
})

describe('articleFeedId', () => {
  it('is a tag URI from the host, the creation day and the id', () => {
    const id = articleFeedId('https://news.example/sub', {
      id: 42,
      createdAt: new Date('2026-11-27T23:30:00Z'),
    })
    expect(id).toBe('tag:news.example,2026-11-27:article:42')
  })
})

describe('absolutizeHtml', () => {
  it('prefixes root-relative src and href, leaving absolute and protocol-relative URLs', () => {
    const html = `<a href="/a/">x</a><img src='/media/b.png'><a href="https://x.example/">y</a><img src="//cdn.example/c.png">`
    expect(absolutizeHtml(html, 'https://news.example')).toBe(
      `<a href="https://news.example/a/">x</a><img src='https://news.example/media/b.png'><a href="https://x.example/">y</a><img src="//cdn.example/c.png">`,
    )
  })
})

describe('newsLanguage', () => {
  it('reduces a locale to the code Google News wants', () => {
    expect(newsLanguage('en-GB')).toBe('en')
    expect(newsLanguage('fr')).toBe('fr')
    expect(newsLanguage('zh-TW')).toBe('zh-tw')
    expect(newsLanguage('zh-Hans-CN')).toBe('zh-cn')
  })
})
