import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { beforeEach, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import {
  diskStorage,
  findMediaUsage,
  searchMedia,
  updateMediaDetails,
  uploadImage,
  type MediaDeps,
} from '../../../src/media/index.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'
import { SYSTEM, testKernel, testServices } from '../../support/kernel.js'
import type { ListSearch } from '../../../src/db/list-search.js'

/** A 2000×1000 JPEG whose EXIF says "rotate 90°" and which carries a camera model. */
async function rotatedPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Model: 'SecretCam 3000' } } })
    .toBuffer()
}

describeDialects('media library', (dialect) => {
  const t = useTestDatabase(dialect)
  let deps: MediaDeps & { listSearch: ListSearch }
  let root: string

  beforeEach(async () => {
    root = path.join(t.dataDir, 'media')
    deps = {
      ...testKernel(t.db, fixedClock(new Date('2026-11-27T10:00:00Z'))),
      storage: diskStorage(root),
      listSearch: testServices({ db: t.db, dialect, dataDir: t.dataDir }).listSearch,
    }
  })

  it('applies orientation, strips EXIF and renders responsive variants and crops', async () => {
    const media = await uploadImage(deps, SYSTEM, {
      filename: 'Harbour at dawn.JPG',
      bytes: await rotatedPhoto(),
      alt: ' Boats ',
    })
    expect(media.mimeType).toBe('image/jpeg')
    expect([media.width, media.height]).toEqual([1000, 2000])
    expect(media.alt).toBe('Boats')
    expect(media.path).toMatch(/^2026\/11\/harbour-at-dawn-[0-9a-f]{6}\.jpg$/)
    const stored = fs.readFileSync(path.join(root, media.path))
    const meta = await sharp(stored).metadata()
    expect(meta.orientation ?? 1).toBe(1)
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('SecretCam'))).toBe(false)

    const kinds = new Set(media.variants.map((v) => `${v.kind}.${v.format}`))
    for (const kind of ['w320', 'w640', 'w768'])
      for (const format of ['jpeg', 'webp', 'avif']) expect(kinds).toContain(`${kind}.${format}`)
    expect(kinds).not.toContain('w1024.jpeg')
    const crop = media.variants.find((v) => v.kind === 'crop-16x9' && v.format === 'webp')
    expect([crop?.width, crop?.height]).toEqual([1200, 675])
    for (const variant of media.variants) {
      const file = path.join(root, variant.url.replace('/media/', ''))
      expect((await sharp(fs.readFileSync(file)).metadata()).width).toBe(variant.width)
    }
  })

  it('judges a file by its bytes, not its name', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 4, background: '#fff' },
    })
      .png()
      .toBuffer()
    const media = await uploadImage(deps, SYSTEM, {
      filename: 'photo.jpg',
      bytes: png,
    })
    expect(media.mimeType).toBe('image/png')
    expect(media.path.endsWith('.png')).toBe(true)
    await expect(
      uploadImage(deps, SYSTEM, {
        filename: 'cat.jpg',
        bytes: Buffer.from('<svg onload="alert(1)"></svg>'.repeat(5)),
      }),
    ).rejects.toThrow(/only JPEG, PNG, GIF, WebP and AVIF/)
  })

  it('refuses a truncated image with a message and stores nothing', async () => {
    const jpeg = await rotatedPhoto()
    await expect(
      uploadImage(deps, SYSTEM, {
        filename: 'broken.jpg',
        bytes: jpeg.subarray(0, 400),
      }),
    ).rejects.toThrow(/could not be read as a JPEG image: it is damaged, cut short or not an image/)
    expect((await searchMedia(deps, {})).total).toBe(0)
    expect(
      fs.existsSync(root)
        ? fs.readdirSync(root, { recursive: true }).filter((f) => String(f).includes('.'))
        : [],
    ).toEqual([])
  })

  it('searches, filters, edits text and shows usage', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer()
    const a = await uploadImage(deps, SYSTEM, {
      filename: 'bridge.png',
      bytes: png,
      caption: 'The harbour bridge',
    })
    await uploadImage(deps, SYSTEM, {
      filename: 'market.png',
      bytes: png,
      caption: 'Saturday market',
    })
    expect((await searchMedia(deps, { search: 'BRIDGE' })).items.map((m) => m.id)).toEqual([a.id])
    expect((await searchMedia(deps, { type: 'image/jpeg' })).total).toBe(0)
    expect((await searchMedia(deps, { type: 'image/png' })).total).toBe(2)
    const edited = await updateMediaDetails(deps, SYSTEM, a.id, {
      alt: 'Cables against the sky',
      credit: 'Staff',
    })
    expect([edited.alt, edited.credit, edited.caption]).toEqual([
      'Cables against the sky',
      'Staff',
      'The harbour bridge',
    ])
    // The search follows the edit: new words of the alt text and credit, the caption's still.
    const found = async (search: string) =>
      (await searchMedia(deps, { search })).items.map((m) => m.id)
    expect(await found('cables sky')).toEqual([a.id])
    expect(await found('staff')).toEqual([a.id])
    expect(await found('harb')).toEqual([a.id])
    expect(await found('market.png')).toHaveLength(1)
    expect(await found('satur')).not.toContain(a.id)
    expect(await found('zeppelin')).toEqual([])
    expect(await findMediaUsage(deps, a.id)).toEqual([])
    await expect(updateMediaDetails(deps, SYSTEM, 9999, { alt: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
