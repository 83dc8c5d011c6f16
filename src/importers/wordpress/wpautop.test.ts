import { describe, expect, it } from 'vitest'
import { wpautop } from './wpautop.js'

describe('wpautop', () => {
  it('makes paragraphs of blank-line-separated text and breaks of single newlines', () => {
    expect(wpautop('One\n\nTwo\nthree')).toBe('<p>One</p>\n<p>Two<br />\nthree</p>\n')
  })

  it('returns nothing for blank input and honours br = false', () => {
    expect(wpautop('  \n\n ')).toBe('')
    expect(wpautop('a\nb', false)).toBe('<p>a\nb</p>\n')
  })

  it('treats Windows and old Mac line endings as newlines', () => {
    expect(wpautop('One\r\n\r\nTwo\rthree')).toBe('<p>One</p>\n<p>Two<br />\nthree</p>\n')
  })

  it('turns two <br>s in a row into a paragraph break', () => {
    expect(wpautop('a<br><br/>b')).toBe('<p>a</p>\n<p>b</p>\n')
  })

  it('keeps <pre> text exactly as written', () => {
    expect(wpautop('Intro\n<pre>a\n\nb</pre>\nOutro')).toBe(
      '<p>Intro</p>\n<pre>a\n\nb</pre>\n<p>Outro</p>\n',
    )
  })

  it('never wraps block elements in paragraphs', () => {
    expect(wpautop('<ul>\n<li>One</li>\n<li>Two</li>\n</ul>')).toBe(
      '<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n',
    )
    expect(wpautop('<h2>Head</h2>\nBody text')).toBe('<h2>Head</h2>\n<p>Body text</p>\n')
    expect(wpautop('<div>\nText\n</div>')).toBe('<div>\nText\n</div>\n')
  })

  it('moves the paragraph inside a block quote', () => {
    expect(wpautop('Before\n\n<blockquote>Quoted line</blockquote>\n\nAfter')).toBe(
      '<p>Before</p>\n<blockquote><p>Quoted line</p></blockquote>\n<p>After</p>\n',
    )
  })

  it('leaves newlines inside tags alone', () => {
    expect(wpautop('<a href="x"\ntitle="y">link</a>\ntext')).toBe(
      '<p><a href="x"\ntitle="y">link</a><br />\ntext</p>\n',
    )
  })

  it('leaves newlines inside scripts alone', () => {
    expect(wpautop('x\n<script>a\nb</script>')).toBe('<p>x<br />\n<script>a\nb</script></p>\n')
  })

  it('keeps a figure and its caption together', () => {
    expect(wpautop('<figure><img src="a.jpg" />\n<figcaption>Cap</figcaption>\n</figure>')).toBe(
      '<figure><img src="a.jpg" /><figcaption>Cap</figcaption></figure>\n',
    )
  })

  it('keeps media sources on one line', () => {
    expect(wpautop('<video controls>\n<source src="a.mp4" />\n</video>')).toBe(
      '<p><video controls><source src="a.mp4" /></video></p>\n',
    )
  })

  it('treats a no-break space as text, not as blank', () => {
    expect(wpautop('One\n\u00a0\nTwo')).toBe('<p>One<br />\n\u00a0<br />\nTwo</p>\n')
  })

  it('keeps inline markup inside the paragraph it belongs to', () => {
    expect(wpautop('Some <strong>bold</strong> and <em>italic</em>.\n\n<img src="b.jpg" />')).toBe(
      '<p>Some <strong>bold</strong> and <em>italic</em>.</p>\n<p><img src="b.jpg" /></p>\n',
    )
  })
})
