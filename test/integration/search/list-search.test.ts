/**
 * The search boxes of the comments queue, the contact messages and the subscribers go through
 * their full-text indexes (the media library's: test/integration/media/media.test.ts): a word of the text, a half-typed word, a piece of an address, and the index follows
 * every write (new rows, an edit, moderation, a story's deletion taking its comments with it),
 * with the lists' paging and counts unchanged. On SQLite and PostgreSQL.
 */
import { sql } from 'kysely'
import { beforeEach, expect, it } from 'vitest'
import {
  addComments,
  type CommentStatus,
  countModerationQueue,
  listModerationQueue,
  moderateComments,
  moderationSearchedNewest,
} from '../../../src/comments/index.js'
import { listContactMessages } from '../../../src/contact/index.js'
import { SEARCHED_LIST_MATCHES } from '../../../src/db/list-search.js'
import { deleteArticle } from '../../../src/content/index.js'
import {
  importSubscribers,
  listSubscribers,
  markSubscriber,
} from '../../../src/newsletter/index.js'
import type { Services } from '../../../src/services.js'
import { newsroom, T0 } from '../../support/content-fixtures.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'

describeDialects('searching the newsroom lists through their indexes', (dialect) => {
  const t = useTestDatabase(dialect)
  let deps: Services
  let ferry: number
  let council: number

  beforeEach(async () => {
    const n = await newsroom(t.db)
    deps = { ...testServices({ db: t.db, dialect, dataDir: t.dataDir }), clock: n.clock }
    ferry = (await n.published('The ferry timetable')).id
    council = (await n.published('The council budget')).id
    const at = (minutes: number) => new Date(T0.getTime() - minutes * 60_000)
    await addComments(deps, SYSTEM, [
      {
        articleId: council,
        parentId: null,
        authorName: 'Jane Doe',
        authorEmail: 'jane.doe@example.org',
        body: 'The councillors voted against the harbour wall.',
        status: 'pending',
        createdAt: at(1),
      },
      {
        articleId: ferry,
        parentId: null,
        authorName: 'Omar Okafor',
        authorEmail: 'omar@riverside.net',
        body: 'Late again this morning.',
        status: 'pending',
        createdAt: at(2),
      },
      ...Array.from({ length: 30 }, (_, i) => ({
        articleId: ferry,
        parentId: null,
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.com`,
        body: `The ferry was full (${i}).`,
        status: i < 3 ? ('spam' as const) : ('pending' as const),
        createdAt: at(10 + i),
      })),
    ])
    // Straight into the table, as a backup restore writes them.
    await t.db
      .insertInto('contact_messages')
      .values([
        {
          name: 'Tilda Tipster',
          email: 'tilda@newsdesk.co.uk',
          subject: 'A tip about the lighthouse',
          message: 'The keepers are striking on Friday.',
          created_at: at(1).getTime(),
        },
        {
          name: 'Sam Sender',
          email: 'sam@example.org',
          subject: 'Correction',
          message: 'The mayor’s name was spelt wrong on Friday.',
          created_at: at(2).getTime(),
        },
      ])
      .execute()
  })

  const queue = async (q: string, status: CommentStatus = 'pending') =>
    (await listModerationQueue(deps, { status, q, limit: 50, offset: 0 })).map((c) => c.authorName)
  const messages = async (q: string) =>
    (await listContactMessages(deps, { q, limit: 50, offset: 0 })).items.map((m) => m.name)

  it('finds a comment by a word of its text, a half-typed word, a name or a piece of an address', async () => {
    expect(await queue('harbour')).toEqual(['Jane Doe'])
    expect(await queue('HARBOUR WALL')).toEqual(['Jane Doe'])
    expect(await queue('counc')).toEqual(['Jane Doe'])
    // Prefixes of every length: two to six characters are indexed, longer ones merged.
    for (const typed of ['ha', 'har', 'harb', 'harbo', 'harbou', 'harbour', 'councillors'])
      expect(await queue(typed), typed).toEqual(['Jane Doe'])
    expect(await queue('morn')).toEqual(['Omar Okafor'])
    expect(await queue('okafor')).toEqual(['Omar Okafor'])
    expect(await queue('jane@')).toEqual(['Jane Doe'])
    expect(await queue('jane.d')).toEqual(['Jane Doe'])
    expect(await queue('riverside.net')).toEqual(['Omar Okafor'])
    expect(await queue('@example.org')).toEqual(['Jane Doe'])
    expect(await queue('zeppelin')).toEqual([])
    // Punctuation alone has no words: nothing matches, as in the story list.
    expect(await queue('%_')).toEqual([])
  })

  it('indexes prefixes of two to six characters in each list (SQLite)', async () => {
    if (dialect !== 'sqlite') return
    for (const list of ['comments', 'contact_messages', 'media', 'subscribers']) {
      const made = await t.db
        .selectFrom('sqlite_master' as never)
        .select(sql<string>`sql`.as('sql'))
        .where(sql.ref('name'), '=', `${list}_fts`)
        .executeTakeFirstOrThrow()
      expect(made.sql, list).toContain(`prefix = '2 3 4 5 6'`)
    }
  })

  it('keeps the counts per tab, the paging and the per-story filter with a search', async () => {
    expect(await countModerationQueue(deps, undefined, { q: 'ferry' })).toEqual({
      pending: 27,
      approved: 0,
      spam: 3,
      trash: 0,
    })
    const page = await listModerationQueue(deps, {
      status: 'pending',
      q: 'ferry',
      limit: 10,
      offset: 20,
    })
    expect(page.map((c) => c.authorName)).toEqual(
      Array.from({ length: 7 }, (_, i) => `Reader ${i + 23}`),
    )
    expect(await queue('ferry', 'spam')).toEqual(['Reader 0', 'Reader 1', 'Reader 2'])
    const onCouncil = await listModerationQueue(deps, {
      status: 'pending',
      q: 'example',
      articleId: council,
      limit: 50,
      offset: 0,
    })
    expect(onCouncil.map((c) => c.authorName)).toEqual(['Jane Doe'])
  })

  it('follows moderation, edits and a story’s deletion', async () => {
    // The unfiltered tabs' counts (kept by SQLite, counted by PostgreSQL) against the rows.
    const sameCounts = async () => {
      const rows = await t.db
        .selectFrom('comments')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute()
      expect(await countModerationQueue(deps)).toEqual({
        pending: 0,
        approved: 0,
        spam: 0,
        trash: 0,
        ...Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      })
    }
    await sameCounts()
    const [jane] = await listModerationQueue(deps, {
      status: 'pending',
      q: 'jane',
      limit: 1,
      offset: 0,
    })
    await moderateComments(deps, SYSTEM, { commentIds: [jane!.id], status: 'approved' })
    expect(await queue('harbour')).toEqual([])
    expect(await queue('harbour', 'approved')).toEqual(['Jane Doe'])
    await t.db
      .updateTable('comments')
      .set({ body: 'On second thoughts, the quay.' })
      .where('id', '=', jane!.id)
      .execute()
    expect(await queue('harbour', 'approved')).toEqual([])
    expect(await queue('quay', 'approved')).toEqual(['Jane Doe'])
    await sameCounts()
    await deleteArticle(deps, SYSTEM, ferry)
    await sameCounts()
    expect(await queue('morning')).toEqual([])
    expect(await countModerationQueue(deps, undefined, { q: 'ferry' })).toEqual({
      pending: 0,
      approved: 0,
      spam: 0,
      trash: 0,
    })
  })

  it('searches only the newest 20,000 comments holding a word in more, and says so (SQLite)', async () => {
    const many = SEARCHED_LIST_MATCHES + 10
    await addComments(
      deps,
      SYSTEM,
      Array.from({ length: many }, (_, i) => ({
        articleId: council,
        parentId: null,
        authorName: `Voter ${i}`,
        authorEmail: `voter${i}@example.net`,
        body: 'A turnstile vote, again.',
        status: 'approved' as const,
        // Later rows are newer, as they are on a live site.
        createdAt: new Date(T0.getTime() - 60_000 * (100 + many - i)),
      })),
    )
    const counts = await countModerationQueue(deps, undefined, { q: 'turnstile' })
    const newest = await moderationSearchedNewest(deps, 'turnstile')
    if (dialect === 'sqlite') {
      expect(newest).toBe(SEARCHED_LIST_MATCHES)
      expect(counts.approved).toBe(SEARCHED_LIST_MATCHES)
    } else {
      // PostgreSQL plans the search itself and counts every match.
      expect(newest).toBeUndefined()
      expect(counts.approved).toBe(many)
    }
    // The newest of them are the ones listed.
    const [first] = await listModerationQueue(deps, {
      status: 'approved',
      q: 'turnstile',
      limit: 1,
      offset: 0,
    })
    expect(first?.authorName).toBe(`Voter ${many - 1}`)
    expect(await moderationSearchedNewest(deps, 'harbour')).toBeUndefined()
  })

  it('finds a contact message by its text, subject, sender or address, with its total', async () => {
    expect(await messages('striking')).toEqual(['Tilda Tipster'])
    expect(await messages('lightho')).toEqual(['Tilda Tipster'])
    expect(await messages('tilda')).toEqual(['Tilda Tipster'])
    expect(await messages('newsdesk.co')).toEqual(['Tilda Tipster'])
    expect(await messages('example.org')).toEqual(['Sam Sender'])
    expect(await messages('correction mayor')).toEqual(['Sam Sender'])
    expect(await messages('mayor lighthouse')).toEqual([])
    const all = await listContactMessages(deps, { q: 'friday', limit: 1, offset: 1 })
    expect(all).toMatchObject({ total: 2, items: [{ name: 'Sam Sender' }] })
    await t.db.deleteFrom('contact_messages').where('name', '=', 'Tilda Tipster').execute()
    expect(await messages('lighthouse')).toEqual([])
  })

  it('finds subscribers by a piece of their address, in every tab, until they are deleted', async () => {
    await importSubscribers(
      deps,
      SYSTEM,
      'email\njane.doe@example.org\nomar@riverside.net\njanet@example.com\nkim@example.org',
    )
    const emails = async (search: string, status?: 'unsubscribed') =>
      (await listSubscribers(deps, { search, status, limit: 50, offset: 0 })).items.map(
        (s) => s.email,
      )
    expect(await emails('jane@')).toEqual(['jane.doe@example.org'])
    expect(await emails('jane')).toEqual(['janet@example.com', 'jane.doe@example.org'])
    expect(await emails('example.org')).toEqual(['kim@example.org', 'jane.doe@example.org'])
    expect(await emails('@riverside')).toEqual(['omar@riverside.net'])
    await markSubscriber(deps, SYSTEM, { email: 'kim@example.org', status: 'unsubscribed' })
    const found = await listSubscribers(deps, { search: 'example.org', limit: 50, offset: 0 })
    expect(found.counts).toMatchObject({ unsubscribed: 1 })
    expect(found.total).toBe(2)
    expect(await emails('example.org', 'unsubscribed')).toEqual(['kim@example.org'])
    await t.db.deleteFrom('subscribers').where('email', '=', 'kim@example.org').execute()
    expect(await emails('kim')).toEqual([])
  })
})
