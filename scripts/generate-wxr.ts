/**
 * `npx tsx scripts/generate-wxr.ts [--posts N] [--comments M] [--out FILE] [--seed S]`
 *
 * Writes a WordPress export (WXR 1.2) of N posts and M comments, by default 50,000 posts and
 * 200,000 comments, to `artifacts/wxr-<N>-posts.xml`: the load test for the importer. The text is
 * made from a small word list of our own; the mix follows a real newsroom's export: classic and
 * block-editor bodies, captions, embeds, galleries, `<!--more-->`, nested sections, tags,
 * threaded comments with pingbacks and spam, featured images, drafts without UTC dates. The file
 * is written as a stream, so generating a huge one needs little memory too.
 */
import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import type { Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { scriptArgs } from './script-args.js'

export interface WxrGeneratorOptions {
  posts: number
  comments: number
  seed?: number
}

const SITE = 'https://gazette.example.org'
const NOUNS =
  'harbour council ferry market library bridge school festival river station budget quay tram museum park clinic theatre bakery orchard lighthouse square stadium choir regatta allotment tide pier ward mayor committee'.split(
    ' ',
  )
const VERBS =
  'approves delays opens reviews questions rebuilds celebrates closes funds debates extends welcomes repaints measures postpones'.split(
    ' ',
  )
const ADJECTIVES =
  'old northern busy quiet new crowded windy historic local modest ambitious narrow bright late early'.split(
    ' ',
  )
const PEOPLE =
  'residents traders fishermen pupils volunteers councillors visitors neighbours'.split(' ')
const SECTIONS: [slug: string, name: string, parent: string][] = [
  ['news', 'News', ''],
  ['council', 'Council', 'news'],
  ['courts', 'Courts', 'news'],
  ['business', 'Business', ''],
  ['sport', 'Sport', ''],
  ['rowing', 'Rowing', 'sport'],
  ['culture', 'Culture', ''],
  ['food', 'Food & Drink', 'culture'],
  ['opinion', 'Opinion', ''],
  ['weather', 'Weather', 'news'],
]
const AUTHORS = ['ada', 'bram', 'chiara', 'dmitri', 'efua']

/** `rebuilds` → `rebuilt`, `closes` → `closed`, `delays` → `delayed`. */
function past(verb: string): string {
  const base = verb.replace(/s$/, '')
  if (base === 'rebuild') return 'rebuilt'
  return base.endsWith('e') ? `${base}d` : `${base}ed`
}

/** A small seeded generator (mulberry32): the same seed writes the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Writer {
  readonly rand: () => number
  constructor(seed: number) {
    this.rand = random(seed)
  }
  int(max: number): number {
    return Math.floor(this.rand() * max)
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T
  }
  sentence(): string {
    const s = `The ${this.pick(ADJECTIVES)} ${this.pick(NOUNS)} ${this.pick(VERBS)} the ${this.pick(NOUNS)} after ${2 + this.int(40)} ${this.pick(PEOPLE)} wrote to the ${this.pick(NOUNS)}.`
    return this.int(6) === 0 ? `${s} “It ${past(this.pick(VERBS))} us,” one said.` : s
  }
  paragraph(): string {
    return Array.from({ length: 2 + this.int(4) }, () => this.sentence()).join(' ')
  }
  title(): string {
    const words = `${this.pick(NOUNS)} ${this.pick(VERBS)} ${this.pick(ADJECTIVES)} ${this.pick(NOUNS)}`
    return words.charAt(0).toUpperCase() + words.slice(1)
  }
}

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const pad = (n: number) => String(n).padStart(2, '0')
const mysql = (ms: number) => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
const HOUR = 3_600_000

function header(): string {
  const authors = AUTHORS.map(
    (login, i) =>
      `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(login)}</wp:author_login><wp:author_email>${cdata(`${login}@gazette.example.org`)}</wp:author_email><wp:author_display_name>${cdata(login.charAt(0).toUpperCase() + login.slice(1))}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>\n`,
  ).join('')
  const categories = SECTIONS.map(
    ([slug, name, parent], i) =>
      `\t<wp:category><wp:term_id>${i + 2}</wp:term_id><wp:category_nicename>${cdata(slug)}</wp:category_nicename><wp:category_parent>${cdata(parent)}</wp:category_parent><wp:cat_name>${cdata(name.replace('&', '&amp;'))}</wp:cat_name></wp:category>\n`,
  ).join('')
  const tags = NOUNS.map(
    (noun, i) =>
      `\t<wp:tag><wp:term_id>${100 + i}</wp:term_id><wp:tag_slug>${cdata(noun)}</wp:tag_slug><wp:tag_name>${cdata(noun)}</wp:tag_name></wp:tag>\n`,
  ).join('')
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>The Generated Gazette</title>
\t<link>${SITE}</link>
\t<description>A load test for the WordPress importer</description>
\t<language>en-GB</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${SITE}</wp:base_site_url>
\t<wp:base_blog_url>${SITE}</wp:base_blog_url>
${authors}${categories}${tags}`
}

function body(w: Writer, id: number): string {
  const paragraphs = Array.from({ length: 3 + w.int(5) }, () => w.paragraph())
  if (w.int(3) === 0) {
    return paragraphs
      .map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`)
      .join('\n\n')
  }
  const extras = [
    `[caption id="attachment_${id + 1}" align="alignnone" width="1200"]<img class="wp-image-${id + 1}" src="${SITE}/wp-content/uploads/photo-${id + 1}-1200x800.jpg" alt="" width="1200" height="800" /> ${w.sentence()}[/caption]`,
    'https://www.youtube.com/watch?v=Gen' + String(id).padStart(8, '0'),
    `[gallery ids="${id + 1}"]`,
    '<!--more-->',
    `<blockquote>${w.sentence()}</blockquote>`,
  ]
  if (w.int(2) === 0) paragraphs.splice(1 + w.int(2), 0, w.pick(extras))
  return paragraphs.join('\n\n')
}

function comments(w: Writer, postId: number, count: number, at: number, firstId: number): string {
  let out = ''
  for (let i = 0; i < count; i++) {
    const id = firstId + i
    const parent = i > 0 && w.int(3) === 0 ? firstId + w.int(i) : 0
    const type = w.int(40) === 0 ? 'pingback' : 'comment'
    const approved = w.int(25) === 0 ? 'spam' : w.int(15) === 0 ? '0' : '1'
    const when = at + (i + 1) * HOUR
    out += `\t\t<wp:comment>
\t\t\t<wp:comment_id>${id}</wp:comment_id>
\t\t\t<wp:comment_author>${cdata(`${w.pick(PEOPLE)} ${id}`)}</wp:comment_author>
\t\t\t<wp:comment_author_email>${cdata(`reader${id % 5000}@mail.example.net`)}</wp:comment_author_email>
\t\t\t<wp:comment_author_url>${type === 'pingback' ? `https://blog.example.com/${postId}` : ''}</wp:comment_author_url>
\t\t\t<wp:comment_author_IP>${cdata('192.0.2.1')}</wp:comment_author_IP>
\t\t\t<wp:comment_date>${cdata(mysql(when + HOUR))}</wp:comment_date>
\t\t\t<wp:comment_date_gmt>${cdata(mysql(when))}</wp:comment_date_gmt>
\t\t\t<wp:comment_content>${cdata(w.sentence() + (w.int(3) === 0 ? `\n\n${w.sentence()}` : ''))}</wp:comment_content>
\t\t\t<wp:comment_approved>${cdata(approved)}</wp:comment_approved>
\t\t\t<wp:comment_type>${cdata(type)}</wp:comment_type>
\t\t\t<wp:comment_parent>${parent}</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t</wp:comment>
`
  }
  return out
}

function post(w: Writer, n: number, commentCount: number, firstComment: number): string {
  const id = n * 2 + 10
  const title = `${w.title()} ${n}`
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const at = Date.UTC(2010, 0, 1) + n * 4 * HOUR
  const draft = w.int(50) === 0
  const [section] = w.pick(SECTIONS)
  const tags = [w.pick(NOUNS), w.pick(NOUNS)]
  const date = new Date(at)
  const link = `${SITE}/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${slug}/`
  const attachment = `\t<item>
\t\t<title>${cdata(`photo ${id + 1}`)}</title>
\t\t<link>${link}photo-${id + 1}/</link>
\t\t<dc:creator>${cdata(AUTHORS[n % AUTHORS.length] as string)}</dc:creator>
\t\t<content:encoded>${cdata('')}</content:encoded>
\t\t<excerpt:encoded>${cdata(w.sentence())}</excerpt:encoded>
\t\t<wp:post_id>${id + 1}</wp:post_id>
\t\t<wp:post_date>${cdata(mysql(at + HOUR))}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(mysql(at))}</wp:post_date_gmt>
\t\t<wp:post_name>${cdata(`photo-${id + 1}`)}</wp:post_name>
\t\t<wp:status>${cdata('inherit')}</wp:status>
\t\t<wp:post_parent>${id}</wp:post_parent>
\t\t<wp:post_type>${cdata('attachment')}</wp:post_type>
\t\t<wp:attachment_url>${cdata(`${SITE}/wp-content/uploads/photo-${id + 1}.jpg`)}</wp:attachment_url>
\t\t<wp:postmeta><wp:meta_key>${cdata('_wp_attached_file')}</wp:meta_key><wp:meta_value>${cdata(`photo-${id + 1}.jpg`)}</wp:meta_value></wp:postmeta>
\t\t<wp:postmeta><wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>${cdata(`A ${w.pick(ADJECTIVES)} ${w.pick(NOUNS)}`)}</wp:meta_value></wp:postmeta>
\t</item>
`
  return `\t<item>
\t\t<title>${cdata(title)}</title>
\t\t<link>${draft ? `${SITE}/?p=${id}` : link}</link>
\t\t<dc:creator>${cdata(AUTHORS[n % AUTHORS.length] as string)}</dc:creator>
\t\t<guid isPermaLink="false">${SITE}/?p=${id}</guid>
\t\t<content:encoded>${cdata(body(w, id))}</content:encoded>
\t\t<excerpt:encoded>${cdata('')}</excerpt:encoded>
\t\t<wp:post_id>${id}</wp:post_id>
\t\t<wp:post_date>${cdata(mysql(at + HOUR))}</wp:post_date>
\t\t<wp:post_date_gmt>${cdata(draft ? '0000-00-00 00:00:00' : mysql(at))}</wp:post_date_gmt>
\t\t<wp:post_modified>${cdata(mysql(at + 3 * HOUR))}</wp:post_modified>
\t\t<wp:post_modified_gmt>${cdata(mysql(at + 2 * HOUR))}</wp:post_modified_gmt>
\t\t<wp:comment_status>${cdata('open')}</wp:comment_status>
\t\t<wp:post_name>${cdata(draft ? '' : slug)}</wp:post_name>
\t\t<wp:status>${cdata(draft ? 'draft' : 'publish')}</wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:post_type>${cdata('post')}</wp:post_type>
\t\t<wp:post_password>${cdata('')}</wp:post_password>
\t\t<wp:is_sticky>${n % 997 === 0 ? 1 : 0}</wp:is_sticky>
\t\t<category domain="category" nicename="${section}">${cdata(section)}</category>
${tags.map((t) => `\t\t<category domain="post_tag" nicename="${t}">${cdata(t)}</category>\n`).join('')}\t\t<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(id + 1))}</wp:meta_value></wp:postmeta>
${comments(w, id, commentCount, at, firstComment)}\t</item>
${attachment}`
}

/** Write a generated export to `out`, honouring back-pressure. */
export async function writeWxr(out: Writable, options: WxrGeneratorOptions): Promise<void> {
  const w = new Writer(options.seed ?? 1)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(header())
  let commentId = 1
  for (let n = 0; n < options.posts; n++) {
    // Spread the comments evenly, the remainder on the first posts.
    const share = Math.floor(options.comments / options.posts)
    const count = share + (n < options.comments % options.posts ? 1 : 0)
    await write(post(w, n, count, commentId))
    commentId += count
  }
  await write('</channel>\n</rss>\n')
}

const USAGE = `Usage: npx tsx scripts/generate-wxr.ts [--posts N] [--comments M] [--out FILE] [--seed S]

Writes a WordPress export (WXR 1.2) of N posts (default 50000) and M comments (default 200000)
to FILE (default artifacts/wxr-<N>-posts.xml), the same for the same seed S.`

async function main(): Promise<void> {
  const { values } = scriptArgs('generate-wxr', USAGE, {
    options: {
      help: { type: 'boolean' },
      posts: { type: 'string', default: '50000' },
      comments: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  })
  const posts = Number(values.posts)
  const comments = Number(values.comments)
  if (!Number.isInteger(posts) || posts < 1) throw new Error('--posts must be a whole number ≥ 1')
  if (!Number.isInteger(comments) || comments < 0)
    throw new Error('--comments must be a whole number')
  const file =
    values.out ?? path.join(import.meta.dirname, '..', 'artifacts', `wxr-${posts}-posts.xml`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const out = fs.createWriteStream(file)
  const started = performance.now()
  await writeWxr(out, { posts, comments, seed: Number(values.seed) })
  out.end()
  await once(out, 'finish')
  const mb = (fs.statSync(file).size / 1e6).toFixed(1)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${file}: ${posts} posts, ${comments} comments, ${mb} MB in ${seconds} s\n`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `generate-wxr: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(1)
  })
}
