import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../../content/index.js'
import type { MediaVariant } from '../../media/index.js'
import { mediaIdsInBody, responsiveBodyImages } from './body-images.js'

function variant(width: number, format: string, kind = `w${width}`): MediaVariant {
  return {
    kind,
    format,
    width,
    height: Math.round((width * 9) / 16),
    url: `/media/2026/11/river-${kind}.${format}`,
    bytes: 1000,
  }
}

const variants = new Map([
  [7, [variant(320, 'jpeg'), variant(640, 'jpeg'), variant(640, 'webp'), variant(640, 'avif')]],
])

const body = sanitizeBody(
  '<p>Before.</p><figure class="image"><img src="/media/2026/11/river.jpg" alt="The river &amp; the bridge" width="1600" height="900" data-media-id="7" loading="lazy" /><figcaption>Floods</figcaption></figure>',
)

describe('mediaIdsInBody', () => {
  it('finds the library ids the editor wrote', () => {
    expect(mediaIdsInBody(body)).toEqual([7])
    expect(mediaIdsInBody('<p>No pictures</p>')).toEqual([])
  })
})

describe('responsiveBodyImages', () => {
  it('gives a library image its renditions and the column sizes', () => {
    const html = responsiveBodyImages(body, variants, '720px')
    expect(html).toContain(
      'srcset="/media/2026/11/river-w320.jpeg 320w, /media/2026/11/river-w640.jpeg 640w, /media/2026/11/river.jpg 1600w"',
    )
    expect(html).toContain(
      '<source type="image/avif" srcset="/media/2026/11/river-w640.avif 640w" sizes="720px" />',
    )
    expect(html).toContain('<source type="image/webp"')
    expect(html).toMatch(/<picture><source[^>]*><source[^>]*><img [^>]*><\/picture><figcaption>/)
    expect(html).toContain('alt="The river &amp; the bridge"')
    expect(html).toContain('loading="lazy"')
    expect(html).not.toContain('data-media-id')
  })

  it('leaves an image alone when the library has no renditions of it', () => {
    expect(responsiveBodyImages(body, new Map(), '720px')).toBe(body)
  })

  it('leaves bodies without library images untouched', () => {
    const plain = sanitizeBody('<p>Text <img src="https://example.org/a.png" alt="a" /></p>')
    expect(responsiveBodyImages(plain, variants, '720px')).toBe(plain)
  })
})
