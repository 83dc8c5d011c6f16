/**
 * @module openapi
 * The platform APIs with their OpenAPI 3.1 document: `@fastify/swagger` reads the TypeBox
 * schemas the routes validate with, so the document cannot drift from what is enforced. It is
 * served at `/api/openapi.json`, and read by people at `/api/docs/`. The legacy versioned
 * prefixes answer the same routes and are left out of the document.
 */
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyPluginAsync } from 'fastify'
import { ADMIN_API_PREFIXES, adminApiRoutes, type AdminApiOptions } from './admin-api.routes.js'
import {
  CONTENT_API_PREFIXES,
  contentApiRoutes,
  type ContentApiOptions,
} from './content-api.routes.js'

export const OPENAPI_PATH = '/api/openapi.json'
/** The reference page (Swagger UI, its assets served from the package, never a CDN). */
export const DOCS_PATH = '/api/docs'

const LEGACY = [...CONTENT_API_PREFIXES.slice(1), ...ADMIN_API_PREFIXES.slice(1)]

/** Both Ghost-compatible APIs and their OpenAPI document. */
export const platformApis: FastifyPluginAsync<
  AdminApiOptions & Pick<ContentApiOptions, 'remember' | 'postJson'>
> = async (app, options) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Broadsheet platform APIs',
        version: '5.0.0',
        description:
          'Ghost-compatible Content API (read, `?key=` Content API key) and Admin API (write, `Authorization: Ghost <JWT>` signed with an Admin API key).',
      },
      components: {
        securitySchemes: {
          contentApiKey: { type: 'apiKey', in: 'query', name: 'key' },
          adminApiToken: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'Ghost <JWT>: HS256, kid = key id, aud /admin/, at most 5 minutes',
          },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const hidden =
        LEGACY.some((prefix) => url.startsWith(`${prefix}/`)) || route.method === 'OPTIONS'
      const admin = url.startsWith('/ghost/api/admin/')
      return {
        url,
        schema: {
          ...schema,
          hide: schema?.hide === true || hidden || url === OPENAPI_PATH,
          tags: [admin ? 'Admin API' : 'Content API'],
          security: url.endsWith('/site/')
            ? []
            : [{ [admin ? 'adminApiToken' : 'contentApiKey']: [] as string[] }],
        },
      }
    },
  })
  // The page's policy (scripts from this site only) is set with every other page's, in
  // http/security-headers.ts; the plugin's own policy is off.
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    staticCSP: false,
    uiConfig: { deepLinking: true, docExpansion: 'list' },
  })
  await app.register(contentApiRoutes, options)
  await app.register(adminApiRoutes, options)
  app.get(OPENAPI_PATH, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(app.swagger()),
  )
}
