/**
 * Full storage: writes get a clear error (507, the form shown again), reads go on, nothing is
 * left half-written, and writing works again once there is room.
 *
 * - Media: the media folder is a real 256 KiB tmpfs mounted by the test (needs root, as in CI;
 *   otherwise the test prints a SKIPPED line, and fails under REQUIRE_SERVICES=1).
 * - SQLite: the database file is capped with `PRAGMA max_page_count`, so SQLite itself answers
 *   SQLITE_FULL.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Browser, buildAdminApp, makeUser, type AdminApp } from '../../http/admin/admin-test-app.js'
import { REQUIRE_SERVICES } from '../../support/services.js'

/** Mount a small tmpfs at `dir`, or say why not. */
function mountTmpfs(dir: string, size: string): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root'
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' })
    return undefined
  } catch (error) {
    return `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}`
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

async function uploadForm(t: AdminApp, browser: Browser, bytes: Buffer) {
  const csrf = await browser.csrf('/admin/sessions')
  const boundary = '----broadsheet-full'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return t.app.inject({
    method: 'POST',
    url: '/admin/media',
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie,
      accept: 'text/html',
    },
  })
}

describe('a full disk', { timeout: 60_000 }, () => {
  let t: AdminApp
  let browser: Browser
  let mediaDir: string
  let mounted = false
  let skipReason: string | undefined

  beforeAll(async () => {
    t = await buildAdminApp()
    const editor = await makeUser(t, 'editor')
    browser = new Browser(t.app)
    await browser.login(editor.email)
    mediaDir = path.join(t.dataDir, 'media')
    fs.mkdirSync(mediaDir, { recursive: true })
    skipReason = mountTmpfs(mediaDir, '256k')
    mounted = skipReason === undefined
    if (skipReason) {
      if (REQUIRE_SERVICES)
        throw new Error(`disk-full test needs a tmpfs (REQUIRE_SERVICES=1): ${skipReason}`)
      process.stderr.write(`\nSKIPPED disk-full media: ${skipReason}\n\n`)
    }
  })

  afterAll(async () => {
    if (mounted) execFileSync('umount', [mediaDir])
    await t?.close()
  })

  it('refuses an upload that does not fit with 507 and the library again, leaving no files', async (context) => {
    if (!mounted) return context.skip()
    // Noise does not compress: about 700 KB of PNG, far more than the 256 KiB disk.
    const noise = Buffer.from(
      Array.from({ length: 420 * 420 * 3 }, () => Math.floor(Math.random() * 256)),
    )
    const big = await sharp(noise, { raw: { width: 420, height: 420, channels: 3 } })
      .png()
      .toBuffer()
    expect(big.length).toBeGreaterThan(400_000)

    const form = await uploadForm(t, browser, big)
    expect(form.statusCode).toBe(507)
    expect(form.body).toContain('no room left')
    expect(form.body).toContain('id="upload-form"')

    const raw = await browser.upload('/admin/media/upload?filename=big.png', big, 'image/png')
    expect(raw.statusCode).toBe(507)
    expect(raw.json<{ errors: { code: string; message: string }[] }>().errors[0]).toMatchObject({
      code: 'STORAGE_FULL',
    })

    // Nothing half-done: no files (temp files included) and no media rows.
    expect(filesUnder(mediaDir)).toEqual([])
    const rows = await t.db.selectFrom('media').select('id').execute()
    expect(rows).toEqual([])

    // Reading goes on, and a file that fits is stored.
    expect((await browser.get('/admin/media')).statusCode).toBe(200)
    const small = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#2a6' },
    })
      .png()
      .toBuffer()
    const fits = await uploadForm(t, browser, small)
    expect(fits.statusCode).toBe(303)
    expect(await t.db.selectFrom('media').select('id').execute()).toHaveLength(1)
  })

  it('answers a write to a full SQLite file with 507 and a clear message; reads go on', async () => {
    const [{ page_count: pages } = { page_count: 0 }] = (
      await sql<{ page_count: number }>`pragma page_count`.execute(t.db)
    ).rows
    await sql`pragma max_page_count = ${sql.lit(pages)}`.execute(t.db)
    try {
      const long = 'A long story that needs room. '.repeat(2_000)
      const response = await browser.post(
        '/admin/articles',
        { title: 'No room for this', bodyHtml: `<p>${long}</p>` },
        { formPage: '/admin/articles/new' },
      )
      expect(response.statusCode).toBe(507)
      expect(response.body).toContain('no room left')
      expect((await browser.get('/admin/articles')).statusCode).toBe(200)
    } finally {
      await sql`pragma max_page_count = ${sql.lit(1_073_741_823)}`.execute(t.db)
    }
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.db)
    expect(integrity.rows[0]?.integrity_check).toBe('ok')
  })
})
