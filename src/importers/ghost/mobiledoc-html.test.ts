import { describe, expect, it } from 'vitest'
import type { GhostRenderContext } from './ghost-cards.js'
import { renderMobiledoc } from './mobiledoc-html.js'

function render(doc: object): { html: string; warnings: string[] } {
  const ctx: GhostRenderContext = { siteUrl: '', warnings: [] }
  return {
    html: renderMobiledoc(JSON.stringify({ version: '0.3.1', ...doc }), ctx),
    warnings: ctx.warnings,
  }
}

describe('renderMobiledoc', () => {
  it('renders markup sections with nested markups, links and soft returns', () => {
    expect(
      render({
        atoms: [['soft-return', '', {}]],
        markups: [['strong'], ['a', ['href', 'https://x.example/', 'rel', 'x']], ['em']],
        sections: [
          [
            1,
            'p',
            [
              [0, [0], 0, 'Bold '],
              [0, [1], 2, 'link'],
              [0, [], 0, ' plain'],
              [1, [], 0, 0],
              [0, [2], 1, 'it<'],
            ],
          ],
          [1, 'h2', [[0, [], 0, 'Head']]],
          [1, 'blockquote', [[0, [], 0, 'Quote']]],
          [1, 'aside', [[0, [], 0, 'Pull']]],
          [1, 'p', []],
        ],
      }).html,
    ).toBe(
      '<p><strong>Bold <a href="https://x.example/">link</a></strong> plain<br /><em>it&lt;</em></p>' +
        '<h2>Head</h2><blockquote><p>Quote</p></blockquote><blockquote class="pull-quote"><p>Pull</p></blockquote>',
    )
  })

  it('renders lists and image sections', () => {
    expect(
      render({
        sections: [
          [3, 'ol', [[[0, [], 0, 'one']], [[0, [], 0, 'two']]]],
          [2, 'https://i.example/a.jpg'],
        ],
      }).html,
    ).toBe(
      '<ol><li>one</li><li>two</li></ol><figure class="image"><img src="https://i.example/a.jpg" alt="" loading="lazy" /></figure>',
    )
  })

  it('renders cards: image, gallery, embed, html, markdown, code, divider; placeholders for others', () => {
    const { html, warnings } = render({
      cards: [
        ['image', { src: 'https://i.example/b.jpg', alt: 'B', caption: 'Cap' }],
        ['gallery', { images: [{ src: 'https://i.example/c.jpg', row: 0 }] }],
        [
          'embed',
          {
            url: 'https://www.instagram.com/p/Cxyz123/',
            html: '<blockquote class="instagram-media"></blockquote>',
          },
        ],
        ['html', { html: '<p>Raw</p>' }],
        ['markdown', { markdown: '*em*' }],
        ['code', { code: '<x>' }],
        ['hr', {}],
        ['nft', {}],
      ],
      sections: [
        [10, 0],
        [10, 1],
        [10, 2],
        [10, 3],
        [10, 4],
        [10, 5],
        [10, 6],
        [10, 7],
      ],
    })
    expect(html).toBe(
      '<figure class="image"><img src="https://i.example/b.jpg" alt="B" loading="lazy" /><figcaption>Cap</figcaption></figure>' +
        '<figure class="image"><img src="https://i.example/c.jpg" alt="" loading="lazy" /></figure>' +
        '<figure class="embed" data-embed="instagram" data-url="https://www.instagram.com/p/Cxyz123/"><a href="https://www.instagram.com/p/Cxyz123/" rel="noopener">View on Instagram: https://www.instagram.com/p/Cxyz123/</a></figure>' +
        '<p>Raw</p><p><em>em</em></p>\n<pre><code>&lt;x&gt;</code></pre><hr />' +
        '<p><strong>[Not imported: a Ghost “nft” card]</strong></p>',
    )
    expect(warnings).toEqual(['a “nft” card could not be imported: a placeholder marks its place'])
  })
})
