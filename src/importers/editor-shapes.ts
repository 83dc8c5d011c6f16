/**
 * Imported HTML into the shapes Broadsheet's editor writes, then through the body sanitizer:
 * pictures become `figure.image` (galleries one figure per picture), YouTube/X/Instagram frames
 * and quote embeds become link-card embeds, `<video>`/`<audio>` become media cards, `h1` becomes
 * `h2`, wrapper `<div>`s dissolve and loose text gets its paragraphs. Whatever else the old site
 * wrote is left for `sanitizeBody`, the one allow-list (content/body-html.ts).
 */
import { parseDocument } from 'htmlparser2'
import { isTag, isText, type ChildNode, type Element } from 'domhandler'
import { escapeHtml, sanitizeBody } from '../content/index.js'
import { embedHtml, embedOrLinkHtml, embedProvider, figureHtml, mediaHtml } from './embed-markup.js'

export interface EditorShapeOptions {
  /**
   * A source's own shapes, tried first for every element: return the HTML to put in its place,
   * or undefined to let the general rules run. `render` renders child nodes as blocks.
   */
  rewrite?: (element: Element, render: (nodes: ChildNode[]) => string) => string | undefined
}

export interface EditorHtml {
  /** Sanitized HTML: `sanitizeBody(html) === html`. */
  html: string
  warnings: string[]
}

/** Convert imported HTML to the editor's shapes and sanitize it. */
export function toEditorHtml(html: string, options: EditorShapeOptions = {}): EditorHtml {
  const shaper = new Shaper(options)
  const out = shaper.blocks(parseDocument(html).children)
  return { html: sanitizeBody(out), warnings: shaper.warnings }
}

const BLOCK_TAGS = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 ul ol dl blockquote figure table pre hr div section article header ' +
    'footer main aside nav details address form fieldset iframe video audio center figcaption'
  ).split(' '),
)
/** Containers that dissolve: their children stand on their own. */
const WRAPPERS = new Set(
  'div section article header footer main nav center details form fieldset body html'.split(' '),
)
const DROPPED = new Set('script style noscript template head title link meta button svg'.split(' '))
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '))
const HEADINGS: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' }

class Shaper {
  readonly warnings: string[] = []

  constructor(private readonly options: EditorShapeOptions) {}

  /** Render nodes at block level: runs of inline content become paragraphs. */
  blocks(nodes: ChildNode[]): string {
    let out = ''
    let run: ChildNode[] = []
    const flush = () => {
      if (run.length > 0) out += this.paragraph(run)
      run = []
    }
    for (const node of nodes) {
      if (isTag(node) && BLOCK_TAGS.has(node.name)) {
        flush()
        out += this.element(node)
      } else run.push(node)
    }
    flush()
    return out
  }

  /** Inline nodes as one paragraph: a lone picture becomes a figure; frames break out of it. */
  private paragraph(nodes: ChildNode[]): string {
    const meaningful = nodes.filter((n) => !isBlank(n))
    if (meaningful.length === 0) return ''
    const lone = loneImage(meaningful)
    if (lone) return this.figureFromImage(lone, '')
    let out = ''
    let inline = ''
    for (const node of nodes) {
      if (isTag(node) && ['iframe', 'video', 'audio'].includes(node.name)) {
        if (inline.trim()) out += `<p>${inline}</p>`
        inline = ''
        out += this.element(node)
      } else inline += this.inline(node)
    }
    return inline.trim() ? `${out}<p>${inline}</p>` : out
  }

  private element(el: Element): string {
    const rewritten = this.options.rewrite?.(el, (nodes) => this.blocks(nodes))
    if (rewritten !== undefined) return rewritten
    const name = el.name
    if (DROPPED.has(name)) return ''
    if (WRAPPERS.has(name)) return this.blocks(el.children)
    if (name === 'p') return this.paragraph(el.children)
    if (name === 'figure') return this.figure(el)
    if (name === 'iframe') return this.frame(el)
    if (name === 'video' || name === 'audio') return this.media(el)
    if (name === 'blockquote') return this.quote(el)
    if (name === 'figcaption') return this.paragraph(el.children)
    const heading = HEADINGS[name]
    if (heading) return `<${heading}>${this.inlineAll(el.children)}</${heading}>`
    if (/^h[2-4]$/.test(name)) return `<${name}>${this.inlineAll(el.children)}</${name}>`
    return this.inline(el)
  }

  /** Serialize a node as written (attributes kept for the sanitizer to judge). */
  private inline(node: ChildNode): string {
    if (isText(node)) return escapeHtml(node.data)
    if (!isTag(node)) return ''
    if (DROPPED.has(node.name)) return ''
    if (node.name === 'span' || node.name === 'font') return this.inlineAll(node.children)
    const attrs = Object.entries(node.attribs)
      .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
      .join('')
    if (VOID.has(node.name)) return `<${node.name}${attrs} />`
    return `<${node.name}${attrs}>${this.inlineAll(node.children)}</${node.name}>`
  }

  private inlineAll(nodes: ChildNode[]): string {
    return nodes.map((n) => this.inline(n)).join('')
  }

  private figure(el: Element): string {
    const cls = el.attribs.class ?? ''
    if (/\bembed\b/.test(cls) && el.attribs['data-embed']) return this.inline(el)
    const caption = child(el, 'figcaption')
    const captionHtml = caption ? this.inlineAll(caption.children).trim() : ''
    const quote = find(el, (n) => n.name === 'blockquote')
    if (/\bwp-block-pullquote\b/.test(cls) && quote) return pullQuote(quote)
    const table = find(el, (n) => n.name === 'table')
    if (table)
      return `<figure class="table">${this.inline(table)}${wrapCaption(captionHtml)}</figure>`
    const rest = el.children.filter((n) => n !== caption)
    if (find(el, (n) => ['iframe', 'video', 'audio', 'blockquote'].includes(n.name)))
      return this.blocks(rest) + (captionHtml ? `<p>${captionHtml}</p>` : '')
    return this.pictures(el, captionHtml) ?? this.blocks(rest)
  }

  /** A figure's pictures: nested figures keep their own captions; a lone picture takes the outer one. */
  private pictures(el: Element, captionHtml: string): string | undefined {
    const entries: { img: Element; caption: string }[] = []
    const walk = (nodes: ChildNode[]) => {
      for (const node of nodes) {
        if (!isTag(node)) continue
        if (node.name === 'img') entries.push({ img: node, caption: '' })
        else if (node.name === 'figure') {
          const img = find(node, (n) => n.name === 'img')
          const own = child(node, 'figcaption')
          if (img) entries.push({ img, caption: own ? this.inlineAll(own.children).trim() : '' })
        } else if (node.name !== 'figcaption') walk(node.children)
      }
    }
    walk(el.children)
    if (entries.length === 0) return undefined
    if (entries.length === 1 && entries[0]) {
      const { img, caption } = entries[0]
      return this.figureFromImage(img, caption || captionHtml)
    }
    const figures = entries.map(({ img, caption }) => this.figureFromImage(img, caption)).join('')
    return figures + (captionHtml ? `<p>${captionHtml}</p>` : '')
  }

  private figureFromImage(img: Element, caption: string): string {
    const src = img.attribs.src ?? img.attribs['data-src'] ?? ''
    if (!src) return ''
    const { alt = '', width, height } = img.attribs
    return figureHtml({ src, alt, width, height, caption })
  }

  private frame(el: Element): string {
    const src = el.attribs.src ?? el.attribs['data-src'] ?? ''
    if (!src) return ''
    const url = src.startsWith('//') ? `https:${src}` : src
    if (!embedProvider(url)) this.warnings.push(`an embedded frame (${url}) became a link`)
    return embedOrLinkHtml(url)
  }

  private media(el: Element): string {
    const source = find(el, (n) => n.name === 'source' && Boolean(n.attribs.src))
    const src = el.attribs.src ?? source?.attribs.src ?? ''
    return src ? mediaHtml(el.name === 'video' ? 'video' : 'audio', src) : ''
  }

  private quote(el: Element): string {
    const cls = el.attribs.class ?? ''
    if (/\btwitter-tweet\b/.test(cls)) {
      const links = findAll(el, (n) => n.name === 'a' && /\/status\/\d+/.test(n.attribs.href ?? ''))
      const href = links.at(-1)?.attribs.href
      if (href) return embedHtml(href, 'x')
    }
    if (/\binstagram-media\b/.test(cls)) {
      const href =
        el.attribs['data-instgrm-permalink'] ?? find(el, (n) => n.name === 'a')?.attribs.href
      if (href) return embedHtml(href.split('?')[0] ?? href, 'instagram')
    }
    if (/\bpull-?quote\b/.test(cls)) return pullQuote(el)
    return `<blockquote>${this.blocks(el.children)}</blockquote>`
  }
}

/** The editor's pull quote holds one paragraph: the quote's text, then who said it. */
function pullQuote(quote: Element): string {
  const said = quote.children
    .filter((n) => !(isTag(n) && n.name === 'cite'))
    .map((n) => (isText(n) ? n.data : isTag(n) ? textOf(n) : ''))
    .join(' ')
  const cite = child(quote, 'cite')
  const who = cite ? ` — ${textOf(cite).trim()}` : ''
  const text = `${said.replace(/\s+/g, ' ').trim()}${who}`
  return `<blockquote class="pull-quote"><p>${escapeHtml(text)}</p></blockquote>`
}

function wrapCaption(html: string): string {
  return html ? `<figcaption>${html}</figcaption>` : ''
}

function isBlank(node: ChildNode): boolean {
  if (isText(node)) return node.data.trim() === ''
  return isTag(node) ? node.name === 'br' : true
}

/** The picture when a run is just one `<img>`, possibly inside a link. */
function loneImage(nodes: ChildNode[]): Element | undefined {
  if (nodes.length !== 1 || !isTag(nodes[0] as ChildNode)) return undefined
  const only = nodes[0] as Element
  if (only.name === 'img') return only
  if (only.name !== 'a') return undefined
  const inner = only.children.filter((n) => !isBlank(n))
  return inner.length === 1 && isTag(inner[0] as ChildNode) && (inner[0] as Element).name === 'img'
    ? (inner[0] as Element)
    : undefined
}

function child(el: Element, name: string): Element | undefined {
  return el.children.find((n): n is Element => isTag(n) && n.name === name)
}

function find(el: Element, test: (e: Element) => boolean): Element | undefined {
  return findAll(el, test)[0]
}

function findAll(el: Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = []
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue
      if (test(node)) out.push(node)
      walk(node.children)
    }
  }
  walk(el.children)
  return out
}

function textOf(el: Element): string {
  return el.children.map((n) => (isText(n) ? n.data : isTag(n) ? textOf(n) : '')).join('')
}
