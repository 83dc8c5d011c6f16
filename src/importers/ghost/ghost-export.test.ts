import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../../content/index.js'
import { AppError } from '../../errors.js'
import type { ImportRecord, ImportStory } from '../import-model.js'
import { ghostRecords, readGhostExport } from './ghost-export.js'

const fixture = (name: string) =>
  new URL(`../../../test/fixtures/importers/ghost/${name}`, import.meta.url).pathname

async function records(name: string, siteUrl?: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = []
  for await (const record of readGhostExport(fixture(name), siteUrl ? { siteUrl } : {}))
    out.push(record)
  return out
}

function story(all: ImportRecord[], sourceId: string): ImportStory {
  const found = all.find(
    (r): r is ImportStory => (r.kind === 'article' || r.kind === 'page') && r.sourceId === sourceId,
  )
  if (!found) throw new Error(`no story ${sourceId}`)
  return found
}

const STORM = '65a000000000000000000001'

describe('readGhostExport', () => {
  it('reads the {db: [{meta, data}]} envelope: site, users, public tags, navigation', async () => {
    const all = await records('tide-5.x-envelope.json', 'https://tide.example.org/')
    expect(all[0]).toEqual({
      kind: 'site',
      source: 'ghost',
      title: 'The Tide Times',
      description: 'News from the estuary',
      url: 'https://tide.example.org',
      language: 'en',
      formatVersion: '5.82.0',
    })
    expect(
      all.filter((r) => r.kind === 'author').map((r) => r.kind === 'author' && r.slug),
    ).toEqual(['noor', 'ike'])
    expect(all.find((r) => r.kind === 'author')).toMatchObject({
      avatarUrl: 'https://tide.example.org/content/images/noor.jpg',
      oldUrls: ['https://tide.example.org/author/noor/'],
    })
    expect(all.filter((r) => r.kind === 'tag').map((r) => r.kind === 'tag' && r.slug)).toEqual([
      'weather',
      'ferries',
    ])
    expect(all).toContainEqual({
      kind: 'skipped',
      what: 'internal tag',
      sourceId: 't3',
      reason: '#newsletter',
    })
    expect(all.find((r) => r.kind === 'menu')).toMatchObject({
      slug: 'primary',
      items: [
        { label: 'Home', target: { kind: 'url', url: '/' } },
        { label: 'Weather', target: { kind: 'url', url: '/tag/weather/' } },
      ],
    })
  })

  it('maps a post with rendered html: tags in order, authors, meta, featured image', async () => {
    const storm = story(await records('tide-5.x-envelope.json', 'https://tide.example.org'), STORM)
    expect(storm).toMatchObject({
      kind: 'article',
      slug: 'storm-closes-ferry',
      status: 'published',
      isEditorsPick: true,
      excerpt: 'Storm Odile stopped the crossings.',
      seoTitle: 'Ferry stopped by Storm Odile',
      seoDescription: 'No crossings until Tuesday.',
      authorSourceIds: ['1', '5951f5fca366002ebd5dbef7'],
      categorySlugs: [],
      tags: [
        { slug: 'weather', name: 'Weather' },
        { slug: 'ferries', name: 'Ferries' },
      ],
      featuredImage: {
        mediaSourceId: null,
        url: 'https://tide.example.org/content/images/2024/01/storm.jpg',
        alt: 'Grey waves',
        caption: 'Photo by Ana',
      },
      oldUrls: ['https://tide.example.org/storm-closes-ferry/'],
    })
    expect(storm.publishedAt?.toISOString()).toBe('2024-01-14T08:00:00.000Z')
    expect(storm.warnings).toEqual([
      {
        item: 'post 65a000000000000000000001 “Storm closes the ferry”',
        message: 'had code injection (scripts or styles for this post): not imported',
      },
    ])
    expect(sanitizeBody(storm.bodyHtml)).toBe(storm.bodyHtml)
  })

  it('turns Ghost’s rendered cards into the editor’s shapes, without their player controls', async () => {
    const { bodyHtml } = story(
      await records('tide-5.x-envelope.json', 'https://tide.example.org'),
      STORM,
    )
    expect(bodyHtml).toContain(
      '<figure class="image"><img src="https://tide.example.org/content/images/2024/01/storm.jpg" alt="Waves" loading="lazy" width="2000" height="1333" /><figcaption>Waves at the pier</figcaption></figure>',
    )
    expect(bodyHtml.match(/<figure class="image">/g)).toHaveLength(3)
    expect(bodyHtml).toContain(
      'data-embed="youtube" data-url="https://www.youtube.com/watch?v=storm000001"',
    )
    expect(bodyHtml).toContain(
      '<p><a href="https://met.example.org/warnings" rel="noopener">Weather warnings</a> — Current warnings for the coast</p>',
    )
    expect(bodyHtml).toContain(
      'data-embed="video" data-url="https://tide.example.org/content/media/2024/01/waves.mp4"',
    )
    expect(bodyHtml).toContain('>Audio: Harbour master interview</a>')
    expect(bodyHtml).not.toMatch(/0:00|0:42|svg|button|icon\.png|thumb\.jpg/)
  })

  it('renders Lexical and mobiledoc when the export has no html, with placeholders for unknown cards', async () => {
    const all = await records('tide-5.x-envelope.json')
    const flood = story(all, '65a000000000000000000002')
    expect(flood.bodyHtml).toMatch(/^<p>The tide came in <strong>early<\/strong>/)
    expect(flood.bodyHtml).toContain(
      '<p><strong>[Not imported: a Ghost “product” card]</strong></p>',
    )
    expect(flood.warnings).toEqual([
      {
        item: 'post 65a000000000000000000002 “Flood notes”',
        message: 'a “product” card could not be imported: a placeholder marks its place',
      },
    ])
    const regatta = story(all, '65a000000000000000000003')
    expect(regatta.status).toBe('scheduled')
    expect(regatta.bodyHtml).toMatch(/^<p><strong>Regatta<\/strong> day is/)
    for (const body of [flood.bodyHtml, regatta.bodyHtml]) expect(sanitizeBody(body)).toBe(body)
  })

  it('keeps paths relative when the site address is not given', async () => {
    const flood = story(await records('tide-5.x-envelope.json'), '65a000000000000000000002')
    expect(flood.bodyHtml).toContain('src="/content/images/2024/02/flood.jpg"')
    expect(flood.oldUrls).toEqual(['/flood-notes/'])
  })

  it('maps statuses: sent posts are archived, members-only posts warned about', async () => {
    const all = await records('tide-5.x-envelope.json')
    expect(story(all, '65a000000000000000000002')).toMatchObject({
      status: 'draft',
      publishedAt: null,
    })
    const letter = story(all, '65a000000000000000000005')
    expect(letter.status).toBe('archived')
    expect(letter.warnings.map((w) => w.message)).toEqual([
      'was sent by email only: imported archived, off the site',
      'was for members only: Broadsheet has no paywall, so readers will see it',
    ])
    expect(story(all, '65a000000000000000000004')).toMatchObject({ kind: 'page', slug: 'about' })
  })

  it('imports members as subscribers, honouring newsletter choices and bounces', async () => {
    const all = await records('tide-5.x-envelope.json')
    expect(all.filter((r) => r.kind === 'subscriber')).toEqual([
      expect.objectContaining({ email: 'reader.one@mail.example.net', wantsNewsletter: true }),
      expect.objectContaining({ email: 'reader.two@mail.example.net', wantsNewsletter: false }),
      expect.objectContaining({ email: 'bounced@mail.example.net', wantsNewsletter: false }),
    ])
  })

  it('keeps plain-path redirects and skips patterns', async () => {
    const all = await records('tide-5.x-envelope.json')
    expect(all).toContainEqual({
      kind: 'redirect',
      from: '/old-ferry-story/',
      to: '/storm-closes-ferry/',
      permanent: true,
    })
    expect(all).toContainEqual({
      kind: 'skipped',
      what: 'redirect',
      sourceId: '^/blog/(.*)$',
      reason: 'a pattern, not a path',
    })
  })

  it('reads the bare {meta, data} form of Ghost 1.x: page flags, epoch dates, markdown cards', async () => {
    const all = await records('orchard-1.x-bare.json')
    expect(all.map((r) => r.kind)).toEqual([
      'site',
      'author',
      'article',
      'page',
      'subscriber',
      'subscriber',
    ])
    const fair = story(all, '5a1')
    expect(fair).toMatchObject({ seoTitle: 'Harvest fair 2017', authorSourceIds: ['u1'] })
    expect(fair.bodyHtml).toBe(
      '<p>Apples <strong>and</strong> pears.</p><blockquote><p>Bring a basket</p></blockquote>',
    )
    expect(fair.createdAt.toISOString()).toBe('2017-08-29T09:46:40.000Z')
    expect(story(all, '5a2').publishedAt?.toISOString()).toBe('2017-08-01T10:00:00.000Z')
    expect(
      all
        .filter((r) => r.kind === 'subscriber')
        .map((r) => r.kind === 'subscriber' && r.wantsNewsletter),
    ).toEqual([true, false])
  })

  it('says in one line that a file is not a Ghost export', async () => {
    const error = await records('not-ghost.json').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toBe(
      'not-ghost.json is not a Ghost export: it has neither {"db": [{"meta", "data"}]} nor {"meta", "data"}',
    )
    expect(() => ghostRecords([1, 2], 'list.json')).toThrow(
      'list.json is not a Ghost export: it is not a JSON object',
    )
    expect(() => ghostRecords({ db: [{ meta: {}, data: { users: [] } }] }, 'x.json')).toThrow(
      'x.json is not a Ghost export: its data has no posts table',
    )
  })

  it('says in one line that a file is not JSON', async () => {
    const error = await records('../wordpress/ledger-1.2.xml').catch((e: unknown) => e)
    expect((error as AppError).message).toMatch(
      /^ledger-1\.2\.xml is not a Ghost export: not JSON \(/,
    )
    expect((error as AppError).message).not.toContain('\n')
  })
})
