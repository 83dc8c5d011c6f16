import type { Readable } from 'node:stream'
import type { MediaStorage } from './storage.js'

export interface MediaMigration {
  /** Files copied. */
  copied: number
  /** Bytes copied. */
  bytes: number
}

/**
 * Copy every file of one media store into another under the same key (originals, variants,
 * crops and the demo's illustrations alike), a few at a time. Safe to run again: a key already
 * there is written again with the same bytes. The source is left as it was; remove it once the
 * site runs on the new store.
 */
export async function migrateMedia(
  from: MediaStorage,
  to: MediaStorage,
  onFile: (key: string) => void = () => {},
  concurrency = 4,
): Promise<MediaMigration> {
  const result: MediaMigration = { copied: 0, bytes: 0 }
  const inFlight = new Set<Promise<void>>()
  for await (const key of from.list()) {
    const copy = copyOne(from, to, key).then((bytes) => {
      result.copied++
      result.bytes += bytes
      onFile(key)
    })
    inFlight.add(copy)
    void copy.finally(() => inFlight.delete(copy)).catch(() => {})
    if (inFlight.size >= concurrency) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  return result
}

async function copyOne(from: MediaStorage, to: MediaStorage, key: string): Promise<number> {
  const stored = await from.get(key)
  if (!stored) return 0
  const bytes = await readAll(stored.body)
  await to.put(key, bytes)
  return bytes.length
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks)
}
