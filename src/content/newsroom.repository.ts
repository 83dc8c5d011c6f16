import {
  sql,
  SqliteAdapter,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
} from 'kysely'
import type { Database } from '../db/database.js'
import type { ArticleStatus } from './article.table.js'

type Db = Kysely<Database>

/** How the newsroom's article list can be ordered. */
export type NewsroomSort =
  'updated-desc' | 'updated-asc' | 'published-desc' | 'published-asc' | 'title-asc' | 'title-desc'

/** Where a story without a publication date sorts: after every dated one, in either order. */
export const NEVER_DESC = -1
export const NEVER_ASC = 253_402_300_800_000 // 10000-01-01, as epoch ms

/** The newsroom list's filters, as SQL sees them (every field optional). */
export interface NewsroomWhere {
  status?: ArticleStatus | undefined
  /** Only articles this user wrote or co-wrote ("mine", or a writer below editor). */
  authorId?: number | undefined
  /** A second author condition (the author filter), ANDed with `authorId`. */
  byAuthorId?: number | undefined
  categoryId?: number | undefined
  tagId?: number | undefined
  /** Epoch ms bounds on publication time, inclusive. */
  from?: number | undefined
  to?: number | undefined
  /** The search, from the newsroom's full-text index (see `NewsroomText`). */
  text?: NewsroomText | undefined
}

/**
 * The stories a search matched, as conditions on `articles.id` (the search domain makes them).
 * Few matches are read first and their stories fetched by id (`seek`); many are tested as the
 * page walks its order index (`probe`), because fetching a row per match costs more than the
 * walk once matches run to thousands. The counts always fetch by id: a search keeps at most its
 * newest 20,000 matches, and walking a million stories' status index to test each costs more.
 */
export interface NewsroomText {
  seek: Expression<SqlBool>
  probe: Expression<SqlBool>
  fewMatches: boolean
  /** Set when only the newest this-many matches are searched (a word in most stories). */
  newestOnly?: number | undefined
}

/** The filters as one WHERE condition on `articles` (TRUE when there are none). */
function matches(
  eb: ExpressionBuilder<Database, 'articles'>,
  where: NewsroomWhere,
  /** Counts fetch the matches by id: a search finds at most `SEARCHED_MATCHES` of them. */
  use: 'page' | 'count' = 'page',
) {
  const all: Expression<SqlBool>[] = []
  if (where.status !== undefined) all.push(eb('articles.status', '=', where.status))
  for (const userId of [where.authorId, where.byAuthorId]) {
    if (userId === undefined) continue
    all.push(
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'articles.id')
          .where('aa.user_id', '=', userId),
      ),
    )
  }
  if (where.categoryId !== undefined) {
    all.push(
      eb.exists(
        eb
          .selectFrom('article_categories as ac')
          .select('ac.article_id')
          .whereRef('ac.article_id', '=', 'articles.id')
          .where('ac.category_id', '=', where.categoryId),
      ),
    )
  }
  if (where.tagId !== undefined) {
    all.push(
      eb.exists(
        eb
          .selectFrom('article_tags as at')
          .select('at.article_id')
          .whereRef('at.article_id', '=', 'articles.id')
          .where('at.tag_id', '=', where.tagId),
      ),
    )
  }
  if (where.from !== undefined) all.push(eb('articles.published_at', '>=', where.from))
  if (where.to !== undefined) all.push(eb('articles.published_at', '<=', where.to))
  if (where.text !== undefined)
    all.push(where.text.fewMatches || use === 'count' ? where.text.seek : where.text.probe)
  return eb.and(all)
}

const ALL_STATUSES: ArticleStatus[] = ['draft', 'pending', 'scheduled', 'published', 'archived']

/**
 * A date range holding at most this many stories is read from the status and date index and
 * sorted; a wider one walks the order's index. Walking the last-updated index to a month five
 * years back tests every story updated since (400 ms at 100,000 stories); reading that month and
 * sorting it costs 10.
 */
export const RANGE_SORTED = 20_000

/**
 * SQLite: a section's, tag's or person's stories, up to this many, are read from that link's
 * index and sorted. Walking the order's index for them tests every story until the page is
 * found: "mine" for someone with one story walked a million (1.5 s cold, 270 ms warm).
 * PostgreSQL weighs the two itself, from its statistics.
 */
export const FEW_LINKED = 2_000

/**
 * The ids of the stories linked to the one section, tag or person `where` names beside a
 * status (undefined for any other combination, whose link list may be far longer than its
 * matches).
 */
function linkedIds(db: Db, where: NewsroomWhere) {
  const links = [where.authorId, where.byAuthorId, where.categoryId, where.tagId]
  const dated = where.from !== undefined || where.to !== undefined
  if (dated || links.filter((id) => id !== undefined).length !== 1) return undefined
  const person = where.authorId ?? where.byAuthorId
  if (person !== undefined)
    return db
      .selectFrom('article_authors')
      .select('article_authors.article_id')
      .where('article_authors.user_id', '=', person)
  if (where.categoryId !== undefined)
    return db
      .selectFrom('article_categories')
      .select('article_categories.article_id')
      .where('article_categories.category_id', '=', where.categoryId)
  if (where.tagId !== undefined)
    return db
      .selectFrom('article_tags')
      .select('article_tags.article_id')
      .where('article_tags.tag_id', '=', where.tagId)
  return undefined
}

/** One page of ids for the newsroom's article list, in the chosen order. */
export async function listNewsroomIds(
  db: Db,
  where: NewsroomWhere,
  page: {
    sort?: NewsroomSort
    limit: number
    offset: number
    /** How many stories match `where` (the counts), when known. */
    matched?: number
    /** How many match `where` in any status (a link's whole list), when known. */
    matchedAnyStatus?: number
  },
): Promise<number[]> {
  const ranged =
    (where.from !== undefined || where.to !== undefined) &&
    where.text === undefined &&
    page.matched !== undefined &&
    page.matched <= RANGE_SORTED
  // PostgreSQL weighs a sort against a walk from its statistics (and has no `+` for text).
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const linked =
    sqlite &&
    !ranged &&
    where.text === undefined &&
    page.matchedAnyStatus !== undefined &&
    page.matchedAnyStatus <= FEW_LINKED
      ? linkedIds(db, where)
      : undefined
  const sorted = sqlite && (ranged || linked !== undefined)
  let query = db
    .selectFrom('articles')
    .select('articles.id')
    .where((eb) => matches(eb, where))
  // The few linked stories drive the query (by id), and the order's columns behind `+` keep
  // any index from walking it: they are sorted.
  if (linked) query = query.where('articles.id', 'in', linked)
  // Every status named, so the range is read from the (status, published_at) index, and the
  // order's column behind `+`, so no index walks it: the range's stories are sorted instead.
  if (ranged && where.status === undefined)
    query = query.where('articles.status', 'in', ALL_STATUSES)
  const column = (name: 'updated_at' | 'title') =>
    sorted ? sql`+${sql.ref(`articles.${name}`)}` : sql.ref(`articles.${name}`)
  switch (page.sort ?? 'updated-desc') {
    case 'updated-asc':
      query = query.orderBy(column('updated_at'), 'asc').orderBy('articles.id', 'asc')
      break
    case 'published-desc':
    case 'published-asc': {
      const direction = page.sort === 'published-asc' ? 'asc' : 'desc'
      // Stories never published sort after the rest either way. Where every story has a
      // date (the published and scheduled tabs) the status index serves the order; elsewhere
      // the expression indexes of migration 2026_12_08_1200 do (one per direction).
      const dated = where.status === 'published' || where.status === 'scheduled'
      const key = dated
        ? sql<number>`${sql.ref('articles.published_at')}`
        : direction === 'desc'
          ? sql<number>`coalesce(${sql.ref('articles.published_at')}, ${sql.lit(NEVER_DESC)})`
          : sql<number>`coalesce(${sql.ref('articles.published_at')}, ${sql.lit(NEVER_ASC)})`
      query = query
        .orderBy(linked ? sql<number>`+${key}` : key, direction)
        .orderBy('articles.id', direction)
      break
    }
    case 'title-asc':
      query = query.orderBy(column('title'), 'asc').orderBy('articles.id', 'asc')
      break
    case 'title-desc':
      query = query.orderBy(column('title'), 'desc').orderBy('articles.id', 'desc')
      break
    default:
      query = query.orderBy(column('updated_at'), 'desc').orderBy('articles.id', 'desc')
  }
  const rows = await query.limit(page.limit).offset(page.offset).execute()
  return rows.map((r) => r.id)
}

/** How many articles match the filters in each status (the filters' own status is ignored). */
export async function countByStatus(
  db: Db,
  where: NewsroomWhere | number | undefined = {},
): Promise<Partial<Record<ArticleStatus, number>>> {
  const filters = typeof where === 'number' ? { authorId: where } : (where ?? {})
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const kept = await keptCounts(db, filters)
    if (kept) return kept
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    // A status at a time, each a range of the (status, published_at) index: grouping would
    // read the whole index to find one month's stories.
    const [first, ...rest] = ALL_STATUSES.map((status) =>
      db
        .selectFrom('articles')
        .select([sql.lit(status).as('status'), (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => matches(eb, { ...filters, status }, 'count')),
    )
    const rows = await rest.reduce((all, arm) => all.unionAll(arm), first!).execute()
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
  }
  const rows = await db
    .selectFrom('articles')
    .select(['articles.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => matches(eb, { ...filters, status: undefined }, 'count'))
    .groupBy('articles.status')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

/**
 * SQLite keeps the counts for every story, and for one section, tag or byline alone, in tables
 * of their own (migrations 2026_12_14_1000 and 2026_12_14_1100): read them there. Undefined
 * for any other combination of filters, which is counted.
 */
async function keptCounts(
  db: Db,
  filters: NewsroomWhere,
): Promise<Partial<Record<ArticleStatus, number>> | undefined> {
  const set = Object.entries(filters).filter(
    ([key, value]) => key !== 'status' && value !== undefined,
  )
  const facet = (kind: 'c' | 't' | 'a', ref: number) =>
    sql<{ status: ArticleStatus; n: number }>`select status, n from story_facet_counts
      where kind = ${kind} and ref = ${ref} and n > 0`
  const [only] = set
  const query =
    set.length === 0
      ? sql<{ status: ArticleStatus; n: number }>`select status, n from story_counts where n > 0`
      : set.length !== 1 || typeof only?.[1] !== 'number'
        ? undefined
        : only[0] === 'categoryId'
          ? facet('c', only[1])
          : only[0] === 'tagId'
            ? facet('t', only[1])
            : only[0] === 'authorId' || only[0] === 'byAuthorId'
              ? facet('a', only[1])
              : undefined
  if (!query) return undefined
  const rows = await query.execute(db)
  return Object.fromEntries(rows.rows.map((r) => [r.status, Number(r.n)]))
}
