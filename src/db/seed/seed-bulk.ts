/**
 * Generate a large synthetic archive fast (`broadsheet seed --articles N`), for benchmarks and
 * scale tests. Writes rows in batches inside transactions, straight through Kysely: running a
 * hundred thousand stories through the one-at-a-time services would take minutes.
 */
import type { Kysely } from 'kysely'
import { listCategories } from '../../content/index.js'
import { slugify } from '../../text/slug.js'
import type { Database } from '../database.js'
import { benchVocabulary } from './bench-vocabulary.js'

const WORDS = (
  'harbour council city budget river bridge market school station rail festival museum garden ' +
  'minister report league final season match coach players crowd hospital clinic doctors nurses study ' +
  'research battery startup network software data energy climate coast storm weather rain summer winter ' +
  'travel route village island mountain coffee bakery kitchen recipe design homes rent housing streets ' +
  'library theatre film music album stage gallery artist writer readers residents families visitors ' +
  'plan vote talks deal growth prices wages jobs workers factory port ferry airport tunnel'
).split(' ')
const VERBS =
  'backs,plans,faces,opens,wins,warns,unveils,delays,rejects,celebrates,weighs,launches'.split(',')

export interface BulkSeedOptions {
  articles: number
  batchSize?: number
  now: number
  onProgress?: (done: number, total: number) => void
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

/** Append `articles` generated, published stories spread over the sections, tags and authors. */
export async function seedBulk(db: Kysely<Database>, options: BulkSeedOptions): Promise<number> {
  const categories = await listCategories(db)
  const authors = await db.selectFrom('users').select('id').execute()
  if (categories.length === 0 || authors.length === 0) {
    throw new Error('bulk seeding needs at least one section and one user: run the demo seed first')
  }
  const tagIds = await ensureTags(db, options.now)
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]))
  const batchSize = options.batchSize ?? 400
  const random = rng(options.articles + options.now)
  const last = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max<number>('id').as('m'))
    .executeTakeFirst()
  const startId = Number(last?.m ?? 0)
  // Spread stories back in time, about 40 a day, ending an hour before now.
  const spacing = 36 * 60_000
  let done = 0
  while (done < options.articles) {
    const count = Math.min(batchSize, options.articles - done)
    await db.transaction().execute(async (trx) => {
      const rows = []
      for (let i = 0; i < count; i++) {
        const n = startId + done + i + 1
        const title = headline(random)
        const body = paragraphs(random)
        const publishedAt = options.now - 3_600_000 - (options.articles - done - i) * spacing
        const words = body.split(/\s+/).length
        rows.push({
          title,
          slug: `${slugify(title, 60)}-${n}`,
          standfirst: sentence(random, 18),
          body_html: body,
          excerpt: sentence(random, 24),
          status: 'published' as const,
          published_at: publishedAt,
          created_at: publishedAt,
          updated_at: publishedAt,
          author_id: authors[Math.floor(random() * authors.length)]!.id,
          primary_category_id: categories[Math.floor(random() * categories.length)]!.id,
          word_count: words,
          reading_minutes: Math.max(1, Math.ceil(words / 200)),
        })
      }
      const inserted = await trx
        .insertInto('articles')
        .values(rows)
        .returning(['id', 'slug'])
        .execute()
      const bySlug = new Map(inserted.map((r) => [r.slug, r.id]))
      const cats = []
      const tags = []
      const auths = []
      for (const row of rows) {
        const id = bySlug.get(row.slug)!
        cats.push({
          article_id: id,
          category_id: row.primary_category_id,
          position: 0,
          inherited: 0,
          listed_at: row.published_at,
        })
        const parent = parentOf.get(row.primary_category_id)
        if (parent)
          cats.push({
            article_id: id,
            category_id: parent,
            position: 1,
            inherited: 1,
            listed_at: row.published_at,
          })
        const first = Math.floor(random() * tagIds.length)
        const second = (first + 1 + Math.floor(random() * (tagIds.length - 1))) % tagIds.length
        tags.push({
          article_id: id,
          tag_id: tagIds[first]!,
          position: 0,
          listed_at: row.published_at,
        })
        if (second !== first)
          tags.push({
            article_id: id,
            tag_id: tagIds[second]!,
            position: 1,
            listed_at: row.published_at,
          })
        auths.push({
          article_id: id,
          user_id: row.author_id,
          position: 0,
          listed_at: row.published_at,
        })
      }
      await trx.insertInto('article_categories').values(cats).execute()
      await trx.insertInto('article_tags').values(tags).execute()
      await trx.insertInto('article_authors').values(auths).execute()
    })
    done += count
    options.onProgress?.(done, options.articles)
  }
  return done
}

async function ensureTags(db: Kysely<Database>, now: number): Promise<number[]> {
  const existing = await db.selectFrom('tags').select(['id', 'slug']).execute()
  const have = new Set(existing.map((t) => t.slug))
  const wanted = WORDS.map((w) => ({ name: w[0]!.toUpperCase() + w.slice(1), slug: w })).filter(
    (t) => !have.has(t.slug),
  )
  if (wanted.length > 0)
    await db
      .insertInto('tags')
      .values(wanted.map((t) => ({ ...t, created_at: now })))
      .execute()
  return (await db.selectFrom('tags').select('id').execute()).map((t) => t.id)
}

function word(random: () => number): string {
  return benchVocabulary().words(random, 1)[0]!
}

function headline(random: () => number): string {
  const subject = `${word(random)} ${word(random)}`
  const text = `${subject} ${VERBS[Math.floor(random() * VERBS.length)]} ${word(random)} ${word(random)}`
  return text[0]!.toUpperCase() + text.slice(1)
}

function sentence(random: () => number, words: number): string {
  const text = benchVocabulary().words(random, words).join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

function paragraphs(random: () => number): string {
  const out: string[] = []
  for (let p = 0; p < 5; p++)
    out.push(`<p>${sentence(random, 20)} ${sentence(random, 22)} ${sentence(random, 16)}</p>`)
  return out.join('\n')
}
