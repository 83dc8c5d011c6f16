/**
 * Fill an empty database with the demo newsroom: The Broadsheet Gazette, its sections,
 * authors, 40-odd original stories with generated illustrations, comments, pages, menus
 * and settings. Everything goes through the domain services, so it is what an editor would make.
 */
import { recordViews } from '../analytics/index.js'
import { createUser, systemActor, type Actor, type User } from '../auth/index.js'
import { fixedClock } from '../clock.js'
import { addComments } from '../comments/index.js'
import {
  createArticle,
  createCategory,
  createPage,
  escapeHtml,
  type Category,
} from '../content/index.js'
import { AppError } from '../errors.js'
import { noEvents } from '../events.js'
import { transact, type Kernel } from '../kernel.js'
import { addStoredMedia, type MediaStorage } from '../media/index.js'
import { reindexAll, type SearchIndex } from '../search/index.js'
import { replaceMenu, updateSiteSettings } from '../settings/index.js'
import { slugify } from '../text/slug.js'
import {
  DEMO_ARTICLES,
  DEMO_AUTHORS,
  DEMO_PAGES,
  DEMO_SECTIONS,
  DEMO_SUBSECTIONS,
  type DemoArticle,
  type DemoComment,
} from './demo-content.js'
import { avatarIllustration, houseAd, storyIllustration } from './demo-images.js'
import { addGeneratedStories, type GeneratedStoriesOptions } from './generated-stories.js'

/** What filling the demo needs: the kernel, where media goes and the search index. */
export interface DemoDeps extends Kernel {
  storage: MediaStorage
  search: SearchIndex
}

const HOUR = 3_600_000
const DEMO_CREDIT = 'Illustration: Broadsheet demo art'
const DEMO: Actor = systemActor('demo')

/**
 * Fill an empty database with the demo newsroom, all or nothing: one transaction, so a failure
 * half-way leaves the database empty (and says so) instead of a partial demo served forever.
 * Nothing is announced while it runs; the search index is rebuilt at the end. With `generate`,
 * generated stories are appended in the same transaction (`seed --articles N` on an empty
 * database): a failure there keeps none of the demo either.
 */
export async function fillDemo(
  deps: DemoDeps,
  options: { generate?: GeneratedStoriesOptions } = {},
): Promise<{ articles: number; generated: number; indexed: number }> {
  const quiet = { ...deps, events: noEvents }
  const { generate } = options
  let articles: number
  let generated = 0
  try {
    articles = await transact(quiet, async (tx) => {
      const demo = await seedDemo({ ...tx, storage: deps.storage })
      if (generate) generated = await addGeneratedStories(tx, generate)
      return demo
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError(
      'DEMO_FAILED',
      `the demo content could not be added, and nothing of it was kept (${reason})`,
      { cause: error },
    )
  }
  const indexed = await reindexAll({ ...deps, index: deps.search })
  return { articles, generated, indexed }
}

type SeedDeps = Kernel & { storage: MediaStorage }

async function seedDemo(deps: SeedDeps): Promise<number> {
  const now = deps.clock.now().getTime()
  const authors = await seedAuthors(deps)
  const sections = await seedSections(deps)
  await seedSiteChrome(deps, sections)

  const sorted = [...DEMO_ARTICLES].sort((a, b) => b.hoursAgo - a.hoursAgo)
  const mediaIds = await writeIllustrations(deps, sorted, now)
  const figureOf = (title: string): DemoFigure | undefined => {
    const index = sorted.findIndex((d) => d.title === title)
    const mediaId = mediaIds[index]
    const demo = sorted[index]
    if (mediaId === undefined || !demo) return undefined
    const url = deps.storage.url(`demo/${slugify(demo.title, 60) || 'story'}.svg`)
    return { mediaId, url, alt: demo.imageAlt, width: 1600, height: 900 }
  }
  for (const [index, demo] of sorted.entries()) {
    const publishedAt = now - demo.hoursAgo * HOUR
    // Each story is written and published at its own time.
    const at = { ...deps, clock: fixedClock(new Date(publishedAt)) }
    const author = authors.get(demo.author)
    const coAuthor = demo.coAuthor ? authors.get(demo.coAuthor) : undefined
    const article = await createArticle(
      at,
      DEMO,
      {
        title: demo.title,
        standfirst: demo.standfirst,
        bodyHtml: toHtml(demo.body, figureOf),
        primaryCategoryId: sections.get(demo.subsection ?? demo.section)?.id ?? null,
        tags: demo.tags,
        authorIds: [author?.id, coAuthor?.id].filter((id): id is number => id !== undefined),
        featuredMediaId: mediaIds[index] ?? null,
        featuredAlt: demo.imageAlt,
        featuredCaption: demo.imageCaption,
        isEditorsPick: demo.editorsPick ?? false,
        isFeatured: demo.featured ?? false,
      },
      { then: 'publish' },
    )
    await seedComments(deps, article.id, null, demo.comments ?? [], publishedAt)
    await seedViews(deps, article.id, index, publishedAt, now)
  }
  return sorted.length
}

async function seedAuthors(deps: SeedDeps): Promise<Map<string, User>> {
  const out = new Map<string, User>()
  for (const demo of DEMO_AUTHORS) {
    const file = `demo/avatar-${demo.slug}.svg`
    await deps.storage.put(file, Buffer.from(avatarIllustration(demo.name)))
    const user = await createUser(deps, DEMO, {
      email: demo.email,
      name: demo.name,
      role: demo.role,
      bio: demo.bio,
      social: demo.social,
      avatarUrl: deps.storage.url(file),
    })
    out.set(demo.slug, user)
  }
  return out
}

async function seedSections(deps: SeedDeps): Promise<Map<string, Category>> {
  const out = new Map<string, Category>()
  for (const [position, section] of DEMO_SECTIONS.entries()) {
    out.set(section.slug, await createCategory(deps, DEMO, { ...section, position }))
  }
  for (const [position, sub] of DEMO_SUBSECTIONS.entries()) {
    out.set(
      sub.slug,
      await createCategory(deps, DEMO, {
        name: sub.name,
        slug: sub.slug,
        description: sub.description,
        parentSlug: sub.parent,
        position,
      }),
    )
  }
  return out
}

async function seedSiteChrome(deps: SeedDeps, sections: Map<string, Category>): Promise<void> {
  const pageIds = new Map<string, number>()
  for (const page of DEMO_PAGES) {
    const created = await createPage(deps, DEMO, {
      title: page.title,
      slug: page.slug,
      bodyHtml: toHtml(page.body),
    })
    pageIds.set(page.slug, created.id)
  }
  const sectionItems = DEMO_SECTIONS.map((s) => ({
    label: s.name,
    categoryId: sections.get(s.slug)?.id ?? 0,
  }))
  const contact = { label: 'Contact', pageId: pageIds.get('contact') ?? 0 }
  await replaceMenu(deps, DEMO, {
    location: 'primary',
    name: 'Main menu',
    items: [...sectionItems, contact],
  })
  await replaceMenu(deps, DEMO, {
    location: 'footer',
    name: 'Footer menu',
    items: [...sectionItems, { label: 'About', pageId: pageIds.get('about') ?? 0 }, contact],
  })

  await deps.storage.put(
    'demo/ad-subscribe.svg',
    Buffer.from(houseAd('Read us daily', 'Independent news from Harbourton')),
  )
  await updateSiteSettings(deps, DEMO, {
    title: 'The Broadsheet Gazette',
    tagline: 'Harbourton’s independent daily',
    description: 'News, sport, culture and ideas from the city of Harbourton and beyond.',
    contactEmail: 'newsroom@broadsheet.example',
    social: {
      facebook: 'https://www.facebook.com/broadsheetgazette',
      x: 'https://x.com/broadsheetgazette',
      instagram: 'https://www.instagram.com/broadsheetgazette',
      pinterest: 'https://www.pinterest.com/broadsheetgazette',
      youtube: 'https://www.youtube.com/@broadsheetgazette',
    },
    adSlots: {
      sidebar: {
        imageUrl: deps.storage.url('demo/ad-subscribe.svg'),
        linkUrl: '/about/',
        alt: 'Read The Broadsheet Gazette daily',
      },
    },
    newsletterBlurb:
      'Get the latest news from The Broadsheet Gazette about Harbourton, the world, sport and culture.',
    footerNewsletterBlurb: 'The day’s best stories from our newsroom, every morning.',
  })
}

/**
 * Demo raster formats: JPEG only. WebP and AVIF would triple the seed's encoding time (it runs
 * before many test files); uploads get all three.
 */
const DEMO_FORMATS = ['jpeg'] as const

/**
 * One SVG illustration per story, stored as the original, plus raster variants (widths for
 * `srcset`, the 16:9, 4:3 and 1:1 crops for structured data, the 1200×630 social card), as an
 * upload would have them. The rasters render in parallel.
 */
async function writeIllustrations(
  deps: SeedDeps,
  demos: DemoArticle[],
  now: number,
): Promise<number[]> {
  const items = await Promise.all(
    demos.map(async (demo) => {
      const file = `demo/${slugify(demo.title, 60) || 'story'}.svg`
      const bytes = Buffer.from(storyIllustration(demo.title, demo.section))
      await deps.storage.put(file, bytes)
      return addStoredMedia(deps, DEMO, {
        media: {
          path: file,
          mimeType: 'image/svg+xml',
          width: 1600,
          height: 900,
          bytes: bytes.length,
          alt: demo.imageAlt,
          caption: demo.imageCaption,
          credit: DEMO_CREDIT,
        },
        bytes,
        formats: [...DEMO_FORMATS],
        createdAt: new Date(now - demo.hoursAgo * HOUR),
      })
    }),
  )
  return items.map((item) => item.id)
}

/** Comments at any depth, each level after its parents (a reply needs its parent's id). */
async function seedComments(
  deps: SeedDeps,
  articleId: number,
  parentId: number | null,
  comments: DemoComment[],
  publishedAt: number,
): Promise<void> {
  if (comments.length === 0) return
  const ids = await addComments(
    deps,
    DEMO,
    comments.map((comment) => ({
      articleId,
      parentId,
      authorName: comment.author,
      authorEmail: comment.email,
      body: comment.body,
      status: 'approved' as const,
      createdAt: new Date(
        Math.min(publishedAt + comment.minutesAfter * 60_000, deps.clock.now().getTime()),
      ),
    })),
  )
  for (const [i, comment] of comments.entries())
    await seedComments(deps, articleId, ids[i] ?? null, comment.replies ?? [], publishedAt)
}

/** Recent stories get a believable spread of views so Trending and What's Hot have data. */
async function seedViews(
  deps: SeedDeps,
  articleId: number,
  index: number,
  publishedAt: number,
  now: number,
): Promise<void> {
  if (now - publishedAt > 72 * HOUR) return
  const weight = ((index * 7919) % 13) + 3
  for (let at = Math.max(publishedAt, now - 47 * HOUR); at <= now; at += 3 * HOUR) {
    // Whole views: a count like 83.4 would not fit PostgreSQL's integer column.
    const views = weight * 10 + (Math.floor(at / HOUR) % 7)
    await recordViews(deps, { articleId, at: new Date(at), views })
  }
}

/** A library image a demo story shows in its body. */
export interface DemoFigure {
  mediaId: number
  url: string
  alt: string
  width: number
  height: number
}

/**
 * Demo paragraphs to HTML, in the editor's markup: '## ' makes a subheading, '> ' a block
 * quote, '" ' a pull quote, and '!figure <story title> | <caption>' that story's illustration
 * (from the library, so readers get its renditions) with a caption and credit.
 */
export function toHtml(
  paragraphs: string[],
  figureOf: (title: string) => DemoFigure | undefined = () => undefined,
): string {
  return paragraphs
    .flatMap((p) => {
      if (p.startsWith('## ')) return [`<h2>${escapeHtml(p.slice(3))}</h2>`]
      if (p.startsWith('> ')) return [`<blockquote><p>${escapeHtml(p.slice(2))}</p></blockquote>`]
      if (p.startsWith('" '))
        return [`<blockquote class="pull-quote"><p>${escapeHtml(p.slice(2))}</p></blockquote>`]
      if (p.startsWith('!figure ')) {
        const [title = '', caption = ''] = p.slice(8).split(' | ')
        const figure = figureOf(title.trim())
        if (!figure) return []
        return [
          `<figure class="image"><img src="${escapeHtml(figure.url)}" alt="${escapeHtml(figure.alt)}" loading="lazy" width="${figure.width}" height="${figure.height}" data-media-id="${figure.mediaId}" /><figcaption>${escapeHtml(caption.trim())} <cite>${DEMO_CREDIT}</cite></figcaption></figure>`,
        ]
      }
      return [`<p>${escapeHtml(p)}</p>`]
    })
    .join('\n')
}
