/**
 * Generate a large synthetic archive fast (`broadsheet seed --articles N`), for benchmarks and
 * scale tests. Stories go through the content domain's batch import, like any importer's, all in
 * one transaction: a failure half-way keeps none of them.
 */
import { listUsers, systemActor } from '../auth/index.js'
import { addComments, type AddedComment, type CommentStatus } from '../comments/index.js'
import { restoreContactMessages } from '../contact/index.js'
import { importArticles, listCategories, type ImportedArticle } from '../content/index.js'
import { AppError } from '../errors.js'
import { noEvents } from '../events.js'
import { transact, type Kernel } from '../kernel.js'
import { restoreSubscribers, type SubscriberRecord } from '../newsletter/index.js'
import { slugify } from '../text/slug.js'
import { benchVocabulary } from './bench-vocabulary.js'

const WORDS = (
  'harbour council city budget river bridge market school station rail festival museum garden ' +
  'minister report league final season match coach players crowd hospital clinic doctors nurses study ' +
  'research battery startup network software data energy climate coast storm weather rain summer winter ' +
  'travel route village island mountain coffee bakery kitchen recipe design homes rent housing streets ' +
  'library theatre film music album stage gallery artist writer readers residents families visitors ' +
  'plan vote talks deal growth prices wages jobs workers factory port ferry airport tunnel'
).split(' ')
const FIRST_NAMES =
  'jane,omar,priya,tom,ana,kofi,lena,marek,sofia,david,mei,ruth,yusuf,clara,ivan,nadia'.split(',')
const LAST_NAMES =
  'doe,okafor,shah,reid,silva,mensah,berg,nowak,rossi,cohen,wong,hughes,aydin,martin,petrov,haddad'.split(
    ',',
  )
const DOMAINS = 'example.org,example.com,mail.test,post.test,inbox.test,newsdesk.test'.split(',')
const VERBS =
  'backs,plans,faces,opens,wins,warns,unveils,delays,rejects,celebrates,weighs,launches'.split(',')

export interface GeneratedStoriesOptions {
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

const GENERATOR = systemActor('generator')

/**
 * Append `articles` generated, published stories spread over the sections, tags and authors,
 * about 40 a day back from an hour before `now`, with what readers send about them: a comment
 * per story on average, a subscriber per 10 stories and a contact message per 50 (so the
 * newsroom's other lists and their searches are measured at scale too). Nothing is announced: rebuild the search index
 * and purge caches afterwards. All or nothing: a failure (even in `onProgress`) adds none of them.
 */
export async function addGeneratedStories(
  deps: Kernel,
  options: GeneratedStoriesOptions,
): Promise<number> {
  const quiet = { ...deps, events: noEvents }
  try {
    return await transact(quiet, (tx) => addStoriesIn(tx, options))
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError(
      'DEMO_FAILED',
      `the generated articles could not be added, and none of them were kept (${reason})`,
      { cause: error },
    )
  }
}

async function addStoriesIn(deps: Kernel, options: GeneratedStoriesOptions): Promise<number> {
  const [categories, authors] = await Promise.all([listCategories(deps), listUsers(deps)])
  if (categories.length === 0 || authors.length === 0)
    throw new AppError(
      'VALIDATION_FAILED',
      'generated stories need at least one section and one user: add the demo content first',
    )
  const tags = WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1))
  const batchSize = Math.min(options.batchSize ?? 400, 1_000)
  const random = rng(options.articles + options.now)
  const spacing = 36 * 60_000
  const stamp = options.now.toString(36)
  let done = 0
  while (done < options.articles) {
    const count = Math.min(batchSize, options.articles - done)
    const batch: ImportedArticle[] = []
    for (let i = 0; i < count; i++) {
      const title = headline(random)
      const publishedAt = new Date(
        options.now - 3_600_000 - (options.articles - done - i) * spacing,
      )
      const first = Math.floor(random() * tags.length)
      const second = (first + 1 + Math.floor(random() * (tags.length - 1))) % tags.length
      batch.push({
        title,
        slug: `${slugify(title, 60)}-${stamp}-${done + i + 1}`,
        standfirst: sentence(random, 18),
        bodyHtml: paragraphs(random),
        excerpt: sentence(random, 24),
        status: 'published',
        publishedAt,
        authorIds: [authors[Math.floor(random() * authors.length)]!.id],
        primaryCategoryId: categories[Math.floor(random() * categories.length)]!.id,
        tags: [tags[first]!, tags[second]!],
      })
    }
    const ids = await importArticles(deps, GENERATOR, batch)
    await addReaderMail(deps, random, {
      stories: ids.map((id, i) => ({ id, publishedAt: batch[i]!.publishedAt! })),
      first: done,
      stamp,
      now: options.now,
    })
    done += count
    options.onProgress?.(done, options.articles)
  }
  return done
}

/**
 * Comments on a batch of stories (0 to 2 each), and subscribers and contact messages in
 * proportion, with names, addresses at a few domains and texts from the bench vocabulary.
 */
async function addReaderMail(
  deps: Kernel,
  random: () => number,
  batch: {
    stories: { id: number; publishedAt: Date }[]
    first: number
    stamp: string
    now: number
  },
): Promise<void> {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
  const person = (n: number) => {
    const first = pick(FIRST_NAMES)
    const last = pick(LAST_NAMES)
    const name = `${first[0]!.toUpperCase()}${first.slice(1)} ${last[0]!.toUpperCase()}${last.slice(1)}`
    return { name, email: `${first}.${last}.${batch.stamp}${n}@${pick(DOMAINS)}` }
  }
  const comments: AddedComment[] = []
  for (const story of batch.stories) {
    // Within a day of the story, and never after now (the newest stories are an hour old).
    const window = Math.max(0, Math.min(86_400_000, batch.now - story.publishedAt.getTime()))
    for (let c = Math.floor(random() * 3); c > 0; c--) {
      const { name, email } = person(batch.first + comments.length)
      const roll = random()
      const status: CommentStatus = roll < 0.8 ? 'approved' : roll < 0.95 ? 'pending' : 'spam'
      comments.push({
        articleId: story.id,
        authorName: name,
        authorEmail: email,
        body: `${sentence(random, 14)} ${sentence(random, 8)}`,
        status,
        createdAt: new Date(story.publishedAt.getTime() + Math.floor(random() * window)),
      })
    }
  }
  await addComments(deps, GENERATOR, comments)
  const subscribers: Omit<SubscriberRecord, 'id'>[] = []
  const messages: Parameters<typeof restoreContactMessages>[2] = []
  for (const [i, story] of batch.stories.entries()) {
    const n = batch.first + i
    if (n % 10 === 0) {
      const { name, email } = person(n)
      const left = random() < 0.15
      subscribers.push({
        email,
        name,
        status: left ? 'unsubscribed' : random() < 0.1 ? 'pending' : 'confirmed',
        source: 'generated',
        createdAt: story.publishedAt,
        confirmedAt: story.publishedAt,
        unsubscribedAt: left ? story.publishedAt : null,
      })
    }
    if (n % 50 === 0) {
      const { name, email } = person(n)
      messages.push({
        name,
        email,
        subject: sentence(random, 5),
        message: `${sentence(random, 20)} ${sentence(random, 16)}`,
        createdAt: story.publishedAt,
      })
    }
  }
  await restoreSubscribers(deps, GENERATOR, subscribers)
  await restoreContactMessages(deps, GENERATOR, messages)
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
