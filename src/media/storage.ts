import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

/**
 * Where media bytes live: local disk (`diskStorage`, the default) or an S3-compatible bucket
 * (`s3Storage`). Keys are relative paths like `2026/11/harbour-1024.webp`; the services never
 * know which store they write to.
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>
  delete(key: string): Promise<void>
  /** The bytes under a key, streamed; undefined when there is none. */
  get(key: string): Promise<StoredMedia | undefined>
  /** Every key in the store (for moving a library from one store to another). */
  list(): AsyncIterable<string>
  /** The public URL path for a key. */
  url(key: string): string
}

export interface StoredMedia {
  body: Readable
  bytes: number
  contentType: string
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

/** The media type a key's extension names (what a bucket stores with it). */
export function contentTypeFor(key: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase() ?? ''
  return CONTENT_TYPES[extension] ?? 'application/octet-stream'
}

/** A key that stays inside the store: relative, no `..` segments, no empty segments. */
export function checkMediaKey(key: string): string {
  if (key === '' || key.startsWith('/') || key.split('/').some((s) => s === '' || s === '..'))
    throw new Error(`media key escapes the media folder: ${key}`)
  return key
}

/** Files under `root`, served by the app at `/media/`. Writes are atomic (temp file + rename). */
export function diskStorage(root: string): MediaStorage {
  const resolve = (key: string) => {
    const file = path.resolve(root, key)
    if (!file.startsWith(path.resolve(root) + path.sep))
      throw new Error(`media key escapes the media folder: ${key}`)
    return file
  }
  return {
    async put(key, bytes) {
      const file = resolve(key)
      await fs.mkdir(path.dirname(file), { recursive: true })
      const temp = `${file}.${process.pid}.tmp`
      try {
        await fs.writeFile(temp, bytes)
        await fs.rename(temp, file)
      } catch (error) {
        // A full disk leaves a partial temp file: never keep it.
        await fs.rm(temp, { force: true })
        throw error
      }
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true })
    },
    async get(key) {
      const file = resolve(key)
      const stat = await fs.stat(file).catch(() => undefined)
      if (!stat?.isFile()) return undefined
      return { body: createReadStream(file), bytes: stat.size, contentType: contentTypeFor(key) }
    },
    list: () => walk(path.resolve(root), ''),
    url: (key) => `/media/${key}`,
  }
}

async function* walk(root: string, prefix: string): AsyncGenerator<string> {
  const entries = await fs.readdir(path.join(root, prefix), { withFileTypes: true }).catch(() => [])
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const key = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) yield* walk(root, key)
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) yield key
  }
}
