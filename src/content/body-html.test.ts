import { describe, expect, it } from 'vitest'
import { sanitizeAfresh, sanitizeBody } from './body-html.js'

describe('sanitizeBody', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const html = sanitizeBody(
      '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p><img src=x onerror=alert(1)>',
    )
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i)
    expect(html).toContain('<p>Hi <a>x</a></p>')
  })

  it('keeps the editor’s formatting', () => {
    const html = sanitizeBody(
      '<h2>Head</h2><p><strong>b</strong> <em>i</em></p><blockquote class="pull-quote"><p>q</p></blockquote><ul><li>a</li></ul>',
    )
    expect(html).toBe(
      '<h2>Head</h2><p><strong>b</strong> <em>i</em></p><blockquote class="pull-quote"><p>q</p></blockquote><ul><li>a</li></ul>',
    )
  })

  it('marks external links noopener', () => {
    expect(sanitizeBody('<a href="https://example.org/" target="_blank">x</a>')).toBe(
      '<a href="https://example.org/" target="_blank" rel="noopener">x</a>',
    )
  })
})

describe('sanitizeBody and blank paragraphs', () => {
  it('drops empty paragraphs but keeps those holding an image', () => {
    expect(sanitizeBody('<p>One</p><p></p><p> </p><hr><p></p>')).toBe('<p>One</p><hr />')
    expect(sanitizeBody('<p><img src="https://example.org/a.png" alt="" /></p>')).toContain('<img')
    expect(sanitizeBody('<p>Line<br>two</p>')).toBe('<p>Line<br />two</p>')
  })
})

describe('sanitizeBody and pull quotes', () => {
  it('saves a pull quote once stored as <aside> as a quote (no landmark inside the story)', () => {
    expect(sanitizeBody('<aside class="pull-quote"><p>Said it</p></aside>')).toBe(
      '<blockquote class="pull-quote"><p>Said it</p></blockquote>',
    )
  })
})

describe('sanitizeBody run twice', () => {
  const bodies = [
    '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>',
    '<aside class="pull-quote"><p>q</p></aside><p> </p><p><img src="/a.jpg" alt="a"></p>',
    '<a href="https://example.org/" target="_top">x</a><a href="/in" target="_blank">y</a>',
    '  <h2>Head</h2>\n<p>a &amp; b &lt; c</p><ul><li><p>nested</p></li></ul>\n  ',
    '<figure class="image"><img src="/b.jpg"><figcaption>Cap <em>tion</em></figcaption></figure>',
    '<p>unclosed <strong>bold<p>next</div></table>',
  ]

  it('returns what it returned, so a body sanitized once comes back unchanged', () => {
    for (const body of bodies) {
      const once = sanitizeBody(body)
      expect(sanitizeAfresh(once)).toBe(once)
      expect(sanitizeBody(once)).toBe(once)
    }
  })
})
