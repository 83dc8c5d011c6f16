import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.js'
import { metaData, type WxrItem, type WxrRecord } from './wxr-records.js'
import { readWxr, readWxrFile } from './wxr-reader.js'

const fixture = (name: string) =>
  new URL(`../../../test/fixtures/importers/wordpress/${name}`, import.meta.url).pathname

async function readAll(name: string): Promise<WxrRecord[]> {
  const records: WxrRecord[] = []
  for await (const record of readWxrFile(fixture(name))) records.push(record)
  return records
}

function items(records: WxrRecord[]): WxrItem[] {
  return records.flatMap((r) => (r.kind === 'item' ? [r.item] : []))
}

async function failure(name: string): Promise<AppError> {
  const error = await readAll(name).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('readWxr', () => {
  it('leaves bodies and comment texts out with skipBodies, and nothing else', async () => {
    const full = items(await readAll('ledger-1.2.xml'))
    const light: WxrRecord[] = []
    for await (const record of readWxrFile(fixture('ledger-1.2.xml'), undefined, {
      skipBodies: true,
    }))
      light.push(record)
    expect(full.some((i) => i.content !== '')).toBe(true)
    expect(full.some((i) => i.comments.some((c) => c.content !== ''))).toBe(true)
    const emptied = full.map((i) => ({
      ...i,
      content: '',
      comments: i.comments.map((c) => ({ ...c, content: '' })),
    }))
    expect(items(light)).toEqual(emptied)
  })

  it('reads the site, authors, terms and items of a WXR 1.2 export in file order', async () => {
    const records = await readAll('ledger-1.2.xml')
    expect(records.map((r) => r.kind).slice(0, 9)).toEqual([
      'site',
      'author',
      'author',
      'category',
      'category',
      'category',
      'tag',
      'tag',
      'term',
    ])
    const site = records[0]
    expect(site).toMatchObject({
      kind: 'site',
      site: { title: 'The Harbour Town Ledger', wxrVersion: '1.2', language: 'en-GB' },
    })
    expect(records[4]).toMatchObject({ category: { nicename: 'council', parent: 'news' } })
    expect(records[8]).toMatchObject({ term: { taxonomy: 'nav_menu', slug: 'main-menu' } })
    const quay = items(records)[0] as WxrItem
    expect(quay).toMatchObject({
      postId: '10',
      postType: 'post',
      status: 'publish',
      isSticky: true,
      postDateGmt: '2024-03-05 08:30:00',
      link: 'https://ledger.example.org/2024/03/council-votes-north-quay/',
    })
    expect(quay.content).toContain('[caption id="attachment_20"')
    expect(quay.terms).toEqual([
      { domain: 'category', nicename: 'council', name: 'Council &amp; Politics' },
      { domain: 'post_tag', nicename: 'budget', name: 'Budget' },
      { domain: 'post_tag', nicename: 'harbour', name: 'Harbour' },
    ])
    expect(quay.comments.map((c) => [c.id, c.parent, c.type])).toEqual([
      ['100', '0', 'comment'],
      ['101', '100', ''],
      ['102', '101', 'comment'],
      ['103', '0', 'pingback'],
      ['104', '0', 'comment'],
      ['105', '0', 'comment'],
    ])
    expect(quay.comments[0]?.content).toContain('Will the ferry keep running?')
    expect(items(records).map((i) => i.postId)).toEqual([
      ...['10', '11', '12', '13', '14', '15', '16', '20', '30', '31', '32', '40', '41'],
    ])
  })

  it('gives the same records whatever the chunk size', async () => {
    const bytes = readFileSync(fixture('ledger-1.2.xml'))
    async function* tiny() {
      for (let i = 0; i < bytes.length; i += 13) yield bytes.subarray(i, i + 13)
    }
    const chunked: WxrRecord[] = []
    for await (const record of readWxr(tiny())) chunked.push(record)
    expect(chunked).toEqual(await readAll('ledger-1.2.xml'))
  })

  it('concatenates CDATA split as ]]]]><![CDATA[>', async () => {
    const [item] = items(await readAll('cdata-split.xml'))
    expect(item?.content).toBe(
      '<pre>if (a[b[0]]> 1) { return }</pre>\nThe sequence ]]> ends a CDATA section.',
    )
    expect(item?.meta).toEqual([{ key: 'note', value: 'a]]>b' }])
  })

  it('reads WXR 1.0 with http namespaces, bare categories and domain="tag"', async () => {
    const records = await readAll('wxr-1.0-http.xml')
    expect(records.filter((r) => r.kind === 'author')).toEqual([])
    const [item] = items(records)
    expect(item?.terms).toEqual([
      { domain: 'category', nicename: 'routes', name: 'Routes' },
      { domain: 'post_tag', nicename: 'hills', name: 'Hills' },
    ])
    expect(item?.content).toContain('uphill & keep')
    expect(item?.comments[0]?.author).toBe('Rhian')
  })

  it('reads WXR 1.1 whatever prefixes the file gives the namespaces', async () => {
    const records = await readAll('wxr-1.1-http.xml')
    expect(records[1]).toMatchObject({ kind: 'author', author: { login: 'june' } })
    expect(items(records)[0]).toMatchObject({
      postId: '8',
      content: 'Sown in November, up in March.',
      excerpt: 'Finally.',
    })
  })

  it('drops control characters strict parsers reject', async () => {
    const records = await readAll('control-chars.xml')
    expect(records[0]).toMatchObject({ site: { title: 'Paste Trouble' } })
    expect(items(records)[0]).toMatchObject({
      title: 'Minutes of the meeting',
      content: 'Item one agreed. Item two deferred.',
    })
  })

  it('reads files in windows-1252 and ISO-8859-1 as their prologs declare', async () => {
    const [cafe] = items(await readAll('windows-1252.xml'))
    expect(cafe?.title).toBe('“Best coffee” – for €2')
    expect(cafe?.content).toBe('The café’s owner, Jörg, says prices stay put.')
    const [latin] = items(await readAll('iso-8859-1.xml'))
    expect(latin?.title).toBe('Crème brûlée for beginners')
    expect(latin?.content).toBe('Straße to façade: ¡olé!')
  })

  it('unserializes postmeta whose string lengths were counted with \\r\\n', async () => {
    const [item] = items(await readAll('serialized-crlf.xml'))
    const data = metaData(item?.meta ?? [], '_wp_attachment_metadata') as Map<string, unknown>
    expect(data.get('width')).toBe(2000)
    const imageMeta = data.get('image_meta') as Map<string, string>
    expect(imageMeta.get('caption')).toBe('Lighthouse at dusk.\nPhoto: R. Amadi')
    expect(imageMeta.get('title')).toBe('Lighthouse')
  })

  it('says in one line that an HTML page is not WXR', async () => {
    const error = await failure('not-xml.html')
    expect(error.message).toBe(
      'not-xml.html is not a WordPress export (WXR): its root element is <html>, not <rss>',
    )
    expect(error.code).toBe('VALIDATION_FAILED')
  })

  it('says an ordinary RSS feed is not WXR', async () => {
    expect((await failure('rss-feed.xml')).message).toBe(
      'rss-feed.xml is not a WordPress export (WXR): it is an RSS feed without the WordPress export namespace',
    )
  })

  it('says a file without XML is not WXR', async () => {
    async function* json() {
      yield Buffer.from('{"db":[{"meta":{}}]}')
    }
    const error = await (async () => {
      for await (const _ of readWxr(json(), 'site.json')) void _
    })().catch((e: unknown) => e)
    expect((error as AppError).message).toBe(
      'site.json is not a WordPress export (WXR): it holds no XML elements',
    )
  })

  it('yields the complete items of a truncated file, then says it is incomplete', async () => {
    const seen: string[] = []
    const error = await (async () => {
      for await (const record of readWxrFile(fixture('truncated.xml')))
        if (record.kind === 'item') seen.push(record.item.title)
    })().catch((e: unknown) => e)
    expect(seen).toEqual(['Complete'])
    expect((error as AppError).message).toBe(
      'truncated.xml ends before </rss>: the export is incomplete',
    )
  })
})
