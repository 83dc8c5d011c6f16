import { beforeEach, expect, it } from 'vitest'
import type { MailMessage } from '../../../src/mail/index.js'
import {
  BATCH_SIZE,
  confirmSubscription,
  confirmToken,
  deliverBatch,
  enqueueDueDigest,
  listSends,
  sendArticleNow,
  subscribe,
  unsubscribe,
  unsubscribeToken,
  type BatchPayload,
} from '../../../src/newsletter/index.js'
import { claimJobs, completeJob } from '../../../src/queue/index.js'
import { DEFAULT_SETTINGS, updateSiteSettings } from '../../../src/settings/index.js'
import { newsroom, T0 } from '../../support/content-fixtures.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { claimFor, SYSTEM } from '../../support/kernel.js'

const SECRET = 'test-secret'

describeDialects('newsletter', (dialect) => {
  const t = useTestDatabase(dialect)
  let n: Awaited<ReturnType<typeof newsroom>>
  let mail: MailMessage[]
  const mailer = { send: async (m: MailMessage) => void mail.push(m) }

  beforeEach(async () => {
    n = await newsroom(t.db)
    mail = []
  })

  const mailDeps = () => ({
    ...n.deps,
    mailer,
    secret: SECRET,
    publicUrl: 'https://news.test',
    siteTitle: 'Gazette',
  })
  const status = async (email: string) =>
    (
      await t.db
        .selectFrom('subscribers')
        .select('status')
        .where('email', '=', email)
        .executeTakeFirst()
    )?.status

  it('confirms with a signed token that expires after three days', async () => {
    await subscribe(mailDeps(), { email: 'Ann@Example.com' })
    expect(await status('ann@example.com')).toBe('pending')
    expect(mail).toHaveLength(1)
    const token = decodeURIComponent(/token=(\S+)/.exec(mail[0]?.text ?? '')?.[1] ?? '')
    expect(await confirmSubscription({ ...n.deps, secret: SECRET }, `${token}x`)).toBe('invalid')
    expect(await confirmSubscription({ ...n.deps, secret: 'other' }, token)).toBe('invalid')
    n.clock.set(new Date(T0.getTime() + 3 * 86_400_000 + 1))
    expect(await confirmSubscription({ ...n.deps, secret: SECRET }, token)).toBe('expired')
    expect(await status('ann@example.com')).toBe('pending')
    n.clock.set(T0)
    expect(await confirmSubscription({ ...n.deps, secret: SECRET }, token)).toBe('confirmed')
    expect(await status('ann@example.com')).toBe('confirmed')
    // Signing up again changes nothing and sends nothing.
    await subscribe(mailDeps(), { email: 'ann@example.com' })
    expect(mail).toHaveLength(1)
    expect(
      await unsubscribe({ ...n.deps, secret: SECRET }, confirmToken(SECRET, 'ann@example.com', 0)),
    ).toBe(false)
    expect(
      await unsubscribe({ ...n.deps, secret: SECRET }, unsubscribeToken(SECRET, 'ann@example.com')),
    ).toBe(true)
    expect(await status('ann@example.com')).toBe('unsubscribed')
  })

  it('sends in batches spread by the per-minute limit, retrying failed addresses once each', async () => {
    const article = await n.published('Storm closes the harbour')
    const now = T0.getTime()
    const emails = Array.from({ length: BATCH_SIZE + 10 }, (_, i) => `r${i}@example.com`)
    await t.db
      .insertInto('subscribers')
      .values(emails.map((email) => ({ email, status: 'confirmed' as const, created_at: now })))
      .execute()
    await t.db
      .insertInto('subscribers')
      .values({ email: 'gone@example.com', status: 'unsubscribed', created_at: now })
      .execute()
    await updateSiteSettings(n.deps, SYSTEM, { newsletterPerMinute: 50 })
    const deps = {
      ...n.deps,
      claim: claimFor(t.dialect),
      settings: { ...DEFAULT_SETTINGS, newsletterPerMinute: 50 },
    }
    const sendId = await sendArticleNow(deps, SYSTEM, article.id)

    let failOnce = new Set(['r3@example.com', 'r55@example.com'])
    const flaky = {
      send: async (m: MailMessage) => {
        if (failOnce.has(m.to)) {
          failOnce.delete(m.to)
          throw new Error('451 try later')
        }
        mail.push(m)
      },
    }
    const run = async () => {
      const jobs = await claimJobs({ ...deps }, 'w', 10)
      for (const job of jobs) {
        await deliverBatch(
          { ...deps, mailer: flaky, secret: SECRET, publicUrl: 'https://news.test' },
          job.payload as BatchPayload,
        )
        await completeJob(deps, job, 'w')
      }
      return jobs.length
    }
    expect(await run()).toBe(1) // the second batch waits a minute (50 per minute)
    n.clock.set(new Date(now + 60_000))
    expect(await run()).toBe(2) // the second batch, and the retry of the first's failure
    n.clock.set(new Date(now + 10 * 60_000))
    expect(await run()).toBe(1) // the retry of the second batch's failure
    expect(await run()).toBe(0)
    expect(mail.map((m) => m.to).sort()).toEqual([...emails].sort())
    const [send] = await listSends({ db: t.db })
    expect(send).toMatchObject({
      id: sendId,
      kind: 'article',
      recipients: emails.length,
      sent: emails.length,
      failed: 0,
    })
    expect(mail[0]?.headers).toMatchObject({
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
    expect(mail[0]?.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/news\.test\/newsletter\/unsubscribe\?token=.+>$/,
    )
    failOnce = new Set()
  })

  it('queues the digest once a day, at the configured local hour', async () => {
    const deps = n.deps
    await updateSiteSettings(deps, SYSTEM, { timeZone: 'Europe/London', newsletterHour: 7 })
    n.clock.set(new Date('2026-06-01T05:30:00Z')) // 06:30 in London (BST)
    expect(await enqueueDueDigest(deps)).toBe(false)
    n.clock.set(new Date('2026-06-01T06:05:00Z'))
    expect(await enqueueDueDigest(deps)).toBe(true)
    n.clock.set(new Date('2026-06-01T09:00:00Z'))
    expect(await enqueueDueDigest(deps)).toBe(false)
    await updateSiteSettings(deps, SYSTEM, { newsletterDigest: 'off' })
    n.clock.set(new Date('2026-06-02T06:05:00Z'))
    expect(await enqueueDueDigest(deps)).toBe(false)
  })
})
