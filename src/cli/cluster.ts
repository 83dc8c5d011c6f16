/**
 * `broadsheet serve --workers N`: one primary prepares the database once, then forks N workers
 * that share the port (node:cluster). The primary relays page-cache purges between workers
 * and replaces a worker that dies.
 */
import cluster, { type Worker } from 'node:cluster'
import { relayPurge } from '../cache/cluster-purge-channel.js'
import { systemClock } from '../clock.js'
import type { Config } from '../config.js'
import { prepareDatabase, startServer } from '../startup.js'

const MAX_RESTARTS_PER_MINUTE = 10

export async function serveWorkers(
  config: Config,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  if (cluster.isWorker) {
    await startServer({ ...config, demoContent: false })
    return
  }
  const handle = await prepareDatabase(config, systemClock, log)
  await handle.close()
  const workers = () =>
    Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined)
  cluster.on('message', (worker, message) => relayPurge(message, worker, workers()))

  let stopping = false
  const restarts: number[] = []
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    const now = Date.now()
    restarts.push(now)
    while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift()
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      log(`workers keep dying (last: ${signal ?? `exit ${code}`}); stopping`)
      stop(1)
      return
    }
    log(`worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another`)
    cluster.fork()
  })
  const stop = (exitCode: number) => {
    stopping = true
    const alive = workers()
    if (alive.length === 0) process.exit(exitCode)
    let left = alive.length
    for (const worker of alive) {
      worker.once('exit', () => {
        if (--left === 0) process.exit(exitCode)
      })
      worker.process.kill('SIGTERM')
    }
    setTimeout(() => process.exit(exitCode), 12_000).unref()
  }
  process.once('SIGINT', () => stop(0))
  process.once('SIGTERM', () => stop(0))
  for (let i = 0; i < count; i++) cluster.fork()
  log(`primary ${process.pid} started ${count} workers on ${config.host}:${config.port}`)
}
