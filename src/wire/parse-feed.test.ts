import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../content/index.js'
import { type ParsedFeed, parseFeed, readFeed } from './parse-feed.js'
import { WireError } from './wire-error.js'

const fetchedAt = new Date('2026-05-06T12:00:00Z')

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../test/fixtures/feeds/${name}`, import.meta.url))
}

function read(name: string, url = 'https://feeds.example/feed/', contentType?: string): ParsedFeed {
  return readFeed(fixture(name), { url, fetchedAt, contentType })
}

function failure(run: () => unknown): WireError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(WireError)
    return error as WireError
  }
  throw new Error('expected a WireError')
}

describe('parseFeed: RSS 2.0', () => {
  const feed = read('rss2-full.xml', 'https://courier.example/feed/')
  const [vote, library, podcast] = feed.items

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Valley Courier & Post',
      homeUrl: 'https://courier.example/',
      selfUrl: 'https://courier.example/feed/',
      language: 'en-gb',
    })
    expect(feed.items).toHaveLength(3)
  })

  it('maps an item with guid, dc:creator, categories, content:encoded and media:content', () => {
    expect(vote).toMatchObject({
      key: 'guid:courier-story-1201',
      guid: 'courier-story-1201',
      isGlobalGuid: false,
      link: 'https://courier.example/2026/05/footbridge-vote/?utm_source=rss&utm_medium=feed',
      normalizedLink: 'https://courier.example/2026/05/footbridge-vote',
      title: 'Council votes “yes” on the footbridge & the ring road',
      author: 'Ada Lindqvist',
      categories: ['Politics', 'Transport'],
      hasDate: true,
      summaryHtml: '<p>After four hours of debate the council backed the footbridge.</p>',
      image: {
        url: 'https://courier.example/media/2026/05/footbridge-wide.jpg',
        origin: 'feed',
      },
    })
    expect(vote!.publishedAt.toISOString()).toBe('2026-05-05T07:30:00.000Z')
    expect(vote!.excerpt).toBe('After four hours of debate the council backed the footbridge.')
  })

  it('resolves relative URLs in the body against the item link', () => {
    expect(vote!.contentHtml).toContain(
      '<img src="https://courier.example/media/2026/05/footbridge-model.jpg"',
    )
    expect(vote!.contentHtml).toContain(
      'href="https://courier.example/2026/04/footbridge-exhibition/"',
    )
    expect(vote!.text).not.toContain('trackReader')
  })

  it('gives body HTML that the body sanitizer keeps, minus the script', () => {
    const safe = sanitizeBody(vote!.contentHtml!)

    expect(safe).toContain('<img src="https://courier.example/media/2026/05/footbridge-model.jpg"')
    expect(safe).toContain('<em>September</em>')
    expect(safe).not.toContain('script')
    expect(safe).not.toContain('trackReader')
  })

  it('takes the author name from <author>, and media:thumbnail before the enclosure', () => {
    expect(library).toMatchObject({
      guid: undefined,
      key: 'link:https://courier.example/2026/05/library-hours?page=2',
      author: 'Bram Okafor',
      image: { url: 'https://courier.example/media/2026/05/library-thumb.jpg', origin: 'feed' },
    })
    expect(library!.author).not.toContain('@')
  })

  it('falls back to the first body image, skipping tracking pixels and audio enclosures', () => {
    expect(podcast!.image).toEqual({
      url: 'https://courier.example/podcast/week-19/covers/week-19.jpg',
      alt: 'Cover art',
      origin: 'body',
    })
    expect(podcast!.contentHtml).not.toContain('pixel.gif')
    expect(podcast!.isGlobalGuid).toBe(true)
  })
})

describe('parseFeed: other formats', () => {
  it('reads RSS 1.0 (RDF) with dc: fields and content:encoded', () => {
    const feed = read('rdf-almanac.rdf', 'https://almanac.example/index.rdf')
    const [frost, swifts] = feed.items

    expect(feed.format).toBe('rdf')
    expect(frost).toMatchObject({
      guid: 'https://almanac.example/notes/frost',
      title: 'A late frost in the orchards',
      author: 'Rosa Delacroix',
      categories: ['Farming'],
      image: {
        url: 'https://almanac.example/img/frost.jpg',
        alt: 'Frost on blossom',
        origin: 'body',
      },
    })
    expect(frost!.publishedAt.toISOString()).toBe('2026-05-04T05:15:00.000Z')
    expect(swifts!.contentHtml).toBe('First sightings over the church tower.')
  })

  it('reads Atom 1.0 with xml:base, HTML titles, xhtml content and the feed author', () => {
    const feed = read('atom-harbour.xml', 'https://harbour.example/blog/feed.atom')
    const [ferry, tides] = feed.items

    expect(feed).toMatchObject({
      format: 'atom',
      title: 'Harbour Notes',
      homeUrl: 'https://harbour.example/blog/',
    })
    expect(ferry).toMatchObject({
      key: 'guid:tag:harbour.example,2026:ferry-returns',
      isGlobalGuid: true,
      link: 'https://harbour.example/blog/posts/ferry-returns',
      title: 'The ferry returns to the north quay',
      author: 'Hal Bourne',
      categories: ['Transport', 'harbour'],
      image: { url: 'https://harbour.example/img/ferry.jpg', origin: 'feed' },
    })
    expect(ferry!.contentHtml).toContain('href="https://harbour.example/refits/winter"')
    expect(ferry!.contentHtml).toContain('src="https://harbour.example/blog/img/ferry-deck.jpg"')
    expect(ferry!.updatedAt!.toISOString()).toBe('2026-05-05T09:00:00.000Z')
    expect(tides).toMatchObject({
      link: 'https://harbour.example/tides/spring-tides',
      author: 'Harbour Notes Desk',
      image: { url: 'https://harbour.example/img/tides-thumb.jpg', origin: 'feed' },
    })
    expect(tides!.publishedAt.toISOString()).toBe('2026-05-04T18:00:00.000Z')
  })

  it('reads JSON Feed 1.1, escaping plain-text fields', () => {
    const feed = read('json-feed-1.1.json', 'https://herald.example/feed.json')
    const [press, note] = feed.items

    expect(feed).toMatchObject({ format: 'json', title: 'The Orchard Herald', language: 'en' })
    expect(press).toMatchObject({
      guid: 'https://herald.example/p/cider-press',
      normalizedLink: 'https://herald.example/p/cider-press',
      author: 'Ines Marsh',
      categories: ['Community', 'Food'],
      image: { url: 'https://herald.example/img/press.jpg', origin: 'feed' },
    })
    expect(press!.contentHtml).toContain('href="https://herald.example/p/restoration-diary"')
    expect(note).toMatchObject({
      key: 'guid:note-77',
      link: undefined,
      title: 'Market day moves to Saturday this month. Stalls open at…',
      contentHtml: '<p>Market day moves to Saturday this month.<br>Stalls open at eight.</p>',
    })
  })

  it('reads JSON Feed 1.0 with its singular author', () => {
    const [item] = read('json-feed-1.0.json').items

    expect(item).toMatchObject({ guid: '42', author: 'Tom Reyes' })
    expect(item!.contentHtml).toBe('<p>The lane will be closed on Tuesday &amp; Wednesday.</p>')
  })
})

describe('parseFeed: charsets', () => {
  it('decodes an ISO-8859-1 RSS 0.91 feed from its XML declaration', () => {
    const bytes = fixture('rss091-latin1.xml')
    expect(bytes.includes(Buffer.from([0xe9]))).toBe(true)

    const feed = readFeed(bytes, {
      url: 'http://gazette.example/rss.xml',
      fetchedAt,
      contentType: 'text/xml',
    })

    expect(feed.title).toBe('La Gazette du Plateau')
    expect(feed.items[0]!.title).toBe("Le café de la gare rouvre après l'été")
    expect(feed.items[0]!.text).toContain('« Nous sommes prêts », dit la gérante.')
    expect(feed.items[1]!.title).toBe('Fête de la musique : le programme')
  })

  it('decodes windows-1252 curly quotes, dashes and the euro sign', () => {
    const [item] = read('rss2-windows1252.xml').items

    expect(item!.title).toBe('“Busiest week” at the port — fees rise to €12')
    expect(item!.text).toBe('The harbour master’s report… naïve estimates were beaten.')
  })

  it('reads Latin-1 bytes that claim to be UTF-8 without mojibake', () => {
    const [item] = read(
      'rss2-wrong-charset.xml',
      undefined,
      'application/rss+xml; charset=utf-8',
    ).items

    expect(item!.title).toBe('Straßenfest am Marktplatz: große Pläne')
    expect(item!.text).not.toContain('\uFFFD')
  })

  it('reads UTF-8 bytes that the server labels ISO-8859-1', () => {
    const [item] = read(
      'json-feed-1.1.json',
      undefined,
      'application/json; charset=iso-8859-1',
    ).items
    const [latin] = read('rss2-windows1252.xml', undefined, 'text/xml; charset=iso-8859-1').items

    expect(item!.title).toBe('The old cider press turns again')
    expect(latin!.title).toBe('“Busiest week” at the port — fees rise to €12')
  })
})

describe('parseFeed: identity, duplicates and dates', () => {
  it('identifies guid-less items by normalised link, then by a hash of title and date', () => {
    const [one, two, noLink, noDate] = read('no-guids.xml').items

    expect(one!.key).toBe('link:https://guidless.example/news/one?id=5')
    expect(two!.key).toBe('link:https://guidless.example/news/two')
    expect(noLink!.key).toMatch(/^hash:[0-9a-f]{64}$/)
    expect(noDate!.key).toMatch(/^hash:[0-9a-f]{64}$/)
    expect(noDate!.key).not.toBe(noLink!.key)
  })

  it('gives a guid-less, dateless item the same key on every poll', () => {
    const first = read('no-guids.xml').items[3]!
    const later = readFeed(fixture('no-guids.xml'), {
      url: 'https://feeds.example/feed/',
      fetchedAt: new Date('2026-05-07T12:00:00Z'),
    }).items[3]!

    expect(later.key).toBe(first.key)
    expect(later.publishedAt.toISOString()).toBe('2026-05-07T12:00:00.000Z')
  })

  it('keeps the normalised link when a guid changes, and changes the fingerprint with the text', () => {
    const [before] = read('guid-changed-before.xml').items
    const [after] = read('guid-changed-after.xml').items

    expect(after!.guid).not.toBe(before!.guid)
    expect(after!.normalizedLink).toBe(before!.normalizedLink)
    expect(after!.fingerprint).not.toBe(before!.fingerprint)
    expect(read('guid-changed-before.xml').items[0]!.fingerprint).toBe(before!.fingerprint)
  })

  it('drops repeated items within one feed, by guid and by normalised link', () => {
    const feed = read('duplicates.xml')

    expect(feed.items.map((i) => i.guid)).toEqual(['echo-1', 'echo-2'])
    expect(feed.duplicates).toBe(2)
  })

  it('never dates an item in the future, and dates undated or unreadable items at the fetch', () => {
    const [future, undated, garbled, cest] = read('future-dates.xml').items

    expect(future!.publishedAt).toEqual(fetchedAt)
    expect(future!.hasDate).toBe(true)
    expect(undated).toMatchObject({ publishedAt: fetchedAt, hasDate: false })
    expect(garbled).toMatchObject({ publishedAt: fetchedAt, hasDate: false })
    expect(cest!.publishedAt.toISOString()).toBe('2026-05-05T07:30:00.000Z')
  })
})

describe('parseFeed: broken input', () => {
  it('refuses an HTML page as NOT_A_FEED', () => {
    const error = failure(() => read('error-page.html'))

    expect(error.code).toBe('NOT_A_FEED')
    expect(error.message).toBe('The address returned a web page, not a feed.')
  })

  it('refuses truncated XML as MALFORMED_FEED, not as a feed with fewer items', () => {
    expect(failure(() => read('truncated.xml')).code).toBe('MALFORMED_FEED')
  })

  it.each([
    ['an empty body', '', 'NOT_A_FEED'],
    ['plain text', 'Service Unavailable', 'NOT_A_FEED'],
    ['XML that is not a feed', '<?xml version="1.0"?><note><to>x</to></note>', 'NOT_A_FEED'],
    [
      'truncated JSON',
      '{"version": "https://jsonfeed.org/version/1.1", "items": [',
      'MALFORMED_FEED',
    ],
    ['JSON that is not a feed', '{"error": "rate limited"}', 'NOT_A_FEED'],
    ['a cut-off tag', '<rss version="2.0"><channel><title>x</title><item><ti', 'MALFORMED_FEED'],
    ['an unclosed comment', '<!-- never closed', 'NOT_A_FEED'],
    ['a broken doctype', '<!DOCTYPE rss', 'NOT_A_FEED'],
  ])('refuses %s with a typed error', (_name, text, code) => {
    expect(failure(() => parseFeed(text, { url: 'https://x.example/', fetchedAt })).code).toBe(code)
  })

  it('does not expand DOCTYPE entities (no billion-laughs bomb)', () => {
    let entities = '<!ENTITY l0 "lollollollollollollollollollol">'
    for (let i = 1; i < 10; i += 1) entities += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${entities}]><rss version="2.0"><channel><title>&l9;</title><item><title>&l9;</title><guid>1</guid></item></channel></rss>`

    const feed = parseFeed(bomb, { url: 'https://x.example/', fetchedAt })

    expect(feed.items[0]!.title.length).toBeLessThan(100)
  })

  it('reads an empty but valid feed as no items', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', {
      url: 'https://x.example/',
      fetchedAt,
    })

    expect(feed.items).toEqual([])
    expect(feed.title).toBe('Quiet')
  })
})
