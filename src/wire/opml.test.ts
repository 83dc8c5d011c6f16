import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseOpml, writeOpml } from './opml.js'

const fixture = readFileSync(
  new URL('../../test/fixtures/feeds/sources.opml', import.meta.url),
  'utf8',
)

describe('parseOpml', () => {
  it('lists every feed once, with its folder, and skips outlines that are not feeds', () => {
    expect(parseOpml(fixture)).toEqual([
      {
        url: 'https://courier.example/feed/',
        title: 'Valley Courier & Post',
        siteUrl: 'https://courier.example/',
        folder: 'Local papers',
      },
      {
        url: 'http://gazette.example/rss.xml',
        title: 'La Gazette du Plateau',
        siteUrl: undefined,
        folder: 'Local papers',
      },
      {
        url: 'https://harbour.example/blog/feed.atom',
        title: 'Harbour Notes',
        siteUrl: 'https://harbour.example/blog/',
        folder: 'Coast',
      },
    ])
  })

  it('refuses what is not OPML with a typed error', () => {
    expect(() => parseOpml('<html><body>hello</body></html>')).toThrow(
      expect.objectContaining({ code: 'BAD_OPML' }),
    )
    expect(() => parseOpml('<opml version="2.0"><body><outline xmlUrl="x"')).toThrow(
      expect.objectContaining({ code: 'BAD_OPML' }),
    )
  })
})

describe('writeOpml', () => {
  it('round-trips sources through an OPML document, escaping names and URLs', () => {
    const sources = [
      {
        url: 'https://a.example/feed?x=1&y=2',
        title: 'Fish & "Chips"',
        siteUrl: undefined,
        folder: undefined,
      },
      {
        url: 'https://b.example/rss',
        title: 'B <News>',
        siteUrl: 'https://b.example/',
        folder: 'Partners',
      },
      { url: 'https://c.example/atom', title: undefined, siteUrl: undefined, folder: 'Partners' },
    ]

    const xml = writeOpml(sources, { title: 'Wire sources', now: new Date('2026-05-06T12:00:00Z') })

    expect(xml).toContain('<dateCreated>Wed, 06 May 2026 12:00:00 GMT</dateCreated>')
    expect(parseOpml(xml)).toEqual([
      sources[0],
      sources[1],
      { ...sources[2], title: 'https://c.example/atom' },
    ])
  })

  it('writes an empty list that reads back as empty', () => {
    const xml = writeOpml([], { title: 'None', now: new Date('2026-05-06T12:00:00Z') })

    expect(parseOpml(xml)).toEqual([])
  })
})
