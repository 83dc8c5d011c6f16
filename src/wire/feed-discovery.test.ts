import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { discoverFeeds } from './feed-discovery.js'

const homePage = readFileSync(
  new URL('../../test/fixtures/feeds/home-page.html', import.meta.url),
  'utf8',
)

describe('discoverFeeds', () => {
  it('finds RSS, Atom and JSON feeds, resolves relative hrefs and puts comment feeds last', () => {
    const feeds = discoverFeeds(homePage, 'https://courier.example/news/index.html')

    expect(feeds).toEqual([
      { url: 'https://courier.example/feed/', format: 'rss', title: 'Valley Courier » Feed' },
      {
        url: 'https://courier.example/news/feed.atom',
        format: 'atom',
        title: 'Valley Courier (Atom)',
      },
      { url: 'https://courier.example/feed.json', format: 'json', title: 'Valley Courier (JSON)' },
      {
        url: 'https://courier.example/comments/feed/',
        format: 'rss',
        title: 'Valley Courier » Comments Feed',
      },
    ])
  })

  it('honours <base href> and ignores links that are not feeds', () => {
    const html = `<head><base href="https://cdn.example/site/">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
      <link rel="alternate" type="text/html" href="/other">
      <link rel="stylesheet" type="application/rss+xml" href="/not-alternate">
      <link rel="alternate" type="application/atom+xml" href="javascript:alert(1)"></head>`

    expect(discoverFeeds(html, 'https://www.example/')).toEqual([
      { url: 'https://cdn.example/site/rss.xml', format: 'rss', title: undefined },
    ])
  })

  it('finds nothing in a page without feed links', () => {
    expect(discoverFeeds('<html><body><p>Hello</p></body></html>', 'https://x.example/')).toEqual(
      [],
    )
  })
})
