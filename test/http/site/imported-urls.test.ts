import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { systemActor } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { runImport } from '../../../src/importers/index.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

describe('old WordPress addresses after an import', () => {
  let database: TestDatabase
  let app: Awaited<ReturnType<typeof buildApp>>

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    const services = testServices({ db: database.db, dialect: 'sqlite', dataDir: database.dataDir })
    await runImport(
      services,
      systemActor('wordpress-import'),
      'wordpress',
      path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml'),
    )
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'https://ledger.test',
    })
    app = await buildApp({
      db: database.db,
      clock: fixedClock(new Date('2026-12-01T12:00:00Z')),
      config,
    })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await database.destroy()
  })

  it('answers /?p=ID with a permanent redirect to the story', async () => {
    const response = await app.inject({ url: '/?p=10' })
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe('/2024/03/council-votes-north-quay/')
    const story = await app.inject({ url: response.headers.location as string })
    expect(story.statusCode).toBe(200)
    expect(story.body).toContain('Council votes to rebuild the north quay')
  })

  it('redirects old category and author archives', async () => {
    const category = await app.inject({ url: '/category/news/council/' })
    expect(category.statusCode).toBe(301)
    expect(category.headers.location).toBe('/council/')
    const author = await app.inject({ url: '/author/tomasz-o/' })
    expect(author.headers.location).toBe('/author/tomasz-okafor/')
    const byId = await app.inject({ url: '/?cat=3' })
    expect(byId.headers.location).toBe('/council/')
  })

  it('still shows the home page for an unknown old id', async () => {
    const response = await app.inject({ url: '/?p=999999', headers: { accept: 'text/html' } })
    expect(response.statusCode).toBe(200)
  })
})
