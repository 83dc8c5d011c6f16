import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import { JobRunner } from '../../../src/jobs/job-runner.js'
import {
  claimJobs,
  completeJob,
  enqueueJob,
  extendJobLock,
  failJob,
  listRecentJobs,
  type WorkerDeps,
} from '../../../src/queue/index.js'
import { claimFor } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const T0 = new Date('2026-11-27T12:00:00Z')

for (const dialect of DIALECTS) {
  describe(`${dialect}: job queue`, () => {
    let t: TestDatabase
    let deps: WorkerDeps & { clock: ReturnType<typeof fixedClock> }

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      deps = { db: t.db, clock: fixedClock(T0), claim: claimFor(dialect) }
    })
    afterEach(() => t.destroy())

    it('claims due jobs once, oldest first, and leaves future ones', async () => {
      await enqueueJob(deps, 'mail.send', { n: 2 }, { runAt: new Date(T0.getTime() - 1000) })
      await enqueueJob(deps, 'mail.send', { n: 1 }, { runAt: new Date(T0.getTime() - 5000) })
      await enqueueJob(deps, 'mail.send', { n: 3 }, { runAt: new Date(T0.getTime() + 60_000) })
      const [a, b] = await Promise.all([
        claimJobs(deps, 'worker-a', 10),
        claimJobs(deps, 'worker-b', 10),
      ])
      const claimed = [...(a ?? []), ...(b ?? [])]
      expect(claimed.map((j) => (j.payload as { n: number }).n).sort()).toEqual([1, 2])
      expect(new Set(claimed.map((j) => j.id)).size).toBe(2)
      expect(await claimJobs(deps, 'worker-c')).toEqual([])
      deps.clock.advance(60_000)
      expect((await claimJobs(deps, 'worker-c')).map((j) => j.payload)).toEqual([{ n: 3 }])
    })

    it('keeps one job per unique key', async () => {
      const first = await enqueueJob(deps, 'digest.daily', {}, { uniqueKey: 'digest:2026-11-27' })
      const second = await enqueueJob(deps, 'digest.daily', {}, { uniqueKey: 'digest:2026-11-27' })
      expect(first).toBeGreaterThan(0)
      expect(second).toBeUndefined()
      expect(await listRecentJobs(deps)).toHaveLength(1)
    })

    it('retries failures with backoff and gives up after the last attempt', async () => {
      await enqueueJob(deps, 'flaky', {}, { maxAttempts: 2 })
      const [job] = await claimJobs(deps, 'w')
      await failJob(deps, job!, 'w', new Error('SMTP timeout'))
      expect(await claimJobs(deps, 'w')).toEqual([])
      deps.clock.advance(30_000)
      const [again] = await claimJobs(deps, 'w')
      expect(again?.attempts).toBe(2)
      expect(again?.lastError).toBe('SMTP timeout')
      await failJob(deps, again!, 'w', new Error('still down'))
      deps.clock.advance(3_600_000)
      expect(await claimJobs(deps, 'w')).toEqual([])
      expect((await listRecentJobs(deps, 'failed')).map((j) => j.lastError)).toEqual(['still down'])
    })

    it('hands a job from a dead worker to another once its lock expires', async () => {
      await enqueueJob(deps, 'long', {})
      await claimJobs(deps, 'dead-worker', 10, 60_000)
      expect(await claimJobs(deps, 'other')).toEqual([])
      deps.clock.advance(61_000)
      const [job] = await claimJobs(deps, 'other')
      expect(job?.attempts).toBe(2)
      await completeJob(deps, job!, 'dead-worker')
      expect((await listRecentJobs(deps, 'running')).length).toBe(1)
      await completeJob(deps, job!, 'other')
      expect((await listRecentJobs(deps, 'done')).length).toBe(1)
    })

    it('keeps a long job from other workers while it renews its lock, and no longer', async () => {
      await enqueueJob(deps, 'import.long', {})
      const [job] = await claimJobs(deps, 'worker-a', 10, 60_000)
      deps.clock.advance(50_000)
      await extendJobLock(deps, job!, 'worker-a', 60_000)
      deps.clock.advance(50_000)
      expect(await claimJobs(deps, 'worker-b')).toEqual([])
      await extendJobLock(deps, job!, 'worker-b', 60_000) // not its lock: changes nothing
      deps.clock.advance(11_000)
      expect((await claimJobs(deps, 'worker-b')).map((j) => j.id)).toEqual([job!.id])
    })

    it('hands back the jobs it claimed when a long one outlasted half their lock', async () => {
      await enqueueJob(deps, 'import.long', {})
      await enqueueJob(deps, 'mail.send', {})
      const ran: string[] = []
      const runner = new JobRunner({
        deps,
        handlers: {
          'import.long': async (_payload, _job, lease) => {
            ran.push('import.long')
            await lease?.extend(10 * 60_000)
            deps.clock.advance(6 * 60_000)
            // Meanwhile another node saw the waiting job's lock expire and took it.
            const taken = await claimJobs(deps, 'node-b')
            expect(taken.map((j) => j.type)).toEqual(['mail.send'])
          },
          'mail.send': () => {
            ran.push('mail.send')
            return Promise.resolve()
          },
        },
      })

      await runner.tick()

      expect(ran).toEqual(['import.long'])
      expect((await listRecentJobs(deps, 'running')).map((j) => j.type)).toEqual(['mail.send'])
    })

    it('runs handlers and periodic tasks, recording failures', async () => {
      const seen: unknown[] = []
      let periodic = 0
      const errors: string[] = []
      const runner = new JobRunner({
        deps,
        handlers: {
          echo: async (payload) => {
            seen.push(payload)
          },
          boom: async () => {
            throw new Error('bad payload')
          },
        },
        periodic: [async () => void periodic++],
        onError: (_error, context) => errors.push(context),
      })
      await enqueueJob(deps, 'echo', { hello: 'world' })
      await enqueueJob(deps, 'boom', {})
      await enqueueJob(deps, 'unknown-type', {})
      const [ran] = await Promise.all([runner.tick(), runner.tick()])
      expect(ran).toBe(3)
      expect(periodic).toBe(1)
      expect(seen).toEqual([{ hello: 'world' }])
      expect(errors).toHaveLength(2)
      expect((await listRecentJobs(deps, 'pending')).map((j) => j.lastError).sort()).toEqual([
        'bad payload',
        'no handler for job type "unknown-type"',
      ])
    })

    it('finishes the job in hand on stop and hands back the claimed rest', async () => {
      let release: () => void = () => {}
      const started = new Promise<void>((resolve) => {
        release = resolve
      })
      let unblock: () => void = () => {}
      const done: unknown[] = []
      const runner = new JobRunner({
        deps,
        handlers: {
          slow: async (payload) => {
            release()
            await new Promise<void>((resolve) => (unblock = resolve))
            done.push(payload)
          },
        },
      })
      for (const n of [1, 2, 3]) await enqueueJob(deps, 'slow', { n })
      const ticking = runner.tick()
      await started
      const stopping = runner.stop()
      unblock()
      expect(await stopping).toBe(2)
      await ticking
      expect(done).toEqual([{ n: 1 }])
      const pending = await listRecentJobs(deps, 'pending')
      expect(pending.map((j) => [j.payload, j.attempts])).toEqual([
        [{ n: 3 }, 0],
        [{ n: 2 }, 0],
      ])
      expect(await listRecentJobs(deps, 'done')).toHaveLength(1)
    })

    it('runs a long job beside the others, so later ticks deliver while it goes on', async () => {
      let unblock: () => void = () => {}
      const done: string[] = []
      const runner = new JobRunner({
        deps,
        longJobs: ['import.run'],
        handlers: {
          'import.run': async () => {
            await new Promise<void>((resolve) => (unblock = resolve))
            done.push('import')
          },
          'webhook.deliver': async () => {
            done.push('delivery')
          },
        },
      })
      await enqueueJob(deps, 'import.run', {})
      expect(await runner.tick()).toBe(1)
      // The import is still going: a delivery queued now goes out on the next tick.
      await enqueueJob(deps, 'webhook.deliver', {})
      expect(await runner.tick()).toBe(1)
      expect(done).toEqual(['delivery'])
      unblock()
      await runner.idle()
      expect(done).toEqual(['delivery', 'import'])
      expect(await listRecentJobs(deps, 'done')).toHaveLength(2)
    })
  })
}
