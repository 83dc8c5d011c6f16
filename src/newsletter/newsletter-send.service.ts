/**
 * Sending the newsletter. A send is one row in `newsletter_sends` plus one queued job per
 * batch of recipients; batches are spread over minutes so no more than the per-minute limit
 * go out. A batch mails each recipient with their own unsubscribe link and headers; addresses
 * that fail are retried in a follow-up batch with backoff, so nobody gets the same mail twice.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import {
  articlePath,
  findArticleSummaries,
  listNewestArticles,
  type ArticleSummary,
} from '../content/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { Mailer } from '../mail/index.js'
import { enqueueJob } from '../queue/index.js'
import { findSettings, type SiteSettings } from '../settings/index.js'
import { renderNewsletter } from './newsletter-mail.js'
import { addSendCounts, findSend, insertSend } from './newsletter-send.repository.js'
import type { SendKind } from './newsletter-send.table.js'
import { unsubscribeToken } from './subscribe.service.js'
import { findConfirmedSubscribers, listConfirmedSubscriberIds } from './subscriber.repository.js'

export const BATCH_JOB = 'newsletter.batch'
export const DIGEST_JOB = 'newsletter.digest'
export const BATCH_SIZE = 50
const MAX_RETRIES = 3

export type SendDeps = Kernel

export interface DeliveryDeps extends SendDeps {
  mailer: Mailer
  secret: string
  publicUrl: string
  settings: SiteSettings
}

export interface BatchPayload {
  sendId: number
  subscriberIds: number[]
  retry?: number
}

/**
 * Start a send as `actor`: record it, queue its batches and log it, in one transaction (a send
 * whose batches were not all queued does not exist). Returns the send's id.
 */
async function startSend(
  deps: SendDeps,
  actor: Actor,
  input: { kind: SendKind; subject: string; articleIds: number[]; perMinute: number },
): Promise<number> {
  if (input.articleIds.length === 0) throw validationError('articles', 'There is nothing to send.')
  return transact(deps, async (tx) => {
    const recipients = await listConfirmedSubscriberIds(tx.db)
    const now = tx.clock.now().getTime()
    const sendId = await insertSend(tx.db, { ...input, recipients: recipients.length }, now)
    const perMinute = Math.max(1, input.perMinute)
    for (let i = 0; i * BATCH_SIZE < recipients.length; i++) {
      const payload: BatchPayload = {
        sendId,
        subscriberIds: recipients.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE),
      }
      const minute = Math.floor((i * BATCH_SIZE) / perMinute)
      await enqueueJob(tx, BATCH_JOB, payload, {
        runAt: new Date(now + minute * 60_000),
        uniqueKey: `newsletter:${sendId}:${i}`,
      })
    }
    await recordAudit(tx, actor, {
      action: 'newsletter.send',
      subjectType: 'newsletter',
      subjectId: sendId,
      details: { kind: input.kind, articleIds: input.articleIds },
    })
    return sendId
  })
}

/** "Send this article now": breaking news to every confirmed subscriber. */
export async function sendArticleNow(
  deps: SendDeps,
  actor: Actor,
  articleId: number,
): Promise<number> {
  requirePermission(actor, 'readers.manage')
  const [[article], settings] = await Promise.all([
    findArticleSummaries(deps, [articleId]),
    findSettings(deps),
  ])
  if (!article) throw validationError('article', 'Only published articles can be sent.')
  return startSend(deps, actor, {
    kind: 'article',
    subject: article.title,
    articleIds: [article.id],
    perMinute: settings.newsletterPerMinute,
  })
}

/**
 * Send the digest of stories published since the last one (a day, or a week). Undefined when
 * nothing was published in that time.
 */
export async function sendDigest(
  deps: SendDeps,
  actor: Actor,
  kind: 'daily' | 'weekly',
): Promise<number | undefined> {
  requirePermission(actor, 'readers.manage')
  const settings = await findSettings(deps)
  const since = deps.clock.now().getTime() - (kind === 'weekly' ? 7 : 1) * 86_400_000
  const latest = await listNewestArticles(deps, 30)
  const stories = latest.filter((a) => (a.publishedAt?.getTime() ?? 0) >= since)
  if (stories.length === 0) return undefined
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: settings.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(deps.clock.now())
  return startSend(deps, actor, {
    kind,
    subject: `${settings.title}: ${kind === 'weekly' ? 'the week' : 'today'} — ${day}`,
    articleIds: stories.map((a) => a.id),
    perMinute: settings.newsletterPerMinute,
  })
}

/**
 * Queue the digest once its hour has come in the site's time zone (weekly: on Mondays). The
 * unique key makes this safe to call on every tick, from every node.
 */
export async function enqueueDueDigest(deps: SendDeps): Promise<boolean> {
  const settings = await findSettings(deps)
  if (settings.newsletterDigest === 'off') return false
  const local = localParts(deps.clock.now(), settings.timeZone)
  if (local.hour < settings.newsletterHour) return false
  if (settings.newsletterDigest === 'weekly' && local.weekday !== 'Mon') return false
  const id = await enqueueJob(
    deps,
    DIGEST_JOB,
    { kind: settings.newsletterDigest },
    { uniqueKey: `newsletter.digest:${local.date}` },
  )
  return id !== undefined
}

/** The job handler for one batch. */
export async function deliverBatch(deps: DeliveryDeps, payload: BatchPayload): Promise<void> {
  const send = await findSend(deps.db, payload.sendId)
  if (!send) return
  const [subscribers, articles] = await Promise.all([
    findConfirmedSubscribers(deps.db, payload.subscriberIds),
    findArticleSummaries(deps, send.articleIds),
  ])
  const failed: number[] = []
  let sent = 0
  for (const subscriber of subscribers) {
    try {
      await deps.mailer.send(newsletterMessage(deps, send, articles, subscriber.email))
      sent++
    } catch {
      failed.push(subscriber.id)
    }
  }
  const retry = payload.retry ?? 0
  const giveUp = retry >= MAX_RETRIES
  await addSendCounts(deps.db, send.id, { sent, failed: giveUp ? failed.length : 0 })
  if (failed.length > 0 && !giveUp) {
    const delay = 60_000 * 4 ** retry
    const next: BatchPayload = { sendId: send.id, subscriberIds: failed, retry: retry + 1 }
    await enqueueJob(deps, BATCH_JOB, next, {
      runAt: new Date(deps.clock.now().getTime() + delay),
    })
  }
}

function newsletterMessage(
  deps: DeliveryDeps,
  send: { kind: SendKind; subject: string },
  articles: ArticleSummary[],
  email: string,
) {
  const unsubscribeUrl = `${deps.publicUrl}/newsletter/unsubscribe?token=${encodeURIComponent(
    unsubscribeToken(deps.secret, email),
  )}`
  const { html, text } = renderNewsletter({
    siteTitle: deps.settings.title,
    tagline: deps.settings.tagline,
    publicUrl: deps.publicUrl,
    heading: send.kind === 'article' ? 'Breaking news' : send.subject,
    stories: articles.map((a) => ({
      title: a.title,
      standfirst: a.standfirst,
      url: `${deps.publicUrl}${articlePath(a, deps.settings.timeZone)}`,
      section: a.category?.name,
    })),
    unsubscribeUrl,
  })
  return {
    to: email,
    subject: send.subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

function localParts(now: Date, timeZone: string): { date: string; hour: number; weekday: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    weekday: String(parts.weekday),
  }
}
