import { compileErrors, validate } from '@readme/openapi-parser'
import Fastify, { type RouteOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { platformApis } from '../../../src/api/ghost/openapi.js'
import { parseConfig } from '../../../src/config.js'
import { buildApiNewsroom, PUBLIC_URL, type ApiNewsroom } from '../../support/api-newsroom.js'

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
        `POST ${ADMIN}/webhooks/`,
        `PUT ${ADMIN}/webhooks/{id}/`,
        `DELETE ${ADMIN}/webhooks/{id}/`,
      ].sort(),
    )
  })

  it('is a valid OpenAPI document', async () => {
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true)
  })

  it('documents every route the platform APIs register (legacy prefixes aside)', async () => {
    // The same plugin the app registers, on a bare instance that records each route it adds.
    const routes: RouteOptions[] = []
    const bare = Fastify({ logger: false })
    bare.addHook('onRoute', (route) => {
      routes.push(route)
    })
    await bare.register(platformApis, {
      services: site.services,
      config: parseConfig({ PUBLIC_URL, DEMO_CONTENT: 'false', DATA_DIR: site.database.dataDir }),
    })
    await bare.ready()
    await bare.close()
    const api = routes
      .filter((r) => r.url.startsWith('/ghost/api/'))
      .flatMap((r) => [r.method].flat().map((m) => `${m} ${r.url.replace(/:(\w+)/g, '{$1}')}`))
      .filter((op) => !op.startsWith('HEAD ') && !op.startsWith('OPTIONS '))
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    )
    const current = api.filter((op) => /^\S+ \/ghost\/api\/(content|admin)\//.test(op))
    const documentedApi = [...documented].filter((op) => op.includes(' /ghost/api/'))
    expect(current.length).toBeGreaterThan(30)
    expect([...new Set(current)].sort()).toEqual(documentedApi.sort())
    // Every versioned route answers a path that is documented without its version.
    const legacy = api.filter((op) => !current.includes(op))
    expect(legacy.length).toBeGreaterThan(0)
    for (const op of legacy)
      expect(documented.has(op.replace(/\/(v[2-4]|canary)\//, '/')), op).toBe(true)
  })

  it('serves the reference page and its assets from this site', async () => {
    const page = await fetch(`${site.url}/api/docs/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';")
    const html = await page.text()
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!)
    expect(scripts.length).toBeGreaterThan(0)
    for (const src of scripts) {
      expect(src).not.toMatch(/^(https?:)?\/\//)
      const asset = await fetch(new URL(src, `${site.url}/api/docs/`))
      expect(asset.status, src).toBe(200)
      expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(0)
    }
    expect(doc.paths['/api/docs/']).toBeUndefined()
  })

  it('documents the parameters and bodies the routes validate', () => {
    const browse = doc.paths[`${CONTENT}/posts/`]!.get!
    const limit = browse.parameters!.find((p) => p.name === 'limit')
    expect(limit).toMatchObject({ in: 'query', schema: { pattern: '^(all|[1-9][0-9]{0,6})$' } })
    expect(browse.security).toEqual([{ contentApiKey: [] }])
    const hook = doc.paths[`${ADMIN}/webhooks/`]!.post!
    expect(hook.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            properties: {
              webhooks: { items: { properties: { event: {}, target_url: {}, secret: {} } } },
            },
          },
        },
      },
    })
    expect(hook.security).toEqual([{ adminApiToken: [] }])
    const add = doc.paths[`${ADMIN}/posts/`]!.post!
    expect(add.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { posts: { type: 'array' } } } } },
    })
    expect(add.security).toEqual([{ adminApiToken: [] }])
  })
})
