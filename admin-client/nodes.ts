/**
 * Broadsheet's own editor nodes: figures from the media library, pull quotes and
 * privacy-friendly embeds. Their HTML is what the server's allow-list keeps (content/body-html.ts).
 */
import { Extension, Node, type Editor } from '@tiptap/core'
import { NodeSelection, Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'

export interface FigureAttrs {
  src: string
  alt: string
  caption: string
  credit: string
  mediaId: string
  width: string
  height: string
}

export const FigureImage = Node.create({
  name: 'figureImage',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    const attr = (name: string) => ({ default: '', rendered: false, keepOnSplit: false, name })
    return {
      src: attr('src'),
      alt: attr('alt'),
      caption: attr('caption'),
      credit: attr('credit'),
      mediaId: attr('mediaId'),
      width: attr('width'),
      height: attr('height'),
    }
  },
  parseHTML() {
    return [
      {
        tag: 'figure.image',
        getAttrs: (el) => {
          const img = el.querySelector('img')
          if (!img) return false
          const cite = el.querySelector('figcaption cite')
          const captionEl = el.querySelector('figcaption')
          const credit = cite?.textContent?.trim() ?? ''
          const full = captionEl?.textContent?.trim() ?? ''
          const caption =
            credit && full.endsWith(credit) ? full.slice(0, -credit.length).trim() : full
          return {
            src: img.getAttribute('src') ?? '',
            alt: img.getAttribute('alt') ?? '',
            mediaId: img.getAttribute('data-media-id') ?? '',
            width: img.getAttribute('width') ?? '',
            height: img.getAttribute('height') ?? '',
            caption,
            credit,
          }
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (el) => ({
          src: el.getAttribute('src') ?? '',
          alt: el.getAttribute('alt') ?? '',
          mediaId: el.getAttribute('data-media-id') ?? '',
        }),
      },
    ]
  },
  renderHTML({ node }) {
    const a = node.attrs as FigureAttrs
    const img: Record<string, string> = { src: a.src, alt: a.alt, loading: 'lazy' }
    if (a.width) img.width = a.width
    if (a.height) img.height = a.height
    // The reader site gives library images their responsive renditions by this id.
    if (/^\d+$/.test(a.mediaId)) img['data-media-id'] = a.mediaId
    const caption: (string | [string, Record<string, string>, string])[] = []
    if (a.caption) caption.push(a.caption)
    if (a.credit) caption.push(a.caption ? ' ' : '', ['cite', {}, a.credit])
    return caption.length > 0
      ? ['figure', { class: 'image' }, ['img', img], ['figcaption', {}, ...caption]]
      : ['figure', { class: 'image' }, ['img', img]]
  },
  addNodeView() {
    return ({ node, getPos, editor }) => figureView(node, getPos, editor)
  },
})

/** Fields under an image in the editor, so alt text, caption and credit stay editable. */
const FIGURE_FIELDS = [
  ['caption', 'Caption', ''],
  ['credit', 'Credit', 'Photographer / agency'],
  ['alt', 'Alt text', 'What the image shows, for screen readers'],
] as const

function figureView(initial: PMNode, getPos: () => number | undefined, editor: Editor) {
  let current = initial
  const dom = document.createElement('figure')
  dom.className = 'image editor-figure'
  const img = document.createElement('img')
  img.draggable = false
  const fields = document.createElement('div')
  fields.className = 'figure-fields'
  fields.contentEditable = 'false'
  const inputs = FIGURE_FIELDS.map(([name, label, placeholder]) => {
    const wrap = document.createElement('label')
    const text = document.createElement('span')
    text.textContent = label
    const input = document.createElement('input')
    input.type = 'text'
    input.name = `figure-${name}`
    input.placeholder = placeholder
    input.addEventListener('input', () => {
      const pos = getPos()
      if (typeof pos !== 'number') return
      const tr = editor.view.state.tr.setNodeMarkup(pos, undefined, {
        ...current.attrs,
        [name]: input.value,
      })
      editor.view.dispatch(tr)
    })
    wrap.append(text, input)
    fields.append(wrap)
    return { name, input }
  })
  dom.append(img, fields)
  const show = (node: PMNode) => {
    const a = node.attrs as FigureAttrs
    img.src = a.src
    img.alt = a.alt
    for (const { name, input } of inputs)
      if (document.activeElement !== input) input.value = a[name]
  }
  show(initial)
  return {
    dom,
    update(node: PMNode) {
      if (node.type !== current.type) return false
      current = node
      show(node)
      return true
    },
    // Typing in the fields belongs to the fields, not to ProseMirror.
    stopEvent: (event: Event) => event.target instanceof HTMLInputElement,
    ignoreMutation: () => true,
  }
}

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML() {
    // Ahead of the plain block quote's rule (priority 50), which would take it otherwise.
    return [
      { tag: 'blockquote.pull-quote', priority: 100 },
      { tag: 'aside.pull-quote', priority: 100 },
    ]
  },
  renderHTML() {
    // A quote, not an <aside>: an aside inside the story is a nested complementary landmark.
    return ['blockquote', { class: 'pull-quote' }, ['p', 0]]
  },
})

export type EmbedProvider = 'youtube' | 'x' | 'instagram'

const LABELS: Record<EmbedProvider, string> = {
  youtube: 'Watch on YouTube',
  x: 'View the post on X',
  instagram: 'View on Instagram',
}

/** Which provider a pasted link belongs to, or undefined when we do not embed it. */
export function embedProvider(url: string): EmbedProvider | undefined {
  let host: string
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    host = parsed.hostname.replace(/^www\.|^m\./, '')
  } catch {
    return undefined
  }
  if (host === 'youtube.com' || host === 'youtu.be') return 'youtube'
  if (host === 'twitter.com' || host === 'x.com') return 'x'
  if (host === 'instagram.com') return 'instagram'
  return undefined
}

/** A link card: nothing loads from the provider until a reader follows the link. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      provider: { default: 'youtube', rendered: false },
      url: { default: '', rendered: false },
    }
  },
  parseHTML() {
    return [
      {
        tag: 'figure.embed',
        getAttrs: (el) => ({
          provider: el.getAttribute('data-embed') ?? 'youtube',
          url: el.getAttribute('data-url') ?? el.querySelector('a')?.getAttribute('href') ?? '',
        }),
      },
    ]
  },
  renderHTML({ node }) {
    const provider = node.attrs.provider as EmbedProvider
    const url = String(node.attrs.url)
    return [
      'figure',
      { class: 'embed', 'data-embed': provider, 'data-url': url },
      ['a', { href: url, rel: 'noopener' }, `${LABELS[provider] ?? 'Open'}: ${url}`],
    ]
  },
})

/**
 * Typing never replaces a picture, embed or other block atom. ProseMirror's default replaces a
 * node selection with the typed text: one click on a figure, Ctrl+End that the browser did not
 * turn into a caret move, and a keystroke lost the image. Typed text now goes into a new
 * paragraph after the selected block; only Delete or Backspace remove it (TipTap's own keys).
 * Ctrl/Cmd+Home and End always move the caret to the start or end of the story.
 */
export const ProtectAtoms = Extension.create({
  name: 'protectAtoms',
  addKeyboardShortcuts() {
    const jump = (toEnd: boolean) => () => {
      const { state, view } = this.editor
      const selection = toEnd ? Selection.atEnd(state.doc) : Selection.atStart(state.doc)
      view.dispatch(state.tr.setSelection(selection).scrollIntoView())
      return true
    }
    return { 'Mod-End': jump(true), 'Mod-Home': jump(false) }
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('protectAtoms'),
        props: {
          handleTextInput(view, _from, _to, text) {
            const { selection, schema } = view.state
            if (!(selection instanceof NodeSelection) || !selection.node.isBlock) return false
            const paragraph = schema.nodes.paragraph
            if (!paragraph) return false
            const after = selection.to
            const tr = view.state.tr.insert(after, paragraph.create(null, schema.text(text)))
            tr.setSelection(TextSelection.create(tr.doc, after + 1 + text.length))
            view.dispatch(tr.scrollIntoView())
            return true
          },
        },
      }),
    ]
  },
})
