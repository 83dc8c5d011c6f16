import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import {
  diskStorage,
  migrateMedia,
  s3Storage,
  uploadImage,
  type MediaStorage,
} from '../../../src/media/index.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { runCli } from '../../support/run-cli.js'
import { S3RVER_CREDENTIALS, startS3, type TestS3 } from '../../support/s3-server.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

async function readAll(storage: MediaStorage, key: string): Promise<Buffer | undefined> {
  const stored = await storage.get(key)
  if (!stored) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of stored.body) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function keysOf(storage: MediaStorage): Promise<string[]> {
  const keys: string[] = []
  for await (const key of storage.list()) keys.push(key)
  return keys.sort()
}

describe('media in S3-compatible storage (s3rver)', { timeout: 60_000 }, () => {
  let s3: TestS3
  let t: TestDatabase
  let bucket: MediaStorage
  const photo = () =>
    sharp({ create: { width: 900, height: 600, channels: 3, background: '#aa5522' } })
      .jpeg()
      .toBuffer()

  beforeAll(async () => {
    s3 = await startS3()
  })
  afterAll(() => s3.close())
  beforeEach(async () => {
    t = await createTestDatabase('sqlite')
    bucket = s3Storage({
      bucket: s3.bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      prefix: `run-${path.basename(t.dataDir)}/`,
      credentials: S3RVER_CREDENTIALS,
    })
  })
  afterEach(() => t.destroy())

  it('keeps an upload’s original and every variant in the bucket', async () => {
    const deps = {
      ...testKernel(t.db, fixedClock(new Date('2026-12-01T10:00:00Z'))),
      storage: bucket,
    }
    const media = await uploadImage(deps, SYSTEM, { filename: 'Quay.jpg', bytes: await photo() })
    const keys = await keysOf(bucket)
    expect(keys).toContain(media.path)
    expect(media.variants.length).toBeGreaterThan(3)
    for (const variant of media.variants) expect(keys).toContain(variant.url.replace('/media/', ''))
    const original = await readAll(bucket, media.path)
    expect((await sharp(original).metadata()).width).toBe(900)
    const stored = await bucket.get(media.path)
    stored?.body.destroy()
    expect(stored?.contentType).toBe('image/jpeg')

    await bucket.delete(media.path)
    expect(await bucket.get(media.path)).toBeUndefined()
  })

  it('copies a disk library into the bucket, byte for byte', async () => {
    const disk = diskStorage(path.join(t.dataDir, 'media'))
    await disk.put('2026/11/harbour.jpg', await photo())
    await disk.put('2026/11/harbour-w320.webp', Buffer.from('webp bytes'))
    await disk.put('demo/ad.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))
    const copied: string[] = []
    const result = await migrateMedia(disk, bucket, (key) => copied.push(key))
    expect(result.copied).toBe(3)
    expect(copied.sort()).toEqual(await keysOf(disk))
    expect(await keysOf(bucket)).toEqual(await keysOf(disk))
    for (const key of await keysOf(disk))
      expect((await readAll(bucket, key))?.equals((await readAll(disk, key))!)).toBe(true)
  })

  it('serves /media/ from the bucket, or redirects to MEDIA_PUBLIC_URL', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', S3RVER_CREDENTIALS.accessKeyId)
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', S3RVER_CREDENTIALS.secretAccessKey)
    const env = {
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      ...s3.env,
      S3_PREFIX: `run-${path.basename(t.dataDir)}/`,
    }
    await bucket.put(
      '2026/12/map.png',
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    )
    const clock = fixedClock(new Date())
    const app = await buildApp({ db: t.db, clock, config: parseConfig(env) })
    const cdn = await buildApp({
      db: t.db,
      clock,
      config: parseConfig({ ...env, MEDIA_PUBLIC_URL: 'https://cdn.example.test/media/' }),
    })
    try {
      const served = await app.inject('/media/2026/12/map.png')
      expect(served.statusCode).toBe(200)
      expect(served.headers['content-type']).toBe('image/png')
      expect(served.headers['cache-control']).toContain('immutable')
      expect(served.rawPayload.subarray(1, 4).toString()).toBe('PNG')
      const missing = await app.inject('/media/2026/12/missing.png')
      expect([missing.statusCode, missing.headers.location]).toEqual([404, undefined])
      const escape = await app.inject('/media/2026/..%2F..%2Fetc/passwd')
      // Never looked up: the site's own not-found handling answers (here, its slash redirect).
      expect(escape.statusCode).not.toBe(200)

      const redirected = await cdn.inject('/media/2026/12/map.png')
      expect(redirected.statusCode).toBe(301)
      expect(redirected.headers.location).toBe('https://cdn.example.test/media/2026/12/map.png')
    } finally {
      await app.close()
      await cdn.close()
      vi.unstubAllEnvs()
    }
  })

  it('moves a library with `broadsheet media:migrate --to s3`', async () => {
    const disk = diskStorage(path.join(t.dataDir, 'media'))
    await disk.put('2026/10/ferry.jpg', await photo())
    const prefix = `cli-${path.basename(t.dataDir)}/`
    const result = await runCli(['media:migrate', '--to', 's3'], {
      DATA_DIR: t.dataDir,
      ...s3.env,
      MEDIA_STORE: 'disk',
      S3_PREFIX: prefix,
    })
    expect(result.stderr).not.toMatch(/broadsheet:/)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/copied 1 file .* into bucket broadsheet-media/)
    const target = s3Storage({
      bucket: s3.bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      prefix,
      credentials: S3RVER_CREDENTIALS,
    })
    expect(await keysOf(target)).toEqual(['2026/10/ferry.jpg'])
    expect(fs.existsSync(path.join(t.dataDir, 'media/2026/10/ferry.jpg'))).toBe(true)
  })
})
