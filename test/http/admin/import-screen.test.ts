import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { $, Browser, buildAdminApp, makeUser, type AdminApp } from './admin-test-app.js'

const WXR = fs.readFileSync(path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml'))

function multipart(csrf: string, fields: Record<string, string>, file: Buffer, filename: string) {
  const boundary = 'importBOUNDARY'
  const parts = [
    ...Object.entries({ _csrf: csrf, ...fields }).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ]
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

describe('admin: Settings → Import', () => {
  let t: AdminApp
  const as: Record<string, Browser> = {}

  beforeAll(async () => {
    t = await buildAdminApp()
    for (const role of ['admin', 'editor'] as const) {
      const user = await makeUser(t, role)
      as[role] = new Browser(t.app)
      await as[role].login(user.email)
    }
  })
  afterAll(() => t.close())

  async function upload(
    browser: Browser,
    fields: Record<string, string>,
    file: Buffer,
    name: string,
  ) {
    const csrf = await browser.csrf('/admin/import')
    const body = multipart(csrf, fields, file, name)
    return t.app.inject({
      method: 'POST',
      url: '/admin/import',
      payload: body.payload,
      headers: {
        'content-type': body.contentType,
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    })
  }

  it('imports an uploaded WordPress export and shows the report', async () => {
    const response = await upload(as.admin!, { source: 'wordpress' }, WXR, 'ledger.xml')
    expect(response.statusCode).toBe(200)
    const page = $(response)
    expect(page('#import-report [data-type="articles"] [data-imported]').text()).toBe('6')
    expect(page('#import-report').text()).toContain('was password-protected: imported as a draft')
    const articles = await as.admin!.get('/admin/articles')
    expect(articles.body).toContain('Council votes to rebuild the north quay')
  })

  it('shows a bad file as a message on the form', async () => {
    const response = await upload(
      as.admin!,
      { source: 'ghost' },
      Buffer.from('<html></html>'),
      'page.json',
    )
    expect(response.statusCode).toBe(400)
    expect($(response)('[role="alert"]').text()).toMatch(/page\.json/)
  })

  it('is for owners and admins only', async () => {
    const response = await as.editor!.get('/admin/import')
    expect(response.statusCode).toBe(403)
  })
})
