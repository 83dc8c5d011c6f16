import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../../content/index.js'
import type { ImportMedia, ImportRecord, ImportStory } from '../import-model.js'
import {
  emptyWordPressScan,
  readWordPressExport,
  readWordPressHeader,
  scanWordPressExport,
} from './wordpress-export.js'

const fixture = (name: string) =>
  new URL(`../../../test/fixtures/importers/wordpress/${name}`, import.meta.url).pathname

async function records(name: string, timeZone?: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = []
  for await (const record of readWordPressExport(fixture(name), timeZone ? { timeZone } : {}))
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

describe('scanWordPressExport', () => {
  it('counts what the file holds for the progress bar', async () => {
    const scan = await scanWordPressExport(fixture('ledger-1.2.xml'))
    expect(scan.site.title).toBe('The Harbour Town Ledger')
    expect(scan.counts).toMatchObject({
      author: 2,
      category: 3,
      tag: 2,
      term: 1,
      post: 7,
      page: 1,
      attachment: 1,
      nav_menu_item: 3,
      revision: 1,
      comment: 6,
    })
    expect(scan.offsets.size).toBeGreaterThan(0)
  })
})

describe('readWordPressHeader', () => {
  it('yields in one read what the header-and-media pass yields, and fills the scan', async () => {
    const file = fixture('ledger-1.2.xml')
    const scan = emptyWordPressScan()
    const header: ImportRecord[] = []
    for await (const record of readWordPressHeader(file, scan)) header.push(record)
    const separate = await scanWordPressExport(file)
    const expected: ImportRecord[] = []
    for await (const record of readWordPressExport(file, {
      scan: separate,
      headerAndMediaOnly: true,
    }))
      if (['site', 'author', 'category', 'tag', 'media'].includes(record.kind))
        expected.push(record)
    expect(header.map((r) => r.kind)).toContain('media')
    expect(header).toEqual(expected)
    expect(scan.counts).toEqual(separate.counts)
    expect(scan.site).toEqual(separate.site)
    expect([scan.bytes, scan.encoding]).toEqual([separate.bytes, separate.encoding])
    expect(scan.offsets.clock().description).toBe(separate.offsets.clock().description)
  })

  it('dates an attachment that has only a local time on the clock the whole file shows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxr-header-'))
    const file = path.join(dir, 'late-clock.xml')
    const item = (id: string, type: string, local: string, gmt: string) =>
      `<item><title>${type} ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_date>${local}</wp:post_date><wp:post_date_gmt>${gmt}</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>${type}</wp:post_type><wp:attachment_url>https://old.example/wp-content/uploads/a${id}.jpg</wp:attachment_url></item>`
    fs.writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>` +
        item('1', 'attachment', '2024-03-01 12:00:00', '0000-00-00 00:00:00') +
        item('2', 'post', '2024-03-01 09:00:00', '2024-03-01 07:00:00') +
        `</channel></rss>`,
    )
    try {
      const scan = emptyWordPressScan()
      const media: ImportMedia[] = []
      for await (const record of readWordPressHeader(file, scan))
        if (record.kind === 'media') media.push(record)
      expect(media.map((m) => [m.sourceId, m.createdAt.toISOString()])).toEqual([
        ['1', '2024-03-01T10:00:00.000Z'],
      ])
      expect(scan.counts).toMatchObject({ attachment: 1, post: 1 })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('readWordPressExport', () => {
  it('yields the site, authors, the section tree and tags before the stories', async () => {
    const all = await records('ledger-1.2.xml')
    expect(all.slice(0, 9).map((r) => r.kind)).toEqual([
      'site',
      'author',
      'author',
      'category',
      'category',
      'category',
      'tag',
      'tag',
      'menu',
    ])
    expect(all[0]).toMatchObject({ source: 'wordpress', url: 'https://ledger.example.org' })
    expect(all[2]).toMatchObject({ sourceId: 'tomasz.o', slug: 'tomasz-o', name: 'Tomasz Okafor' })
    expect(all[4]).toMatchObject({
      slug: 'council',
      name: 'Council & Politics',
      parentSlug: 'news',
      oldUrls: [
        'https://ledger.example.org/category/news/council/',
        'https://ledger.example.org/?cat=3',
      ],
    })
    expect(all[6]).toMatchObject({
      oldUrls: [
        'https://ledger.example.org/tag/harbour/',
        'https://ledger.example.org/?tag=harbour',
      ],
    })
  })

  it('maps a published sticky post with its featured image, taxonomy and old URLs', async () => {
    const quay = story(await records('ledger-1.2.xml'), '10')
    expect(quay).toMatchObject({
      kind: 'article',
      slug: 'council-votes-north-quay',
      status: 'published',
      isEditorsPick: true,
      authorSourceIds: ['mara'],
      categorySlugs: ['council'],
      tags: [
        { slug: 'budget', name: 'Budget' },
        { slug: 'harbour', name: 'Harbour' },
      ],
      featuredImage: { mediaSourceId: '20' },
      seoDescription: 'The north quay will be rebuilt before winter.',
      droppedShortcodes: 2,
      oldUrls: [
        'https://ledger.example.org/2024/03/council-votes-north-quay/',
        'https://ledger.example.org/?p=10',
      ],
    })
    expect(quay.publishedAt?.toISOString()).toBe('2024-03-05T08:30:00.000Z')
    expect(quay.updatedAt.toISOString()).toBe('2024-03-06T09:15:00.000Z')
    expect(quay.excerpt).toMatch(/^After three hours of debate/)
    expect(quay.excerpt).not.toContain('Fishermen')
    expect(quay.bodyHtml).toContain('<figcaption>The north quay at low tide.</figcaption>')
    expect(quay.bodyHtml).toContain('data-embed="youtube"')
    expect(sanitizeBody(quay.bodyHtml)).toBe(quay.bodyHtml)
  })

  it('keeps comment threads at any depth, their states and authors; skips pingbacks', async () => {
    const all = await records('ledger-1.2.xml')
    const quay = story(all, '10')
    expect(quay.comments.map((c) => [c.sourceId, c.parentSourceId, c.status])).toEqual([
      ['100', null, 'approved'],
      ['101', '100', 'approved'],
      ['102', '101', 'approved'],
      ['104', null, 'spam'],
      ['105', null, 'pending'],
    ])
    expect(quay.comments[0]).toMatchObject({
      authorName: 'Ines Harrow',
      authorEmail: 'ines@mail.example.net',
      authorUrl: 'https://ines.example.net',
      body: 'About time. The ramp has been broken since the autumn.\n\nWill the ferry keep running?',
    })
    expect(quay.comments[0]?.createdAt.toISOString()).toBe('2024-03-05T10:00:00.000Z')
    expect(quay.comments[1]?.authorSourceId).toBe('mara')
    expect(quay.comments[2]?.body).toBe(
      'Thanks, see the timetable (https://ferry.example.net/times).',
    )
    expect(all).toContainEqual({
      kind: 'skipped',
      what: 'pingback',
      sourceId: '103',
      reason: 'on post 10 “Council votes to rebuild the north quay”',
    })
  })

  it('maps every status, with warnings for private and password-protected posts', async () => {
    const all = await records('ledger-1.2.xml')
    expect(['11', '12', '13', '14', '15'].map((id) => story(all, id).status)).toEqual([
      'draft',
      'pending',
      'scheduled',
      'draft',
      'draft',
    ])
    expect(story(all, '13').publishedAt?.toISOString()).toBe('2024-06-15T06:00:00.000Z')
    expect(story(all, '14').warnings).toEqual([
      { item: 'post 14 “Staff rota”', message: 'was private: imported as a draft' },
    ])
    expect(story(all, '15').warnings).toEqual([
      {
        item: 'post 15 “Subscriber letter”',
        message: 'was password-protected: imported as a draft',
      },
    ])
    expect(story(all, '12')).toMatchObject({
      excerpt: 'A rise of a tenth is on the table.',
      allowComments: false,
    })
  })

  it('reads drafts’ local times at the offset the export shows, or in the zone given', async () => {
    const draft = story(await records('ledger-1.2.xml'), '11')
    expect(draft.publishedAt).toBeNull()
    expect(draft.createdAt.toISOString()).toBe('2024-03-06T13:00:00.000Z')
    expect(draft.slug).toBe('notes-for-the-regatta-preview')
    const inLagos = story(await records('ledger-1.2.xml', 'Africa/Lagos'), '11')
    expect(inLagos.createdAt.toISOString()).toBe('2024-03-06T13:00:00.000Z')
    const inTokyo = story(await records('ledger-1.2.xml', 'Asia/Tokyo'), '11')
    expect(inTokyo.createdAt.toISOString()).toBe('2024-03-06T05:00:00.000Z')
  })

  it('maps pages, attachments and menu items; skips revisions and trash', async () => {
    const all = await records('ledger-1.2.xml')
    expect(story(all, '16')).toMatchObject({
      kind: 'page',
      slug: 'about',
      status: 'published',
      oldUrls: ['https://ledger.example.org/about/', 'https://ledger.example.org/?page_id=16'],
    })
    expect(all.find((r) => r.kind === 'media')).toMatchObject({
      sourceId: '20',
      url: 'https://ledger.example.org/wp-content/uploads/2024/03/quay.jpg',
      uploadPath: '2024/03/quay.jpg',
      alt: 'Wooden quay with boats at low tide',
      caption: 'The north quay at low tide.',
      mimeType: 'image/jpeg',
      width: 1600,
      height: 1066,
      parentSourceId: '10',
    })
    expect(all.filter((r) => r.kind === 'menuItem')).toEqual([
      expect.objectContaining({
        sourceId: '30',
        menuSlug: 'main-menu',
        target: { kind: 'url', url: 'https://archive.example.org/ledger/' },
      }),
      expect.objectContaining({
        sourceId: '31',
        label: '',
        target: { kind: 'page', sourceId: '16' },
      }),
      expect.objectContaining({
        sourceId: '32',
        parentSourceId: '31',
        target: { kind: 'category', sourceId: '3' },
      }),
    ])
    expect(
      all.filter((r) => r.kind === 'skipped').map((r) => r.kind === 'skipped' && r.what),
    ).toEqual(['pingback', 'revision', 'post'])
  })

  it('ends with a notice naming how local-only times were read', async () => {
    const all = await records('ledger-1.2.xml')
    expect(all.at(-1)).toEqual({
      kind: 'notice',
      warning: {
        item: '',
        message:
          "2 dates had no UTC time (drafts, mostly) and were read in the UTC offsets the export's dated items show (+01:00, +02:00)",
      },
    })
  })

  it('brings in the authors and terms a WXR 1.0 file names without listing', async () => {
    const all = await records('wxr-1.0-http.xml')
    expect(all.map((r) => r.kind)).toEqual(['site', 'category', 'tag', 'author', 'article'])
    expect(all[3]).toMatchObject({ kind: 'author', sourceId: 'admin', slug: 'admin' })
    expect(story(all, '3')).toMatchObject({
      categorySlugs: ['routes'],
      tags: [{ slug: 'hills', name: 'Hills' }],
      oldUrls: ['http://walks.example.org/2009/05/drove-road/', 'http://walks.example.org/?p=3'],
    })
    expect(story(all, '3').bodyHtml).toBe(
      '<p>Leave the car by the chapel.</p><p>Follow the wall uphill &amp; keep the stream on your left.</p>',
    )
  })
})
