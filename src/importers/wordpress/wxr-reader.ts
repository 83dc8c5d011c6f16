/**
 * A streaming WXR reader: bytes in, one record out at a time (site, authors, terms, then items),
 * in constant memory whatever the size of the file. Only the record being read is held: an
 * `<item>` with its postmeta and comments (docs/decisions/0006-htmlparser2-for-wxr.md).
 */
import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { decodeHTML } from 'entities'
import { Parser } from 'htmlparser2'
import { AppError } from '../../errors.js'
import { decodeXmlStream, stripInvalidXmlChars, type XmlInputStats } from '../xml-input.js'
import {
  toAuthor,
  toCategory,
  toItem,
  toSite,
  toTag,
  toTerm,
  type WxrRecord,
  type XmlNode,
} from './wxr-records.js'

const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/

/** Namespaces by what they are, whichever prefix, scheme (http/https) or WXR version (1.0–1.2). */
const NAMESPACES: [RegExp, string][] = [
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/, 'excerpt'],
  [WP_NAMESPACE, 'wp'],
  [/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, 'content'],
  [/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, 'dc'],
]

/** Channel children that are records of their own; the rest describe the site. */
const RECORD_BUILDERS: Record<string, (node: XmlNode) => WxrRecord> = {
  item: (node) => ({ kind: 'item', item: toItem(node) }),
  'wp:author': (node) => ({ kind: 'author', author: toAuthor(node) }),
  'wp:category': (node) => ({ kind: 'category', category: toCategory(node) }),
  'wp:tag': (node) => ({ kind: 'tag', tag: toTag(node) }),
  'wp:term': (node) => ({ kind: 'term', term: toTerm(node) }),
}

export interface WxrReadStats extends XmlInputStats {
  bytes: number
}

export interface WxrReadOptions {
  /**
   * Leave story bodies and comment texts empty (`content:encoded`, `wp:comment_content`): for a
   * pass that only counts, learns the clock and reads attachments.
   */
  skipBodies?: boolean
}

/** Elements whose text `skipBodies` leaves out. */
const BODIES = new Set(['content:encoded', 'wp:comment_content'])

/**
 * Read a WXR document from a byte stream, yielding each record as soon as its closing tag is read.
 * Throws `AppError('VALIDATION_FAILED')` with a one-line message when the input is not WXR or
 * ends early (a truncated download); records read before that were complete.
 */
export async function* readWxr(
  bytes: AsyncIterable<Uint8Array>,
  fileName = 'the file',
  stats: WxrReadStats = { encoding: '', removed: 0, bytes: 0 },
  options: WxrReadOptions = {},
): AsyncGenerator<WxrRecord> {
  const queue: WxrRecord[] = []
  const state = new WxrState(fileName, (record) => queue.push(record), options.skipBodies === true)
  const parser = new Parser(state, { xmlMode: true, decodeEntities: false })
  async function* counted() {
    for await (const chunk of bytes) {
      stats.bytes += chunk.length
      yield chunk
    }
  }
  for await (const text of decodeXmlStream(counted(), fileName, stats)) {
    parser.write(text)
    while (queue.length > 0) yield queue.shift() as WxrRecord
  }
  state.ending = true
  parser.end()
  state.finish()
  while (queue.length > 0) yield queue.shift() as WxrRecord
}

/** `readWxr` over a file on disk. */
export function readWxrFile(
  path: string,
  stats?: WxrReadStats,
  options: WxrReadOptions = {},
): AsyncGenerator<WxrRecord> {
  return readWxr(
    createReadStream(path, { highWaterMark: 64 * 1024 }),
    basename(path),
    stats,
    options,
  )
}

/** Parser callbacks: element names resolved through namespaces, channel children captured. */
class WxrState {
  /** Set before the parser's end(): elements it closes then were never closed in the file. */
  ending = false
  private depth = 0
  private namespaces: Map<string, string>[] = [new Map<string, string>()]
  private rootChecked = false
  private rootClosed = false
  private sawChannel = false
  /** Open captured elements; [0] is the channel child being read. */
  private capture: XmlNode[] = []
  private pendingRaw = ''
  private siteFields = new Map<string, string>()
  private siteSent = false
  private resolved = new WeakMap<Map<string, string>, Map<string, string>>()
  private lastScope: Map<string, string> | undefined
  private lastNames: Map<string, string> | undefined
  /** The element whose text is being left out (`skipBodies`), if any. */
  private skipping: XmlNode | undefined

  constructor(
    private readonly fileName: string,
    private readonly emit: (record: WxrRecord) => void,
    private readonly skipBodies = false,
  ) {}

  onopentag(qname: string, attribs: Record<string, string>): void {
    this.pushNamespaces(attribs)
    this.depth++
    const name = this.resolve(qname)
    if (this.depth === 1) this.checkRoot(name)
    if (this.depth === 2 && name === 'channel') this.sawChannel = true
    if (this.depth < 3 || !this.sawChannel) return
    this.flushText()
    const node: XmlNode = { name, attrs: decodeAttributes(attribs), text: '', children: [] }
    this.capture.at(-1)?.children.push(node)
    this.capture.push(node)
    if (this.skipBodies && !this.skipping && BODIES.has(name)) this.skipping = node
  }

  onclosetag(_qname: string, isImplied: boolean): void {
    // Self-closing tags (`<wp:post_password/>`) come as implied closes too.
    const cutShort = isImplied && this.ending
    if (this.depth === 1 && !cutShort) this.rootClosed = true
    if (this.depth >= 3 && this.capture.length > 0) {
      this.flushText()
      const node = this.capture.pop() as XmlNode
      if (node === this.skipping) this.skipping = undefined
      if (this.capture.length === 0 && !cutShort) this.finishChannelChild(node)
    }
    this.depth--
    this.namespaces.length = Math.min(this.namespaces.length, this.depth + 1)
  }

  ontext(text: string): void {
    if (this.capture.length > 0 && !this.skipping) this.pendingRaw += text
  }

  oncdatastart(): void {
    this.flushText()
  }

  oncdataend(): void {
    // CDATA text arrives through ontext between start and end: it is taken as is, undecoded.
    const node = this.capture.at(-1)
    if (node) node.text += this.pendingRaw
    this.pendingRaw = ''
  }

  finish(): void {
    if (!this.rootChecked) throw this.notWxr('it holds no XML elements')
    if (!this.rootClosed)
      throw this.invalid(`${this.fileName} ends before </rss>: the export is incomplete`)
    this.sendSite()
  }

  private flushText(): void {
    if (this.pendingRaw === '') return
    const node = this.capture.at(-1)
    // Entities may bring back characters the byte stream had not: strip them again.
    if (node)
      node.text += this.pendingRaw.includes('&')
        ? stripInvalidXmlChars(decodeHTML(this.pendingRaw))
        : this.pendingRaw
    this.pendingRaw = ''
  }

  private finishChannelChild(node: XmlNode): void {
    const build = RECORD_BUILDERS[node.name]
    if (!build) {
      if (!this.siteFields.has(node.name)) this.siteFields.set(node.name, node.text)
      return
    }
    this.sendSite()
    this.emit(build(node))
  }

  private sendSite(): void {
    if (this.siteSent) return
    this.siteSent = true
    this.emit({ kind: 'site', site: toSite(this.siteFields) })
  }

  private pushNamespaces(attribs: Record<string, string>): void {
    const current = this.namespaces[this.depth] as Map<string, string>
    let next = current
    for (const [key, value] of Object.entries(attribs)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue
      if (next === current) next = new Map(current)
      next.set(key === 'xmlns' ? '' : key.slice(6), value.trim())
    }
    this.namespaces[this.depth + 1] = next
  }

  /** `prefix:local` → `wp:local`, `content:local`… by namespace URI; other names unchanged. */
  private resolve(qname: string): string {
    const colon = qname.indexOf(':')
    if (colon < 0) return qname
    const scope = this.namespaces[this.depth] as Map<string, string>
    // The same few names repeat millions of times under the same declarations: remember them
    // (and the declarations last used, nearly always the same).
    let names = scope === this.lastScope ? this.lastNames : this.resolved.get(scope)
    if (!names) this.resolved.set(scope, (names = new Map<string, string>()))
    this.lastScope = scope
    this.lastNames = names
    let name = names.get(qname)
    if (name === undefined) {
      name = canonicalName(qname, colon, scope)
      names.set(qname, name)
    }
    return name
  }

  private checkRoot(name: string): void {
    this.rootChecked = true
    if (name !== 'rss') throw this.notWxr(`its root element is <${name}>, not <rss>`)
    const uris = [...(this.namespaces[1]?.values() ?? [])]
    if (!uris.some((uri) => WP_NAMESPACE.test(uri)))
      throw this.notWxr('it is an RSS feed without the WordPress export namespace')
  }

  private notWxr(why: string): AppError {
    return this.invalid(`${this.fileName} is not a WordPress export (WXR): ${why}`)
  }

  private invalid(message: string): AppError {
    return new AppError('VALIDATION_FAILED', message, { property: 'file' })
  }
}

function canonicalName(qname: string, colon: number, scope: Map<string, string>): string {
  const uri = scope.get(qname.slice(0, colon))
  if (uri === undefined) return qname
  for (const [pattern, canonical] of NAMESPACES)
    if (pattern.test(uri)) return `${canonical}:${qname.slice(colon + 1)}`
  return qname
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({})

function decodeAttributes(attribs: Record<string, string>): Record<string, string> {
  let empty = true
  for (const _ in attribs) {
    empty = false
    break
  }
  if (empty) return NO_ATTRIBUTES
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(attribs)) out[key] = decodeHTML(value)
  return out
}
