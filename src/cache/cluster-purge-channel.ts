/**
 * @module cluster-purge-channel
 * Purges between the worker processes of one `broadsheet serve --workers N` (node:cluster),
 * over the IPC channel to the primary, which relays each purge to every other worker.
 */
import type { PurgeChannel } from './cache-purger.js'

export const PURGE_MESSAGE = 'broadsheet:cache-purge'

export interface ClusterPurgeMessage {
  type: typeof PURGE_MESSAGE
  origin: number
  tags: string[]
}

export function isPurgeMessage(message: unknown): message is ClusterPurgeMessage {
  const m = message as Partial<ClusterPurgeMessage> | null
  return !!m && m.type === PURGE_MESSAGE && Array.isArray(m.tags) && typeof m.origin === 'number'
}

/** A worker's side: send our purges to the primary, apply the ones it relays from others. */
export class ClusterPurgeChannel implements PurgeChannel {
  readonly ready = Promise.resolve()
  private listener: ((message: unknown) => void) | null = null

  constructor(private readonly ipc: NodeJS.Process = process) {}

  listen(apply: (tags: string[]) => void): void {
    if (this.listener) this.ipc.off('message', this.listener)
    this.listener = (message) => {
      if (isPurgeMessage(message) && message.origin !== this.ipc.pid) apply(message.tags)
    }
    this.ipc.on('message', this.listener)
  }

  publish(tags: readonly string[]): void {
    const message: ClusterPurgeMessage = {
      type: PURGE_MESSAGE,
      origin: this.ipc.pid,
      tags: [...tags],
    }
    this.ipc.send?.(message)
  }

  close(): Promise<void> {
    if (this.listener) this.ipc.off('message', this.listener)
    this.listener = null
    return Promise.resolve()
  }
}

/** The primary's side: relay a worker's purge to every other worker. */
export function relayPurge(
  message: unknown,
  from: { process: { pid?: number } },
  workers: { process: { pid?: number }; send(message: unknown): boolean }[],
): number {
  if (!isPurgeMessage(message)) return 0
  let sent = 0
  for (const worker of workers) {
    if (worker.process.pid === from.process.pid) continue
    worker.send(message)
    sent++
  }
  return sent
}
