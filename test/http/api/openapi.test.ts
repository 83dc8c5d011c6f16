import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApiNewsroom, type ApiNewsroom } from '../../support/api-newsroom.js'

interface Operation {
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[]
  requestBody?: unknown
  security?: unknown[]
  tags?: string[]
}
interface Document {
  openapi: string
  info: { title: string }
  paths: Record<string, Record<string, Operation>>
  components: { securitySchemes: Record<string, unknown> }
}

const CONTENT = '/ghost/api/content'
const ADMIN = '/ghost/api/admin'

describe('OpenAPI document of the platform APIs', () => {
  let site: ApiNewsroom
  let doc: Document

  beforeAll(async () => {
    site = await buildApiNewsroom('sqlite')
    const response = await fetch(`${site.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    doc = (await response.json()) as Document
  })
  afterAll(() => site.close())

  it('is OpenAPI 3.1 and lists every route of both APIs once (no legacy prefixes)', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'adminApiToken',
      'contentApiKey',
    ])
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    const contentReads = ['posts', 'pages', 'tags', 'authors'].flatMap((r) => [
      `GET ${CONTENT}/${r}/`,
      `GET ${CONTENT}/${r}/{id}/`,
      `GET ${CONTENT}/${r}/slug/{slug}/`,
    ])
    expect(operations.sort()).toEqual(
      [
        ...contentReads,
        `GET ${CONTENT}/settings/`,
        `GET ${CONTENT}/tiers/`,
        `GET ${CONTENT}/newsletters/`,
        `GET ${CONTENT}/offers/{id}/`,
        `GET ${ADMIN}/site/`,
        `GET ${ADMIN}/posts/`,
        `POST ${ADMIN}/posts/`,
        `GET ${ADMIN}/posts/{id}/`,
        `PUT ${ADMIN}/posts/{id}/`,
        `DELETE ${ADMIN}/posts/{id}/`,
        `GET ${ADMIN}/posts/slug/{slug}/`,
        ...['pages', 'tags'].flatMap((r) => [
          `GET ${ADMIN}/${r}/`,
          `POST ${ADMIN}/${r}/`,
          `GET ${ADMIN}/${r}/{id}/`,
          `PUT ${ADMIN}/${r}/{id}/`,
          `DELETE ${ADMIN}/${r}/{id}/`,
          `GET ${ADMIN}/${r}/slug/{slug}/`,
        ]),
        `GET ${ADMIN}/users/`,
        `GET ${ADMIN}/users/{id}/`,
        `GET ${ADMIN}/users/slug/{slug}/`,
        `POST ${ADMIN}/images/upload/`,
      ].sort(),
    )
  })

  it('documents the parameters and bodies the routes validate', () => {
    const browse = doc.paths[`${CONTENT}/posts/`]!.get!
    const limit = browse.parameters!.find((p) => p.name === 'limit')
    expect(limit).toMatchObject({ in: 'query', schema: { pattern: '^(all|[1-9][0-9]{0,6})$' } })
    expect(browse.security).toEqual([{ contentApiKey: [] }])
    const add = doc.paths[`${ADMIN}/posts/`]!.post!
    expect(add.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { posts: { type: 'array' } } } } },
    })
    expect(add.security).toEqual([{ adminApiToken: [] }])
  })
})
