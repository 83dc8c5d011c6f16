/**
 * @module kernel
 * What every use case stands on: the database handle, the clock and the event sink, and one way
 * to run a unit of work in a transaction whose events are announced only after it commits.
 *
 * Entry points (routes, commands, jobs, importers) hold a `Kernel` and pass it on; they never
 * look inside it. Only domain code reads `deps.db`, and only repositories query it.
 */
import type { Kysely } from 'kysely'
import type { Clock } from './clock.js'
import type { Database } from './db/database.js'
import { noEvents, type DomainEvent, type EventSink } from './events.js'

/** The database as the domain sees it: a Kysely handle, or a transaction on it. */
export type Store = Kysely<Database>

/** The smallest set of dependencies a use case needs. */
export interface Kernel {
  readonly db: Store
  readonly clock: Clock
  /** Where announcements go. Inside `transact` they wait for the commit. */
  readonly events: EventSink
}

/** Which events a transaction holds until it commits. */
interface Pending extends EventSink {
  readonly held: DomainEvent[]
}

/**
 * Run `work` in one database transaction and return its result. Events it emits on `tx.events`
 * reach `deps.events` once each, in order, after the commit (its committing listeners see them
 * just before, inside the transaction); a failure rolls every write back and announces nothing. Called inside another `transact`, it joins the outer transaction (its
 * events wait for the outer commit).
 *
 * Every query inside must use `tx.db`. On SQLite the app has one connection: a query on the
 * outer handle while a transaction is open waits for it forever.
 *
 * @example
 * const article = await transact(deps, async (tx) => {
 *   const current = await findArticleById(tx.db, id) // BEGIN; select …
 *   await updateArticleIfVersion(tx.db, id, current.version, { status: 'published' })
 *   tx.events.emit({ type: 'article.changed', … }) // held
 *   return current
 * }) // COMMIT; then the event is delivered
 */
export async function transact<K extends Kernel, T>(
  deps: K,
  work: (tx: K) => Promise<T>,
): Promise<T> {
  if (deps.db.isTransaction) return work(deps)
  const pending: Pending = {
    held: [],
    emit(event) {
      this.held.push(event)
    },
  }
  const result = await deps.db.transaction().execute(async (trx) => {
    const value = await work({ ...deps, db: trx, events: pending })
    // Committing listeners write with the change (queued webhook deliveries), in this transaction.
    if (pending.held.length > 0 && deps.events.beforeCommit)
      await deps.events.beforeCommit({ db: trx, clock: deps.clock, events: noEvents }, pending.held)
    return value
  })
  for (const event of pending.held) deps.events.emit(event)
  return result
}
