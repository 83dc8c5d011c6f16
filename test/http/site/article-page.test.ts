import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import {
  type Article,
  findPublishedArticle,
  formatCommentCount,
  formatReadingTime,
  saveArticle,
  stepArticle,
} from '../../../src/content/index.js'
import { buildSeededSite, getPage, SITE_NOW, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'
const PATH = `/2026/11/${SLUG}/`
const TITLE = 'Council approves £412m budget after late-night vote on library hours'

let site: SeededSite
let article: Article

beforeAll(async () => {
  site = await buildSeededSite()
  const lookup = await findPublishedArticle(site, SLUG)
  if (lookup.kind !== 'published') throw new Error('demo article missing')
  article = lookup.article
})
afterAll(async () => {
  await site.close()
})

async function approvedComments(articleId: number): Promise<number> {
  const row = await site.db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('article page', () => {
  it('puts the story in one <article> with the page’s only <h1>', async () => {
    const { response, $ } = await getPage(site.app, PATH)
    expect(response.statusCode).toBe(200)
    expect($('article')).toHaveLength(1)
    expect($('h1')).toHaveLength(1)
    expect($('article h1').text()).toBe(TITLE)
    expect($('article .standfirst').text()).toBe(article.standfirst)
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://gazette.test${PATH}`)
    expect(response.headers['last-modified']).toBe(article.updatedAt.toUTCString())
  })

  it('shows the breadcrumb Home » section » sub-section', async () => {
    const { $ } = await getPage(site.app, PATH)
    const crumbs = $('nav[aria-label="Breadcrumb"] li')
    expect(crumbs.map((_, li) => $(li).text().replace('»', '').trim()).get()).toEqual([
      'Home',
      'News',
      'Politics',
    ])
    expect($('nav[aria-label="Breadcrumb"] a').last().attr('href')).toBe('/politics/')
  })

  it('bylines every author with a link and avatar, and dates it in the site’s zone', async () => {
    const { $ } = await getPage(site.app, PATH)
    const byline = $('.byline')
    expect(byline.find('.byline-names').text()).toBe('By Helena Marchetti and Idris Fenwick')
    expect(byline.find('.byline-names a').first().attr('href')).toBe('/author/helena-marchetti/')
    expect(byline.find('img.avatar')).toHaveLength(2)
    const published = article.publishedAt ?? new Date(0)
    const time = byline.find('time').first()
    expect(time.attr('datetime')).toBe(published.toISOString())
    expect(time.parent().text()).toBe(
      `Published ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(published)}`,
    )
    expect(byline.text()).not.toContain('Updated')
    expect(byline.find('a.byline-section').attr('href')).toBe('/politics/')
  })

  it('counts the approved comments stored, linking to the thread', async () => {
    const { $ } = await getPage(site.app, PATH)
    const stored = await approvedComments(article.id)
    expect(stored).toBeGreaterThan(1)
    const link = $('.byline a.byline-comments')
    expect(link.text()).toBe(formatCommentCount(stored))
    expect(link.text()).toBe(`${stored} Comments`)
    expect(link.attr('href')).toBe('#comments')
    expect($('#comments li.comment')).toHaveLength(stored)
    expect($('#comments-title').text()).toBe(`${stored} Comments`)
  })

  it('shows reading time, share links, the featured image with caption and credit', async () => {
    const { $ } = await getPage(site.app, PATH)
    expect($('.reading-time').text()).toBe(formatReadingTime(article.readingMinutes))
    expect($('.reading-time').text()).toMatch(/^\d+ Mins? Read$/)
    const share = $('article header .share-links a')
    expect(share.map((_, a) => $(a).find('.share-name').text()).get()).toEqual([
      'Facebook',
      'X',
      'LinkedIn',
      'Pinterest',
      'Email',
    ])
    const encoded = encodeURIComponent(`https://gazette.test${PATH}`)
    share.each((_, a) => expect($(a).attr('href')).toContain(encoded))
    expect(share.eq(1).attr('href')).toContain(encodeURIComponent(TITLE))
    expect(share.eq(4).attr('href')).toMatch(/^mailto:\?subject=/)
    const figure = $('figure.featured-image')
    expect(figure.find('img').attr('width')).toBe('1600')
    expect(figure.find('img').attr('height')).toBe('900')
    expect(figure.find('img').attr('alt')).toBe(article.image?.alt)
    expect(figure.find('figcaption').text()).toContain(article.image?.caption ?? '?')
    expect(figure.find('.credit').text()).toBe('Illustration: Broadsheet demo art')
  })

  it('renders the body, tags, author boxes and six Keep Reading stories', async () => {
    const { $ } = await getPage(site.app, PATH)
    expect($('article .article-body p').first().text()).toContain('Harbourton City Council')
    expect($('article .article-body h2').first().text()).toBe('A deal on libraries')
    const tags = $('ul.tags a')
    expect(tags.length).toBe(article.tags.length)
    expect(tags.first().attr('href')).toBe(`/tag/${article.tags[0]?.slug}/`)
    const boxes = $('.author-box')
    expect(boxes).toHaveLength(2)
    expect(boxes.first().find('.author-bio').text()).toContain('editor of The Broadsheet Gazette')
    expect($('#keep-reading').text()).toBe('Keep Reading')
    const related = $('.keep-reading .card-title a')
    expect(related).toHaveLength(6)
    expect(related.map((_, a) => $(a).attr('href')).get()).not.toContain(PATH)
  })

  it('has the sidebar: Editors Picks, Latest Posts, Subscribe to News, Advertisement', async () => {
    const { $ } = await getPage(site.app, PATH)
    const sidebar = $('aside.sidebar')
    expect(
      sidebar
        .find('h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Editors Picks', 'Latest Posts', 'Subscribe to News'])
    expect(sidebar.find('#sidebar-latest').parent().find('.card')).toHaveLength(3)
    expect(sidebar.find('form[action="/subscribe"] input[name="source"]').val()).toBe('sidebar')
    expect(sidebar.find('.ad-label').text()).toBe('Advertisement')
  })
})

describe('comment thread and form', () => {
  it('offers "Add A Comment" at the foot and a reply link on every comment', async () => {
    const { $ } = await getPage(site.app, PATH)
    expect($('#respond-home #respond #reply-title').text()).toBe('Add A Comment')
    expect($('#cancel-reply').attr('hidden')).toBeDefined()
    const first = $('#comments li.comment').first()
    const id = first.attr('id')?.replace('comment-', '')
    expect(first.find('a.comment-reply-link').first().attr('href')).toBe(
      `${PATH}?replytocom=${id}#respond`,
    )
    expect($('form.comment-form input[name="article"]').val()).toBe(SLUG)
    expect($('label[for="comment-body"]').text()).toBe('Comment *')
  })

  it('renders the form under the comment for ?replytocom (no JavaScript needed)', async () => {
    const first = (await getPage(site.app, PATH)).$('#comments li.comment').first()
    const id = first.attr('id')?.replace('comment-', '') ?? ''
    const { $ } = await getPage(site.app, `${PATH}?replytocom=${id}`)
    const slot = $(`#comment-${id} > .reply-slot`)
    expect(slot.find('#respond')).toHaveLength(1)
    expect($('#respond')).toHaveLength(1)
    expect($('#reply-title').text()).toBe('Leave A Reply')
    expect($('#cancel-reply').text()).toBe('Cancel Reply')
    expect($('#cancel-reply').attr('href')).toBe(`${PATH}#respond`)
    expect($('#cancel-reply').attr('hidden')).toBeUndefined()
    expect($('input[name="parent"]').val()).toBe(id)
  })

  it('ignores a reply target that is not on the page', async () => {
    const { $ } = await getPage(site.app, `${PATH}?replytocom=999999`)
    expect($('#respond-home #respond #reply-title').text()).toBe('Add A Comment')
  })

  it('isolates commenter and author names with <bdi>', async () => {
    const { $ } = await getPage(site.app, PATH)
    const names = $('#comments .comment-author')
    expect(names.length).toBeGreaterThan(0)
    expect(names.toArray().every((el) => $(el).children('bdi').length === 1)).toBe(true)
    expect($('.byline-names a bdi').length).toBe(article.authors.length || 1)
  })

  it('invites the first comment where there are none', async () => {
    const quiet = await site.db
      .selectFrom('articles')
      .select(['id', 'slug'])
      .where('status', '=', 'published')
      .where('comment_count', '=', 0)
      .where('allow_comments', '=', 1)
      .executeTakeFirstOrThrow()
    const lookup = await findPublishedArticle(site, quiet.slug)
    if (lookup.kind !== 'published') throw new Error('no quiet article')
    const at = lookup.article.publishedAt!
    const month = String(at.getUTCMonth() + 1).padStart(2, '0')
    const { $ } = await getPage(site.app, `/${at.getUTCFullYear()}/${month}/${quiet.slug}/`)
    expect($('.comments-empty').text()).toBe('No comments yet — start the conversation.')
    expect($('#comments .comment-list')).toHaveLength(0)
  })

  it('tells the reader a posted comment awaits moderation', async () => {
    const { $ } = await getPage(site.app, `${PATH}?comment=pending`)
    expect($('#respond [role="status"]').text()).toBe('Your comment is awaiting moderation.')
    const plain = await getPage(site.app, PATH)
    expect(plain.$('#respond [role="status"]')).toHaveLength(0)
  })
})

describe('article addresses', () => {
  it('redirects a wrong year or month to the permalink, keeping the query', async () => {
    const response = await site.app.inject(`/2025/03/${SLUG}/?replytocom=1`)
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe(`${PATH}?replytocom=1`)
  })

  it('answers 404 with the themed page for an unknown story', async () => {
    const { response, $ } = await getPage(site.app, '/2026/11/no-such-story/')
    expect(response.statusCode).toBe(404)
    expect($('h1').text()).toBe('Page not found')
    expect($('main form[role="search"] input[name="q"]')).toHaveLength(1)
    expect($('#error-latest').parent().find('.card')).toHaveLength(6)
  })

  it('follows the redirects table before answering 404', async () => {
    await site.db
      .insertInto('redirects')
      .values({ from_path: '/2019/05/old-budget-story/', to_path: PATH, created_at: 0 })
      .execute()
    const response = await site.app.inject('/2019/05/old-budget-story/')
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe(PATH)
  })

  it('shows "Updated" once the story changed after publication', async () => {
    const clock = fixedClock(new Date(SITE_NOW.getTime() + 2 * 3_600_000))
    const slug = 'harbourton-athletic-reach-cup-semi-final-with-a-stoppage-time-winner'
    const lookup = await findPublishedArticle(site, slug)
    if (lookup.kind !== 'published') throw new Error('demo article missing')
    await saveArticle(testKernel(site.db, clock), SYSTEM, lookup.article.id, {
      input: {
        standfirst: 'A new standfirst.',
      },
    })
    const { $ } = await getPage(site.app, `/2026/11/${slug}/`)
    expect($('.byline-meta').text()).toContain('Updated')
    expect($('.standfirst').text()).toBe('A new standfirst.')
  })

  it('answers 410 for an archived story', async () => {
    const slug = 'harbour-bridge-to-close-at-night-for-six-weeks-of-cable-repairs'
    const lookup = await findPublishedArticle(site, slug)
    if (lookup.kind !== 'published') throw new Error('demo article missing')
    await stepArticle(testKernel(site.db, site.clock), SYSTEM, lookup.article.id, 'archive')
    const { response, $ } = await getPage(site.app, `/2026/11/${slug}/`)
    expect(response.statusCode).toBe(410)
    expect($('h1').text()).toBe('This story has been removed')
  })
})
