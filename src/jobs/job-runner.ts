/**
 * The job runner: work that comes in by time. Polls the durable queue, runs each claimed job
 * with its handler, and runs periodic tasks (scheduled publishing). Holds timers: built in
 * main.ts, never at module level.
 */
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import {
  claimJobs,
  completeJob,
  extendJobLock,
  failJob,
  releaseJobs,
  type Job,
  type WorkerDeps,
} from '../queue/index.js'

/** What a running job may ask of the runner. */
export interface JobLease {
  /** Keep the job's lock for another `lockMs` (long jobs call it every so often). */
  extend(lockMs: number): Promise<void>
}

/** Runs one job; the runner always passes a lease (handlers that need none leave it). */
export type JobHandler = (payload: unknown, job: Job, lease?: JobLease) => Promise<void>

export interface JobRunnerOptions {
  deps: WorkerDeps
  handlers: Record<string, JobHandler>
  /** Tasks run on every tick, before jobs are claimed (e.g. publishing due articles). */
  periodic?: (() => Promise<unknown>)[]
  intervalMs?: number
  onError?: (error: unknown, context: string) => void
  /**
   * Job types that may run for minutes (imports): each runs beside the others rather than in
   * the tick's line, so webhook deliveries, newsletters and the wire's polls go on meanwhile.
   */
  longJobs?: readonly string[]
}

/** How long `stop()` waits for long jobs in hand (their locks expire and another node resumes). */
const LONG_JOB_STOP_MS = 5_000

/** How long a claim holds a job (long jobs renew theirs through their lease). */
const CLAIM_LOCK_MS = 5 * 60_000

export class JobRunner {
  readonly worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  private timer: NodeJS.Timeout | undefined
  private running: Promise<number> | undefined
  private stopping = false
  /** Long jobs under way, outside the tick. */
  private readonly detached = new Set<Promise<void>>()

  constructor(private readonly options: JobRunnerOptions) {}

  /** Run periodic tasks, then every due job. Returns how many jobs ran. Never runs twice at once. */
  tick(): Promise<number> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 15_000)
    this.timer.unref()
  }

  /**
   * Stop polling, let the job in hand finish, and hand back the jobs claimed but not started,
   * so another node runs them now rather than when their lock expires. Returns how many.
   */
  async stop(): Promise<number> {
    this.stopping = true
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
    if (this.detached.size > 0)
      await Promise.race([
        Promise.all([...this.detached]),
        new Promise((resolve) => setTimeout(resolve, LONG_JOB_STOP_MS).unref()),
      ])
    const released = await releaseJobs(this.options.deps, this.worker).catch((error: unknown) => {
      this.report(error, 'releasing claimed jobs')
      return 0
    })
    this.stopping = false
    return released
  }

  private async runTick(): Promise<number> {
    for (const task of this.options.periodic ?? []) {
      if (this.stopping) return 0
      await task().catch((error: unknown) => this.report(error, 'periodic task'))
    }
    let ran = 0
    while (!this.stopping) {
      const jobs = await claimJobs(this.options.deps, this.worker, 10, CLAIM_LOCK_MS).catch(
        (error: unknown) => {
          this.report(error, 'claiming jobs')
          return []
        },
      )
      if (jobs.length === 0) return ran
      const claimedAt = this.options.deps.clock.now().getTime()
      for (const job of jobs) {
        if (this.stopping) return ran
        // A long job (an import) ran while the rest waited: their locks may be ending, and
        // another node may take them. Hand them back and claim afresh rather than run one twice.
        if (this.options.deps.clock.now().getTime() - claimedAt > CLAIM_LOCK_MS / 2) {
          await releaseJobs(this.options.deps, this.worker).catch((error: unknown) =>
            this.report(error, 'releasing claimed jobs'),
          )
          break
        }
        if (this.options.longJobs?.includes(job.type)) {
          const running: Promise<void> = this.run(job).finally(() => this.detached.delete(running))
          this.detached.add(running)
        } else await this.run(job)
        ran++
      }
    }
    return ran
  }

  /** Wait until the tick in hand and every long job it started are over (tests, scripts). */
  async idle(): Promise<void> {
    await this.running
    while (this.detached.size > 0) await Promise.all([...this.detached])
  }

  private async run(job: Job): Promise<void> {
    const handler = this.options.handlers[job.type]
    try {
      if (!handler) throw new Error(`no handler for job type "${job.type}"`)
      const lease = {
        extend: (lockMs: number) => extendJobLock(this.options.deps, job, this.worker, lockMs),
      }
      await handler(job.payload, job, lease)
      await completeJob(this.options.deps, job, this.worker)
    } catch (error) {
      this.report(error, `job ${job.id} (${job.type})`)
      await failJob(this.options.deps, job, this.worker, error)
    }
  }

  private report(error: unknown, context: string): void {
    this.options.onError?.(error, context)
  }
}
