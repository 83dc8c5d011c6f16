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
        (agent) =>
          site.app.inject({
            method: 'POST',
            url: `/api/views/${articleId}`,
            headers: { 'user-agent': agent },
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
