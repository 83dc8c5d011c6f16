/**
 * WordPress shortcodes (`[caption]…[/caption]`, `[gallery ids="1,2"]`): found with the same
 * grammar WordPress uses (get_shortcode_regex, shortcode_parse_atts), handed to a callback that
 * returns what takes their place. `[[name]]` is WordPress's escape and comes out as `[name]`.
 */

export interface Shortcode {
  name: string
  /** Named attributes, keys lower-cased. */
  attrs: Record<string, string>
  /** Values without a name (`[embed https://…]`). */
  positional: string[]
  /** Text between `[name]` and `[/name]`; undefined when there is no closing tag. */
  content: string | undefined
  selfClosing: boolean
}

/** Return the replacement, or undefined to leave the text as it was. */
export type ShortcodeHandler = (code: Shortcode) => string | undefined

// [ [? name attrs ( /] | ] ( content [/name] )? ) ]?
const SHORTCODE =
  /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([^[]*(?:\[(?!\/\2\])[^[]*)*)\[\/\2\])?)(\]?)/g

/** Replace every shortcode in `text` by what `handle` returns for it. */
export function replaceShortcodes(text: string, handle: ShortcodeHandler): string {
  if (!text.includes('[')) return text
  return text.replace(
    SHORTCODE,
    (
      match: string,
      open: string,
      name: string,
      rawAttrs: string,
      slash: string | undefined,
      content: string | undefined,
      close: string,
    ) => {
      if (open === '[' && close === ']') return match.slice(1, -1)
      const { attrs, positional } = parseShortcodeAttrs(rawAttrs)
      const code = { name, attrs, positional, content, selfClosing: slash === '/' }
      const replaced = handle(code)
      return replaced === undefined ? match : open + replaced + close
    },
  )
}

const ATTR =
  /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g

/** Attributes the way WordPress reads them: `a="x" b='y' c=z "positional" bare`. */
export function parseShortcodeAttrs(text: string): {
  attrs: Record<string, string>
  positional: string[]
} {
  const attrs: Record<string, string> = {}
  const positional: string[] = []
  const clean = text.replace(/[\u00a0\u200b]+/g, ' ')
  for (const m of clean.matchAll(ATTR)) {
    const key = m[1] ?? m[3] ?? m[5]
    const value = m[2] ?? m[4] ?? m[6]
    if (key !== undefined && value !== undefined) attrs[key.toLowerCase()] = value
    else positional.push(m[7] ?? m[8] ?? m[9] ?? '')
  }
  return { attrs, positional }
}

/**
 * Whether an unregistered `[word …]` is a plugin's shortcode rather than bracketed prose such as
 * `[sic]` or `[Updated 3pm]`: it has a closing tag, a `name=value` attribute, a `/]`, or a
 * plugin-style name (`vc_row`, `contact-form-7`).
 */
export function isPluginShortcode(code: Shortcode): boolean {
  return (
    code.content !== undefined ||
    code.selfClosing ||
    Object.keys(code.attrs).length > 0 ||
    /[_-]/.test(code.name)
  )
}
