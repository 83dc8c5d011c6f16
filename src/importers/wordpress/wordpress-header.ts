/**
 * The records of a WXR file's header (site, authors, categories, tags, menus) into import
 * records, with the old URLs WordPress gave them. Old exports (WXR 1.0) list no authors, and
 * filtered exports may name terms they do not list: items bring those in as they meet them.
 */
import { htmlToText } from '../html-text.js'
import type {
  ImportAuthor,
  ImportCategory,
  ImportRecord,
  ImportSite,
  ImportTag,
} from '../import-model.js'
import { plainName, wordpressSlug, type WordPressContext } from './wordpress-context.js'
import type { WxrAuthor, WxrCategory, WxrItem, WxrSite, WxrTag, WxrTerm } from './wxr-records.js'

export function mapSite(site: WxrSite, ctx: WordPressContext): ImportSite {
  const url = (site.baseBlogUrl || site.link || site.baseSiteUrl).replace(/\/+$/, '')
  ctx.base = url
  return {
    kind: 'site',
    source: 'wordpress',
    title: plainName(site.title),
    description: plainName(site.description),
    url,
    language: site.language,
    formatVersion: site.wxrVersion || '1.0',
  }
}

export function mapAuthor(author: WxrAuthor, ctx: WordPressContext): ImportAuthor {
  const login = author.login
  ctx.knownAuthors.add(login)
  if (author.id) ctx.authorLogins.set(author.id, login)
  const slug = wordpressSlug(login, login) || `author-${author.id}`
  const fullName = `${author.firstName} ${author.lastName}`.trim()
  const urls = [ctx.url(`/author/${slug}/`)]
  if (author.id) urls.push(ctx.url(`/?author=${author.id}`))
  return {
    kind: 'author',
    sourceId: login,
    login,
    slug,
    email: author.email,
    name: plainName(author.displayName) || fullName || login,
    bio: '',
    website: '',
    avatarUrl: '',
    oldUrls: urls,
  }
}

export function mapCategory(category: WxrCategory, ctx: WordPressContext): ImportCategory {
  const name = plainName(category.name)
  const slug = wordpressSlug(category.nicename, name) || `category-${category.termId}`
  const parentSlug = category.parent ? wordpressSlug(category.parent, category.parent) : null
  // WordPress lists parents before children, so the parent's path is known by now.
  const path = parentSlug ? `${ctx.categoryPaths.get(parentSlug) ?? parentSlug}/${slug}` : slug
  ctx.categoryPaths.set(slug, path)
  const urls = [ctx.url(`/category/${path}/`)]
  if (category.termId) urls.push(ctx.url(`/?cat=${category.termId}`))
  return {
    kind: 'category',
    sourceId: category.termId || slug,
    slug,
    name: name || slug,
    description: htmlToText(category.description),
    parentSlug,
    oldUrls: urls,
  }
}

export function mapTag(tag: WxrTag, ctx: WordPressContext): ImportTag {
  const name = plainName(tag.name)
  const slug = wordpressSlug(tag.slug, name) || `tag-${tag.termId}`
  ctx.knownTags.add(slug)
  return {
    kind: 'tag',
    sourceId: tag.termId || slug,
    slug,
    name: name || slug,
    description: htmlToText(tag.description),
    oldUrls: [ctx.url(`/tag/${slug}/`), ctx.url(`/?tag=${slug}`)],
  }
}

/** Menus come as `nav_menu` terms; other taxonomies (formats, plugins') are not content. */
export function mapTerm(term: WxrTerm): ImportRecord {
  if (term.taxonomy !== 'nav_menu')
    return {
      kind: 'skipped',
      what: `term (${term.taxonomy || 'unknown taxonomy'})`,
      sourceId: term.termId || term.slug,
      reason: 'Broadsheet has sections and tags only',
    }
  return {
    kind: 'menu',
    sourceId: term.termId || term.slug,
    slug: term.slug,
    name: plainName(term.name) || term.slug,
    items: [],
  }
}

/** Authors, categories and tags an item names that the header did not list. */
export function referencedRecords(item: WxrItem, ctx: WordPressContext): ImportRecord[] {
  const records: ImportRecord[] = []
  const login = item.creator.trim()
  if (login && !ctx.knownAuthors.has(login))
    records.push(
      mapAuthor({ id: '', login, email: '', displayName: login, firstName: '', lastName: '' }, ctx),
    )
  for (const term of item.terms) {
    const name = plainName(term.name)
    const slug = wordpressSlug(term.nicename, name)
    if (term.domain === 'category' && slug && !ctx.categoryPaths.has(slug))
      records.push(
        mapCategory({ termId: '', nicename: slug, parent: '', name, description: '' }, ctx),
      )
    if (term.domain === 'post_tag' && slug && !ctx.knownTags.has(slug))
      records.push(mapTag({ termId: '', slug, name, description: '' }, ctx))
  }
  return records
}
