/**
 * The Content API's link listings: a filter on tags, authors, a primary tag or a primary author
 * (one slug or several, alone or with other tests) read newest or oldest first from the indexes
 * that hold the stories of one link in publication order, instead of testing every published
 * story for the link. Each slug is one arm, read from its own index in order; the arms are
 * merged (UNION ALL, so both databases merge them in order and stop at the page) and a story
 * that an earlier arm already lists is skipped by a primary-key probe. The rest of the filter is
 * tested on each story the arms read, by primary key.
 */
import {
  sql,
  SqliteAdapter,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely'
import type { Database } from '../db/database.js'
import type { ApiFilter } from './api-query.js'

type Db = Kysely<Database>
type Cond = Expression<SqlBool>
/** The filter tree as SQL on the story aliased `a` (the repository's translation). */
export type ConditionOn = (
  eb: ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>,
  filter: ApiFilter,
) => Cond

/** One page of a listing holds at most this many slugs; more go the general way. */
const MAX_SLUGS = 8

/** Which link the arm reads, and the row that says a story has it (for the later arms' skip). */
interface Arm {
  table: 'article_tags' | 'article_categories' | 'article_authors' | 'articles'
  target: 'tag_id' | 'category_id' | 'user_id' | 'primary_category_id' | 'author_id'
  /** The id of the slug's tag, section or person. */
  id: Expression<number | null>
  /** The primary tag's tag arm: stories without a section whose first tag this is. */
  firstTagOnly?: boolean
}

/** A filter split into the arms that list its stories and what is left to test on each. */
export interface Listing {
  arms: Arm[]
  rest: ApiFilter | undefined
  /** Whether two arms may list one story (several tags or people), so later arms skip it. */
  overlapping: boolean
}

/**
 * The listing that serves `filter` for readers, or undefined when no conjunct names a link by
 * slug (equality or a short list). The first such conjunct drives; the others are the rest.
 */
export function findListing(db: Db, filter: ApiFilter | undefined): Listing | undefined {
  if (!filter) return
  const parts = conjuncts(filter)
  const index = parts.findIndex((part) => slugsOf(part) !== undefined)
  if (index < 0) return
  const driver = parts[index] as ApiFilter & { field: string }
  const slugs = slugsOf(driver) ?? []
  const others = parts.filter((_, i) => i !== index)
  const rest = others.length === 0 ? undefined : others.length === 1 ? others[0] : { and: others }
  const idOf = (table: 'tags' | 'categories' | 'users', slug: string) =>
    sql<number>`(${db.selectFrom(table).select('id').where('slug', '=', slug)})`
  const arms: Arm[] = []
  for (const slug of slugs)
    switch (driver.field) {
      case 'tags.slug':
        arms.push(
          { table: 'article_tags', target: 'tag_id', id: idOf('tags', slug) },
          { table: 'article_categories', target: 'category_id', id: idOf('categories', slug) },
        )
        break
      case 'authors.slug':
        arms.push({ table: 'article_authors', target: 'user_id', id: idOf('users', slug) })
        break
      case 'primary_tag.slug':
        arms.push(
          { table: 'articles', target: 'primary_category_id', id: idOf('categories', slug) },
          { table: 'article_tags', target: 'tag_id', id: idOf('tags', slug), firstTagOnly: true },
        )
        break
      default:
        arms.push({ table: 'articles', target: 'author_id', id: idOf('users', slug) })
    }
  // A story has one primary tag and one primary author: those arms never list it twice.
  const overlapping = driver.field === 'tags.slug' || driver.field === 'authors.slug'
  return { arms, rest, overlapping }
}

function conjuncts(filter: ApiFilter): ApiFilter[] {
  return 'and' in filter ? filter.and.flatMap(conjuncts) : [filter]
}

const LINK_FIELDS = ['tags.slug', 'authors.slug', 'primary_tag.slug', 'primary_author.slug']

function slugsOf(filter: ApiFilter): string[] | undefined {
  if (!('field' in filter) || !LINK_FIELDS.includes(filter.field)) return
  const values = filter.op === 'eq' ? [filter.value] : filter.op === 'in' ? filter.value : []
  if (values.length === 0 || values.length > MAX_SLUGS) return
  if (!values.every((v): v is string => typeof v === 'string')) return
  return [...new Set(values)]
}

/** An arm's rows, typed as the tag listing's (every link table has the same columns). */
type ArmQuery = SelectQueryBuilder<
  Database & { l: Database['article_tags']; a: Database['articles'] },
  'l' | 'a',
  { article_id: number; listed_at: number | null }
>

/**
 * The stories of `listing` published by `now`, as `(article_id, listed_at)` rows: the arms
 * merged, each skipping what an earlier arm lists and testing the rest of the filter.
 */
export function listingRows(db: Db, now: number, listing: Listing, conditionOn: ConditionOn) {
  const [first, ...more] = armsOf(db, now, listing, conditionOn)
  if (!first) throw new Error('a listing has at least one arm')
  return more.reduce((all, next) => all.unionAll(next), first)
}

/**
 * One page of `listing`'s story ids in publication order. Each arm reads its index in that
 * order and stops after `offset + limit` stories (neither database merges arms in order under
 * a page: PostgreSQL appends them, so each is capped here); only those few rows are sorted.
 */
export async function listingPage(
  db: Db,
  now: number,
  listing: Listing,
  conditionOn: ConditionOn,
  page: { direction: 'asc' | 'desc'; limit: number; offset: number },
): Promise<number[]> {
  const { direction, limit, offset } = page
  const ordered = (query: ArmQuery) =>
    query.orderBy('listed_at', direction).orderBy('article_id', direction)
  const arms = armsOf(db, now, listing, conditionOn)
  // SQLite merges the arms of a compound SELECT in order (each read from its index) and stops
  // at the page; PostgreSQL does not merge UNION ALL, so there each arm stops after the rows the
  // page can need and only those are sorted.
  const [first, ...more] =
    arms.length === 1 || db.getExecutor().adapter instanceof SqliteAdapter
      ? arms
      : arms.map(
          (arm, i) =>
            db
              .selectFrom(
                ordered(arm)
                  .limit(offset + limit)
                  .as(`arm${i}`),
              )
              .selectAll() as ArmQuery,
        )
  if (!first) throw new Error('a listing has at least one arm')
  const rows = await ordered(more.reduce((all, next) => all.unionAll(next), first))
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => r.article_id)
}

function armsOf(db: Db, now: number, listing: Listing, conditionOn: ConditionOn): ArmQuery[] {
  return listing.arms.map((arm, i) => {
    let query = armRows(db, now, arm, listing.rest !== undefined)
    const rest = listing.rest
    if (rest) query = query.where((eb) => conditionOn(eb as never, rest))
    if (listing.overlapping)
      for (const earlier of listing.arms.slice(0, i)) query = query.where(notIn(earlier))
    return query
  })
}

/** The story of link row `l` is not listed by `arm` (its link table's primary key answers). */
function notIn(arm: Arm): Cond {
  const chosen = arm.table === 'article_categories' ? sql`and e.inherited = 0` : sql``
  return sql<SqlBool>`not exists (select 1 from ${sql.table(arm.table)} as e where e.article_id = ${sql.ref('l.article_id')} and ${sql.ref(`e.${arm.target}`)} = ${arm.id} ${chosen})`
}

/** One arm's rows: the link's index range of stories published by `now`, in order. */
function armRows(db: Db, now: number, arm: Arm, testsStory: boolean): ArmQuery {
  const target = (alias: string) => sql<SqlBool>`${sql.ref(`${alias}.${arm.target}`)} = ${arm.id}`
  if (arm.table === 'articles')
    // A primary section or author is the story's own column: its (column, status, published_at)
    // index lists them in order, aliased as a link row so the arms line up.
    return db
      .selectFrom('articles as a')
      .select([sql<number>`a.id`.as('article_id'), 'a.published_at as listed_at'])
      .where(target('a'))
      .where('a.status', '=', 'published')
      .where('a.published_at', 'is not', null)
      .where('a.published_at', '<=', now)
  let query = (db.selectFrom(`${arm.table} as l` as 'article_tags as l') as ArmQuery)
    .where(target('l'))
    .where('l.listed_at', 'is not', null)
    .where('l.listed_at', '<=', now)
  // The story itself only when something about it is tested (by primary key, row by row).
  if (testsStory || arm.firstTagOnly)
    query = query.innerJoin('articles as a', 'a.id', 'l.article_id')
  // A literal, so the planner can use the partial index of chosen sections.
  if (arm.table === 'article_categories') query = query.where(sql<SqlBool>`l.inherited = 0`)
  if (arm.firstTagOnly)
    query = query
      .where('a.primary_category_id', 'is', null)
      .where(
        sql<SqlBool>`l.position = (select min(p.position) from article_tags as p where p.article_id = l.article_id)`,
      )
  return query.select(['l.article_id', 'l.listed_at'])
}
