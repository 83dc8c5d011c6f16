/**
 * Fill an empty database with the demo newsroom: The Broadsheet Gazette, its sections,
 * authors, 40-odd original stories with generated illustrations, comments, pages, menus
 * and settings. Everything goes through the domain services, so it is what an editor would make.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { addViews } from '../../analytics/index.js'
import { countUsers, createUser, type User } from '../../auth/index.js'
import { fixedClock, type Clock } from '../../clock.js'
import { insertComment, refreshCommentCount } from '../../comments/index.js'
import {
  createArticle,
  createCategory,
  createPage,
  escapeHtml,
  publishArticle,
  type Category,
} from '../../content/index.js'
import { diskStorage, insertMedia, renderVariantsFromOriginal } from '../../media/index.js'
import { replaceMenu, upsertSetting } from '../../settings/index.js'
import { slugify } from '../../text/slug.js'
import type { Database } from '../database.js'
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

export interface SeedDeps {
  db: Kysely<Database>
  clock: Clock
  mediaDir: string
}

const HOUR = 3_600_000
const DEMO_CREDIT = 'Illustration: Broadsheet demo art'

/** True when there is nothing in the database yet (no users, no articles). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const article = await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()
  return !article && (await countUsers(db)) === 0
}

/** Seed the demo newsroom. Returns how many articles were published. */
export async function seedDemo(deps: SeedDeps): Promise<{ articles: number }> {
  const now = deps.clock.now().getTime()
  await fs.mkdir(path.join(deps.mediaDir, 'demo'), { recursive: true })
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
    const url = `/media/demo/${slugify(demo.title, 60) || 'story'}.svg`
    return { mediaId, url, alt: demo.imageAlt, width: 1600, height: 900 }
  }
  for (const [index, demo] of sorted.entries()) {
    const publishedAt = now - demo.hoursAgo * HOUR
    const clock = fixedClock(new Date(publishedAt))
    const articleDeps = { db: deps.db, clock }
    const author = authors.get(demo.author)
    const mediaId = mediaIds[index] ?? null
    const sectionId = sections.get(demo.subsection ?? demo.section)?.id ?? null
    const draft = await createArticle(articleDeps, author?.id ?? null, {
      title: demo.title,
      standfirst: demo.standfirst,
      bodyHtml: toHtml(demo.body, figureOf),
      primaryCategoryId: sectionId,
      tags: demo.tags,
      authorIds: demo.coAuthor ? [authors.get(demo.coAuthor)?.id ?? 0].filter(Boolean) : [],
      featuredMediaId: mediaId,
      featuredAlt: demo.imageAlt,
      featuredCaption: demo.imageCaption,
      isEditorsPick: demo.editorsPick ?? false,
      isFeatured: demo.featured ?? false,
    })
    await publishArticle(articleDeps, draft.id)
    await seedComments(deps, draft.id, null, demo.comments ?? [], publishedAt)
    await refreshCommentCount(deps.db, draft.id)
    await seedViews(deps, draft.id, index, publishedAt, now)
  }
  return { articles: sorted.length }
}

async function seedAuthors(deps: SeedDeps): Promise<Map<string, User>> {
  const out = new Map<string, User>()
  for (const demo of DEMO_AUTHORS) {
    const file = `demo/avatar-${demo.slug}.svg`
    await fs.writeFile(path.join(deps.mediaDir, file), avatarIllustration(demo.name))
    const user = await createUser(deps, {
      email: demo.email,
      name: demo.name,
      role: demo.role,
      bio: demo.bio,
      social: demo.social,
      avatarUrl: `/media/${file}`,
    })
    out.set(demo.slug, user)
  }
  return out
}

async function seedSections(deps: SeedDeps): Promise<Map<string, Category>> {
  const out = new Map<string, Category>()
  for (const [position, section] of DEMO_SECTIONS.entries()) {
    out.set(section.slug, await createCategory(deps, { ...section, position }))
  }
  for (const [position, sub] of DEMO_SUBSECTIONS.entries()) {
    out.set(
      sub.slug,
      await createCategory(deps, {
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
  const now = deps.clock.now().getTime()
  const pageIds = new Map<string, number>()
  for (const page of DEMO_PAGES) {
    const created = await createPage(deps, {
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
  await replaceMenu(deps.db, 'primary', 'Main menu', [...sectionItems, contact])
  await replaceMenu(deps.db, 'footer', 'Footer menu', [
    ...sectionItems,
    { label: 'About', pageId: pageIds.get('about') ?? 0 },
    contact,
  ])

  await fs.writeFile(
    path.join(deps.mediaDir, 'demo/ad-subscribe.svg'),
    houseAd('Read us daily', 'Independent news from Harbourton'),
  )
  await upsertSetting(deps.db, 'title', 'The Broadsheet Gazette', now)
  await upsertSetting(deps.db, 'tagline', 'Harbourton’s independent daily', now)
  await upsertSetting(
    deps.db,
    'description',
    'News, sport, culture and ideas from the city of Harbourton and beyond.',
    now,
  )
  await upsertSetting(deps.db, 'contactEmail', 'newsroom@broadsheet.example', now)
  await upsertSetting(
    deps.db,
    'social',
    {
      facebook: 'https://www.facebook.com/broadsheetgazette',
      x: 'https://x.com/broadsheetgazette',
      instagram: 'https://www.instagram.com/broadsheetgazette',
      pinterest: 'https://www.pinterest.com/broadsheetgazette',
      youtube: 'https://www.youtube.com/@broadsheetgazette',
    },
    now,
  )
  await upsertSetting(
    deps.db,
    'adSlots',
    {
      sidebar: {
        imageUrl: '/media/demo/ad-subscribe.svg',
        linkUrl: '/about/',
        alt: 'Read The Broadsheet Gazette daily',
      },
    },
    now,
  )
  await upsertSetting(
    deps.db,
    'newsletterBlurb',
    'Get the latest news from The Broadsheet Gazette about Harbourton, the world, sport and culture.',
    now,
  )
  await upsertSetting(
    deps.db,
    'footerNewsletterBlurb',
    'The day’s best stories from our newsroom, every morning.',
    now,
  )
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
  const mediaDeps = { db: deps.db, clock: deps.clock, storage: diskStorage(deps.mediaDir) }
  const stored: { mediaId: number; bytes: Buffer }[] = []
  for (const demo of demos) {
    const file = `demo/${slugify(demo.title, 60) || 'story'}.svg`
    const bytes = Buffer.from(storyIllustration(demo.title, demo.section))
    await fs.writeFile(path.join(deps.mediaDir, file), bytes)
    const mediaId = await insertMedia(
      deps.db,
      {
        path: file,
        mimeType: 'image/svg+xml',
        width: 1600,
        height: 900,
        bytes: bytes.length,
        alt: demo.imageAlt,
        caption: demo.imageCaption,
        credit: DEMO_CREDIT,
      },
      now - demo.hoursAgo * HOUR,
    )
    stored.push({ mediaId, bytes })
  }
  await Promise.all(
    stored.map((s) => renderVariantsFromOriginal(mediaDeps, { ...s, formats: [...DEMO_FORMATS] })),
  )
  return stored.map((s) => s.mediaId)
}

async function seedComments(
  deps: SeedDeps,
  articleId: number,
  parentId: number | null,
  comments: DemoComment[],
  publishedAt: number,
): Promise<void> {
  for (const comment of comments) {
    const id = await insertComment(
      deps.db,
      {
        articleId,
        parentId,
        authorName: comment.author,
        authorEmail: comment.email,
        body: comment.body,
        status: 'approved',
      },
      Math.min(publishedAt + comment.minutesAfter * 60_000, deps.clock.now().getTime()),
    )
    await seedComments(deps, articleId, id, comment.replies ?? [], publishedAt)
  }
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
    await addViews(deps.db, articleId, at, weight * 10 + ((at / HOUR) % 7))
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
