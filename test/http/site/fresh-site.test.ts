import * as cheerio from 'cheerio'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import {
  createTestDatabase,
  describeDialects,
  type TestDatabase,
} from '../../support/test-database.js'

describeDialects('a fresh site without demo content', (dialect) => {
  let database: TestDatabase
  let app: Awaited<ReturnType<typeof buildApp>>

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'https://fresh.test',
    })
    app = await buildApp({ db: database.db, clock: fixedClock(new Date()), config })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    await database.destroy()
  })

  it('greets the owner and points to the newsroom instead of empty boxes', async () => {
    const response = await app.inject({ url: '/', headers: { accept: 'text/html' } })
    expect(response.statusCode).toBe(200)
    const $ = cheerio.load(response.body)
    expect($('#welcome-title').text()).toMatch(/^Welcome to /)
    expect($('.welcome a.button').attr('href')).toBe('/admin/')
    expect($('#whats-hot')).toHaveLength(0)
    expect($('#latest-posts')).toHaveLength(0)
    expect($('.trending')).toHaveLength(0)
    expect($('main .card')).toHaveLength(0)
  })
})
