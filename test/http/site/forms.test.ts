import fs from 'node:fs'
import path from 'node:path'
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
    [{ email: '' }, 'email', 'Please give a valid email address.'],
    [{ email: 'ruth@' }, 'email', 'Please give a valid email address.'],
    [{ name: '   ' }, 'name', 'Please give your name.'],
    [{ comment: '' }, 'comment', 'Please write a comment (at most 5000 characters).'],
    [{ comment: 'x'.repeat(5001) }, 'comment', 'Please write a comment (at most 5000 characters).'],
    [{ url: 'javascript:alert(1)' }, 'url', 'A website must be an http(s) address.'],
    [{ parent: 'abc' }, 'form', 'The comment you replied to is not on this article.'],
    [{ stamp: 'forged' }, 'form', 'This form had expired. Please check it and send it again.'],
  ])('shows the article again for %o, text kept, message by the field', async (change, at, msg) => {
    const before = await site.db.selectFrom('comments').select('id').execute()
    const sent: Record<string, string> = {
      ...valid,
      comment: 'Kept <b>as text</b>, not markup.',
      ...change,
    }
    const { response, $ } = await postForm(site.app, '/comments', sent)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    expect($('h1').text()).toBe(
      'Council approves £412m budget after late-night vote on library hours',
    )
    expect($('#comment-body').text()).toBe(sent.comment)
    expect($('#comment-name').val()).toBe(sent.name)
    expect($('#comment-email').val()).toBe(sent.email)
    if (at === 'form') {
      expect($('#comment-form-alert').text()).toBe(msg)
    } else {
      const fieldId = {
        email: 'comment-email',
        name: 'comment-name',
        comment: 'comment-body',
        url: 'comment-url',
      }[at]!
      expect($(`#${fieldId}`).attr('aria-invalid')).toBe('true')
      expect($(`#${fieldId}`).attr('aria-describedby')).toBe(`${fieldId}-error`)
      expect($(`#${fieldId}-error`).text()).toBe(msg)
    }
    expect(await site.db.selectFrom('comments').select('id').execute()).toHaveLength(before.length)
  })

  it('keeps the text of a comment on an article that is gone', async () => {
    const { response, $ } = await postForm(site.app, '/comments', {
      ...valid,
      article: 'no-such-story',
    })
    expect(response.statusCode).toBe(400)
    expect($('[data-error-message]').text()).toBe(
      'That article does not exist or is no longer available.',
    )
    expect($('#kept-text').text()).toBe(valid.comment)
  })

  it('keeps the text when comments have closed since the page was read', async () => {
    await site.db
      .updateTable('articles')
      .set({ allow_comments: 0 })
      .where('id', '=', articleId)
      .execute()
    try {
      const { response, $ } = await postForm(site.app, '/comments', {
        ...valid,
        comment: 'Closed while I typed.',
      })
      expect(response.statusCode).toBe(400)
      expect($('.comments-closed').text()).toBe('Comments are closed.')
      expect($('#comment-kept').text()).toBe('Closed while I typed.')
    } finally {
      await site.db
        .updateTable('articles')
        .set({ allow_comments: 1 })
        .where('id', '=', articleId)
        .execute()
    }
  })

  it('refuses a reply to a comment on another article, keeping the text under it', async () => {
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
    expect($('#comment-form-alert').text()).toBe(
      'The comment you replied to is not on this article.',
    )
    expect($('#comment-body').text()).toBe(valid.comment)
  })

  it('counts only accepted comments towards the per-email limit', async () => {
    const email = 'counted@example.com'
    for (let i = 0; i < 6; i++) {
      const refused = await postForm(site.app, '/comments', { ...valid, email, name: '' })
      expect(refused.response.statusCode).toBe(400)
    }
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const { response } = await postForm(site.app, '/comments', {
        ...valid,
        email,
        name: 'Counted Reader',
        comment: `Accepted comment number ${i}.`,
      })
      statuses.push(response.statusCode)
    }
    // Three per address in ten minutes; the six refused attempts cost nothing.
    expect(statuses).toEqual([303, 303, 303, 429])
    expect(await commentsBy('Counted Reader')).toHaveLength(3)
  })

  it('limits per IP as well as per address, and keeps the text of a refused post', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const { response } = await postForm(site.app, '/comments', {
        ...valid,
        email: `neighbour${i}@example.com`,
        name: 'Neighbour',
        comment: `Neighbour ${i} says hello.`,
      })
      statuses.push(response.statusCode)
    }
    const sixth = await postForm(site.app, '/comments', {
      ...valid,
      email: 'neighbour5@example.com',
      comment: 'One more from the same address.',
    })
    expect(statuses).toEqual([303, 303, 303, 303, 303])
    // The per-IP allowance (five in ten minutes) is what stops the sixth, with its text kept.
    expect(sixth.response.statusCode).toBe(429)
    expect(sixth.$('#comment-form-alert').text()).toMatch(/a lot in a short time/)
    expect(sixth.$('#comment-body').text()).toBe('One more from the same address.')
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
    const outbox = path.join(site.dataDir, 'outbox')
    const mails = fs.readdirSync(outbox).map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'))
    const mail = mails.find((m) => m.includes('new.reader@example.com'))
    expect(mail).toContain('Thanks for signing up to The Broadsheet Gazette newsletter.')
    expect(mail).not.toMatch(/the The/)
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

  it('shows the Subscribe page again for an invalid address, the address kept', async () => {
    const { response, $ } = await postForm(site.app, '/subscribe', { email: 'not-an-email' })
    expect(response.statusCode).toBe(400)
    expect(response.headers['cache-control']).toBe('no-store')
    expect($('h1').text()).toBe('Subscribe to News')
    expect($('#subscribe-page-email').val()).toBe('not-an-email')
    expect($('#subscribe-page-email').attr('aria-invalid')).toBe('true')
    expect($('#subscribe-page-email-error').text()).toBe('Please give a valid email address.')
  })

  it('has a sign-up page behind the header’s Subscribe button', async () => {
    const response = await site.app.inject({ url: '/subscribe/', headers: { accept: 'text/html' } })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('action="/subscribe"')
  })
})
