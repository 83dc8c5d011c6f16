/**
 * A small, known newsroom behind a listening server, for the platform API tests: two sections,
 * a handful of tags, three published stories, a draft, a static page and an integration.
 */
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { createUser, type User } from '../../src/auth/index.js'
import { fixedClock } from '../../src/clock.js'
import { parseConfig } from '../../src/config.js'
import type { Dialect } from '../../src/db/database.js'
import { createArticle, createCategory, createPage } from '../../src/content/index.js'
import { createIntegration, type Integration } from '../../src/integrations/index.js'
import type { HttpClient } from '../../src/net/index.js'
import type { Services } from '../../src/services.js'
import { asUser, SYSTEM, testServices } from './kernel.js'
import { createTestDatabase, type TestDatabase } from './test-database.js'

export const NEWSROOM_NOW = new Date('2026-11-17T09:30:00Z')
export const PUBLIC_URL = 'https://gazette.test'

export interface ApiNewsroom {
  app: FastifyInstance
  url: string
  services: Services
  database: TestDatabase
  clock: ReturnType<typeof fixedClock>
  owner: User
  writer: User
  integration: Integration
  ids: { budget: number; cup: number; reaction: number; draft: number }
  close(): Promise<void>
}

const DAY = 86_400_000

export async function buildApiNewsroom(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: { wireClient?: HttpClient } = {},
): Promise<ApiNewsroom> {
  const database = await createTestDatabase(dialect)
  const clock = fixedClock(new Date(NEWSROOM_NOW.getTime() - 3 * DAY))
  const services = testServices({
    db: database.db,
    dialect,
    clock,
    dataDir: database.dataDir,
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true',
    ...(options.wireClient ? { wireClient: options.wireClient } : {}),
  })
  const owner = await createUser(services, SYSTEM, {
    email: 'owner@gazette.test',
    name: 'Olive Owner',
    role: 'owner',
    bio: 'Runs the paper.',
  })
  const writer = await createUser(services, SYSTEM, {
    email: 'wren@gazette.test',
    name: 'Wren Writer',
    role: 'author',
  })
  const world = await createCategory(services, SYSTEM, { name: 'World' })
  const sport = await createCategory(services, SYSTEM, { name: 'Sport' })
  const publish = { then: 'publish' as const }
  const budget = await createArticle(
    services,
    asUser(owner),
    {
      title: 'Budget vote passes',
      bodyHtml: '<p>The budget <strong>passed</strong> by nine votes.</p>',
      standfirst: 'A narrow win for the finance minister.',
      primaryCategoryId: world.id,
      categoryIds: [world.id],
      tags: ['Economy', 'Parliament'],
      isFeatured: true,
      seoTitle: 'Budget vote passes narrowly',
    },
    publish,
  )
  clock.advance(DAY)
  const cup = await createArticle(
    services,
    asUser(owner),
    {
      title: 'Cup final tonight',
      bodyHtml: '<p>Kick-off is at eight.</p>',
      primaryCategoryId: sport.id,
      categoryIds: [sport.id],
      tags: ['Football'],
    },
    publish,
  )
  clock.advance(DAY)
  const reaction = await createArticle(
    services,
    asUser(writer),
    {
      title: 'Budget reaction_100%',
      bodyHtml: '<p>Markets shrugged.</p>',
      primaryCategoryId: world.id,
      categoryIds: [world.id],
      tags: ['Economy'],
    },
    publish,
  )
  const draft = await createArticle(services, asUser(owner), {
    title: 'Secret draft about the budget',
    bodyHtml: '<p>Not yet.</p>',
    tags: ['Economy'],
  })
  await createPage(services, SYSTEM, { title: 'About us', bodyHtml: '<p>Who we are.</p>' })
  clock.set(NEWSROOM_NOW)
  const integration = await createIntegration(services, SYSTEM, { name: 'Front end' })
  const config = parseConfig({
    DATA_DIR: database.dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_CONTENT: 'false',
    PUBLIC_URL,
    ...env,
  })
  const app = await buildApp({ services, config })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    services,
    database,
    clock,
    owner,
    writer,
    integration,
    ids: { budget: budget.id, cup: cup.id, reaction: reaction.id, draft: draft.id },
    close: async () => {
      await app.close()
      await database.destroy()
    },
  }
}
