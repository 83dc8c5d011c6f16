/**
 * @module health.routes
 * `GET /healthz` (liveness: the process answers) and `GET /readyz` (readiness: the database
 * answers, its migrations are current, Redis answers when configured). Both are cheap, never
 * cached and never logged at `info`; a load balancer may call them every second. While the
 * process drains after SIGTERM, Fastify answers every new request, these included, with 503.
 */
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import type { ReadinessCheck } from '../db/health.js'

export type { ReadinessCheck } from '../db/health.js'

/** The longest a readiness probe waits for one dependency. */
const CHECK_TIMEOUT_MS = 2_000
const NO_STORE = 'no-store'

export interface HealthRoutesOptions {
  /** A problem here makes the node not ready (503): the balancer sends its traffic elsewhere. */
  checks: readonly ReadinessCheck[]
  /**
   * A problem here leaves the node ready but `degraded` (200): it serves without what failed
   * (Redis: shared rate limits and purges), and every node would be just as degraded.
   */
  degradedBy?: readonly ReadinessCheck[]
}

export async function healthRoutes(app: FastifyInstance, options: HealthRoutesOptions) {
  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => {
    return reply.header('cache-control', NO_STORE).send({ status: 'ok' })
  })
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const [problems, degraded] = await Promise.all([
      problemsOf(options.checks),
      problemsOf(options.degradedBy ?? []),
    ])
    reply.header('cache-control', NO_STORE)
    if (problems.length > 0)
      return reply.code(503).send({ status: 'unavailable', problems: [...problems, ...degraded] })
    if (degraded.length > 0) return reply.send({ status: 'degraded', problems: degraded })
    return reply.send({ status: 'ok' })
  })
}

async function problemsOf(checks: readonly ReadinessCheck[]): Promise<string[]> {
  const results = await Promise.all(checks.map((check) => withTimeout(check())))
  return results.filter((problem): problem is string => problem !== undefined)
}

function withTimeout(check: Promise<string | undefined>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS)
  })
  return Promise.race([
    check.catch((error: unknown) => `check failed: ${(error as Error).message}`),
    timeout,
  ]).finally(() => clearTimeout(timer))
}

/**
 * Redis answers `PING`. One connection for the probe, opened on first use; a command fails at
 * once while it is disconnected (no offline queue), so a Redis outage reports, never hangs.
 */
export function redisReadiness(url: string): ReadinessCheck & { close(): Promise<void> } {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CHECK_TIMEOUT_MS,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  })
  // The probe reports the outage; the connection retries by itself.
  client.on('error', () => {})
  const check = async () => {
    if (client.status !== 'ready') await readyWithin(client, CHECK_TIMEOUT_MS / 2)
    if (client.status !== 'ready') return `redis unreachable (${client.status})`
    try {
      await client.ping()
      return undefined
    } catch (error) {
      return `redis unreachable: ${(error as Error).message}`
    }
  }
  return Object.assign(check, { close: async () => client.disconnect() })
}

function readyWithin(client: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      client.off('ready', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    client.once('ready', done)
  })
}
