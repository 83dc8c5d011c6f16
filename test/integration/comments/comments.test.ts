import { beforeEach, expect, it } from 'vitest'
import {
  formStamp,
  moderateComments,
  postComment,
  RateLimiter,
  type CommentInput,
  type PostCommentDeps,
} from '../../../src/comments/index.js'
import type { DomainEvent } from '../../../src/events.js'
import type { MailMessage } from '../../../src/mail/index.js'
import { updateSiteSettings } from '../../../src/settings/index.js'
import { newsroom, T0 } from '../../support/content-fixtures.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const SECRET = 'test-secret'

describeDialects('posting and moderating comments', (dialect) => {
  const t = useTestDatabase(dialect)
  let n: Awaited<ReturnType<typeof newsroom>>
  let deps: PostCommentDeps
  let events: DomainEvent[]
  let mail: MailMessage[]
  let slug: string
  let articleId: number
  let stamp: string

  beforeEach(async () => {
    n = await newsroom(t.db)
    events = []
    mail = []
    deps = {
      ...n.deps,
      events: { emit: (e) => events.push(e) },
      secret: SECRET,
      limiter: new RateLimiter(SECRET),
      mailer: { send: async (m) => void mail.push(m) },
      publicUrl: 'https://news.test',
    }
    const article = await n.published('Harbour ferry returns')
    slug = article.slug
    articleId = article.id
    stamp = formStamp(SECRET, T0.getTime())
    n.clock.set(new Date(T0.getTime() + 30_000))
  })

  const input = (over: Partial<CommentInput> = {}): CommentInput => ({
    articleSlug: slug,
    authorName: 'Ann Reader',
    authorEmail: 'ann@example.com',
    body: 'Good to have it back.',
    honeypot: '',
    stamp,
    ip: '203.0.113.5',
    ...over,
  })
  const count = async () =>
    (
      await t.db
        .selectFrom('articles')
        .select('comment_count')
        .where('id', '=', articleId)
        .executeTakeFirstOrThrow()
    ).comment_count

  it('holds a first-time commenter and publishes them once known (hold-first)', async () => {
    const first = await postComment(deps, input())
    expect(first.outcome).toBe('pending')
    expect(await count()).toBe(0)
    // Nothing readers see changed; only the new comment is announced (for webhooks).
    expect(events.map((e) => e.type)).toEqual(['comment.added'])
    events.length = 0
    if (first.outcome === 'dropped') throw new Error('unexpected')
    await moderateComments(deps, SYSTEM, { commentIds: [first.id], status: 'approved' })
    expect(await count()).toBe(1)
    const second = await postComment(deps, input({ body: 'And again.', ip: '203.0.113.6' }))
    expect(second.outcome).toBe('approved')
    expect(await count()).toBe(2)
    expect(events.filter((e) => e.type === 'comments.changed')).toHaveLength(2)
    // The article's author heard of both comments.
    expect(mail.filter((m) => m.to === 'writer@example.com')).toHaveLength(2)
  })

  it('holds everything under hold-all and publishes everything under publish', async () => {
    await updateSiteSettings(n.deps, SYSTEM, { commentPolicy: 'hold-all' })
    expect((await postComment(deps, input())).outcome).toBe('pending')
    await updateSiteSettings(n.deps, SYSTEM, { commentPolicy: 'publish' })
    expect((await postComment(deps, input({ authorEmail: 'bo@example.com' }))).outcome).toBe(
      'approved',
    )
    expect(await count()).toBe(1)
  })

  it('drops honeypot posts, holds forms sent too fast and refuses them without a stamp', async () => {
    await updateSiteSettings(testKernel(t.db), SYSTEM, { commentPolicy: 'publish' })
    expect((await postComment(deps, input({ honeypot: 'http://spam.test' }))).outcome).toBe(
      'dropped',
    )
    n.clock.set(new Date(T0.getTime() + 1000))
    // Too quick is one signal: held for a human, never refused (the reader keeps their text).
    expect((await postComment(deps, input())).outcome).toBe('pending')
    // Too quick with a link as well: kept in the spam tab.
    expect(
      (await postComment(deps, input({ authorEmail: 'l@example.com', body: 'https://x.test' })))
        .outcome,
    ).toBe('spam')
    await expect(postComment(deps, input({ stamp: 'forged.token' }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      property: 'form',
    })
    expect(await t.db.selectFrom('comments').select('id').execute()).toHaveLength(2)
  })

  it('rate-limits accepted comments per IP and per address, and refuses duplicates', async () => {
    await postComment(deps, input())
    await expect(postComment(deps, input())).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      property: 'comment',
    })
    // The refused duplicate cost nothing: four more from this IP make five accepted.
    for (let i = 0; i < 4; i++)
      await postComment(deps, input({ authorEmail: `p${i}@example.com`, body: `n${i}` }))
    await expect(
      postComment(deps, input({ authorEmail: 'q@example.com', body: 'new' })),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
    const otherIp = { ip: '198.51.100.1' }
    await postComment(deps, input({ ...otherIp, authorEmail: 'r@example.com', body: 'a' }))
    await postComment(deps, input({ ...otherIp, authorEmail: 'r@example.com', body: 'b' }))
    await postComment(deps, input({ ...otherIp, authorEmail: 'r@example.com', body: 'c' }))
    await expect(
      postComment(deps, input({ ip: '198.51.100.2', authorEmail: 'r@example.com', body: 'd' })),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
  })

  it('sends blocked words to spam and holds comments with too many links', async () => {
    await updateSiteSettings(n.deps, SYSTEM, { commentPolicy: 'publish' })
    await updateSiteSettings(n.deps, SYSTEM, { blockedWords: ['casino'] })
    expect((await postComment(deps, input({ body: 'Best Casino here' }))).outcome).toBe('spam')
    const links = 'see https://a.test https://b.test https://c.test'
    expect(
      (await postComment(deps, input({ authorEmail: 'l@example.com', body: links }))).outcome,
    ).toBe('pending')
    expect(await count()).toBe(0)
  })

  it('closes comments per article and after the configured number of days', async () => {
    await updateSiteSettings(n.deps, SYSTEM, { commentsCloseAfterDays: 1 })
    n.clock.set(new Date(T0.getTime() + 2 * 86_400_000))
    await expect(postComment(deps, input())).rejects.toMatchObject({ property: 'article' })
  })

  it('mails an opted-in commenter once when a reply is approved, with a working stop link', async () => {
    await updateSiteSettings(n.deps, SYSTEM, { commentPolicy: 'publish' })
    const parent = await postComment(deps, input({ notifyReplies: true }))
    if (parent.outcome === 'dropped') throw new Error('unexpected')
    await updateSiteSettings(n.deps, SYSTEM, { commentPolicy: 'hold-all' })
    const reply = await postComment(
      deps,
      input({
        parentId: parent.id,
        authorEmail: 'bo@example.com',
        authorName: 'Bo',
        body: 'I disagree.',
        ip: '198.51.100.9',
      }),
    )
    if (reply.outcome === 'dropped') throw new Error('unexpected')
    mail = []
    await moderateComments({ ...deps, mailer: undefined }, SYSTEM, {
      commentIds: [reply.id],
      status: 'approved',
    })
    expect(mail).toHaveLength(0) // a process without mail sends nothing
    await moderateComments(deps, SYSTEM, { commentIds: [reply.id], status: 'approved' })
    await moderateComments(deps, SYSTEM, { commentIds: [reply.id], status: 'approved' })
    const notices = mail.filter((m) => m.to === 'ann@example.com')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.text).toContain('I disagree.')
    expect(notices[0]?.text).toMatch(/https:\/\/news\.test\/comments\/unsubscribe\?token=\S+/)
  })
})
