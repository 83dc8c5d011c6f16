/**
 * `npm run bench -- --scenario newsroom [--articles N --rounds R]`: the newsroom's lists at
 * archive scale. Over the bench archive (SQLite, and PostgreSQL when reachable) it runs what
 * each list page asks the database (the page of rows and its counts) through the same read
 * models the screens use, R times each, and reports the median and the slowest run in ms
 * against issue 13's target: every list page and its counts under 100 ms at a million stories.
 * No HTTP, no wrk: the rendering around the queries is the same at any size.
 */
import { systemClock } from '../src/clock.js'
import { listUsers } from '../src/auth/index.js'
import { countModerationQueue, listModerationQueue } from '../src/comments/index.js'
import { parseConfig } from '../src/config.js'
import { listContactMessages } from '../src/contact/index.js'
import { listCategories, listTagsWithCounts, type NewsroomFilter } from '../src/content/index.js'
import type { Dialect } from '../src/db/database.js'
import { openPostgres } from '../src/db/dialects/postgres.js'
import { openSqlite } from '../src/db/dialects/sqlite.js'
import { benchVocabulary } from '../src/demo/bench-vocabulary.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { searchMedia } from '../src/media/index.js'
import { listSubscribers } from '../src/newsletter/index.js'
import { findNewsroomStories } from '../src/search/index.js'
import { createServices, type Services } from '../src/services.js'

/** Issue 13: each list page and its counts answer within this. */
export const NEWSROOM_TARGET_MS = 100

export interface NewsroomRow {
  dialect: Dialect
  name: string
  medianMs: number
  maxMs: number
  /** Rows the page showed (its total, for the story lists). */
  total: number
}

/** Time every newsroom list over the archive in `dataDir` (or `databaseUrl` for PostgreSQL). */
export async function runNewsroomScenario(options: {
  dataDir: string
  databaseUrl?: string | undefined
  rounds: number
  log: (line: string) => void
}): Promise<NewsroomRow[]> {
  const config = parseConfig({
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  })
  const db =
    config.database.dialect === 'postgres'
      ? openPostgres(config.database.url, { max: 4 })
      : openSqlite(config.database.file)
  const dialect = config.database.dialect
  try {
    await migrateToLatest(db)
    const deps = createServices({ db, dialect, clock: systemClock, config })
    const rows: NewsroomRow[] = []
    for (const [name, run] of await listPages(deps)) {
      const times: number[] = []
      let total = 0
      for (let i = 0; i < options.rounds; i++) {
        const started = performance.now()
        total = await run()
        times.push(performance.now() - started)
      }
      times.sort((a, b) => a - b)
      const row = {
        dialect,
        name,
        medianMs: times[Math.floor(times.length / 2)] ?? 0,
        maxMs: times[times.length - 1] ?? 0,
        total,
      }
      options.log(`${dialect} ${name}: median ${row.medianMs.toFixed(1)} ms`)
      rows.push(row)
    }
    return rows
  } finally {
    await db.destroy()
  }
}

/** Each list page as the screens ask for it; each returns how many rows matched. */
async function listPages(deps: Services): Promise<[string, () => Promise<number>][]> {
  const [sections, tags, people] = await Promise.all([
    listCategories(deps),
    listTagsWithCounts(deps),
    listUsers(deps),
  ])
  const busiestTag = [...tags].sort((a, b) => b.articleCount - a.articleCount)[0]
  const monthAgo = Date.now() - 60 * 86_400_000
  const yearsAgo = Date.now() - 5 * 365 * 86_400_000
  const words = benchVocabulary()
  const [rare, medium, common] = [37_000, 1_000, 1].map((rank) => words.wordAtRank(rank))
  const stories = (filter: NewsroomFilter) => async () =>
    (await findNewsroomStories(deps, filter)).total
  // Each list page as its screen asks for it: the page of rows and its counts.
  const comments =
    (q = '') =>
    async () => {
      const counts = await countModerationQueue(deps, undefined, { q })
      await listModerationQueue(deps, { status: 'approved', q, limit: 50, offset: 0 })
      return counts.approved
    }
  // A writer's own queue (authors see comments on their stories only): the busiest byline,
  // and the one with the fewest stories (a new hire's dashboard).
  const bylines = await Promise.all(
    people.map(async (p) => ({
      id: p.id,
      n: (await findNewsroomStories(deps, { authorId: p.id })).total,
    })),
  )
  bylines.sort((a, b) => a.n - b.n)
  const busiest = bylines.at(-1)
  const ownQueue = (authorId: number | undefined) => async () => {
    const counts = await countModerationQueue(deps, authorId)
    await listModerationQueue(deps, { status: 'pending', authorId, limit: 50, offset: 0 })
    return counts.pending
  }
  const subscribers = (search: string) => async () =>
    (await listSubscribers(deps, { search, status: 'confirmed', limit: 50, offset: 0 })).total
  const contact =
    (q = '') =>
    async () =>
      (await listContactMessages(deps, { q, limit: 50, offset: 0 })).total
  const pages: [string, () => Promise<number>][] = [
    ['Stories: all, first page with counts', stories({})],
    ['Stories: published tab, page 3', stories({ status: 'published', page: 3 })],
    ['Stories: drafts tab', stories({ status: 'draft' })],
    ['Stories: deep page (offset 5,000)', stories({ page: 201, perPage: 25 })],
    ['Stories: headline A–Z', stories({ sort: 'title-asc' })],
    ['Stories: oldest published', stories({ sort: 'published-asc' })],
    ['Stories: one section', stories({ categoryId: sections[0]?.id })],
    ['Stories: busiest tag', stories({ tag: busiestTag?.slug })],
    ['Stories: one author', stories({ byAuthorId: busiest?.id })],
    ['Stories: "mine" (author view)', stories({ authorId: busiest?.id })],
    ['Stories: one month', stories({ from: monthAgo, to: monthAgo + 31 * 86_400_000 })],
    [
      'Stories: one month five years back',
      stories({ from: yearsAgo, to: yearsAgo + 31 * 86_400_000 }),
    ],
    ['Stories: search "council"', stories({ q: 'council' })],
    // Words by how many stories hold them in the generated archive (bench-vocabulary.ts).
    [`Stories: search a rare word (${rare})`, stories({ q: rare })],
    [`Stories: search a medium word (${medium})`, stories({ q: medium })],
    [`Stories: search the commonest word (${common})`, stories({ q: common })],
    [
      `Stories: search two words, headline A–Z`,
      stories({ q: `${words.wordAtRank(30)} ${words.wordAtRank(200)}`, sort: 'title-asc' }),
    ],
    [`Stories: search a medium word, drafts tab`, stories({ q: medium, status: 'draft' })],
    [
      `Stories: search a medium word, one section, page 2`,
      stories({ q: medium, categoryId: sections[0]?.id, page: 2 }),
    ],
    [
      'Comments: pending tab with counts',
      async () => {
        const counts = await countModerationQueue(deps)
        await listModerationQueue(deps, { status: 'pending', limit: 50, offset: 0 })
        return counts.pending
      },
    ],
    [`Comments: an author's own queue, most stories (${busiest?.n ?? 0})`, ownQueue(busiest?.id)],
    [
      `Comments: an author's own queue, fewest stories (${bylines[0]?.n ?? 0})`,
      ownQueue(bylines[0]?.id),
    ],
    // The other lists' searches read their own full-text indexes (db/list-search.ts); the
    // generated archive has a comment per story, a subscriber per 10 and a message per 50.
    [`Comments: search a medium word (${medium})`, comments(medium)],
    [`Comments: search the commonest word (${common})`, comments(common)],
    ['Comments: search a half-typed name ("okaf")', comments('okaf')],
    [
      'Subscribers: all with counts',
      async () => (await listSubscribers(deps, { limit: 50, offset: 0 })).total,
    ],
    ['Subscribers: search an address ("jane.doe")', subscribers('jane.doe')],
    ['Subscribers: search a domain ("example.org"), confirmed tab', subscribers('example.org')],
    [
      'Media: all images',
      async () => (await searchMedia(deps, { type: 'image/', perPage: 60 })).total,
    ],
    [
      'Media: search "harbour"',
      async () =>
        (await searchMedia(deps, { search: 'harbour', type: 'image/', perPage: 60 })).total,
    ],
    [
      'Contact messages: all',
      async () => (await listContactMessages(deps, { limit: 50, offset: 0 })).total,
    ],
    [`Contact messages: search a medium word (${medium})`, contact(medium)],
    ['Contact messages: search a domain ("example.com")', contact('example.com')],
  ]
  return pages
}

/** The rows as a Markdown table, each marked against the 100 ms target. */
export function printNewsroomReport(rows: NewsroomRow[], articles: number): void {
  console.log(
    `\nNewsroom lists over ${articles} stories (target: under ${NEWSROOM_TARGET_MS} ms per page with its counts)\n`,
  )
  console.log('| dialect | list page | matched | median ms | slowest ms | median within target |')
  console.log('| --- | --- | ---: | ---: | ---: | --- |')
  for (const row of rows) {
    // The median decides: on a shared machine the slowest run mostly measures the neighbours.
    const ok = row.medianMs < NEWSROOM_TARGET_MS ? 'yes' : 'NO'
    console.log(
      `| ${row.dialect} | ${row.name} | ${row.total} | ${row.medianMs.toFixed(1)} | ${row.maxMs.toFixed(1)} | ${ok} |`,
    )
  }
}
