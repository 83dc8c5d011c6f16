import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../content/index.js'
import { toEditorHtml } from './editor-shapes.js'

/** Convert, and check the sanitizer would keep the result exactly as it is. */
function shape(html: string): string {
  const out = toEditorHtml(html).html
  expect(sanitizeBody(out)).toBe(out)
  return out
}

describe('toEditorHtml', () => {
  it('turns a figure with a caption into the editor’s picture', () => {
    expect(
      shape(
        '<figure class="wp-block-image size-large"><img src="https://old.example.org/a.jpg" alt="Boats" class="wp-image-12" width="800" height="533"><figcaption class="wp-element-caption">At <em>dawn</em></figcaption></figure>',
      ),
    ).toBe(
      '<figure class="image"><img src="https://old.example.org/a.jpg" alt="Boats" loading="lazy" width="800" height="533" /><figcaption>At <em>dawn</em></figcaption></figure>',
    )
  })

  it('makes a paragraph that only holds a (linked) picture a figure', () => {
    expect(
      shape(
        '<p><a href="https://old.example.org/a.jpg"><img src="https://old.example.org/a-300x200.jpg" alt="" /></a></p><p>Text <img src="https://old.example.org/icon.png" alt="i"> inline</p>',
      ),
    ).toBe(
      '<figure class="image"><img src="https://old.example.org/a-300x200.jpg" alt="" loading="lazy" /></figure><p>Text <img src="https://old.example.org/icon.png" alt="i" /> inline</p>',
    )
  })

  it('gives each picture of a gallery its own figure and keeps the gallery caption', () => {
    const html = shape(
      '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="https://o.example.org/1.jpg" alt="One"><figcaption>First</figcaption></figure><figure class="wp-block-image"><img src="https://o.example.org/2.jpg" alt="Two"></figure><figcaption>Regatta</figcaption></figure>',
    )
    expect(html).toBe(
      '<figure class="image"><img src="https://o.example.org/1.jpg" alt="One" loading="lazy" /><figcaption>First</figcaption></figure>' +
        '<figure class="image"><img src="https://o.example.org/2.jpg" alt="Two" loading="lazy" /></figure>' +
        '<p>Regatta</p>',
    )
  })

  it('turns YouTube frames and tweet quotes into embeds, other frames into links', () => {
    const { html, warnings } = toEditorHtml(
      '<p><iframe src="https://www.youtube.com/embed/abcdEFGh123?feature=oembed"></iframe></p>' +
        '<blockquote class="twitter-tweet"><p>Ferry is late again</p>&mdash; Pel (@pel) <a href="https://twitter.com/pel/status/123456">March 5, 2024</a></blockquote>' +
        '<iframe src="//player.example.com/v/9"></iframe>',
    )
    expect(html).toBe(
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=abcdEFGh123"><a href="https://www.youtube.com/watch?v=abcdEFGh123" rel="noopener">Watch on YouTube: https://www.youtube.com/watch?v=abcdEFGh123</a></figure>' +
        '<figure class="embed" data-embed="x" data-url="https://twitter.com/pel/status/123456"><a href="https://twitter.com/pel/status/123456" rel="noopener">View the post on X: https://twitter.com/pel/status/123456</a></figure>' +
        '<p><a href="https://player.example.com/v/9" rel="noopener">https://player.example.com/v/9</a></p>',
    )
    expect(sanitizeBody(html)).toBe(html)
    expect(warnings).toEqual(['an embedded frame (https://player.example.com/v/9) became a link'])
  })

  it('turns video and audio into media cards', () => {
    expect(
      shape(
        '<figure class="wp-block-video"><video controls src="https://o.example.org/clip.mp4"></video></figure><audio controls><source src="https://o.example.org/a%20talk.mp3"></audio>',
      ),
    ).toBe(
      '<figure class="embed" data-embed="video" data-url="https://o.example.org/clip.mp4"><a href="https://o.example.org/clip.mp4" rel="noopener">Video: clip.mp4</a></figure>' +
        '<figure class="embed" data-embed="audio" data-url="https://o.example.org/a%20talk.mp3"><a href="https://o.example.org/a%20talk.mp3" rel="noopener">Audio: a talk.mp3</a></figure>',
    )
  })

  it('dissolves wrappers, gives loose text paragraphs and maps headings the editor lacks', () => {
    expect(
      shape(
        '<div class="entry"><h1>Title</h1>Loose <b>text</b><div><p>Inside</p></div><h6>Small</h6></div><span>tail</span>',
      ),
    ).toBe('<h2>Title</h2><p>Loose <b>text</b></p><p>Inside</p><h4>Small</h4><p>tail</p>')
  })

  it('makes pull quotes and tables the editor’s shapes', () => {
    expect(
      shape(
        '<figure class="wp-block-pullquote"><blockquote><p>We will rebuild it.</p><cite>Mayor</cite></blockquote></figure>' +
          '<figure class="wp-block-table"><table><tbody><tr><td>1</td></tr></tbody></table><figcaption>Votes</figcaption></figure>',
      ),
    ).toBe(
      '<blockquote class="pull-quote"><p>We will rebuild it. — Mayor</p></blockquote>' +
        '<figure class="table"><table><tbody><tr><td>1</td></tr></tbody></table><figcaption>Votes</figcaption></figure>',
    )
  })

  it('keeps ordinary quotes, lists and code, and drops scripts', () => {
    expect(
      shape(
        '<blockquote>Said plainly</blockquote><ul><li>a</li></ul><pre><code>x &lt; 1</code></pre><script>alert(1)</script>',
      ),
    ).toBe(
      '<blockquote><p>Said plainly</p></blockquote><ul><li>a</li></ul><pre><code>x &lt; 1</code></pre>',
    )
  })

  it('leaves its own embeds and pictures as they are', () => {
    const once = shape('<p>https://youtu.be/abcdEFGh123</p>')
    expect(shape(once)).toBe(once)
    const figure =
      '<figure class="image"><img src="https://o.example.org/1.jpg" alt="x" loading="lazy" /><figcaption>c</figcaption></figure>'
    expect(shape(figure)).toBe(figure)
  })
})
