import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { buildSeededSite, getPage, postForm, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'
const PATH = `/2026/11/${SLUG}/`

describe('GET /api/form-stamp', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite()
  })
  afterAll(() => site.close())

  it('gives a cached page’s form a fresh stamp, so the minimum fill time still bites', async () => {
    await updateSiteSettings(testKernel(site.db), SYSTEM, { commentPolicy: 'publish' })
    const { $ } = await getPage(site.app, PATH)
    const pageStamp = $('#respond form input[name="stamp"]').val() as string
    site.clock.advance(10 * 60_000)
    const cached = await getPage(site.app, PATH)
    expect(cached.response.headers['x-cache']).toBe('HIT')

    const answer = await site.app.inject({ method: 'GET', url: '/api/form-stamp' })
    expect(answer.statusCode).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    const { stamp } = answer.json<{ stamp: string }>()
    expect(stamp).not.toBe(pageStamp)

    const fields = {
      article: SLUG,
      name: 'Quick Bot',
      email: 'bot@example.com',
      comment: 'Great post',
    }
    // Too quick: held for moderation (never refused, so the reader keeps their text).
    const tooQuick = await postForm(site.app, '/comments', { ...fields, stamp })
    expect(tooQuick.response.statusCode).toBe(303)
    expect(tooQuick.response.headers.location).toBe(`${PATH}?comment=pending#respond`)

    site.clock.advance(5_000)
    const human = await postForm(site.app, '/comments', {
      ...fields,
      name: 'Patient Reader',
      email: 'patient@example.com',
      stamp,
    })
    expect(human.response.statusCode).toBe(303)
    expect(human.response.headers.location).toMatch(/#comment-\d+$/)
  })
})
