import { describe, expect, it } from 'vitest'
import type { GhostRenderContext } from './ghost-cards.js'
import { renderLexical } from './lexical-html.js'

function render(children: unknown[]): { html: string; warnings: string[] } {
  const ctx: GhostRenderContext = { siteUrl: 'https://old.example.org', warnings: [] }
  const html = renderLexical(JSON.stringify({ root: { type: 'root', children } }), ctx)
  return { html, warnings: ctx.warnings }
}

const t = (text: string, format = 0) => ({ type: 'extended-text', text, format })

describe('renderLexical', () => {
  it('renders paragraphs with text formats and links, and drops empty ones', () => {
    expect(
      render([
        {
          type: 'paragraph',
          children: [t('a'), t('b', 1), t('c', 2), t('d', 16), t('e', 4), t('<f>', 9)],
        },
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'https://x.example/?a=1&b=2', children: [t('link')] },
            { type: 'linebreak' },
            t('next'),
          ],
        },
        { type: 'paragraph', children: [] },
      ]).html,
    ).toBe(
      '<p>a<strong>b</strong><em>c</em><code>d</code><s>e</s><strong><u>&lt;f&gt;</u></strong></p>' +
        '<p><a href="https://x.example/?a=1&amp;b=2">link</a><br />next</p>',
    )
  })

  it('renders headings, quotes, asides and nested lists', () => {
    expect(
      render([
        { type: 'heading', tag: 'h3', children: [t('Head')] },
        { type: 'quote', children: [t('Said')] },
        { type: 'aside', children: [t('Pulled')] },
        {
          type: 'list',
          listType: 'number',
          start: 3,
          children: [
            {
              type: 'listitem',
              children: [
                t('three'),
                {
                  type: 'list',
                  listType: 'bullet',
                  children: [{ type: 'listitem', children: [t('sub')] }],
                },
              ],
            },
          ],
        },
      ]).html,
    ).toBe(
      '<h3>Head</h3><blockquote><p>Said</p></blockquote><blockquote class="pull-quote"><p>Pulled</p></blockquote>' +
        '<ol start="3"><li>three<ul><li>sub</li></ul></li></ol>',
    )
  })

  it('renders image, gallery, embed, HTML, divider and code cards', () => {
    expect(
      render([
        {
          type: 'image',
          src: '__GHOST_URL__/content/images/a.jpg',
          alt: 'A',
          caption: 'Cap',
          width: 10,
          height: 5,
        },
        {
          type: 'gallery',
          images: [
            { src: 'https://i.example/2.jpg', row: 1 },
            { src: 'https://i.example/1.jpg', row: 0, caption: 'One' },
          ],
          caption: 'Both',
        },
        { type: 'embed', url: 'https://youtu.be/abcdEFGh123', html: '<iframe></iframe>' },
        { type: 'embed', url: 'https://vimeo.com/1', html: '' },
        { type: 'html', html: '<p>Raw</p>' },
        { type: 'horizontalrule' },
        { type: 'codeblock', code: 'a < b', language: 'js', caption: 'Snippet' },
      ]).html,
    ).toBe(
      '<figure class="image"><img src="https://old.example.org/content/images/a.jpg" alt="A" loading="lazy" width="10" height="5" /><figcaption>Cap</figcaption></figure>' +
        '<figure class="image"><img src="https://i.example/1.jpg" alt="" loading="lazy" /><figcaption>One</figcaption></figure>' +
        '<figure class="image"><img src="https://i.example/2.jpg" alt="" loading="lazy" /></figure><p>Both</p>' +
        '<figure class="embed" data-embed="youtube" data-url="https://youtu.be/abcdEFGh123"><a href="https://youtu.be/abcdEFGh123" rel="noopener">Watch on YouTube: https://youtu.be/abcdEFGh123</a></figure>' +
        '<p><a href="https://vimeo.com/1">https://vimeo.com/1</a></p>' +
        '<p>Raw</p><hr /><pre><code>a &lt; b</code></pre><p>Snippet</p>',
    )
  })

  it('leaves a visible placeholder and a warning for a card it cannot render', () => {
    expect(render([{ type: 'header', header: 'Big' }])).toEqual({
      html: '<p><strong>[Not imported: a Ghost “header” card]</strong></p>',
      warnings: ['a “header” card could not be imported: a placeholder marks its place'],
    })
  })

  it('warns about content that is not JSON', () => {
    const ctx: GhostRenderContext = { siteUrl: '', warnings: [] }
    expect(renderLexical('{oops', ctx)).toBe('')
    expect(ctx.warnings).toEqual(['its Lexical content is not valid JSON'])
  })
})
