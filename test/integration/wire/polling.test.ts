/**
 * The wire against a real local HTTP server, on both databases: sources added (by discovery),
 * polled with conditional GETs, failures recorded on the source (never thrown, never stories),
 * redirects, backoff, dedupe across polls and sources, and two pollers at once.
 */
import nodePath from 'node:path'
import { sql } from 'kysely'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { systemActor } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { saveArticle } from '../../../src/content/index.js'
import { diskStorage } from '../../../src/media/index.js'
import { createHttpClient, type HttpClient } from '../../../src/net/index.js'
import {
  addSource,
  enqueueDuePolls,
  exportSourcesOpml,
  findSource,
  importOpmlSources,
  listSources,
  listWireItems,
  pollSource,
  removeSource,
  setSourcePaused,
  type WireDeps,
} from '../../../src/wire/index.js'
import { type FeedServer, fixtureBytes, startFeedServer } from '../../support/feed-server.js'
import { startJobs } from '../../../src/jobs/index.js'
import { asUser, SYSTEM, testKernel, testServices } from '../../support/kernel.js'
import { syntheticFeed } from '../../support/synthetic-feed.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const WIRE = systemActor('wire', 'editor')
const T0 = new Date('2026-05-06T13:00:00Z')
let server: FeedServer
let client: HttpClient

beforeAll(async () => {
  server = await startFeedServer()
  client = createHttpClient({
    userAgent: 'Broadsheet/1.0 (+http://news.test)',
    allowPrivate: true,
    timeoutMs: 3000,
  })
})
afterAll(async () => {
  client.close()
  await server.close()
})

for (const dialect of DIALECTS) {
  describe(`${dialect}: the wire`, () => {
    let test: TestDatabase
    let deps: WireDeps
    let clock: ReturnType<typeof fixedClock>
    let n = 0
    /** A fresh path on the server for each test, so routes never collide. */
    const path = (name: string) => `/${dialect}/${++n}/${name}`

    beforeEach(async () => {
      test = await createTestDatabase(dialect)
      clock = fixedClock(T0)
      deps = { ...testKernel(test.db, clock), wireClient: client }
    })
    afterEach(async () => test.destroy())

    const articles = () =>
      test.db
        .selectFrom('articles')
        .select(['id', 'title', 'status', 'canonical_url', 'published_at', 'body_html'])
        .orderBy('id')
        .execute()
    const items = () => test.db.selectFrom('wire_items').selectAll().orderBy('id').execute()
    const follow = (
      url: string,
      settings: Parameters<typeof addSource>[2] extends infer S ? Partial<S> : never = {},
    ) => addSource(deps, SYSTEM, { url, ...settings }, { discover: false })

    it('finds the feed a site announces, and names the source after it', async () => {
      const feed = path('feed.xml')
      const home = path('')
      server.route(home, {
        contentType: 'text/html; charset=utf-8',
        body: `<html><head><link rel="alternate" type="application/rss+xml" href="${feed}"></head></html>`,
      })
      server.route(feed, { body: syntheticFeed({ name: 'Valley Post', items: 2 }) })

      const source = await addSource(deps, SYSTEM, { url: server.url(home) })

      expect(source).toMatchObject({
        url: server.url(feed),
        name: 'Valley Post',
        mode: 'excerpt',
        publish: 'review',
        intervalMinutes: 15,
      })
    })

    it('refuses an address that is not a feed, saying why', async () => {
      const page = path('about')
      server.route(page, {
        contentType: 'text/html',
        body: '<html><body>No feeds here</body></html>',
      })

      await expect(addSource(deps, SYSTEM, { url: server.url(page) })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        property: 'url',
      })
      expect(await listSources(deps)).toHaveLength(0)
    })

    it('publishes new items as attributed stories, then asks again with a conditional GET', async () => {
      const feed = path('feed')
      server.fixture(feed, 'rss2-full.xml')
      const source = await follow(server.url(feed), { publish: 'auto', name: 'Valley Courier' })

      const first = await pollSource(deps, WIRE, source.id)
      clock.advance(20 * 60_000)
      const second = await pollSource(deps, WIRE, source.id)

      expect(first.outcome).toMatchObject({ status: 'fetched', added: 3, published: 3 })
      expect(second.outcome).toEqual({ status: 'unchanged' })
      const [, conditional] = server.requestsTo(feed)
      expect(conditional!.headers['if-none-match']).toMatch(/^".+"$/)
      expect(conditional!.headers['user-agent']).toContain('Broadsheet')
      const stories = await articles()
      expect(stories).toHaveLength(3)
      expect(stories.every((s) => s.status === 'published')).toBe(true)
      const vote = stories.find((s) => s.title.includes('footbridge'))!
      expect(vote.canonical_url).toBe(
        'https://courier.example/2026/05/footbridge-vote/?utm_source=rss&utm_medium=feed',
      )
      expect(vote.body_html).toContain('Read the full story at Valley Courier')
      expect(vote.body_html).not.toContain('<script')
      expect(Number(vote.published_at)).toBe(Date.parse('2026-05-05T07:30:00Z'))
      expect(await items()).toHaveLength(3)
      const health = (await listSources(deps))[0]!
      expect(health).toMatchObject({ failures: 0, lastError: null, itemsTotal: 3, itemsWaiting: 0 })
      expect(health.lastSuccessAt).toEqual(clock.now())
    })

    it('keeps items on the desk for a source under review', async () => {
      const feed = path('feed')
      server.route(feed, { body: syntheticFeed({ name: 'Review Desk', items: 4 }) })
      const source = await follow(server.url(feed))

      const report = await pollSource(deps, WIRE, source.id)

      expect(report.outcome).toMatchObject({ status: 'fetched', added: 4, published: 0 })
      expect(await articles()).toHaveLength(0)
      expect((await items()).map((i) => i.status)).toEqual(['new', 'new', 'new', 'new'])
    })

    it('records a broken feed on the source and makes no story', async () => {
      const truncated = path('truncated')
      const html = path('error')
      const fine = path('fine')
      server.fixture(truncated, 'truncated.xml')
      server.fixture(html, 'error-page.html', { contentType: 'text/html' })
      server.route(fine, { body: syntheticFeed({ name: 'Fine', items: 2 }) })
      const broken = await follow(server.url(truncated), { publish: 'auto' })
      const page = await follow(server.url(html), { publish: 'auto' })
      const good = await follow(server.url(fine), { publish: 'auto' })

      const reports = [
        await pollSource(deps, WIRE, broken.id),
        await pollSource(deps, WIRE, page.id),
        await pollSource(deps, WIRE, good.id),
      ]

      expect(reports.map((r) => r.outcome.status)).toEqual(['failed', 'failed', 'fetched'])
      expect(await findSource(deps, broken.id)).toMatchObject({
        lastErrorCode: 'MALFORMED_FEED',
        failures: 1,
        status: 'active',
      })
      expect(await findSource(deps, page.id)).toMatchObject({
        lastErrorCode: 'NOT_A_FEED',
        failures: 1,
      })
      expect((await findSource(deps, broken.id))!.lastError).toMatch(/\w/)
      expect(await articles()).toHaveLength(2)
    })

    it('waits as long as a 429 asks, and backs off after failures', async () => {
      const feed = path('busy')
      server.route(feed, {
        status: 429,
        headers: { 'retry-after': '3600' },
        body: 'slow down',
        contentType: 'text/plain',
      })
      const source = await follow(server.url(feed))

      const report = await pollSource(deps, WIRE, source.id)

      expect(report.outcome).toMatchObject({ status: 'failed', code: 'HTTP_429', paused: false })
      const after = (await findSource(deps, source.id))!
      expect(after.nextPollAt.getTime() - T0.getTime()).toBe(3600_000)
      expect(after.lastError).toContain('429')
    })

    it('pauses a source after ten failures in a row, and resumes it on request', async () => {
      const feed = path('down')
      server.route(feed, { status: 500, body: 'oops', contentType: 'text/plain' })
      const source = await follow(server.url(feed))

      for (let i = 0; i < 10; i++) await pollSource(deps, WIRE, source.id)
      const paused = (await findSource(deps, source.id))!
      const skipped = await pollSource(deps, WIRE, source.id)
      const resumed = await setSourcePaused(deps, SYSTEM, source.id, false)

      expect(paused).toMatchObject({ status: 'paused', failures: 10, lastErrorCode: 'HTTP_500' })
      expect(skipped.outcome).toEqual({ status: 'paused' })
      expect(server.requestsTo(feed)).toHaveLength(10)
      expect(resumed).toMatchObject({ status: 'active', failures: 0 })
    })

    it('moves the stored URL on a permanent redirect, not on a temporary one', async () => {
      const [old, temp, target] = [path('old'), path('temp'), path('new')]
      server.route(old, { status: 301, location: target })
      server.route(temp, { status: 302, location: target })
      server.route(target, { body: syntheticFeed({ name: 'Moved', items: 1 }) })
      const moved = await follow(server.url(old))
      const visiting = await follow(server.url(temp))

      await pollSource(deps, WIRE, moved.id)
      await pollSource(deps, WIRE, visiting.id)

      expect((await findSource(deps, moved.id))!.url).toBe(server.url(target))
      expect((await findSource(deps, visiting.id))!.url).toBe(server.url(temp))
    })

    it('never adds the same story twice: within a feed, across polls, across sources, after a guid change', async () => {
      const [a, b, before] = [path('a'), path('b'), path('guid')]
      server.fixture(a, 'duplicates.xml')
      server.fixture(b, 'duplicates.xml')
      server.fixture(before, 'guid-changed-before.xml')
      const first = await follow(server.url(a), { publish: 'auto' })
      const second = await follow(server.url(b), { publish: 'auto' })
      const changing = await follow(server.url(before), { publish: 'auto' })

      await pollSource(deps, WIRE, first.id)
      const count = (await articles()).length
      await pollSource(deps, WIRE, second.id)
      await pollSource(deps, WIRE, changing.id)
      server.fixture(before, 'guid-changed-after.xml')
      await pollSource(deps, WIRE, changing.id)

      expect(count).toBeGreaterThan(0)
      expect(await articles()).toHaveLength(count + 1)
      const rows = await items()
      expect(
        rows.filter((r) => r.source_id === second.id).every((r) => r.status === 'duplicate'),
      ).toBe(true)
      expect(rows.filter((r) => r.source_id === changing.id).map((r) => r.status)).toEqual([
        'published',
        'duplicate',
      ])
    })

    it('makes each story once when two polls of a source run at once', async () => {
      const feed = path('race')
      server.route(feed, {
        body: syntheticFeed({ name: 'Race', items: 20 }),
        etag: false,
        lastModified: false,
      })
      const source = await follow(server.url(feed), { publish: 'auto' })

      await Promise.all([pollSource(deps, WIRE, source.id), pollSource(deps, WIRE, source.id)])

      expect(await articles()).toHaveLength(20)
      expect(await items()).toHaveLength(20)
    })

    it('leaves no item and no story from a poll that dies midway, and the next poll does it all', async () => {
      const feed = path('dies')
      server.route(feed, { body: syntheticFeed({ name: 'Dies', items: 5 }) })
      const source = await follow(server.url(feed), { publish: 'auto' })
      // The audit log is written last in the poll's transaction: without it, the poll fails there.
      await sql`alter table audit_log rename to audit_log_away`.execute(test.db)

      const dying = await pollSource(deps, WIRE, source.id).then(
        () => 'completed',
        () => 'died',
      )
      const afterDeath = { items: (await items()).length, stories: (await articles()).length }
      const recorded = (await findSource(deps, source.id))!
      await sql`alter table audit_log_away rename to audit_log`.execute(test.db)
      const next = await pollSource(deps, WIRE, source.id)

      expect(dying).toBe('died')
      expect(afterDeath).toEqual({ items: 0, stories: 0 })
      // Recorded, and moved on: a job whose poll died does not leave the source due for ever.
      expect(recorded).toMatchObject({ lastErrorCode: 'STORE_FAILED', failures: 1, etag: null })
      expect(recorded.nextPollAt.getTime()).toBeGreaterThan(T0.getTime())
      expect(next.outcome).toMatchObject({ status: 'fetched', added: 5, published: 5 })
      expect(await articles()).toHaveLength(5)
    })

    it('updates a story the source changed, unless an editor changed it here', async () => {
      const feed = path('changes')
      server.route(feed, { body: syntheticFeed({ name: 'Changes', items: 1 }) })
      const source = await follow(server.url(feed), { publish: 'auto' })
      await pollSource(deps, WIRE, source.id)

      server.route(feed, {
        body: syntheticFeed({ name: 'Changes', items: 1 }).replace(
          'council &amp; bridge',
          'bridge reopens',
        ),
      })
      const report = await pollSource(deps, WIRE, source.id)

      expect(report.outcome).toMatchObject({ status: 'fetched', added: 0, updated: 1 })
      expect((await articles())[0]!.title).toContain('bridge reopens')
    })

    it('leaves a story an editor changed here, and marks the item changed at source', async () => {
      const feed = path('edited')
      const original = syntheticFeed({ name: 'Edited', items: 1 })
      server.route(feed, { body: original })
      const source = await follow(server.url(feed), { publish: 'auto' })
      await pollSource(deps, WIRE, source.id)
      const [story] = await articles()
      await saveArticle(deps, SYSTEM, story!.id, { input: { title: 'Our own headline' } })

      server.route(feed, { body: original.replace('council &amp; bridge', 'bridge reopens') })
      const report = await pollSource(deps, WIRE, source.id)

      expect(report.outcome).toMatchObject({ status: 'fetched', added: 0, updated: 0 })
      expect((await articles())[0]!.title).toBe('Our own headline')
      const [item] = await listWireItems(deps)
      expect(item!.changedAtSource).toBe(true)
      expect(item!.title).toContain('bridge reopens')
    })

    it('downloads a featured image into the media library, or keeps it remote when that fails', async () => {
      const [feed, image] = [path('pictures'), path('photo.png')]
      const png = await sharp({
        create: { width: 80, height: 60, channels: 3, background: '#246' },
      })
        .png()
        .toBuffer()
      server.route(image, { body: png, contentType: 'image/png' })
      server.route(feed, {
        body: `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Pictures</title>
<item><title>With a photo</title><link>https://pictures.example/a</link><guid>pic-a</guid><media:content url="${server.url(image)}" medium="image"/></item>
<item><title>With a lost photo</title><link>https://pictures.example/b</link><guid>pic-b</guid><media:content url="${server.url('/gone.png')}" medium="image"/></item>
</channel></rss>`,
      })
      const withStorage = { ...deps, storage: diskStorage(nodePath.join(test.dataDir, 'media')) }
      const source = await follow(server.url(feed), { publish: 'auto' })

      await pollSource(withStorage, WIRE, source.id)

      const stories = await test.db
        .selectFrom('articles')
        .select(['title', 'featured_media_id', 'body_html'])
        .orderBy('title')
        .execute()
      expect(stories[0]!.title).toBe('With a lost photo')
      expect(stories[0]!.featured_media_id).toBeNull()
      expect(stories[0]!.body_html).toContain(`<img src="${server.url('/gone.png')}"`)
      expect(stories[1]!.featured_media_id).toEqual(expect.any(Number))
      expect(stories[1]!.body_html).not.toContain('<img')
      const media = await test.db.selectFrom('media').select(['width', 'credit']).execute()
      expect(media).toEqual([{ width: 80, credit: source.name }])
    })

    it('fetches the whole article from the page for a licensed full-text source whose feed has excerpts', async () => {
      const [feed, page] = [path('excerpts'), path('story.html')]
      server.fixture(page, 'article-page.html', { contentType: 'text/html; charset=utf-8' })
      server.route(feed, {
        body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
<item><title>Footbridge vote</title><link>${server.url(page)}</link><guid>fb-1</guid><description>The council voted.</description></item>
</channel></rss>`,
      })
      const source = await follow(server.url(feed), {
        publish: 'auto',
        mode: 'full',
        fetchFullText: true,
        name: 'Courier',
      })

      await pollSource(deps, WIRE, source.id)

      const [story] = await articles()
      expect(story!.body_html).toContain('the valley council voted by nine')
      expect(story!.body_html).toContain('Originally published by')
      expect(story!.body_html).not.toContain('<script')
    })

    it('polls due sources once through the queue, spacing polls to one host', async () => {
      await follow('http://127.0.0.1:9/a.xml')
      await follow('http://127.0.0.1:9/b.xml')

      const first = await enqueueDuePolls(deps)
      const again = await enqueueDuePolls(deps)
      const jobs = await test.db
        .selectFrom('jobs')
        .select(['type', 'run_at'])
        .orderBy('run_at')
        .execute()

      expect(first).toBe(2)
      expect(again).toBe(0)
      expect(jobs.map((j) => j.type)).toEqual(['wire.poll', 'wire.poll'])
      expect(Number(jobs[1]!.run_at) - Number(jobs[0]!.run_at)).toBeGreaterThanOrEqual(2000)
    })

    it('runs due polls as jobs in the job runner, and polls again only when due', async () => {
      const feed = path('jobs')
      server.route(feed, { body: syntheticFeed({ name: 'Jobs', items: 2 }) })
      const source = await follow(server.url(feed), { publish: 'auto' })
      const services = testServices({
        db: test.db,
        dialect,
        clock,
        dataDir: test.dataDir,
        wireClient: client,
      })
      const runner = startJobs(services, (error) => {
        throw error
      })

      const polls = async () => {
        await runner.tick()
        const done = await test.db
          .selectFrom('jobs')
          .select('id')
          .where('type', '=', 'wire.poll')
          .where('status', '=', 'done')
          .execute()
        return done.length
      }

      expect(await polls()).toBe(1)
      expect(await polls()).toBe(1)
      clock.advance(24 * 3_600_000)
      expect(await polls()).toBe(2)
      expect(await articles()).toHaveLength(2)
      expect(server.requestsTo(feed)).toHaveLength(2)
      expect((await findSource(deps, source.id))!.lastSuccessAt).toEqual(clock.now())
    })

    it('imports and exports the source list as OPML', async () => {
      const opml = fixtureBytes('sources.opml').toString('utf8')

      const result = await importOpmlSources(deps, SYSTEM, opml, { publish: 'review' })
      const again = await importOpmlSources(deps, SYSTEM, opml)
      const exported = await exportSourcesOpml(deps, SYSTEM, 'Our wire')

      expect(result).toEqual({ added: 3, skipped: 0 })
      expect(again).toEqual({ added: 0, skipped: 3 })
      expect(exported).toContain('xmlUrl="https://courier.example/feed/"')
      expect((await listSources(deps)).map((s) => s.name)).toContain('Valley Courier & Post')
    })

    it('lets only editors and above manage sources, with an audit line for each change', async () => {
      const author = asUser({ id: 1, role: 'author' })
      await expect(follow('https://partner.example/feed', {})).resolves.toBeDefined()
      const [source] = await listSources(deps)

      await expect(
        addSource(deps, author, { url: 'https://other.example/feed' }, { discover: false }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(removeSource(deps, author, source!.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      await removeSource(deps, SYSTEM, source!.id)

      const audit = await test.db.selectFrom('audit_log').select('action').orderBy('id').execute()
      expect(audit.map((a) => a.action)).toEqual(['wire.source.add', 'wire.source.remove'])
      expect(await listSources(deps)).toHaveLength(0)
    })
  })
}
