/**
 * Plain text out of HTML, for the places Broadsheet keeps text: excerpts and reader comments
 * (paragraphs separated by blank lines, links written out so they stay followable).
 */
import { parseDocument } from 'htmlparser2'
import { isTag, isText, type ChildNode } from 'domhandler'

const BLOCKS = new Set(
  'p div li ul ol blockquote h1 h2 h3 h4 h5 h6 pre figure figcaption table tr section article'.split(
    ' ',
  ),
)

export interface HtmlTextOptions {
  /** Write a link's address after its text when they differ: `text (https://…)`. */
  keepLinks?: boolean
}

/** The text of an HTML fragment: blocks become paragraphs, `<br>` a line break. */
export function htmlToText(html: string, options: HtmlTextOptions = {}): string {
  // Plain text (most excerpts and captions) parses to one text node, or none: skip the parser.
  const text = /[<&]/.test(html)
    ? render(parseDocument(html).children, options)
    : html.replace(/\s+/g, ' ')
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function render(nodes: ChildNode[], options: HtmlTextOptions): string {
  let out = ''
  for (const node of nodes) {
    if (isText(node)) out += node.data.replace(/\s+/g, ' ')
    else if (isTag(node)) out += renderTag(node.name, node.attribs, node.children, options)
  }
  return out
}

function renderTag(
  name: string,
  attribs: Record<string, string>,
  children: ChildNode[],
  options: HtmlTextOptions,
): string {
  if (name === 'br') return '\n'
  if (name === 'script' || name === 'style') return ''
  const inner = render(children, options)
  if (name === 'a' && options.keepLinks) {
    const href = attribs.href ?? ''
    const shown = inner.trim()
    if (/^https?:\/\//i.test(href) && shown !== href) return `${inner} (${href})`
  }
  return BLOCKS.has(name) ? `\n\n${inner}\n\n` : inner
}
