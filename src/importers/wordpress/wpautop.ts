/**
 * WordPress's paragraph rules (`wpautop` in wp-includes/formatting.php), reimplemented: classic
 * editor bodies are stored without `<p>`, and WordPress adds paragraphs and line breaks when it
 * renders them. We apply the same rules once, at import, so stories read as they did.
 *
 * Differences from WordPress, on purpose: newlines inside tags are protected with a private-use
 * character rather than an HTML comment (whose `>` confused WordPress's own later patterns), and
 * whitespace means ASCII whitespace, as in PCRE without the `u` flag (a no-break space is text).
 */

/** Block-level elements: they never go inside a paragraph. */
const BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|' +
  'area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|' +
  'hgroup|header|footer|nav|figure|figcaption|details|menu|summary)'

/** ASCII whitespace (PCRE's `\s`). */
const S = '[ \\t\\n\\r\\f\\v]'

/** Stands in for a newline inside a tag or a script while the rules run. */
const NEWLINE_MARK = '\uE000'
/** An HTML tag or comment. */
const TAG = /<!--[\s\S]*?(?:-->|$)|<[^>]*>?/g

const re = (source: string, flags = 'g') => new RegExp(source, flags)

const OPEN_BLOCK = re(`(<${BLOCKS}[\\s/>])`)
const CLOSE_BLOCK = re(`(</${BLOCKS}>)`)
const WRAPPED_BLOCK_TAG = re(`<p>${S}*(</?${BLOCKS}[^>]*>)${S}*</p>`)
const P_BEFORE_BLOCK_TAG = re(`<p>${S}*(</?${BLOCKS}[^>]*>)`)
const P_AFTER_BLOCK_TAG = re(`(</?${BLOCKS}[^>]*>)${S}*</p>`)
const BR_AFTER_BLOCK_TAG = re(`(</?${BLOCKS}[^>]*>)${S}*<br />`)
const BR_BEFORE_TAG = re(`<br />(${S}*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)`)

/**
 * Add paragraphs and line breaks to text the way WordPress renders a classic-editor body.
 * @example wpautop('One\n\nTwo\nthree') // '<p>One</p>\n<p>Two<br />\nthree</p>\n'
 */
export function wpautop(input: string, br = true): string {
  if (input.trim() === '') return ''
  const pres: string[] = []
  let text = protectPre(`${input.replaceAll(NEWLINE_MARK, '')}\n`, pres)

  text = text.replace(re(`<br${S}*/?>${S}*<br${S}*/?>`), '\n\n')
  text = text.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n')
  text = text.replace(re(`(<hr${S}*?/?>)`), '$1\n\n')
  text = text.replace(/\r\n|\r/g, '\n')
  text = text.replace(TAG, (tag) => tag.replaceAll('\n', NEWLINE_MARK))
  text = collapseAroundInlineBlocks(text)
  text = wrapParagraphs(text.replace(/\n\n+/g, '\n\n'))
  text = unwrapBlocks(text)
  if (br) text = addLineBreaks(text)
  text = text.replace(BR_AFTER_BLOCK_TAG, '$1').replace(BR_BEFORE_TAG, '$1')
  text = text.replace(/\n<\/p>$/, '</p>')
  text = text.replace(/<pre data-autop-(\d+)><\/pre>/g, (_, i: string) => pres[Number(i)] ?? '')
  return text.replaceAll(NEWLINE_MARK, '\n')
}

/** `<pre>` blocks keep their text exactly: swap each for an empty placeholder until the end. */
function protectPre(text: string, pres: string[]): string {
  if (!text.includes('<pre')) return text
  const parts = text.split('</pre>')
  const last = parts.pop() ?? ''
  let out = ''
  for (const part of parts) {
    const start = part.indexOf('<pre')
    if (start < 0) {
      out += part // A stray </pre>: WordPress drops it too.
      continue
    }
    out += `${part.slice(0, start)}<pre data-autop-${pres.length}></pre>`
    pres.push(`${part.slice(start)}</pre>`)
  }
  return out + last
}

/** Line breaks around options, object params, media sources and figcaptions are not paragraphs. */
function collapseAroundInlineBlocks(text: string): string {
  let out = text
  if (out.includes('<option')) {
    out = out.replace(re(`${S}*<option`), '<option').replace(re(`</option>${S}*`), '</option>')
  }
  if (out.includes('</object>')) {
    out = out.replace(re(`(<object[^>]*>)${S}*`), '$1').replace(re(`${S}*</object>`), '</object>')
    out = out.replace(re(`${S}*(</?(?:param|embed)[^>]*>)${S}*`), '$1')
  }
  if (out.includes('<source') || out.includes('<track')) {
    out = out.replace(re(`([<\\[](?:audio|video)[^>\\]]*[>\\]])${S}*`), '$1')
    out = out.replace(re(`${S}*([<\\[]/(?:audio|video)[>\\]])`), '$1')
    out = out.replace(re(`${S}*(<(?:source|track)[^>]*>)${S}*`), '$1')
  }
  if (out.includes('<figcaption')) {
    out = out.replace(re(`${S}*(<figcaption[^>]*>)`), '$1')
    out = out.replace(re(`</figcaption>${S}*`), '</figcaption>')
  }
  return out
}

/** Every stretch between blank lines becomes a paragraph. */
function wrapParagraphs(text: string): string {
  let out = ''
  for (const piece of text.split(re(`\n${S}*\n`))) {
    if (piece === '') continue
    out += `<p>${piece.replace(/^\n+|\n+$/g, '')}</p>\n`
  }
  return out.replace(re(`<p>${S}*</p>`), '')
}

/** Take block tags back out of the paragraphs the split wrapped them in. */
function unwrapBlocks(text: string): string {
  return text
    .replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>')
    .replace(WRAPPED_BLOCK_TAG, '$1')
    .replace(/<p>(<li.+?)<\/p>/g, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replaceAll('</blockquote></p>', '</p></blockquote>')
    .replace(P_BEFORE_BLOCK_TAG, '$1')
    .replace(P_AFTER_BLOCK_TAG, '$1')
}

/** Single newlines left inside paragraphs become `<br />`, except in scripts, styles and SVG. */
function addLineBreaks(text: string): string {
  return text
    .replace(/<(script|style|svg|math).*?<\/\1>/gs, (m) => m.replaceAll('\n', NEWLINE_MARK))
    .replace(/<br>|<br\/>/g, '<br />')
    .replace(re(`(?<!<br />)${S}*\n`), '<br />\n')
}
