/**
 * @module single-flight
 * At most one render per page at a time: the first miss of a key opens a flight, later misses
 * of the same key wait for it (or take the stale copy) instead of rendering again.
 */

/** The renders in flight, by cache key. Holds state, so it is a class; one per cache. */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<void>>()

  /** @param timeoutMs how long a request waits for another request's render of the same page */
  constructor(private readonly timeoutMs: number) {}

  /** Whether someone is rendering this key now. */
  isRunning(key: string): boolean {
    return this.flights.has(key)
  }

  /** Resolves when the render of `key` ends, or after the timeout (never rejects). */
  wait(key: string): Promise<void> {
    const flight = this.flights.get(key)
    if (!flight) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.timeoutMs)
      void flight.then(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  /** Open the flight for `key`; the returned function ends it (once) and wakes the waiters. */
  start(key: string): () => void {
    let wake = () => {}
    this.flights.set(
      key,
      new Promise<void>((resolve) => {
        wake = resolve
      }),
    )
    let done = false
    return () => {
      if (done) return
      done = true
      this.flights.delete(key)
      wake()
    }
  }
}
