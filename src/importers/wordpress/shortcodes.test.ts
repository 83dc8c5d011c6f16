import { describe, expect, it } from 'vitest'
import {
  isPluginShortcode,
  parseShortcodeAttrs,
  replaceShortcodes,
  type Shortcode,
} from './shortcodes.js'

function collect(text: string): Shortcode[] {
  const found: Shortcode[] = []
  replaceShortcodes(text, (code) => {
    found.push(code)
    return ''
  })
  return found
}

describe('replaceShortcodes', () => {
  it('finds self-closing, enclosing and slash-closed shortcodes', () => {
    const [gallery, caption, embed] = collect(
      '[gallery ids="1,2"] [caption width=300]<img src="a.jpg" /> Cap[/caption] [embed /]',
    )
    expect(gallery).toMatchObject({ name: 'gallery', attrs: { ids: '1,2' }, content: undefined })
    expect(caption).toMatchObject({ name: 'caption', content: '<img src="a.jpg" /> Cap' })
    expect(embed).toMatchObject({ name: 'embed', selfClosing: true })
  })

  it('leaves [[escaped]] shortcodes as literal text', () => {
    expect(replaceShortcodes('Write [[gallery]] to show one.', () => 'X')).toBe(
      'Write [gallery] to show one.',
    )
  })

  it('leaves text alone when the handler declines', () => {
    expect(replaceShortcodes('[sic] and [b]', () => undefined)).toBe('[sic] and [b]')
  })
})

describe('parseShortcodeAttrs', () => {
  it('reads quoted, unquoted and positional values, lower-casing names', () => {
    expect(
      parseShortcodeAttrs(' ID="attachment_5" Align=\'left\' width=300 "pos one" bare'),
    ).toEqual({
      attrs: { id: 'attachment_5', align: 'left', width: '300' },
      positional: ['pos one', 'bare'],
    })
  })
})

describe('isPluginShortcode', () => {
  it('tells plugin shortcodes from bracketed prose', () => {
    const plugin = (text: string) => collect(text).map(isPluginShortcode)
    expect(plugin('[vc_row] [button url="x"] [toggle]x[/toggle] [hr /]')).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(plugin('[sic] [laughs] [Updated 3pm]')).toEqual([false, false, false])
  })
})
