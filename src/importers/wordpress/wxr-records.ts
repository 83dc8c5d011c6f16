/**
 * What a WXR file says, element by element, before any Broadsheet meaning is given to it: the
 * reader captures each record (`<item>`, `<wp:author>`, `<wp:category>`…) as a small element tree
 * and these builders turn it into typed, still WordPress-shaped objects.
 */
import { looksSerialized, unserializePhp, type PhpValue } from './php-unserialize.js'

/** One captured element. Names are canonical (`wp:post_id` whatever prefix the file used). */
export interface XmlNode {
  name: string
  attrs: Record<string, string>
  text: string
  children: XmlNode[]
}

export interface WxrSite {
  title: string
  link: string
  description: string
  language: string
  wxrVersion: string
  baseSiteUrl: string
  baseBlogUrl: string
  generator: string
}

export interface WxrAuthor {
  id: string
  login: string
  email: string
  displayName: string
  firstName: string
  lastName: string
}

export interface WxrCategory {
  termId: string
  nicename: string
  /** The parent's nicename, '' at the top. */
  parent: string
  name: string
  description: string
}

export interface WxrTag {
  termId: string
  slug: string
  name: string
  description: string
}

/** Any other taxonomy term; `nav_menu` terms are menus. */
export interface WxrTerm {
  termId: string
  taxonomy: string
  slug: string
  parent: string
  name: string
  description: string
}

/** A term an item is filed under (`<category domain="post_tag" nicename="x">X</category>`). */
export interface WxrItemTerm {
  /** `category`, `post_tag`, `nav_menu`, `post_format` or a custom taxonomy. */
  domain: string
  nicename: string
  name: string
}

export interface WxrMeta {
  key: string
  value: string
}

export interface WxrComment {
  id: string
  author: string
  authorEmail: string
  authorUrl: string
  date: string
  dateGmt: string
  content: string
  /** `1`, `0`, `spam`, `trash`, `post-trashed`. */
  approved: string
  /** '' or `comment` for comments; `pingback`, `trackback`, or a plugin's type. */
  type: string
  parent: string
  userId: string
  meta: WxrMeta[]
}

export interface WxrItem {
  title: string
  link: string
  pubDate: string
  creator: string
  guid: string
  content: string
  excerpt: string
  postId: string
  postDate: string
  postDateGmt: string
  postModified: string
  postModifiedGmt: string
  commentStatus: string
  postName: string
  status: string
  postParent: string
  menuOrder: string
  postType: string
  postPassword: string
  isSticky: boolean
  attachmentUrl: string
  terms: WxrItemTerm[]
  meta: WxrMeta[]
  comments: WxrComment[]
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'tag'; tag: WxrTag }
  | { kind: 'term'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }

/** Text of the first child called `name`, trimmed ('' when absent). */
export function childText(node: XmlNode, name: string): string {
  for (const child of node.children) if (child.name === name) return child.text.trim()
  return ''
}

/** Same, untrimmed: bodies keep their own leading and trailing whitespace. */
function childRaw(node: XmlNode, name: string): string {
  for (const child of node.children) if (child.name === name) return child.text
  return ''
}

export function toSite(fields: Map<string, string>): WxrSite {
  const get = (name: string) => fields.get(name)?.trim() ?? ''
  return {
    title: get('title'),
    link: get('link'),
    description: get('description'),
    language: get('language'),
    wxrVersion: get('wp:wxr_version'),
    baseSiteUrl: get('wp:base_site_url'),
    baseBlogUrl: get('wp:base_blog_url'),
    generator: get('generator'),
  }
}

export function toAuthor(node: XmlNode): WxrAuthor {
  return {
    id: childText(node, 'wp:author_id'),
    login: childText(node, 'wp:author_login'),
    email: childText(node, 'wp:author_email'),
    displayName: childText(node, 'wp:author_display_name'),
    firstName: childText(node, 'wp:author_first_name'),
    lastName: childText(node, 'wp:author_last_name'),
  }
}

export function toCategory(node: XmlNode): WxrCategory {
  return {
    termId: childText(node, 'wp:term_id'),
    nicename: childText(node, 'wp:category_nicename'),
    parent: childText(node, 'wp:category_parent'),
    name: childText(node, 'wp:cat_name'),
    description: childText(node, 'wp:category_description'),
  }
}

export function toTag(node: XmlNode): WxrTag {
  return {
    termId: childText(node, 'wp:term_id'),
    slug: childText(node, 'wp:tag_slug'),
    name: childText(node, 'wp:tag_name'),
    description: childText(node, 'wp:tag_description'),
  }
}

export function toTerm(node: XmlNode): WxrTerm {
  return {
    termId: childText(node, 'wp:term_id'),
    taxonomy: childText(node, 'wp:term_taxonomy'),
    slug: childText(node, 'wp:term_slug'),
    parent: childText(node, 'wp:term_parent'),
    name: childText(node, 'wp:term_name'),
    description: childText(node, 'wp:term_description'),
  }
}

export function toItem(node: XmlNode): WxrItem {
  const get = (name: string) => childText(node, name)
  const children = node.children
  return {
    title: get('title'),
    link: get('link'),
    pubDate: get('pubDate'),
    creator: get('dc:creator'),
    guid: get('guid'),
    content: childRaw(node, 'content:encoded'),
    excerpt: childRaw(node, 'excerpt:encoded'),
    postId: get('wp:post_id'),
    postDate: get('wp:post_date'),
    postDateGmt: get('wp:post_date_gmt'),
    postModified: get('wp:post_modified'),
    postModifiedGmt: get('wp:post_modified_gmt'),
    commentStatus: get('wp:comment_status'),
    postName: get('wp:post_name'),
    status: get('wp:status'),
    postParent: get('wp:post_parent'),
    menuOrder: get('wp:menu_order'),
    postType: get('wp:post_type'),
    postPassword: get('wp:post_password'),
    isSticky: get('wp:is_sticky') === '1',
    attachmentUrl: get('wp:attachment_url'),
    terms: itemTerms(children),
    meta: children.filter((c) => c.name === 'wp:postmeta').map(toMeta),
    comments: children.filter((c) => c.name === 'wp:comment').map(toComment),
  }
}

/**
 * WXR 1.0 repeats each category twice (once bare, once with `domain` and `nicename`) and calls
 * tags `tag`; later versions use `post_tag`. One entry per term comes out.
 */
function itemTerms(children: XmlNode[]): WxrItemTerm[] {
  const terms: WxrItemTerm[] = []
  const seen = new Set<string>()
  const add = (term: WxrItemTerm) => {
    const key = `${term.domain}\u0000${term.name}`
    if (seen.has(key)) return
    seen.add(key)
    terms.push(term)
  }
  const categories = children.filter((c) => c.name === 'category')
  // Full entries (domain and nicename) first, so a bare duplicate finds its twin already there.
  const rank = (c: XmlNode) => (c.attrs.nicename ? 0 : c.attrs.domain ? 1 : 2)
  for (const node of categories.sort((a, b) => rank(a) - rank(b))) {
    const domain = node.attrs.domain === 'tag' ? 'post_tag' : (node.attrs.domain ?? 'category')
    add({ domain, nicename: node.attrs.nicename ?? '', name: node.text.trim() })
  }
  return terms
}

function toMeta(node: XmlNode): WxrMeta {
  return { key: childText(node, 'wp:meta_key'), value: childRaw(node, 'wp:meta_value') }
}

function toComment(node: XmlNode): WxrComment {
  const get = (name: string) => childText(node, name)
  return {
    id: get('wp:comment_id'),
    author: get('wp:comment_author'),
    authorEmail: get('wp:comment_author_email'),
    authorUrl: get('wp:comment_author_url'),
    date: get('wp:comment_date'),
    dateGmt: get('wp:comment_date_gmt'),
    content: childRaw(node, 'wp:comment_content'),
    approved: get('wp:comment_approved'),
    type: get('wp:comment_type'),
    parent: get('wp:comment_parent'),
    userId: get('wp:comment_user_id'),
    meta: node.children.filter((c) => c.name === 'wp:commentmeta').map(toMeta),
  }
}

/** The first value of a meta key ('' when absent). */
export function metaValue(meta: WxrMeta[], key: string): string {
  for (const entry of meta) if (entry.key === key) return entry.value
  return ''
}

/** A meta value unserialized when it is PHP-serialized, else the text as is. */
export function metaData(meta: WxrMeta[], key: string): PhpValue | undefined {
  const value = metaValue(meta, key)
  if (value === '') return undefined
  return looksSerialized(value) ? unserializePhp(value) : value
}
