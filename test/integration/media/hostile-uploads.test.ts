/**
 * Malicious uploads (issue 17): decompression bombs, animation bombs, SVG with script and
 * markup dressed as an image are refused before anything is decoded or stored. Decoding is the
 * same on both databases, so this runs on SQLite only.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import { diskStorage, MAX_FRAMES, uploadImage, type MediaDeps } from '../../../src/media/index.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

/** A valid PNG header claiming `width`×`height`, with a few bytes of image data. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function animation(frames: number): Promise<Buffer> {
  const tile = (background: string) =>
    sharp({ create: { width: 2, height: 2, channels: 4, background } })
      .png()
      .toBuffer()
  const [a, b] = await Promise.all([tile('#336699'), tile('#993366')])
  const list = Array.from({ length: frames }, (_x, i) => (i % 2 ? a : b))
  return sharp(list, { join: { animated: true } })
    .gif({ delay: 10 })
    .toBuffer()
}

describe('hostile uploads', () => {
  let t: TestDatabase
  let deps: MediaDeps
  let root: string

  beforeEach(async () => {
    t = await createTestDatabase('sqlite')
    root = path.join(t.dataDir, 'media')
    deps = {
      ...testKernel(t.db, fixedClock(new Date('2026-11-27T10:00:00Z'))),
      storage: diskStorage(root),
    }
  })
  afterEach(() => t.destroy())

  const refused = async (filename: string, bytes: Buffer, message: RegExp) => {
    const error: unknown = await uploadImage(deps, SYSTEM, { filename, bytes }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(String((error as Error).message)).toMatch(message)
    expect(fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }) : []).toEqual([])
  }

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const started = Date.now()
    await refused(
      'bomb.png',
      pngClaiming(100_000, 100_000),
      /^the image is too large to process \(100000 × 100000 pixels\): at most 60 megapixels$/,
    )
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it(`refuses an animation of more than ${MAX_FRAMES} frames`, async () => {
    await refused('frames.gif', await animation(MAX_FRAMES + 1), /at most 300 frames/)
  })

  it('refuses SVG, scripts and markup whatever the file is called', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    await refused('logo.svg', svg, /only JPEG, PNG, GIF, WebP and AVIF/)
    await refused('photo.jpg', svg, /only JPEG, PNG, GIF, WebP and AVIF/)
    await refused('photo.png', Buffer.from('<!doctype html><script>alert(1)</script>'), /only/)
  })

  it('accepts a small animation and names the file itself, by its bytes', async () => {
    const media = await uploadImage(deps, SYSTEM, {
      filename: '../../evil.html',
      bytes: await animation(4),
    })
    expect(media.mimeType).toBe('image/gif')
    expect(media.path).toMatch(/^2026\/11\/evil-[0-9a-f]{6}\.gif$/)
  })
})
