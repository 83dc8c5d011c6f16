/**
 * @module read-replica
 * A PostgreSQL dialect over two pools: the primary and a streaming read replica
 * (`DATABASE_READ_URL`). A query picks its server when it first needs a connection:
 *
 * - the replica for a plain `select` made inside an anonymous reader's request
 *   (`read-scope.ts`), outside a transaction;
 * - the primary for everything else: writes, transactions, raw SQL, and every query of the
 *   newsroom, the APIs, jobs and commands (so a session reads its own writes).
 *
 * Two guards keep reader pages right:
 *
 * - **Fence after a purge.** A page purged by a write must not be re-rendered from a replica
 *   that has not replayed that write yet (it would be cached stale until the next purge). On
 *   every purge (`fence()`) the primary's WAL position is noted, and reader selects go to the
 *   primary until the replica has replayed up to it. So reader pages follow the primary within
 *   the replica's lag, and a cached page is never older than the purge that made it.
 * - **Fallback.** When the replica cannot be reached (or drops a query's connection), reads go
 *   to the primary, with one log line, and the replica is tried again a few seconds later.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type pg from 'pg'
import type { Database } from '../database.js'
import { inReaderScope } from '../read-scope.js'
import { postgresPool } from './postgres.js'

/** How long reads stay on the primary after the replica failed, before it is tried again. */
const RETRY_REPLICA_MS = 5_000
/** How often, at most, a fenced reader asks the replica how far it has replayed. */
const FENCE_CHECK_MS = 100

export interface ReadReplicaLog {
  warn(message: string): void
  info(message: string): void
}

/** The routing state shared by every connection of one dialect (one per process). */
export class ReplicaRouter {
  private downUntil = 0
  private reportedDown = false
  /** Purges whose WAL position is still being asked for: reads stay on the primary. */
  private fencing = 0
  private fenceLsn: string | undefined
  private lastFenceCheck = 0
  private checking = false

  constructor(
    readonly primary: Driver,
    readonly replica: Driver,
    private readonly log: ReadReplicaLog,
    private readonly retryReplicaMs = RETRY_REPLICA_MS,
  ) {}

  /** Should a reader's select go to the replica now? */
  replicaUsable(now = Date.now()): boolean {
    if (now < this.downUntil) return false
    if (this.fencing > 0) return false
    if (this.fenceLsn !== undefined) {
      this.checkFence(now)
      return false
    }
    return true
  }

  /** The replica failed: read from the primary for a while, saying so once per outage. */
  replicaFailed(error: unknown): void {
    this.downUntil = Date.now() + this.retryReplicaMs
    if (this.reportedDown) return
    this.reportedDown = true
    this.log.warn(
      `read replica unreachable (${(error as Error).message}): reading from the primary`,
    )
  }

  replicaAnswered(): void {
    if (!this.reportedDown) return
    this.reportedDown = false
    this.log.info('read replica back: reader queries go to it again')
  }

  /** A write was purged from the page cache: keep reader reads on the primary until replayed. */
  fence(): void {
    this.fencing++
    void this.onPrimary<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')
      .then((rows) => {
        if (rows[0]) this.fenceLsn = rows[0].lsn
      })
      .catch(() => {
        // No position, no fence: the primary is away and so are fresh renders.
      })
      .finally(() => this.fencing--)
  }

  private checkFence(now: number): void {
    if (this.checking || now - this.lastFenceCheck < FENCE_CHECK_MS) return
    const lsn = this.fenceLsn
    this.checking = true
    this.lastFenceCheck = now
    void this.onReplica<{ caught: boolean }>(
      'select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) as caught',
      [lsn],
    )
      .then((rows) => {
        if (rows[0]?.caught && this.fenceLsn === lsn) this.fenceLsn = undefined
      })
      .catch((error: unknown) => this.replicaFailed(error))
      .finally(() => (this.checking = false))
  }

  private async onPrimary<R>(text: string): Promise<R[]> {
    return runOn<R>(this.primary, text, [])
  }

  private async onReplica<R>(text: string, values: unknown[]): Promise<R[]> {
    return runOn<R>(this.replica, text, values)
  }
}

async function runOn<R>(driver: Driver, text: string, values: unknown[]): Promise<R[]> {
  const connection = await driver.acquireConnection()
  try {
    return (await connection.executeQuery<R>(CompiledQuery.raw(text, values))).rows
  } finally {
    await driver.releaseConnection(connection)
  }
}

interface Target {
  driver: Driver
  connection: DatabaseConnection
  isReplica: boolean
}

/** One Kysely connection: bound to a server when its first query (or transaction) comes. */
class RoutedConnection implements DatabaseConnection {
  target: Target | undefined

  constructor(private readonly router: ReplicaRouter) {}

  /** The primary for writes and transactions; the replica for a reader's select when usable. */
  async bind(readOnly: boolean): Promise<Target> {
    if (this.target) return this.target
    if (readOnly && inReaderScope() && this.router.replicaUsable()) {
      try {
        const connection = await this.router.replica.acquireConnection()
        this.target = { driver: this.router.replica, connection, isReplica: true }
        return this.target
      } catch (error) {
        this.router.replicaFailed(error)
      }
    }
    const connection = await this.router.primary.acquireConnection()
    this.target = { driver: this.router.primary, connection, isReplica: false }
    return this.target
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = await this.bind(isPlainSelect(query))
    if (!target.isReplica) return target.connection.executeQuery<R>(query)
    try {
      const result = await target.connection.executeQuery<R>(query)
      this.router.replicaAnswered()
      return result
    } catch (error) {
      if (!isConnectionFailure(error)) throw error
      // The replica went away under the query: a read is safe to run again on the primary.
      this.router.replicaFailed(error)
      await this.release()
      return (await this.bind(false)).connection.executeQuery<R>(query)
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
    const target = await this.bind(isPlainSelect(query))
    yield* target.connection.streamQuery<R>(query, chunkSize)
  }

  async release(): Promise<void> {
    const target = this.target
    this.target = undefined
    if (target) await target.driver.releaseConnection(target.connection)
  }
}

/** A select built with Kysely (raw SQL may write, so it goes to the primary). */
function isPlainSelect(query: CompiledQuery): boolean {
  return query.query.kind === 'SelectQueryNode'
}

/** The server or its connection is gone (not a problem with the query itself). */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return true
  // 57P0x: the server is shutting down; 08xxx: connection exceptions; Exxx: socket errors.
  return code.startsWith('57P') || code.startsWith('08') || code.startsWith('E')
}

class RoutingDriver implements Driver {
  constructor(private readonly router: ReplicaRouter) {}

  async init(): Promise<void> {
    await Promise.all([this.router.primary.init(), this.router.replica.init()])
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.router)
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const target = await (connection as RoutedConnection).bind(false)
    await target.driver.beginTransaction(target.connection, settings)
  }

  async commitTransaction(connection: DatabaseConnection) {
    const target = await (connection as RoutedConnection).bind(false)
    await target.driver.commitTransaction(target.connection)
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    const target = await (connection as RoutedConnection).bind(false)
    await target.driver.rollbackTransaction(target.connection)
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ) {
    const target = await (connection as RoutedConnection).bind(false)
    await target.driver.savepoint?.(target.connection, name, compile)
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ) {
    const target = await (connection as RoutedConnection).bind(false)
    await target.driver.rollbackToSavepoint?.(target.connection, name, compile)
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ) {
    const target = await (connection as RoutedConnection).bind(false)
    await target.driver.releaseSavepoint?.(target.connection, name, compile)
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).release()
  }

  async destroy(): Promise<void> {
    await Promise.all([this.router.primary.destroy(), this.router.replica.destroy()])
  }
}

/** PostgreSQL with reads for anonymous readers routed to a replica (see the module comment). */
export class ReadReplicaDialect extends PostgresDialect {
  readonly router: ReplicaRouter

  constructor(primary: pg.Pool, replica: pg.Pool, log: ReadReplicaLog, retryReplicaMs: number) {
    super({ pool: primary })
    this.router = new ReplicaRouter(
      new PostgresDialect({ pool: primary }).createDriver(),
      new PostgresDialect({ pool: replica }).createDriver(),
      log,
      retryReplicaMs,
    )
  }

  override createDriver(): Driver {
    return new RoutingDriver(this.router)
  }
}

/**
 * Kysely over the primary (`url`) with anonymous readers' selects on the replica (`readUrl`).
 * Connections name themselves `broadsheet` and `broadsheet-reader` (see `pg_stat_activity`).
 */
export function openPostgresWithReplica(
  url: string,
  readUrl: string,
  log: ReadReplicaLog,
  options: { retryReplicaMs?: number } = {},
): { db: Kysely<Database>; router: ReplicaRouter } {
  const dialect = new ReadReplicaDialect(
    postgresPool(url, { applicationName: 'broadsheet' }),
    postgresPool(readUrl, { applicationName: 'broadsheet-reader', connectTimeoutMs: 1_000 }),
    log,
    options.retryReplicaMs ?? RETRY_REPLICA_MS,
  )
  return { db: new Kysely<Database>({ dialect }), router: dialect.router }
}
