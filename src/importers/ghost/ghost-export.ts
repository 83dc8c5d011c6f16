/**
 * A Ghost JSON export (Settings → Labs → Export) as import records: the site (from settings),
 * authors (users), public tags, the navigation menus, posts and pages, members as subscribers
 * and any redirects the export carries. Ghost exports are read whole: they hold no comments and
 * their bodies are already rendered, so even large sites stay a few hundred megabytes at most.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type {
  ImportAuthor,
  ImportMenu,
  ImportRecord,
  ImportSite,
  ImportSubscriber,
  ImportTagRef,
} from '../import-model.js'
import { ghostUrl } from './ghost-cards.js'
import {
  ghostData,
  ghostDate,
  groupBy,
  parseGhostJson,
  settingsMap,
  str,
  type GhostData,
  type GhostRow,
} from './ghost-data.js'
import { mapGhostPost } from './ghost-posts.js'
import { ghostRedirects } from './ghost-redirects.js'

export interface GhostReadOptions {
  /** The old site's address (`https://news.example.org`): Ghost exports do not say it. */
  siteUrl?: string
}

/** Read a Ghost export file and yield its records, site first. */
export async function* readGhostExport(
  path: string,
  options: GhostReadOptions = {},
): AsyncGenerator<ImportRecord> {
  const text = await readFile(path, 'utf8')
  yield* ghostRecords(parseGhostJson(text, basename(path)), basename(path), options)
}

/** The records of an already parsed export. */
export function ghostRecords(
  json: unknown,
  fileName: string,
  options: GhostReadOptions = {},
): ImportRecord[] {
  const data = ghostData(json, fileName)
  const siteUrl = (options.siteUrl ?? '').replace(/\/+$/, '')
  const table = (name: string) => data.tables[name] ?? []
  const settings = settingsMap(table('settings'))
  const { records: tagRecords, publicTags } = tags(table('tags'), siteUrl)
  const lookups = {
    siteUrl,
    tags: publicTags,
    postTags: groupBy(table('posts_tags'), 'post_id', 'tag_id'),
    postAuthors: groupBy(table('posts_authors'), 'post_id', 'author_id'),
    meta: new Map(table('posts_meta').map((row) => [str(row.post_id), row])),
  }
  return [
    site(data, settings, siteUrl),
    ...table('users').map((user) => author(user, siteUrl)),
    ...tagRecords,
    ...menus(settings),
    ...table('posts').map((post) => mapGhostPost(post, lookups)),
    ...subscribers(data),
    ...ghostRedirects(table('redirects')),
  ]
}

function site(data: GhostData, settings: Map<string, string>, siteUrl: string): ImportSite {
  return {
    kind: 'site',
    source: 'ghost',
    title: settings.get('title') ?? '',
    description: settings.get('description') ?? '',
    url: siteUrl,
    language: settings.get('locale') ?? settings.get('lang') ?? '',
    formatVersion: data.version,
  }
}

function author(user: GhostRow, siteUrl: string): ImportAuthor {
  const slug = str(user.slug)
  return {
    kind: 'author',
    sourceId: str(user.id),
    login: slug,
    slug,
    email: str(user.email),
    name: str(user.name) || slug,
    bio: str(user.bio),
    website: str(user.website),
    avatarUrl: ghostUrl(str(user.profile_image), siteUrl),
    oldUrls: slug ? [`${siteUrl}/author/${slug}/`] : [],
  }
}

/** Public tags become tags; internal ones (`#name`, visibility internal) are skipped. */
function tags(rows: GhostRow[], siteUrl: string) {
  const records: ImportRecord[] = []
  const publicTags = new Map<string, ImportTagRef>()
  for (const row of rows) {
    const name = str(row.name)
    const slug = str(row.slug)
    if (name.startsWith('#') || row.visibility === 'internal') {
      records.push({ kind: 'skipped', what: 'internal tag', sourceId: str(row.id), reason: name })
      continue
    }
    publicTags.set(str(row.id), { slug, name })
    records.push({
      kind: 'tag',
      sourceId: str(row.id),
      slug,
      name,
      description: str(row.description),
      oldUrls: [`${siteUrl}/tag/${slug}/`],
    })
  }
  return { records, publicTags }
}

/** Ghost's primary and secondary navigation, stored as JSON in settings. */
function menus(settings: Map<string, string>): ImportMenu[] {
  const out: ImportMenu[] = []
  for (const [key, slug, name] of [
    ['navigation', 'primary', 'Primary navigation'],
    ['secondary_navigation', 'secondary', 'Secondary navigation'],
  ] as const) {
    let entries: unknown
    try {
      entries = JSON.parse(settings.get(key) ?? '[]')
    } catch {
      continue
    }
    if (!Array.isArray(entries) || entries.length === 0) continue
    const items = (entries as GhostRow[]).map((entry, index) => ({
      kind: 'menuItem' as const,
      sourceId: `${slug}-${index + 1}`,
      menuSlug: slug,
      parentSourceId: null,
      position: index + 1,
      label: str(entry.label),
      target: { kind: 'url' as const, url: str(entry.url) },
    }))
    out.push({ kind: 'menu', sourceId: slug, slug, name, items })
  }
  return out
}

/**
 * Members as subscribers. Ghost 5 records newsletter choices in `members_newsletters` (no row:
 * opted out); Ghost 2–4 in `members.subscribed`; `email_disabled` means mail bounced.
 */
function subscribers(data: GhostData): ImportSubscriber[] {
  const joins = data.tables.members_newsletters
  const subscribed = joins ? new Set(joins.map((row) => str(row.member_id))) : undefined
  return (data.tables.members ?? [])
    .filter((member) => str(member.email).includes('@'))
    .map((member) => {
      const id = str(member.id)
      const optedIn = subscribed ? subscribed.has(id) : member.subscribed !== false
      return {
        kind: 'subscriber',
        sourceId: id,
        email: str(member.email).trim().toLowerCase(),
        name: str(member.name),
        wantsNewsletter: optedIn && member.email_disabled !== true && member.email_disabled !== 1,
        createdAt: ghostDate(member.created_at) ?? new Date(0),
      }
    })
}
