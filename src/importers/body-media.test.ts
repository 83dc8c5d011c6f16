import { describe, expect, it } from 'vitest'
import { sanitizeBody } from '../content/index.js'
import {
  galleryPlaceholderHtml,
  originalUploadUrl,
  resolveBodyMedia,
  type BodyMediaLookup,
  type LibraryImage,
} from './body-media.js'
import { figureHtml } from './embed-markup.js'

const library: Record<string, LibraryImage> = {
  '21': {
    src: '/media/2024/03/a.jpg',
    alt: 'Oars',
    caption: 'Crew & boat',
    mediaId: 7,
    width: 1200,
    height: 800,
  },
  '22': { src: '/media/2024/03/b.jpg', alt: 'Flags', caption: '', mediaId: 8 },
}
const lookup: BodyMediaLookup = {
  bySourceId: (id) => library[id],
  byParent: (parent) => (parent === '10' ? [library['22'] as LibraryImage] : []),
  byUrl: (url) =>
    originalUploadUrl(url) === 'https://o.example.org/uploads/a.jpg' ? library['21'] : undefined,
}

describe('resolveBodyMedia', () => {
  it('fills gallery placeholders with library pictures, and says what is missing', () => {
    const body = sanitizeBody(
      galleryPlaceholderHtml({ ids: ['21', '99', '22'] }) +
        galleryPlaceholderHtml({ parentSourceId: '10' }) +
        galleryPlaceholderHtml({ parentSourceId: '11' }),
    )
    const { html, warnings } = resolveBodyMedia(body, lookup)
    expect(html).toBe(
      '<figure class="image"><img src="/media/2024/03/a.jpg" alt="Oars" loading="lazy" width="1200" height="800" data-media-id="7" /><figcaption>Crew &amp; boat</figcaption></figure>' +
        '<figure class="image"><img src="/media/2024/03/b.jpg" alt="Flags" loading="lazy" data-media-id="8" /></figure>' +
        '<figure class="image"><img src="/media/2024/03/b.jpg" alt="Flags" loading="lazy" data-media-id="8" /></figure>',
    )
    expect(sanitizeBody(html)).toBe(html)
    expect(warnings).toEqual([
      'gallery picture 99 is not in the export',
      'a gallery (parent 11) had no pictures to show',
    ])
  })

  it('points old image URLs, resized copies included, at the library', () => {
    const body = sanitizeBody(
      figureHtml({
        src: 'https://o.example.org/uploads/a-300x200.jpg',
        alt: 'Oars',
        caption: 'c',
      }) + '<p>x <img src="https://elsewhere.example.com/b.png" alt="" /></p>',
    )
    expect(resolveBodyMedia(body, lookup).html).toBe(
      '<figure class="image"><img src="/media/2024/03/a.jpg" alt="Oars" loading="lazy" data-media-id="7" /><figcaption>c</figcaption></figure>' +
        '<p>x <img src="https://elsewhere.example.com/b.png" alt="" /></p>',
    )
  })
})

describe('originalUploadUrl', () => {
  it('strips WordPress’s size and scaled suffixes and the query', () => {
    expect(originalUploadUrl('https://o.example.org/u/2024/03/quay-800x533.jpg?v=2')).toBe(
      'https://o.example.org/u/2024/03/quay.jpg',
    )
    expect(originalUploadUrl('https://o.example.org/u/big-scaled.jpeg')).toBe(
      'https://o.example.org/u/big.jpeg',
    )
    expect(originalUploadUrl('https://o.example.org/u/2024-05.png')).toBe(
      'https://o.example.org/u/2024-05.png',
    )
  })
})
