import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articlePath, findArticle } from '../../../src/content/index.js'
import { buildSeededSite, getPage, postForm, type SeededSite } from '../../support/site-app.js'

const SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'
const PATH = `/2026/11/${SLUG}/`

let site: SeededSite
let stamp: string

beforeAll(async () => {
  site = await buildSeededSite()
  const { $ } = await getPage(site.app, PATH)
  stamp = $('#respond form input[name="stamp"]').val() as string
  site.clock.advance(30_000)
})
afterAll(async () => {
  await site.close()
})

const countComments = async () =>
  (await site.db.selectFrom('comments').select('id').execute()).length

describe('a flood of comment spam', () => {
  it('rate-limits 50 rapid posts from one IP, stores at most five, and stays up', async () => {
    const before = await countComments()
    const statuses: number[] = []
    for (let i = 0; i < 50; i++) {
      const { response } = await postForm(site.app, '/comments', {
        article: SLUG,
        stamp,
        name: `Bot ${i}`,
        email: `bot${i}@spam.test`,
        comment: `Buy now ${i} https://spam.test/${i}`,
      })
      statuses.push(response.statusCode)
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(45)
    expect(statuses.every((s) => s < 500)).toBe(true)
    expect(await countComments()).toBe(before + 5)
    const held = await site.db
      .selectFrom('comments')
      .select('status')
      .where('author_email', 'like', '%@spam.test')
      .execute()
    expect(held.every((c) => c.status === 'pending')).toBe(true)
    expect((await getPage(site.app, '/')).response.statusCode).toBe(200)
    site.clock.advance(11 * 60_000)
  })

  it('answers honeypot posts as if held and stores nothing', async () => {
    const before = await countComments()
    const trap = await postForm(site.app, '/comments', {
      article: SLUG,
      stamp,
      name: 'Bot',
      email: 'bot@spam.test',
      comment: 'hello',
      website_url: 'https://spam.test',
    })
    expect(trap.response.statusCode).toBe(200)
    expect(trap.$('h1').text()).toBe('Thanks — your comment is awaiting moderation')
    expect(await countComments()).toBe(before)
  })

  it('holds a quick comment for moderation instead of refusing it; with a link, as spam', async () => {
    // A freshly rendered page (PATH is in the page cache by now, with an older stamp).
    const other = await uncachedArticle()
    const { $ } = await getPage(site.app, other.path)
    const fresh = $('#respond form input[name="stamp"]').val() as string
    const quick = await postForm(site.app, '/comments', {
      article: other.slug,
      stamp: fresh,
      name: 'Speedy',
      email: 'speedy@example.com',
      comment: 'first!',
    })
    expect(quick.response.statusCode).toBe(303)
    expect(quick.response.headers.location).toBe(`${other.path}?comment=pending#respond`)
    const linked = await postForm(site.app, '/comments', {
      article: other.slug,
      stamp: fresh,
      name: 'Speedy Linker',
      email: 'linker@example.com',
      comment: 'great https://spam.test/',
    })
    expect(linked.response.statusCode).toBe(303)
    const stored = await site.db
      .selectFrom('comments')
      .select(['author_name', 'status', 'body'])
      .where('author_name', 'like', 'Speedy%')
      .orderBy('id')
      .execute()
    expect(stored).toEqual([
      { author_name: 'Speedy', status: 'pending', body: 'first!' },
      { author_name: 'Speedy Linker', status: 'spam', body: 'great https://spam.test/' },
    ])
    site.clock.advance(11 * 60_000)
  })

  it('renders comment bodies as text with nofollow links, never as HTML', async () => {
    const comment = await site.db
      .selectFrom('comments')
      .select(['comments.id', 'comments.article_id'])
      .where('comments.status', '=', 'approved')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .where('article_id', '!=', (await uncachedArticle()).id)
      .where('articles.slug', '!=', SLUG)
      .orderBy('comments.id', 'desc')
      .executeTakeFirstOrThrow()
    await site.db
      .updateTable('comments')
      .set({ body: '<script>alert(1)</script> see https://example.org/x.\n\nSecond <b>para</b>' })
      .where('id', '=', comment.id)
      .execute()
    const article = await findArticle(site, comment.article_id)
    const { $, response } = await getPage(site.app, articlePath(article!, 'Europe/London'))
    expect(response.body).not.toContain('<script>alert(1)')
    const text = $(`#comment-${comment.id} .comment-text`)
    expect(text.find('p')).toHaveLength(2)
    expect(text.find('a[href="https://example.org/x"]').attr('rel')).toBe('nofollow ugc noopener')
    expect(text.text()).toContain('<script>alert(1)</script>')
  })
})

/** A published article whose page this file has not requested yet (so not in the page cache). */
async function uncachedArticle(): Promise<{ id: number; slug: string; path: string }> {
  const row = await site.db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('slug', '!=', SLUG)
    .where('allow_comments', '=', 1)
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const article = await findArticle(site, row.id)
  if (!article) throw new Error('no article')
  return { id: article.id, slug: article.slug, path: articlePath(article, 'Europe/London') }
}

describe('junk input', () => {
  const junk = [
    { article: ['a', 'b'] as unknown as string },
    { article: SLUG, parent: '99999999999', name: 'x', email: 'x@y.z', comment: 'x', stamp: 'x' },
    { article: SLUG, stamp: '\u0000\u{1F600}'.repeat(500) },
    { email: 'a'.repeat(10_000) },
  ]
  it.each(['/comments', '/subscribe', '/contact'])('%s never answers 5xx', async (url) => {
    for (const fields of junk) {
      const { response } = await postForm(site.app, url, fields as Record<string, string>)
      expect(response.statusCode).toBeLessThan(500)
    }
    const json = await site.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      payload: '{"email": {"$gt": ""}}',
    })
    expect(json.statusCode).toBeLessThan(500)
  })

  it.each([
    '/search/?q=%22unbalanced',
    '/search/?q=NEAR(a%20b)%20-x%20*%20:%20^',
    `/search/?q=${'x'.repeat(10_000)}`,
    '/search/?q=%F0%9F%98%80%20%D7%A9%D7%9C%D7%95%D7%9D',
    '/search/?q=a&from=yesterday',
    '/search/?q=a&page=abc&section=nope',
    '/search/suggest?q=%22',
    '/newsletter/confirm?token=a.b.c',
    '/newsletter/unsubscribe?token[]=x',
    '/comments/unsubscribe',
  ])('GET %s never answers 5xx', async (url) => {
    const { response } = await getPage(site.app, url.slice(0, 12_000))
    expect(response.statusCode).toBeLessThan(500)
  })
})

describe('reader JS hooks', () => {
  it('marks the article with its id for the reading beacon', async () => {
    const { $ } = await getPage(site.app, PATH)
    expect(Number($('article[data-article-id]').attr('data-article-id'))).toBeGreaterThan(0)
  })
})

describe('search', () => {
  it('suggests up to five headlines as JSON for a prefix', async () => {
    const response = await site.app.inject({ method: 'GET', url: '/search/suggest?q=coun' })
    expect(response.statusCode).toBe(200)
    const { items } = response.json<{ items: { title: string; url: string }[] }>()
    expect(items.length).toBeGreaterThan(0)
    expect(items.length).toBeLessThanOrEqual(5)
    expect(items.map((i) => i.url)).toContain(PATH)
  })

  it('finds a story by a word in its body and highlights it escaped', async () => {
    const { $ } = await getPage(site.app, '/search/?q=library')
    expect($('.search-result').length).toBeGreaterThan(0)
    expect($('.search-result .snippet mark').first().text().toLowerCase()).toContain('librar')
  })
})

describe('contact form', () => {
  it('shows on the Contact page, stores the message and thanks the reader', async () => {
    const { $ } = await getPage(site.app, '/contact/')
    const form = $('form.contact-form')
    // The fragment brings a refused message's form into view.
    expect(form.attr('action')).toBe('/contact#contact-form')
    const formStamp = form.find('input[name="stamp"]').val() as string
    site.clock.advance(11 * 60_000)
    const sent = await postForm(site.app, '/contact', {
      stamp: formStamp,
      name: 'Tipster',
      email: 'tip@example.com',
      subject: 'Pothole on Quay Street',
      message: 'It has been there for weeks.',
    })
    expect(sent.response.statusCode).toBe(200)
    const stored = await site.db.selectFrom('contact_messages').selectAll().execute()
    expect(stored).toMatchObject([{ email: 'tip@example.com', subject: 'Pothole on Quay Street' }])
  })
})
