/**
 * The newsroom's article editor: TipTap (ProseMirror) in place of the body textarea, live word
 * count and reading time, autosave with version checks, a local copy that survives a crash, and
 * helpers for slug, tags, featured image and the search-result preview.
 */
import { Editor, Extension } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import { TableKit } from '@tiptap/extension-table'
import { Placeholder } from '@tiptap/extensions'
import { startAutosave } from './autosave.js'
import { cleanPastedHtml } from './clean-paste.js'
import { enhanceFields } from './fields.js'
import { openMediaPicker } from './media-picker.js'
import { confirmPublishing } from './publish-confirm.js'
import { buildToolbar } from './toolbar.js'
import { Embed, embedProvider, FigureImage, ProtectAtoms, PullQuote } from './nodes.js'

const WORDS_PER_MINUTE = 200

function main(): void {
  const form = document.querySelector<HTMLFormElement>('#article-form')
  const textarea = document.querySelector<HTMLTextAreaElement>('#bodyHtml')
  const docInput = document.querySelector<HTMLInputElement>('#bodyDoc')
  if (!form || !textarea || !docInput) return

  const mount = document.createElement('div')
  mount.className = 'editor'
  textarea.insertAdjacentElement('beforebegin', mount)
  textarea.hidden = true
  document.querySelector('#body-hint')?.setAttribute('hidden', '')

  const LinkShortcut = Extension.create({
    name: 'linkShortcut',
    addKeyboardShortcuts() {
      return { 'Mod-k': () => (promptLink(this.editor), true) }
    },
  })

  const editor = new Editor({
    element: mount,
    // TipTap's base styles live in the newsroom's stylesheet: an injected <style> element would
    // need 'unsafe-inline' in the newsroom's style-src.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
      }),
      TableKit.configure({ table: { resizable: false } }),
      Placeholder.configure({ placeholder: 'Write the story…' }),
      FigureImage,
      PullQuote,
      Embed,
      LinkShortcut,
      ProtectAtoms,
    ],
    content: textarea.value,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'body-label',
        class: 'editor-content',
      },
      transformPastedHTML: cleanPastedHtml,
    },
  })

  const stats = document.querySelector('#editor-stats')
  const sync = () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML()
    docInput.value = JSON.stringify(editor.getJSON())
    const words = editor.state.doc.textBetween(0, editor.state.doc.content.size, ' ', ' ')
    const count = (words.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length
    const minutes = Math.max(1, Math.ceil(count / WORDS_PER_MINUTE))
    if (stats)
      stats.textContent = `${count} ${count === 1 ? 'word' : 'words'} · ${minutes} min read`
  }
  sync()

  const toolbar = buildToolbar(editor, {
    link: () => promptLink(editor),
    image: () =>
      void openMediaPicker({
        canUpload: form.dataset.canUpload === '1',
        csrf: csrfToken(form),
        purpose: 'body',
        onPick: (m) =>
          editor
            .chain()
            .focus()
            .insertContent({
              type: 'figureImage',
              attrs: {
                src: m.url,
                alt: m.alt,
                caption: m.caption,
                credit: m.credit,
                mediaId: String(m.id),
                width: m.width ? String(m.width) : '',
                height: m.height ? String(m.height) : '',
              },
            })
            .run(),
      }),
    embed: () => promptEmbed(editor),
  })
  mount.insertAdjacentElement('beforebegin', toolbar)

  const autosave = startAutosave(form, {
    csrf: csrfToken(form),
    beforeRead: sync,
    restoreBody: (html) => {
      editor.commands.setContent(html)
      sync()
    },
  })
  editor.on('update', () => {
    sync()
    autosave.changed()
  })
  enhanceFields(form, autosave.changed)
  confirmPublishing(form)
}

function csrfToken(form: HTMLFormElement): string {
  return form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
}

function promptLink(editor: Editor): void {
  const previous = (editor.getAttributes('link').href as string | undefined) ?? ''
  const url = window.prompt('Link address (leave empty to remove the link)', previous)
  if (url === null) return
  if (url.trim() === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    return
  }
  if (editor.state.selection.empty && !previous) {
    // No words chosen and not inside a link: ask for the words and insert them, linked.
    const words = window.prompt('Text to show for the link', url.trim())
    if (!words?.trim()) return
    editor
      .chain()
      .focus()
      .insertContent({
        type: 'text',
        text: words.trim(),
        marks: [{ type: 'link', attrs: { href: url.trim() } }],
      })
      .unsetMark('link')
      .run()
    return
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run()
  // The prompt took the focus: give it back, caret after the link, so typing carries on.
  window.setTimeout(() => editor.chain().focus().setTextSelection(editor.state.selection.to).run())
}

function promptEmbed(editor: Editor): void {
  const url = window.prompt('Paste a YouTube, X (Twitter) or Instagram link')
  if (!url) return
  const provider = embedProvider(url.trim())
  if (!provider) {
    window.alert('Only YouTube, X (Twitter) and Instagram links can be embedded.')
    return
  }
  editor
    .chain()
    .focus()
    .insertContent({ type: 'embed', attrs: { provider, url: url.trim() } })
    .run()
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main)
else main()
