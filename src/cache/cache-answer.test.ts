import { describe, expect, it } from 'vitest'
import { cacheAnswer, PreparedHits } from './cache-answer.js'
import { buildCacheEntry, etagOf } from './page-cache.js'

const entry = await buildCacheEntry('/story/', {
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'last-modified': 'Mon, 01 Jun 2026 12:00:00 GMT',
  },
  body: Buffer.from(`<h1>Story</h1>${'<p>Body.</p>'.repeat(40)}`),
  tags: ['article:42', 'home'],
})

/** A prepared answer's raw header list as an object. */
const headersOf = (raw: readonly string[]) => {
  const headers: Record<string, string> = {}
  for (let i = 0; i < raw.length; i += 2) headers[raw[i]!] = raw[i + 1]!
  return headers
}

describe('PreparedHits', () => {
  it('answers with the same headers and body as the routed answer, per encoding', () => {
    const hits = new PreparedHits()
    for (const acceptEncoding of [undefined, 'gzip', 'gzip, deflate, br', 'br;q=0, gzip']) {
      const request = { 'accept-encoding': acceptEncoding }
      const routed = cacheAnswer(request, entry, 'HIT')
      const prepared = hits.answer(request, entry)

      expect(prepared.status).toBe(200)
      expect(prepared.body).toBe(routed.body)
      expect(headersOf(prepared.headers)).toEqual({
        ...entry.headers,
        ...routed.headers,
        'content-length': String(routed.body?.length),
      })
    }
  })

  it('answers 304 to any variant’s ETag, weak or in a list, and to If-Modified-Since', () => {
    const hits = new PreparedHits()
    const gzipTag = etagOf(entry, 'gzip')
    const matching = [
      etagOf(entry, 'identity'),
      gzipTag,
      `W/${etagOf(entry, 'br')}`,
      `"other", ${gzipTag}`,
      '*',
    ]
    for (const tag of matching) {
      const answer = hits.answer({ 'accept-encoding': 'gzip', 'if-none-match': tag }, entry)
      expect({ tag, status: answer.status, body: answer.body }).toEqual({
        tag,
        status: 304,
        body: null,
      })
      expect(headersOf(answer.headers).etag).toBe(gzipTag)
      expect(headersOf(answer.headers)['content-encoding']).toBeUndefined()
    }
    const since = { 'if-modified-since': 'Tue, 02 Jun 2026 08:00:00 GMT' }
    expect(hits.answer(since, entry).status).toBe(304)
  })

  it('answers in full when the validators disagree', () => {
    const hits = new PreparedHits()
    const stale = [`"${entry.hash.slice(1)}"`, `"${entry.hash}x"`, '"other"', `${entry.hash}`]
    for (const tag of stale) expect(hits.answer({ 'if-none-match': tag }, entry).status).toBe(200)
    // If-None-Match wins over a matching If-Modified-Since (RFC 9110 §13.2.2).
    const both = {
      'if-none-match': '"other"',
      'if-modified-since': 'Tue, 02 Jun 2026 08:00:00 GMT',
    }
    expect(hits.answer(both, entry).status).toBe(200)
    expect(
      hits.answer({ 'if-modified-since': 'Sun, 31 May 2026 08:00:00 GMT' }, entry).status,
    ).toBe(200)
  })
})
