/**
 * Ghost posts and pages into import stories: the rendered `html` when the export has it, else
 * the Lexical or mobiledoc document rendered by us; tags in their order (internal `#tags` out),
 * authors from `posts_authors`, alt text and captions from `posts_meta`.
 */
import { toEditorHtml } from '../editor-shapes.js'
import { htmlToText } from '../html-text.js'
import type {
  ImportStory,
  ImportStoryStatus,
  ImportTagRef,
  ImportWarning,
} from '../import-model.js'
import { ghostUrl, type GhostRenderContext } from './ghost-cards.js'
import { ghostDate, str, type GhostRow } from './ghost-data.js'
import { ghostRewrite } from './ghost-html.js'
import { renderLexical } from './lexical-html.js'
import { renderMobiledoc } from './mobiledoc-html.js'

export interface GhostPostLookups {
  siteUrl: string
  /** Public tags by id. */
  tags: Map<string, ImportTagRef>
  postTags: Map<string, string[]>
  postAuthors: Map<string, string[]>
  meta: Map<string, GhostRow>
}

const STATUSES: Record<string, ImportStoryStatus> = {
  published: 'published',
  draft: 'draft',
  scheduled: 'scheduled',
  // Sent by email only, never on the site: kept, but not put on the site either.
  sent: 'archived',
}

export function mapGhostPost(post: GhostRow, lookups: GhostPostLookups): ImportStory {
  const id = str(post.id)
  const kind = post.type === 'page' || post.page === true || post.page === 1 ? 'page' : 'article'
  const title = str(post.title).trim()
  const name = `${kind === 'page' ? 'page' : 'post'} ${id}${title ? ` “${title}”` : ''}`
  const warnings: ImportWarning[] = []
  const note = (message: string) => warnings.push({ item: name, message })
  const ctx: GhostRenderContext = { siteUrl: lookups.siteUrl, warnings: [] }
  const body = toEditorHtml(ghostUrl(sourceHtml(post, ctx), lookups.siteUrl), {
    rewrite: ghostRewrite(ctx),
  })
  for (const message of [...ctx.warnings, ...body.warnings]) note(message)
  if (str(post.codeinjection_head).trim() || str(post.codeinjection_foot).trim())
    note('had code injection (scripts or styles for this post): not imported')
  const status = storyStatus(post, kind, note)
  const meta = lookups.meta.get(id) ?? {}
  const created = ghostDate(post.created_at) ?? new Date(0)
  const slug = str(post.slug)
  const tags = (lookups.postTags.get(id) ?? []).flatMap((tagId) => lookups.tags.get(tagId) ?? [])
  const authors = lookups.postAuthors.get(id) ?? (str(post.author_id) ? [str(post.author_id)] : [])
  return {
    kind,
    sourceId: id,
    title,
    slug,
    status,
    publishedAt: status === 'draft' ? null : (ghostDate(post.published_at) ?? null),
    createdAt: created,
    updatedAt: ghostDate(post.updated_at) ?? created,
    bodyHtml: body.html,
    excerpt: str(post.custom_excerpt).trim(),
    seoTitle: str(meta.meta_title ?? post.meta_title).trim(),
    seoDescription: str(meta.meta_description ?? post.meta_description).trim(),
    canonicalUrl: str(post.canonical_url).trim(),
    isEditorsPick: post.featured === true || post.featured === 1,
    allowComments: true,
    authorSourceIds: authors,
    categorySlugs: [],
    tags,
    featuredImage: featuredImage(post, meta, lookups.siteUrl),
    comments: [],
    oldUrls: slug ? [`${lookups.siteUrl}/${slug}/`] : [],
    droppedShortcodes: 0,
    warnings,
  }
}

/** `html` when Ghost rendered it, else our rendering of the editor document. */
function sourceHtml(post: GhostRow, ctx: GhostRenderContext): string {
  const html = str(post.html)
  if (html.trim()) return html
  const lexical = str(post.lexical)
  if (lexical) return renderLexical(lexical, ctx)
  const mobiledoc = str(post.mobiledoc)
  if (mobiledoc) return renderMobiledoc(mobiledoc, ctx)
  return ''
}

function storyStatus(
  post: GhostRow,
  kind: 'article' | 'page',
  note: (message: string) => void,
): ImportStoryStatus {
  const raw = str(post.status)
  let status = STATUSES[raw]
  if (!status) {
    note(`had status “${raw}”: imported as a draft`)
    status = 'draft'
  }
  if (raw === 'sent') note('was sent by email only: imported archived, off the site')
  if (kind === 'page' && status !== 'published' && status !== 'draft') {
    note(`was a ${raw} page: pages are drafts or published`)
    status = 'draft'
  }
  const visibility = str(post.visibility)
  if (visibility && visibility !== 'public')
    note(
      `was for ${visibility === 'members' ? 'members' : 'paying members'} only: Broadsheet has no paywall, so readers will see it`,
    )
  return status
}

function featuredImage(
  post: GhostRow,
  meta: GhostRow,
  siteUrl: string,
): ImportStory['featuredImage'] {
  const url = ghostUrl(str(post.feature_image), siteUrl)
  if (!url) return null
  return {
    mediaSourceId: null,
    url,
    alt: str(meta.feature_image_alt ?? post.feature_image_alt).trim(),
    caption: htmlToText(str(meta.feature_image_caption ?? post.feature_image_caption)),
  }
}
