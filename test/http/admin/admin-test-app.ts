/**
 * The newsroom over a fresh SQLite database, and a tiny cookie-keeping "browser" that reads
 * CSRF tokens from forms the way a real one would submit them.
 */
import * as cheerio from 'cheerio'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../../src/app.js'
import { createUser, type Role, type User } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import type { Dialect } from '../../../src/db/database.js'
import type { EventBus } from '../../../src/events.js'
import type { Kernel } from '../../../src/kernel.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

export const NOW = new Date('2026-06-01T09:00:00Z')
export const PASSWORD = 'correct horse battery staple'

export interface AdminApp {
  app: FastifyInstance
  db: TestDatabase['db']
  clock: ReturnType<typeof fixedClock>
  dataDir: string
  deps: Kernel
  close(): Promise<void>
}

export async function buildAdminApp(
  env: Record<string, string> = {},
  events?: EventBus,
  dialect: Dialect = 'sqlite',
): Promise<AdminApp> {
  const database = await createTestDatabase(dialect)
  const clock = fixedClock(NOW)
  const config = parseConfig({
    DATA_DIR: database.dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_CONTENT: 'false',
    PUBLIC_URL: 'http://news.test',
    ...env,
  })
  // The engine is named: the config has no DATABASE_URL, so the app would assume SQLite's.
  const app = await buildApp({
    db: database.db,
    dialect,
    clock,
    config,
    ...(events ? { events } : {}),
  })
  await app.ready()
  return {
    app,
    db: database.db,
    clock,
    dataDir: database.dataDir,
    deps: testKernel(database.db, clock),
    close: async () => {
      await app.close()
      await database.destroy()
    },
  }
}

/** A user with a password, made straight in the database. */
export function makeUser(t: AdminApp, role: Role, email = `${role}@example.com`): Promise<User> {
  return createUser(t.deps, SYSTEM, {
    email,
    name: `${role[0]?.toUpperCase()}${role.slice(1)} Person`,
    role,
    password: PASSWORD,
  })
}

export class Browser {
  readonly cookies = new Map<string, string>()
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: this.requestHeaders({ accept: 'text/html' }),
    })
    this.keep(response)
    return response
  }

  /** Submit a form: the CSRF token comes from the page at `formPage` unless given. */
  async post(
    url: string,
    fields: Record<string, string>,
    options: { formPage?: string; csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const csrf =
      options.csrf === undefined
        ? await this.csrf(options.formPage ?? '/admin/sessions')
        : options.csrf
    const body = new URLSearchParams({
      ...(csrf === null ? {} : { _csrf: csrf }),
      ...fields,
    }).toString()
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: this.requestHeaders({
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        ...options.headers,
      }),
    })
    this.keep(response)
    return response
  }

  /** POST raw bytes (uploads), with the CSRF token in a header. */
  async upload(url: string, bytes: Buffer, contentType: string): Promise<LightMyRequestResponse> {
    const csrf = await this.csrf('/admin/sessions')
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: bytes,
      headers: this.requestHeaders({ 'content-type': contentType, 'x-csrf-token': csrf }),
    })
    this.keep(response)
    return response
  }

  /** The CSRF token of the first form on a page. */
  async csrf(page: string): Promise<string> {
    const response = await this.get(page)
    const token = cheerio.load(response.body)('input[name="_csrf"]').first().attr('value')
    if (!token) throw new Error(`no CSRF token on ${page} (status ${response.statusCode})`)
    return token
  }

  async login(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/admin/login', { email, password }, { formPage: '/admin/login' })
  }

  private requestHeaders(extra: Record<string, string>): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return { ...this.headers, ...extra, ...(cookie ? { cookie } : {}) }
  }

  private keep(response: LightMyRequestResponse): void {
    for (const c of response.cookies as {
      name: string
      value: string
      expires?: Date
      maxAge?: number
    }[]) {
      // Cleared cookies come back empty, with Max-Age=0 or expiring in 1970 (test clocks differ).
      const gone =
        c.value === '' ||
        c.maxAge === 0 ||
        (c.expires !== undefined && c.expires.getTime() < 86_400_000)
      if (gone) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
  }
}

export function $(response: LightMyRequestResponse) {
  return cheerio.load(response.body)
}
