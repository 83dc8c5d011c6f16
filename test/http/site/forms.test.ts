import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { findPublishedArticle } from '../../../src/content/index.js'
import { buildSeededSite, getPage, postForm, type SeededSite } from '../../support/site-app.js'

const SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'
const PATH = `/2026/11/${SLUG}/`

let site: SeededSite
let articleId: number

beforeAll(async () => {
  site = await buildSeededSite()
  const lookup = await findPublishedArticle(site, SLUG)
  if (lookup.kind !== 'published') throw new Error('demo article missing')
  articleId = lookup.article.id
  const { $ } = await getPage(site.app, PATH)
  valid.stamp = $('#respond form input[name="stamp"]').val() as string
})
// Past the minimum fill time, and in a fresh rate-limit window for every test.
beforeEach(() => site.clock.advance(11 * 60_000))
afterAll(async () => {
  await site.close()
})

const valid: Record<string, string> = {
  stamp: '',
  article: SLUG,
  parent: '',
  name: 'Ruth Okafor',
  email: 'ruth@example.com',
  url: '',
  comment: 'The Saturday opening hours matter to our family.',
}

function commentsBy(name: string) {
  return site.db
    .selectFrom('comments')
    .select(['article_id', 'parent_id', 'status', 'body', 'author_email'])
    .where('author_name', '=', name)
    .execute()
}

describe('POST /comments', () => {
  it('stores a pending comment and sends the reader back to the form', async () => {
    const { response } = await postForm(site.app, '/comments', valid)
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe(`${PATH}?comment=pending#respond`)
    const [stored] = await commentsBy('Ruth Okafor')
    expect(stored).toMatchObject({
      article_id: articleId,
      parent_id: null,
      status: 'pending',
      body: valid.comment,
      author_email: 'ruth@example.com',
    })
  })

  it('stores a reply under an approved comment of the same article', async () => {
    const parent = await site.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', articleId)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow()
    const { response } = await postForm(site.app, '/comments', {
      ...valid,
      name: 'Replying Reader',
      comment: 'A reply, not the same words again.',
      parent: String(parent.id),
    })
    expect(response.statusCode).toBe(303)
    const [stored] = await commentsBy('Replying Reader')
    expect(stored?.parent_id).toBe(parent.id)
  })

  it.each([
    [{ email: '' }, 'Please give a valid email address.'],
    [{ name: '   ' }, 'Please give your name.'],
    [{ comment: '' }, 'Please write a comment.'],
    [{ comment: 'x'.repeat(5001) }, 'Comments must be at most 5000 characters.'],
    [{ url: 'javascript:alert(1)' }, 'A website must be an http(s) address.'],
    [{ article: 'no-such-story' }, 'That article does not exist or is no longer available.'],
    [{ parent: 'abc' }, 'The comment you replied to is not on this article.'],
  ])('rejects %o with a 400 page that says why', async (change, message) => {
    const before = await site.db.selectFrom('comments').select('id').execute()
    const { response, $ } = await postForm(site.app, '/comments', { ...valid, ...change })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect($('[data-error-message]').text()).toBe(message)
    expect(await site.db.selectFrom('comments').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses a reply to a comment on another article', async () => {
    const other = await site.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '!=', articleId)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow()
    const { response, $ } = await postForm(site.app, '/comments', {
      ...valid,
      parent: String(other.id),
    })
    expect(response.statusCode).toBe(400)
    expect($('[data-error-message]').text()).toBe(
      'The comment you replied to is not on this article.',
    )
  })
})

describe('POST /subscribe', () => {
  it('adds a pending subscriber and thanks the reader', async () => {
    const { response, $ } = await postForm(site.app, '/subscribe', {
      email: 'New.Reader@Example.com',
      source: 'sidebar',
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect($('h1').text()).toBe('Thanks — please check your inbox to confirm')
    const row = await site.db
      .selectFrom('subscribers')
      .select(['status', 'source'])
      .where('email', '=', 'new.reader@example.com')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'pending', source: 'sidebar' })
  })

  it('answers an address already on the list exactly as a new one', async () => {
    const first = await postForm(site.app, '/subscribe', { email: 'twice@example.com' })
    const again = await postForm(site.app, '/subscribe', { email: 'twice@example.com' })
    expect(again.response.statusCode).toBe(200)
    expect(again.$('main').html()).toBe(first.$('main').html())
    const rows = await site.db
      .selectFrom('subscribers')
      .select('id')
      .where('email', '=', 'twice@example.com')
      .execute()
    expect(rows).toHaveLength(1)
  })

  it('rejects an invalid address with a 400 page', async () => {
    const { response, $ } = await postForm(site.app, '/subscribe', { email: 'not-an-email' })
    expect(response.statusCode).toBe(400)
    expect($('[data-error-message]').text()).toBe('Please give a valid email address.')
  })

  it('has a sign-up page behind the header’s Subscribe button', async () => {
    const response = await site.app.inject({ url: '/subscribe/', headers: { accept: 'text/html' } })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('action="/subscribe"')
  })
})
