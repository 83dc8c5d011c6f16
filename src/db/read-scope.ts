/**
 * @module read-scope
 * Which requests may read from a read replica: the edge (`app.ts`) marks an anonymous reader
 * request, and the database driver (`dialects/read-replica.ts`) looks at the mark when a query
 * needs a connection. Nothing between them passes it on: it follows the request's async work.
 * Outside a marked request (the newsroom, the APIs that write, jobs, commands) every query goes
 * to the primary, so a newsroom session always reads its own writes.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

const scope = new AsyncLocalStorage<'reader'>()

/** Run `work` (and everything it starts) as an anonymous reader's request. */
export function runAsReader<T>(work: () => T): T {
  return scope.run('reader', work)
}

/** Is the current work an anonymous reader's request? */
export function inReaderScope(): boolean {
  return scope.getStore() === 'reader'
}
