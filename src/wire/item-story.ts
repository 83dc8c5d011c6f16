/**
 * How a feed item becomes a story: the body for its mode (an excerpt with a prominent link to
 * the original, or the whole licensed body with an attribution line), the byline, the canonical
 * link, tags, and the rules that skip items (keywords, age). Pure; the HTML is sanitized by
 * `importArticles` like every body.
 */
import { escapeHtml, type ImportedArticle } from '../content/index.js'
import type { FeedItem } from './feed-item.js'
import type { WireSource } from './source.repository.js'

const MAX_TAGS = 10

/** What a story needs from the item: a FeedItem, or one kept on the desk. */
export type StoryItem = Pick<
  FeedItem,
  'title' | 'link' | 'author' | 'categories' | 'excerpt' | 'contentHtml' | 'summaryHtml'
> & { publishedAt: Date; image: { url: string; alt?: string | undefined } | undefined }

type StorySource = Pick<
  WireSource,
  'name' | 'mode' | 'sectionId' | 'authorId' | 'tags' | 'mapCategories'
>

/**
 * The story for `item` from `source`, as a draft or published. With `featuredMediaId` (the
 * item's image, downloaded into the library) the image is the story's featured image; without
 * it, the body shows the image from the source.
 */
export function storyFor(
  item: StoryItem,
  source: StorySource,
  status: 'draft' | 'published',
  featuredMediaId?: number,
): ImportedArticle {
  const featured =
    featuredMediaId === undefined
      ? {}
      : { featuredMediaId, featuredAlt: item.image?.alt ?? '', featuredCredit: source.name }
  return {
    ...featured,
    title: item.title,
    standfirst: standfirstFor(item, source),
    bodyHtml: storyBody(
      featuredMediaId === undefined ? item : { ...item, image: undefined },
      source,
    ),
    excerpt: item.excerpt,
    status,
    publishedAt: status === 'published' ? item.publishedAt : null,
    createdAt: item.publishedAt,
    authorIds: source.authorId === null ? [] : [source.authorId],
    primaryCategoryId: source.sectionId,
    tags: storyTags(item, source),
    canonicalUrl: item.link ?? '',
  }
}

/** The body: byline, image, then the excerpt and its link, or the whole body and its credit. */
export function storyBody(item: StoryItem, source: StorySource): string {
  const name = escapeHtml(source.name)
  const link = item.link ? escapeHtml(item.link) : undefined
  const parts: string[] = []
  if (item.author) parts.push(`<p><em>By ${escapeHtml(item.author)}, ${name}</em></p>`)
  const body = item.contentHtml ?? item.summaryHtml
  if (source.mode === 'full' && body) {
    parts.push(body)
    parts.push(
      link
        ? `<p><em>Originally published by <a href="${link}">${name}</a>.</em></p>`
        : `<p><em>Originally published by ${name}.</em></p>`,
    )
  } else {
    if (item.image)
      parts.push(
        `<figure class="image"><img src="${escapeHtml(item.image.url)}" alt="${escapeHtml(item.image.alt ?? '')}"></figure>`,
      )
    if (item.excerpt) parts.push(`<p>${escapeHtml(item.excerpt)}</p>`)
    parts.push(
      link
        ? `<p><strong><a href="${link}">Read the full story at ${name}</a></strong></p>`
        : `<p><strong>From ${name}</strong></p>`,
    )
  }
  return parts.join('\n')
}

/**
 * The standfirst: the feed's own summary, in full mode, when the body does not begin with it.
 * An excerpt story's body is the excerpt, and most summaries are the body's first words: shown
 * above the body, either would say the same thing twice.
 */
function standfirstFor(item: StoryItem, source: StorySource): string {
  if (source.mode !== 'full' || !item.contentHtml || !item.summaryHtml) return ''
  // Its first words, less the last one (a summary is often cut mid-word, with "…" or "[…]").
  const words = plainWords(item.summaryHtml).split(' ')
  const opening = words.slice(0, Math.min(12, words.length - 1)).join(' ')
  if (!opening || plainWords(item.contentHtml).startsWith(opening)) return ''
  return item.excerpt
}

function plainWords(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

function storyTags(item: StoryItem, source: StorySource): string[] {
  const seen = new Map<string, string>()
  for (const tag of [...source.tags, ...(source.mapCategories ? item.categories : [])]) {
    const clean = tag.trim().slice(0, 80)
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean)
  }
  return [...seen.values()].slice(0, MAX_TAGS)
}

/**
 * Why a source's rules skip the item, or undefined to take it: include words (one must appear),
 * exclude words (none may), maximum age.
 */
export function skipReason(
  item: Pick<FeedItem, 'title' | 'text' | 'publishedAt'>,
  source: Pick<WireSource, 'includeWords' | 'excludeWords' | 'maxAgeDays'>,
  now: Date,
): string | undefined {
  const haystack = ` ${item.title} ${item.text} `.toLowerCase()
  const has = (word: string) =>
    new RegExp(`(^|\\W)${escapeRegExp(word.toLowerCase())}(\\W|$)`, 'u').test(haystack)
  if (source.includeWords.length > 0 && !source.includeWords.some(has)) return 'no include word'
  const excluded = source.excludeWords.find(has)
  if (excluded) return `has "${excluded}"`
  if (
    source.maxAgeDays !== null &&
    item.publishedAt.getTime() < now.getTime() - source.maxAgeDays * 86_400_000
  )
    return 'too old'
  return undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
