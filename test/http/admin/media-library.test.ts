/** The media library screens: multipart uploads, the grid with search and type filter, details, usage. */
import type { LightMyRequestResponse } from 'fastify'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '../../../src/auth/index.js'
import { createArticle } from '../../../src/content/index.js'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'
import { asUser } from '../../support/kernel.js'

describe('admin: media library', () => {
  let t: AdminApp
  let author: User
  let contributor: User
  let authorBrowser: Browser
  let contributorBrowser: Browser
  let png: Buffer
  let jpeg: Buffer

  beforeAll(async () => {
    t = await buildAdminApp()
    author = await makeUser(t, 'author')
    contributor = await makeUser(t, 'contributor')
    authorBrowser = new Browser(t.app)
    contributorBrowser = new Browser(t.app)
    await authorBrowser.login(author.email)
    await contributorBrowser.login(contributor.email)
    const create = { width: 40, height: 30, channels: 3 as const, background: '#2a6' }
    png = await sharp({ create }).png().toBuffer()
    jpeg = await sharp({ create }).jpeg().toBuffer()
  })
  afterAll(() => t.close())

  async function uploadForm(
    browser: Browser,
    files: { name: string; bytes: Buffer; type: string }[],
  ): Promise<LightMyRequestResponse> {
    const csrf = await browser.csrf('/admin/sessions')
    const boundary = '----broadsheet-test'
    const parts: Buffer[] = [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
      ),
    ]
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        f.bytes,
        Buffer.from('\r\n'),
      )
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return t.app.inject({
      method: 'POST',
      url: '/admin/media',
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
    })
  }

  it('uploads several images from the file picker form', async () => {
    const response = await uploadForm(authorBrowser, [
      { name: 'harbour.png', bytes: png, type: 'image/png' },
      { name: 'ferry.jpg', bytes: jpeg, type: 'image/jpeg' },
    ])
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/admin/media?uploaded=2')
    const page = $(await authorBrowser.get('/admin/media'))
    expect(page('.media-grid li').length).toBe(2)
  })

  it('refuses a file that is not an image, with the reason', async () => {
    const response = await uploadForm(authorBrowser, [
      { name: 'notes.png', bytes: Buffer.from('not an image at all'), type: 'image/png' },
    ])
    expect(response.statusCode).toBe(400)
    expect($(response)('.error').text()).toMatch(/JPEG, PNG, GIF, WebP and AVIF/)
  })

  it('refuses uploads from contributors but lets them browse', async () => {
    const response = await uploadForm(contributorBrowser, [
      { name: 'x.png', bytes: png, type: 'image/png' },
    ])
    expect(response.statusCode).toBe(403)
    const page = $(await contributorBrowser.get('/admin/media'))
    expect(page('#upload-form').length).toBe(0)
    expect(page('.media-grid li').length).toBe(2)
  })

  it('filters by type and searches alt, caption and credit', async () => {
    const jpegs = $(await authorBrowser.get('/admin/media?type=image/jpeg'))
    expect(jpegs('.media-grid li').length).toBe(1)
    const first = jpegs('.media-grid a').attr('href') as string
    const saved = await authorBrowser.post(first, {
      alt: 'A ferry at the quay',
      caption: 'The first crossing',
      credit: 'Photo: Ann Lee',
    })
    expect(saved.statusCode).toBe(303)
    const found = $(await authorBrowser.get('/admin/media?q=ann+lee'))
    expect(found('.media-grid li').length).toBe(1)
    // The link names the image by its alt text; the thumbnail is decorative beside it.
    expect(found('.media-grid a').text()).toContain('A ferry at the quay')
    expect(found('.media-grid img').attr('alt')).toBe('')
  })

  it('shows where an image is used and answers the picker with JSON', async () => {
    const json = (await authorBrowser.get('/admin/api/media?q=ferry')).json<{
      items: { id: number; alt: string }[]
    }>()
    const id = json.items[0]!.id
    await createArticle(t.deps, asUser(author), { title: 'Ferry story', featuredMediaId: id })
    const page = $(await authorBrowser.get(`/admin/media/${id}`))
    expect(page('h2 + ul').text()).toContain('Ferry story')
  })

  it('answers raw uploads from the editor with JSON, errors included', async () => {
    const ok = await authorBrowser.upload('/admin/media/upload?filename=a.png', png, 'image/png')
    expect(ok.statusCode).toBe(201)
    expect(typeof ok.json<{ id: number }>().id).toBe('number')
    const bad = await authorBrowser.upload('/admin/media/upload', Buffer.from('nope'), 'image/png')
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ errors: [{ code: 'VALIDATION_FAILED' }] })
  })

  it('uploads the good files of a batch and names each one it refused', async () => {
    const before = (await t.db.selectFrom('media').select('id').execute()).length
    const response = await uploadForm(authorBrowser, [
      { name: 'first.png', bytes: png, type: 'image/png' },
      {
        name: 'script.jpg',
        bytes: Buffer.from('<svg><script>1</script></svg>'),
        type: 'image/jpeg',
      },
      { name: 'cut.jpg', bytes: jpeg.subarray(0, 120), type: 'image/jpeg' },
      { name: 'last.jpg', bytes: jpeg, type: 'image/jpeg' },
    ])
    const error = $(response)('.error').text()
    expect(response.statusCode).toBe(400)
    expect(error).toMatch(/script\.jpg: only JPEG, PNG, GIF, WebP and AVIF/)
    expect(error).toMatch(/cut\.jpg: the file could not be read as a JPEG image/)
    expect(error).not.toMatch(/first|last/)
    expect($(response)('[role=status], .notice').text()).toContain('2 image(s) uploaded.')
    expect((await t.db.selectFrom('media').select('id').execute()).length).toBe(before + 2)
  })
})
