import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPublishedArticle } from '../../../src/content/index.js'
import { newsletterJobs } from '../../../src/jobs/newsletter-jobs.js'
import { createSmtpMailer } from '../../../src/mail/index.js'
import { sendArticleNow } from '../../../src/newsletter/index.js'
import { claimJobs, completeJob } from '../../../src/queue/index.js'
import { buildSeededSite, getPage, postForm, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testServices } from '../../support/kernel.js'

const SLUG = 'council-approves-412m-budget-after-late-night-vote-on-library-hours'

let site: SeededSite
let server: SMTPServer
let smtpUrl: string
const received: ParsedMail[] = []

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  site = await buildSeededSite({ smtpUrl })
})
afterAll(async () => {
  await site.close()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const statusOf = async (email: string) =>
  (
    await site.db
      .selectFrom('subscribers')
      .select('status')
      .where('email', '=', email)
      .executeTakeFirst()
  )?.status

/** A header's value as sent (mailparser folds List-* headers into an object). */
function rawHeader(mail: ParsedMail | undefined, key: string): string {
  const line = mail?.headerLines.find((h) => h.key === key)?.line ?? ''
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, '')
    .trim()
}

function linkIn(mail: ParsedMail | undefined, path: string): string {
  const match = new RegExp(`https://gazette\\.test(${path}\\?token=[^\\s>"]+)`).exec(
    mail?.text ?? '',
  )
  if (!match?.[1]) throw new Error(`no ${path} link in mail`)
  return match[1]
}

describe('newsletter through a real SMTP server', () => {
  it('confirms by the mailed link, sends with one-click headers, and unsubscribes', async () => {
    await postForm(site.app, '/subscribe', { email: 'Reader@Example.com', source: 'footer' })
    const confirmation = received.find((m) => m.subject?.startsWith('Please confirm'))
    expect(confirmation?.to && 'text' in confirmation.to ? confirmation.to.text : '').toBe(
      'reader@example.com',
    )
    expect(await statusOf('reader@example.com')).toBe('pending')

    const bad = await getPage(site.app, '/newsletter/confirm?token=nonsense')
    expect(bad.response.statusCode).toBe(400)
    const confirmed = await getPage(site.app, linkIn(confirmation, '/newsletter/confirm'))
    expect(confirmed.response.statusCode).toBe(200)
    expect(confirmed.$('h1').text()).toBe('You’re subscribed')
    expect(await statusOf('reader@example.com')).toBe('confirmed')

    // Breaking news goes out through the job handlers, over SMTP.
    const lookup = await findPublishedArticle(site, SLUG)
    if (lookup.kind !== 'published') throw new Error('demo article missing')
    const mailer = createSmtpMailer({ url: smtpUrl, from: 'Gazette <news@gazette.test>' })
    const deps = testServices({
      db: site.db,
      dialect: 'sqlite',
      clock: site.clock,
      dataDir: site.dataDir,
      mailer,
      publicUrl: 'https://gazette.test',
    })
    await sendArticleNow(deps, SYSTEM, lookup.article.id)
    const jobs = newsletterJobs(deps)
    for (const job of await claimJobs(deps, 'test')) {
      await jobs.handlers[job.type]?.(job.payload, job)
      await completeJob(deps, job, 'test')
    }
    mailer.close()
    const issue = received.find((m) => m.subject === lookup.article.title)
    expect(issue).toBeDefined()
    expect(rawHeader(issue, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    const header = rawHeader(issue, 'list-unsubscribe')
    expect(header).toMatch(/^<https:\/\/gazette\.test\/newsletter\/unsubscribe\?token=.+>$/)
    expect(issue?.html).toContain(`/2026/11/${SLUG}/`)
    expect(issue?.text).toContain('Unsubscribe: https://gazette.test/newsletter/unsubscribe?token=')

    const url = header.slice('<https://gazette.test'.length, -1)
    const page = await getPage(site.app, url)
    expect(page.$('main form[method="post"] button').text()).toBe('Unsubscribe')
    expect(await statusOf('reader@example.com')).toBe('confirmed')
    const oneClick = await site.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.statusCode).toBe(200)
    expect(await statusOf('reader@example.com')).toBe('unsubscribed')
  })

  it('answers a listed address exactly like a new one (a still-pending one gets a fresh link)', async () => {
    const before = received.length
    const again = await postForm(site.app, '/subscribe', { email: 'newsroom-fan@example.com' })
    const firstCount = received.length
    const repeat = await postForm(site.app, '/subscribe', { email: 'newsroom-fan@example.com' })
    expect(repeat.$('h1').text()).toBe(again.$('h1').text())
    expect(firstCount).toBe(before + 1)
    expect(received.length).toBe(firstCount + 1) // still pending: a fresh link is the kind answer
  })
})

describe('comment notices', () => {
  it('mails the article’s author about a new comment', async () => {
    const { $ } = await getPage(site.app, `/2026/11/${SLUG}/`)
    const stamp = $('#respond form input[name="stamp"]').val() as string
    site.clock.advance(60_000)
    const before = received.length
    const { response } = await postForm(site.app, '/comments', {
      article: SLUG,
      stamp,
      name: 'Ivy',
      email: 'ivy@example.com',
      comment: 'Thanks for covering this.',
    })
    expect(response.statusCode).toBe(303)
    const notice = received.slice(before).find((m) => m.subject?.includes('New comment'))
    expect(notice?.text).toContain('Thanks for covering this.')
    expect(notice?.text).toContain('https://gazette.test/admin/comments?status=pending')
  })
})
