/**
 * @module static-mirror
 * Mirror cached pages to disk as ready files (`index.html`, `.gz`, `.br` per URL) so a front
 * server (nginx `try_files` + `gzip_static`) serves them at static-file speed. Files are written
 * atomically (temp file + rename) and deleted by the same tag purges as the memory cache.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PurgeLog } from './cache-purger.js'
import type { CacheEntry } from './page-cache.js'

/** Only plain paths ending in `/` (pages), with safe characters: no query, no traversal. */
const MIRRORABLE = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*$/

/** Ready files for a front server; one per app, rooted at `DATA_DIR/static`. */
export class StaticMirror {
  private readonly tagsByKey = new Map<string, readonly string[]>()
  private readonly generations = new Map<string, number>()
  /** Operations on one URL run in order, so a purge always lands after the write it voids. */
  private readonly queues = new Map<string, Promise<void>>()
  /** While purges from other nodes may be missed, nothing is mirrored (nginx asks the app). */
  private paused = false

  constructor(
    readonly root: string,
    private readonly log: PurgeLog,
  ) {}

  /** Start empty: files left by an earlier run could miss purges made while it was down. */
  async reset(): Promise<void> {
    await fs.rm(this.root, { recursive: true, force: true })
    await fs.mkdir(this.root, { recursive: true })
  }

  /** Mirror an HTML page stored in the cache (other entries are ignored). */
  write(entry: CacheEntry): Promise<void> {
    if (this.paused) return Promise.resolve()
    if (!MIRRORABLE.test(entry.key) || !/html/.test(entry.headers['content-type'] ?? ''))
      return Promise.resolve()
    this.tagsByKey.set(entry.key, entry.tags)
    const generation = this.generations.get(entry.key) ?? 0
    return this.enqueue(entry.key, async () => {
      if ((this.generations.get(entry.key) ?? 0) !== generation) return
      const dir = path.join(this.root, entry.key)
      await fs.mkdir(dir, { recursive: true })
      // Variants first: nginx looks for index.html.gz only once index.html is there.
      await writeAtomically(path.join(dir, 'index.html.gz'), entry.gzip)
      await writeAtomically(path.join(dir, 'index.html.br'), entry.brotli)
      await writeAtomically(path.join(dir, 'index.html'), entry.identity)
    })
  }

  /**
   * Remove every mirrored page and mirror nothing until `resume`: while the purge channel is down
   * a file could outlive a purge it never heard of, and nginx would serve it with no limit.
   */
  pause(): Promise<void> {
    this.paused = true
    return this.remove([...this.tagsByKey.keys()])
  }

  resume(): void {
    this.paused = false
  }

  /** Delete the files of every mirrored page carrying one of the tags. */
  purge(tags: readonly string[]): Promise<void> {
    const wanted = new Set(tags)
    const keys = [...this.tagsByKey].filter(([, own]) => own.some((t) => wanted.has(t)))
    return this.remove(keys.map(([key]) => key))
  }

  private remove(keys: readonly string[]): Promise<void> {
    return Promise.all(
      keys.map((key) => {
        this.tagsByKey.delete(key)
        this.generations.set(key, (this.generations.get(key) ?? 0) + 1)
        return this.enqueue(key, async () => {
          const dir = path.join(this.root, key)
          // The page first: from then on nginx falls through to the app.
          for (const file of ['index.html', 'index.html.gz', 'index.html.br'])
            await fs.rm(path.join(dir, file), { force: true })
        })
      }),
    ).then(() => undefined)
  }

  private enqueue(key: string, operation: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve()
    const next = previous.then(operation).catch((error: unknown) => {
      this.log.warn({ err: error, key }, 'static mirror: file operation failed')
    })
    this.queues.set(key, next)
    void next.then(() => {
      if (this.queues.get(key) === next) this.queues.delete(key)
    })
    return next
  }
}

async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  await fs.writeFile(temporary, data)
  await fs.rename(temporary, file)
}
