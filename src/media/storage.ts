import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Where media bytes live. Disk now; an S3-compatible implementation can replace it without
 * touching the services (keys are relative paths like `2026/11/harbour-1024.webp`).
 */
export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>
  delete(key: string): Promise<void>
  /** The public URL path for a key. */
  url(key: string): string
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
      await fs.writeFile(temp, bytes)
      await fs.rename(temp, file)
    },
    async delete(key) {
      await fs.rm(resolve(key), { force: true })
    },
    url: (key) => `/media/${key}`,
  }
}
