/**
 * Ghost's mobiledoc documents (`posts.mobiledoc`, Ghost 1–4) rendered to HTML. Mobiledoc 0.3
 * keeps markups, atoms and cards in tables that sections point into by index: markup sections
 * (`[1, tag, markers]`), image sections (`[2, src]`), lists (`[3, tag, items]`) and cards
 * (`[10, index]`). Markers open markups by index and close a count of them.
 */
import { escapeHtml } from '../../content/index.js'
import { renderGhostCard, type GhostRenderContext } from './ghost-cards.js'
import { str } from './ghost-data.js'

interface Mobiledoc {
  markups?: [string, unknown[]?][]
  atoms?: [string, string, unknown][]
  cards?: [string, Record<string, unknown>][]
  sections?: unknown[][]
}

type Marker = [type: number, open: number[], close: number, value: string | number]

const SECTION_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'aside'])
const MARKUP_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'sub', 'sup'])

/** Render a mobiledoc document (the JSON string Ghost stores). */
export function renderMobiledoc(json: string, ctx: GhostRenderContext): string {
  let doc: Mobiledoc
  try {
    doc = JSON.parse(json) as Mobiledoc
  } catch {
    ctx.warnings.push('its mobiledoc content is not valid JSON')
    return ''
  }
  return (doc.sections ?? []).map((section) => renderSection(section, doc, ctx)).join('')
}

function renderSection(section: unknown[], doc: Mobiledoc, ctx: GhostRenderContext): string {
  const [kind] = section
  if (kind === 1) {
    const tag = String(section[1]).toLowerCase()
    const content = markers(section[2] as Marker[], doc)
    if (!content.trim()) return ''
    if (tag === 'aside') return `<blockquote class="pull-quote"><p>${content}</p></blockquote>`
    if (tag === 'blockquote') return `<blockquote><p>${content}</p></blockquote>`
    return SECTION_TAGS.has(tag) ? `<${tag}>${content}</${tag}>` : `<p>${content}</p>`
  }
  if (kind === 2) return renderGhostCard('image', { src: section[1] }, ctx)
  if (kind === 3) {
    const tag = section[1] === 'ol' ? 'ol' : 'ul'
    const items = (section[2] as Marker[][]).map((item) => `<li>${markers(item, doc)}</li>`)
    return `<${tag}>${items.join('')}</${tag}>`
  }
  if (kind === 10) {
    const card = doc.cards?.[Number(section[1])]
    return card ? renderGhostCard(card[0], card[1] ?? {}, ctx) : ''
  }
  return ''
}

function markers(list: Marker[], doc: Mobiledoc): string {
  let out = ''
  const open: string[] = []
  for (const [type, opens, closes, value] of list ?? []) {
    for (const index of opens) {
      const [tag, attrs] = doc.markups?.[index] ?? ['span']
      const name = MARKUP_TAGS.has(tag.toLowerCase()) ? tag.toLowerCase() : 'span'
      open.push(name)
      out += `<${name}${attributes(name, attrs ?? [])}>`
    }
    out += type === 1 ? atom(doc.atoms?.[Number(value)]) : escapeHtml(String(value))
    for (let i = 0; i < closes; i++) out += `</${open.pop() ?? 'span'}>`
  }
  while (open.length > 0) out += `</${open.pop() ?? 'span'}>`
  return out
}

/** Markup attributes are a flat `[name, value, name, value]` list; links keep `href` only. */
function attributes(tag: string, attrs: unknown[]): string {
  if (tag !== 'a') return ''
  const href = attrs.findIndex((a) => a === 'href')
  return href >= 0 ? ` href="${escapeHtml(str(attrs[href + 1]))}"` : ''
}

function atom(entry: [string, string, unknown] | undefined): string {
  if (!entry) return ''
  return entry[0] === 'soft-return' ? '<br />' : escapeHtml(entry[1] ?? '')
}
