/**
 * The wire on the durable queue: due sources become `wire.poll` jobs, one per source and poll
 * time (a unique key), so however many processes tick, each poll runs once. Sources on the same
 * host are spaced out, so a partner's server never gets a burst from us.
 */
import type { Kernel } from '../kernel.js'
import { enqueueJob } from '../queue/index.js'
import { listDueSources } from './source.repository.js'

export const POLL_JOB = 'wire.poll'
/** Polls of one host start at least this far apart. */
export const HOST_GAP_MS = 2_000
const BATCH = 200

/** Enqueue a poll for every due source; returns how many were enqueued (not already queued). */
export async function enqueueDuePolls(deps: Pick<Kernel, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now().getTime()
  const due = await listDueSources(deps.db, now, BATCH)
  const perHost = new Map<string, number>()
  let enqueued = 0
  for (const source of due) {
    const host = new URL(source.url).host
    const slot = perHost.get(host) ?? 0
    perHost.set(host, slot + 1)
    const id = await enqueueJob(
      deps,
      POLL_JOB,
      { sourceId: source.id },
      {
        runAt: new Date(now + slot * HOST_GAP_MS),
        // Failures are recorded on the source, which backs off: the job itself is not retried.
        maxAttempts: 1,
        uniqueKey: `wire.poll:${source.id}:${source.nextPollAt}`,
      },
    )
    if (id !== undefined) enqueued++
  }
  return enqueued
}

/** The source id a `wire.poll` job is about. */
export function pollPayload(payload: unknown): number {
  const id = (payload as { sourceId?: unknown } | null)?.sourceId
  if (typeof id !== 'number' || !Number.isInteger(id)) throw new Error('wire.poll needs a sourceId')
  return id
}
