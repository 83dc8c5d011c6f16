import { describe, expect, it } from 'vitest'
import { htmlText, processItemHtml } from './item-html.js'

const base = 'https://news.example/2026/05/story/'

describe('processItemHtml', () => {
  it('resolves relative href, src, srcset and poster against the base', () => {
    const { html } = processItemHtml(
      '<a href="../other/">x</a><img src="pic.jpg" srcset="pic-400.jpg 400w, /pic-800.jpg 800w"><video poster="/p.jpg" src="v.mp4"></video><a href="mailto:desk@news.example">m</a>',
      base,
    )

    expect(html).toContain('href="https://news.example/2026/05/other/"')
    expect(html).toContain('src="https://news.example/2026/05/story/pic.jpg"')
    expect(html).toContain(
      'srcset="https://news.example/2026/05/story/pic-400.jpg 400w, https://news.example/pic-800.jpg 800w"',
    )
    expect(html).toContain('poster="https://news.example/p.jpg"')
    expect(html).toContain('href="mailto:desk@news.example"')
  })

  it('drops tracking pixels and finds the first real image', () => {
    const result = processItemHtml(
      '<p><img src="https://t.example/p.gif" width="1" height="1"><img src="https://feeds.feedburner.com/~r/x/~4/abc" alt=""><img src="/real.jpg" alt=" Harbour "></p>',
      base,
    )

    expect(result.html).toBe('<p><img src="https://news.example/real.jpg" alt=" Harbour "></p>')
    expect(result.firstImage).toEqual({ url: 'https://news.example/real.jpg', alt: 'Harbour' })
  })

  it('extracts text with block breaks, decoded entities and no script', () => {
    const { text } = processItemHtml(
      '<h2>Rock &amp; roll</h2><p>It&#39;s <b>loud</b></p><script>var x = 1</script><ul><li>one</li><li>two</li></ul>',
      base,
    )

    expect(text).toBe("Rock & roll It's loud one two")
  })

  it('keeps escaped text escaped in the HTML', () => {
    expect(processItemHtml('<p>a &lt;b&gt; c &amp; d é</p>', base).html).toBe(
      '<p>a &lt;b&gt; c &amp; d é</p>',
    )
  })
})

describe('htmlText', () => {
  it('turns a title written as HTML into text', () => {
    expect(htmlText('The ferry <em>returns</em> &amp; docks')).toBe('The ferry returns & docks')
    expect(htmlText('  Plain   title ')).toBe('Plain title')
  })
})
