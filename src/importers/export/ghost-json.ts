/**
 * `broadsheet export ghost`: the site as a Ghost JSON export (the `{db: [{meta, data}]}` file
 * Ghost's Settings → Import reads): users, tags, posts and pages with their HTML, featured
 * images (absolute URLs Ghost downloads), SEO fields, and title and description settings.
 *
 * Ghost has no sections: a story's sections go out as its first tags (so Ghost's primary tag
 * is the section). Comments stay behind: Ghost's importer takes none. Ids are made from ours
 * (24 hex digits, as Ghost's are): two hex digits for the kind, then the id.
 */
import type { Article, ExportPage } from '../../content/index.js'
import {
  absolute,
  readArticles,
  readHeader,
  readPages,
  streamWriter,
  type ExportDeps,
} from './export-source.js'

const GHOST_VERSION = '5.0.0'

const STATUS: Record<Article['status'], string> = {
  published: 'published',
  draft: 'draft',
  pending: 'draft',
  scheduled: 'scheduled',
  // Off the site but kept: Ghost's nearest is a post that was only emailed.
  archived: 'sent',
}

export const ghostId = (kind: 'post' | 'page' | 'tag' | 'section' | 'user', id: number) =>
  `${{ post: 'a0', page: 'b0', tag: 'c0', section: 'c1', user: 'd0' }[kind]}${id.toString(16).padStart(22, '0')}`

/**
 * Write the site as Ghost JSON to `out`, a story at a time.
 * @example await exportGhost(services, process.stdout)
 */
export async function exportGhost(
  deps: ExportDeps,
  out: NodeJS.WritableStream,
): Promise<{ articles: number; pages: number; comments: number }> {
  const write = streamWriter(out)
  const { settings, users, sections, tags, menus } = await readHeader(deps)
  const base = deps.publicUrl.replace(/\/+$/, '')
  const tagIdBySlug = new Map(tags.map((t) => [t.slug, ghostId('tag', t.id)]))
  const sectionTagId = (s: { id: number; slug: string }) =>
    tagIdBySlug.get(s.slug) ?? ghostId('section', s.id)
  const postsTags: unknown[] = []
  const postsAuthors: unknown[] = []
  const postsMeta: unknown[] = []
  const counts = { articles: 0, pages: 0, comments: 0 }
  const meta = { exported_on: deps.clock.now().getTime(), version: GHOST_VERSION }
  await write(`{"db":[{"meta":${JSON.stringify(meta)},"data":{"posts":[`)
  let first = true
  const post = async (row: Record<string, unknown>) => {
    await write(`${first ? '' : ','}\n${JSON.stringify(row)}`)
    first = false
  }
  for await (const { article } of readArticles(deps)) {
    const id = ghostId('post', article.id)
    await post(articleRow(article, id, base))
    const tagIds = [
      ...article.categories.map(sectionTagId),
      ...article.tags.map((t) => tagIdBySlug.get(t.slug)!),
    ].filter((v, i, all) => v !== undefined && all.indexOf(v) === i)
    tagIds.forEach((tagId, i) => postsTags.push({ post_id: id, tag_id: tagId, sort_order: i }))
    article.authors.forEach((a, i) =>
      postsAuthors.push({ post_id: id, author_id: ghostId('user', a.id), sort_order: i }),
    )
    postsMeta.push({
      post_id: id,
      meta_title: article.seoTitle || null,
      meta_description: article.seoDescription || null,
      feature_image_alt: article.image?.alt || null,
      feature_image_caption: article.image?.caption || null,
    })
    counts.articles++
  }
  for await (const page of readPages(deps)) {
    const id = ghostId('page', page.id)
    await post(pageRow(page, id))
    if (page.authorId !== null)
      postsAuthors.push({ post_id: id, author_id: ghostId('user', page.authorId), sort_order: 0 })
    postsMeta.push({
      post_id: id,
      meta_title: page.seoTitle || null,
      meta_description: page.seoDescription || null,
    })
    counts.pages++
  }
  const now = deps.clock.now().toISOString()
  const tagRows = [
    ...sections
      .filter((s) => !tagIdBySlug.has(s.slug))
      .map((s) => ({
        id: ghostId('section', s.id),
        name: s.name,
        slug: s.slug,
        description: s.description || null,
        visibility: 'public',
        created_at: now,
        updated_at: now,
      })),
    ...tags.map((t) => ({
      id: ghostId('tag', t.id),
      name: t.name,
      slug: t.slug,
      description: null,
      visibility: 'public',
      created_at: now,
      updated_at: now,
    })),
  ]
  const userRows = users.map((u) => ({
    id: ghostId('user', u.id),
    name: u.name,
    slug: u.slug,
    email: u.email,
    bio: u.bio || null,
    profile_image: u.avatarUrl ? absolute(base, u.avatarUrl) : null,
    status: 'active',
    created_at: u.createdAt.toISOString(),
    updated_at: u.createdAt.toISOString(),
  }))
  const settingRows = [
    { key: 'title', value: settings.title },
    { key: 'description', value: settings.description },
    // Ghost's two menus hold label and address only (no nesting): sub-items follow their parent.
    ...(
      [
        ['primary', 'navigation'],
        ['footer', 'secondary_navigation'],
      ] as const
    ).map(([location, key]) => ({
      key,
      value: JSON.stringify(
        (menus.find((m) => m.location === location)?.items ?? []).map((i) => ({
          label: i.label,
          url: i.url,
        })),
      ),
    })),
  ]
  await write(
    `],\n"posts_meta":${JSON.stringify(postsMeta)},\n"tags":${JSON.stringify(tagRows)},\n"posts_tags":${JSON.stringify(postsTags)},\n"users":${JSON.stringify(userRows)},\n"posts_authors":${JSON.stringify(postsAuthors)},\n"settings":${JSON.stringify(settingRows)}}}]}\n`,
  )
  return counts
}

function articleRow(article: Article, id: string, base: string): Record<string, unknown> {
  return {
    id,
    title: article.title,
    slug: article.slug,
    html: article.bodyHtml,
    lexical: null,
    mobiledoc: null,
    feature_image: article.image ? absolute(base, article.image.url) : null,
    featured: article.isEditorsPick,
    type: 'post',
    status: STATUS[article.status],
    visibility: 'public',
    custom_excerpt: article.standfirst || null,
    canonical_url: article.canonicalUrl || null,
    created_at: article.createdAt.toISOString(),
    updated_at: article.updatedAt.toISOString(),
    published_at: article.publishedAt?.toISOString() ?? null,
  }
}

function pageRow(page: ExportPage, id: string): Record<string, unknown> {
  return {
    id,
    title: page.title,
    slug: page.slug,
    html: page.bodyHtml,
    lexical: null,
    mobiledoc: null,
    feature_image: null,
    featured: false,
    type: 'page',
    status: page.status,
    visibility: 'public',
    created_at: page.createdAt.toISOString(),
    updated_at: page.updatedAt.toISOString(),
    published_at: page.publishedAt?.toISOString() ?? null,
  }
}
