/**
 * Ghost's Lexical documents (`posts.lexical`, Ghost 5.x) rendered to HTML: paragraphs,
 * headings, quotes, lists, links and text formats ourselves; Ghost's cards through
 * `renderGhostCard`. Node and field names follow Ghost's editor (`@tryghost/kg-default-nodes`).
 */
import { escapeHtml } from '../../content/index.js'
import { renderGhostCard, type GhostRenderContext } from './ghost-cards.js'
import { str } from './ghost-data.js'

interface LexicalNode {
  type?: string
  children?: LexicalNode[]
  [key: string]: unknown
}

/** Lexical text formats are bit flags; the tags the body allows, innermost first. */
const FORMATS: [bit: number, tag: string][] = [
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
  [4, 's'],
  [8, 'u'],
  [2, 'em'],
  [1, 'strong'],
]

/** Render a Lexical document (the JSON string Ghost stores). */
export function renderLexical(json: string, ctx: GhostRenderContext): string {
  let doc: { root?: LexicalNode }
  try {
    doc = JSON.parse(json) as { root?: LexicalNode }
  } catch {
    ctx.warnings.push('its Lexical content is not valid JSON')
    return ''
  }
  return blocks(doc.root?.children ?? [], ctx)
}

function blocks(nodes: LexicalNode[], ctx: GhostRenderContext): string {
  return nodes.map((node) => block(node, ctx)).join('')
}

function block(node: LexicalNode, ctx: GhostRenderContext): string {
  const type = node.type ?? ''
  const inner = () => inline(node.children ?? [], ctx)
  switch (type) {
    case 'paragraph': {
      const content = inner()
      return content.trim() ? `<p>${content}</p>` : ''
    }
    case 'heading':
    case 'extended-heading': {
      const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'quote':
    case 'extended-quote':
      return `<blockquote><p>${inner()}</p></blockquote>`
    case 'aside':
      // Ghost's alternative quote style reads as a pull quote.
      return `<blockquote class="pull-quote"><p>${inner()}</p></blockquote>`
    case 'list':
      return list(node, ctx)
    default:
      return renderGhostCard(type, node, ctx)
  }
}

function list(node: LexicalNode, ctx: GhostRenderContext): string {
  const tag = node.listType === 'number' ? 'ol' : 'ul'
  const items = (node.children ?? []).map((item) => {
    const nested = (item.children ?? []).filter((c) => c.type === 'list')
    const own = (item.children ?? []).filter((c) => c.type !== 'list')
    return `<li>${inline(own, ctx)}${nested.map((n) => list(n, ctx)).join('')}</li>`
  })
  const start = tag === 'ol' && Number(node.start) > 1 ? ` start="${Number(node.start)}"` : ''
  return `<${tag}${start}>${items.join('')}</${tag}>`
}

function inline(nodes: LexicalNode[], ctx: GhostRenderContext): string {
  return nodes.map((node) => inlineNode(node, ctx)).join('')
}

function inlineNode(node: LexicalNode, ctx: GhostRenderContext): string {
  switch (node.type) {
    case 'text':
    case 'extended-text':
      return formatted(escapeHtml(str(node.text)), Number(node.format ?? 0))
    case 'linebreak':
      return '<br />'
    case 'tab':
      return ' '
    case 'link':
    case 'autolink': {
      const href = escapeHtml(str(node.url))
      return `<a href="${href}">${inline(node.children ?? [], ctx)}</a>`
    }
    default:
      // Decorator nodes inside a paragraph are rare; render their text rather than lose it.
      return node.children ? inline(node.children, ctx) : escapeHtml(str(node.text))
  }
}

function formatted(html: string, format: number): string {
  let out = html
  for (const [bit, tag] of FORMATS) if (format & bit) out = `<${tag}>${out}</${tag}>`
  return out
}
