/**
 * Gutenberg (block editor) bodies: `<!-- wp:paragraph -->…<!-- /wp:paragraph -->` around plain
 * HTML. The comments go and the HTML stays. Embed blocks become Broadsheet embeds; blocks that
 * render only on the server (`<!-- wp:latest-posts /-->`, reusable blocks) have no HTML to keep
 * and are counted in the warnings.
 */
import { embedOrLinkHtml } from '../embed-markup.js'

/** Whether a body was written in the block editor (WordPress skips wpautop for those). */
export function hasBlocks(content: string): boolean {
  return content.includes('<!-- wp:')
}

/** A block's JSON attributes: braces that never run past the end of their own comment. */
const ATTRS = String.raw`\{(?:(?!-->)[\s\S])*?\}`
const NAME = String.raw`[a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?`
const EMBED_BLOCK = new RegExp(
  String.raw`<!--\s+wp:(embed|core-embed\/[a-z0-9-]+)\s+(${ATTRS})\s+-->[\s\S]*?<!--\s+\/wp:\1\s+-->`,
  'g',
)
const VOID_BLOCK = new RegExp(String.raw`<!--\s+wp:(${NAME})\s+(?:${ATTRS}\s+)?\/-->`, 'g')
const BLOCK_DELIMITER = new RegExp(String.raw`<!--\s+\/?wp:${NAME}\s+(?:${ATTRS}\s+)?\/?-->`, 'g')

/** Remove block delimiters, keeping their HTML; `warnings` names what had no HTML of its own. */
export function stripBlockMarkup(content: string, warnings: string[]): string {
  const withEmbeds = content.replace(EMBED_BLOCK, (match, _name, json: string) => {
    const url = blockAttrs(json).url
    return typeof url === 'string' && url ? `\n${embedOrLinkHtml(url)}\n` : match
  })
  const dropped = new Map<string, number>()
  const withoutVoid = withEmbeds.replace(VOID_BLOCK, (_match, name: string) => {
    dropped.set(name, (dropped.get(name) ?? 0) + 1)
    return ''
  })
  for (const [name, count] of dropped) {
    const what = name === 'block' ? 'reusable block' : `dynamic block wp:${name}`
    warnings.push(`${what} not imported${count > 1 ? ` (${count} times)` : ''}`)
  }
  return withoutVoid.replace(BLOCK_DELIMITER, '')
}

function blockAttrs(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
