/** The editor's toolbar: one button per command, pressed state for marks and blocks. */
import type { Editor } from '@tiptap/core'

interface Tool {
  label: string
  text: string
  shortcut?: string
  run: () => void
  active?: () => boolean
}

export function buildToolbar(
  editor: Editor,
  actions: { link: () => void; image: () => void; embed: () => void },
): HTMLElement {
  const chain = () => editor.chain().focus()
  const tools: Tool[] = [
    {
      label: 'Paragraph',
      text: '¶',
      run: () => chain().setParagraph().run(),
      active: () => editor.isActive('paragraph'),
    },
    ...([2, 3, 4] as const).map((level) => ({
      label: `Heading ${level}`,
      text: `H${level}`,
      shortcut: `Ctrl+Alt+${level}`,
      run: () => chain().toggleHeading({ level }).run(),
      active: () => editor.isActive('heading', { level }),
    })),
    {
      label: 'Bold',
      text: 'B',
      shortcut: 'Ctrl+B',
      run: () => chain().toggleBold().run(),
      active: () => editor.isActive('bold'),
    },
    {
      label: 'Italic',
      text: 'I',
      shortcut: 'Ctrl+I',
      run: () => chain().toggleItalic().run(),
      active: () => editor.isActive('italic'),
    },
    {
      label: 'Link',
      text: 'Link',
      shortcut: 'Ctrl+K',
      run: actions.link,
      active: () => editor.isActive('link'),
    },
    {
      label: 'Bulleted list',
      text: '• List',
      shortcut: 'Ctrl+Shift+8',
      run: () => chain().toggleBulletList().run(),
      active: () => editor.isActive('bulletList'),
    },
    {
      label: 'Numbered list',
      text: '1. List',
      shortcut: 'Ctrl+Shift+7',
      run: () => chain().toggleOrderedList().run(),
      active: () => editor.isActive('orderedList'),
    },
    {
      label: 'Block quote',
      text: '“ Quote',
      shortcut: 'Ctrl+Shift+B',
      run: () => chain().toggleBlockquote().run(),
      active: () => editor.isActive('blockquote'),
    },
    {
      label: 'Pull quote',
      text: 'Pull quote',
      run: () =>
        chain()
          .setNode(editor.isActive('pullQuote') ? 'paragraph' : 'pullQuote')
          .run(),
      active: () => editor.isActive('pullQuote'),
    },
    { label: 'Image from the media library', text: 'Image', run: actions.image },
    { label: 'Embed (YouTube, X, Instagram)', text: 'Embed', run: actions.embed },
    { label: 'Horizontal rule', text: '―', run: () => chain().setHorizontalRule().run() },
    {
      label: 'Insert table',
      text: 'Table',
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    { label: 'Undo', text: '↶', shortcut: 'Ctrl+Z', run: () => chain().undo().run() },
    { label: 'Redo', text: '↷', shortcut: 'Ctrl+Shift+Z', run: () => chain().redo().run() },
  ]
  const bar = document.createElement('div')
  bar.className = 'toolbar'
  bar.setAttribute('role', 'toolbar')
  bar.setAttribute('aria-label', 'Formatting')
  const buttons = tools.map((tool) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'tool'
    button.textContent = tool.text
    button.setAttribute('aria-label', tool.label)
    button.title = tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label
    if (tool.active) button.setAttribute('aria-pressed', 'false')
    button.addEventListener('mousedown', (event) => event.preventDefault())
    button.addEventListener('click', () => tool.run())
    bar.append(button)
    return { button, tool }
  })
  const refresh = () => {
    for (const { button, tool } of buttons)
      if (tool.active) button.setAttribute('aria-pressed', String(tool.active()))
  }
  editor.on('selectionUpdate', refresh)
  editor.on('transaction', refresh)
  return bar
}
