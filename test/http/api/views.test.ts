import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'

describe('POST /api/views/:id', () => {
  let site: SeededSite
  let articleId: number

  beforeAll(async () => {
    site = await buildSeededSite()
    const row = await site.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    articleId = row.id
  })
  afterAll(() => site.close())

  it('counts a reader’s view without cookies and stores it when the app flushes', async () => {
    const before = await site.db
      .selectFrom('page_views')
      .select((eb) => eb.fn.sum<number>('views').as('n'))
      .where('article_id', '=', articleId)
      .executeTakeFirst()
    const responses = await Promise.all(
      [BROWSER, BROWSER, 'Googlebot/2.1 (+http://www.google.com/bot.html)', 'curl/8.5.0'].map(
        (agent, i) =>
          site.app.inject({
            method: 'POST',
            url: `/api/views/${articleId}`,
            headers: { 'user-agent': agent },
            remoteAddress: `192.0.2.${i + 1}`,
          }),
      ),
    )
    for (const response of responses) {
      expect(response.statusCode).toBe(204)
      expect(response.headers['set-cookie']).toBeUndefined()
      expect(response.headers['cache-control']).toBe('no-store')
    }
    await site.app.close()
    const after = await site.db
      .selectFrom('page_views')
      .select((eb) => eb.fn.sum<number>('views').as('n'))
      .where('article_id', '=', articleId)
      .executeTakeFirst()
    expect(Number(after?.n ?? 0) - Number(before?.n ?? 0)).toBe(2)
  })
})

describe('POST /api/views/:id with bad input', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite()
  })
  afterAll(() => site.close())

  it('answers 400 with a JSON error for a non-numeric id', async () => {
    const response = await site.app.inject({
      method: 'POST',
      url: '/api/views/abc',
      headers: { 'user-agent': BROWSER },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ errors: [{ code: 'VALIDATION_FAILED' }] })
  })

  it('accepts a beacon for an unknown article but stores nothing for it', async () => {
    const response = await site.app.inject({
      method: 'POST',
      url: '/api/views/99999999',
      headers: { 'user-agent': BROWSER },
    })
    expect(response.statusCode).toBe(204)
  })
})

describe('POST /api/views/:id against bought traffic', () => {
  let site: SeededSite
  let ids: number[]

  beforeAll(async () => {
    site = await buildSeededSite()
    const rows = await site.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(2)
      .execute()
    ids = rows.map((r) => r.id)
  })
  afterAll(() => site.close())

  const viewsOf = async (id: number) => {
    const row = await site.db
      .selectFrom('page_views')
      .select((eb) => eb.fn.sum<number>('views').as('n'))
      .where('article_id', '=', id)
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  }
  const beacon = (id: number, remoteAddress: string, agent = BROWSER) =>
    site.app.inject({
      method: 'POST',
      url: `/api/views/${id}`,
      headers: { 'user-agent': agent },
      remoteAddress,
    })

  it('counts 3,000 beacons from one reader as one view, refuses the burst, and never stores the IP', async () => {
    const [story = 0, other = 0] = ids
    const before = await viewsOf(story)
    const statuses: number[] = []
    for (let i = 0; i < 3000; i++) statuses.push((await beacon(story, '198.51.100.7')).statusCode)
    expect(statuses.filter((s) => s === 204).length).toBeLessThanOrEqual(30)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(2900)
    expect(new Set(statuses)).toEqual(new Set([204, 429]))
    // Other readers still count, each once, and a reader's other story counts too.
    expect((await beacon(story, '198.51.100.8')).statusCode).toBe(204)
    expect((await beacon(story, '198.51.100.8')).statusCode).toBe(204)
    expect((await beacon(story, '198.51.100.9', `${BROWSER} Edg/1`)).statusCode).toBe(204)
    expect((await beacon(other, '198.51.100.8')).statusCode).toBe(204)
    await site.app.close()
    expect((await viewsOf(story)) - before).toBe(3)
    expect(await viewsOf(other)).toBeGreaterThanOrEqual(1)
    const tables = await site.db.selectFrom('page_views').selectAll().execute()
    expect(JSON.stringify(tables)).not.toContain('198.51.100')
  })
})
