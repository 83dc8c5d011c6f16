import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../../content/index.js'
import { convertWordPressBody, type WordPressBody } from './wordpress-body.js'

/** Convert, and check the sanitizer keeps the result exactly as it is. */
function convert(content: string, postId = '10'): WordPressBody {
  const body = convertWordPressBody(content, postId)
  expect(sanitizeBody(body.html)).toBe(body.html)
  return body
}

const YOUTUBE =
  '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=abcdEFGh123"><a href="https://www.youtube.com/watch?v=abcdEFGh123" rel="noopener">Watch on YouTube: https://www.youtube.com/watch?v=abcdEFGh123</a></figure>'

describe('convertWordPressBody', () => {
  it('gives classic posts WordPress’s paragraphs and line breaks', () => {
    expect(convert('First para.\n\nSecond line one\nline two').html).toBe(
      '<p>First para.</p><p>Second line one<br />\nline two</p>',
    )
  })

  it('strips block comments, keeps their HTML, and adds no paragraphs of its own', () => {
    const body = convert(
      '<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Two</h3>\n<!-- /wp:heading -->\n\n<!-- wp:latest-posts {"postsToShow":3} /-->\n<!-- wp:block {"ref":12} /-->',
    )
    expect(body.html).toBe('<p>One</p><h3>Two</h3>')
    expect(body.warnings).toEqual([
      'dynamic block wp:latest-posts not imported',
      'reusable block not imported',
    ])
  })

  it('turns [caption] into a figure with a figcaption', () => {
    const body = convert(
      'Before.\n\n[caption id="attachment_20" align="alignnone" width="800"]<a href="https://o.example.org/q.jpg"><img class="size-large wp-image-20" src="https://o.example.org/q-800x533.jpg" alt="Quay" width="800" height="533" /></a> The quay at <em>low</em> tide.[/caption]\n\nAfter.',
    )
    expect(body.html).toBe(
      '<p>Before.</p><figure class="image"><img src="https://o.example.org/q-800x533.jpg" alt="Quay" loading="lazy" width="800" height="533" /><figcaption>The quay at <em>low</em> tide.</figcaption></figure><p>After.</p>',
    )
  })

  it('reads the older caption="…" attribute', () => {
    expect(
      convert(
        '[caption caption="Old style" width="300"]<img src="https://o.example.org/a.jpg" alt="" />[/caption]',
      ).html,
    ).toContain('<figcaption>Old style</figcaption>')
  })

  it('turns [gallery] into a placeholder for library pictures', () => {
    expect(convert('[gallery ids="21, 22,23" columns="3"]').html).toBe(
      '<figure class="embed" data-embed="gallery" data-url="ids:21,22,23"></figure>',
    )
    expect(convert('[gallery size="medium"]', '42').html).toBe(
      '<figure class="embed" data-embed="gallery" data-url="parent:42"></figure>',
    )
  })

  it('embeds YouTube, X and Instagram URLs on their own line and [embed]', () => {
    const body = convert(
      'Watch:\nhttps://www.youtube.com/watch?v=abcdEFGh123\n\nhttps://x.com/harbour/status/1766\n\n[embed]https://www.instagram.com/p/Cabc123/[/embed]\n\nhttps://vimeo.com/12345',
    )
    expect(body.html).toBe(
      '<p>Watch:</p>' +
        YOUTUBE +
        '<figure class="embed" data-embed="x" data-url="https://x.com/harbour/status/1766"><a href="https://x.com/harbour/status/1766" rel="noopener">View the post on X: https://x.com/harbour/status/1766</a></figure>' +
        '<figure class="embed" data-embed="instagram" data-url="https://www.instagram.com/p/Cabc123/"><a href="https://www.instagram.com/p/Cabc123/" rel="noopener">View on Instagram: https://www.instagram.com/p/Cabc123/</a></figure>' +
        '<p><a href="https://vimeo.com/12345" rel="noopener">https://vimeo.com/12345</a></p>',
    )
  })

  it('leaves URLs inside sentences alone', () => {
    expect(convert('See https://www.youtube.com/watch?v=abcdEFGh123 for more.').html).toBe(
      '<p>See https://www.youtube.com/watch?v=abcdEFGh123 for more.</p>',
    )
  })

  it('turns [video] and [audio] into media cards, and YouTube [video] into an embed', () => {
    const body = convert(
      '[video width="640" mp4="https://o.example.org/uploads/launch.mp4"][/video]\n\n[audio mp3="https://o.example.org/uploads/interview.mp3"]\n\n[video src="https://youtu.be/abcdEFGh123"]',
    )
    expect(body.html).toBe(
      '<figure class="embed" data-embed="video" data-url="https://o.example.org/uploads/launch.mp4"><a href="https://o.example.org/uploads/launch.mp4" rel="noopener">Video: launch.mp4</a></figure>' +
        '<figure class="embed" data-embed="audio" data-url="https://o.example.org/uploads/interview.mp3"><a href="https://o.example.org/uploads/interview.mp3" rel="noopener">Audio: interview.mp3</a></figure>' +
        '<figure class="embed" data-embed="youtube" data-url="https://youtu.be/abcdEFGh123"><a href="https://youtu.be/abcdEFGh123" rel="noopener">Watch on YouTube: https://youtu.be/abcdEFGh123</a></figure>',
    )
  })

  it('keeps <!--more--> as the end of the teaser and removes the marker', () => {
    const body = convert('The lead, with <strong>news</strong>.\n\n<!--more-->\n\nThe rest.')
    expect(body.teaser).toBe('The lead, with news.')
    expect(body.html).toBe('<p>The lead, with <strong>news</strong>.</p><p>The rest.</p>')
    expect(convert('No marker here.').teaser).toBe('')
    const custom = convert(
      '<!-- wp:paragraph --><p>Lead</p><!-- /wp:paragraph --><!-- wp:more --><!--more Keep reading--><!-- /wp:more --><!-- wp:paragraph --><p>Rest</p><!-- /wp:paragraph -->',
    )
    expect(custom.teaser).toBe('Lead')
    expect(custom.html).toBe('<p>Lead</p><p>Rest</p>')
  })

  it('turns <!--nextpage--> into a visible section break, with a warning', () => {
    const body = convert('Page one.\n<!--nextpage-->\nPage two.\n<!--nextpage-->\nPage three.')
    expect(body.html).toBe('<p>Page one.</p><hr /><p>Page two.</p><hr /><p>Page three.</p>')
    expect(body.warnings).toEqual([
      'was split into 3 pages: joined, with a section break between pages',
    ])
  })

  it('drops plugin shortcodes, keeps their inner text and counts them', () => {
    const body = convert(
      '[vc_row][vc_column]Fishermen welcomed it.[/vc_column][/vc_row]\n\n[contact-form-7 id="12" title="Contact"]\n\nHe said [sic] it was [laughs] fine. [[caption]] is how you write it.',
    )
    expect(body.html).toBe(
      '<p>Fishermen welcomed it.</p><p>He said [sic] it was [laughs] fine. [caption] is how you write it.</p>',
    )
    expect(body.droppedShortcodes).toBe(3)
    expect(body.warnings).toEqual([
      'plugin shortcodes dropped, text kept: [vc_row], [vc_column], [contact-form-7]',
    ])
  })

  it('embeds Gutenberg embed blocks by their URL', () => {
    const body = convert(
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abcdEFGh123","type":"video","providerNameSlug":"youtube"} -->\n<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=abcdEFGh123\n</div></figure>\n<!-- /wp:embed -->',
    )
    expect(body.html).toBe(YOUTUBE)
  })

  it('keeps Gutenberg image and gallery blocks as the editor’s pictures', () => {
    const body = convert(
      '<!-- wp:image {"id":20} -->\n<figure class="wp-block-image"><img src="https://o.example.org/a.jpg" alt="A" class="wp-image-20"/><figcaption class="wp-element-caption">Cap</figcaption></figure>\n<!-- /wp:image -->',
    )
    expect(body.html).toBe(
      '<figure class="image"><img src="https://o.example.org/a.jpg" alt="A" loading="lazy" /><figcaption>Cap</figcaption></figure>',
    )
  })
})
