/**
 * `broadsheet backup FILE` and `broadsheet restore FILE`: one `.tar.gz` holding a manifest, a
 * snapshot of the database taken while the site runs, and the media folder (when media is on
 * disk; a bucket is backed up by the store's own versioning or replication).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Config } from '../config.js'
import {
  isEmptyTarget,
  requireSameEngine,
  restoreSnapshot,
  snapshotDatabase,
  snapshotName,
} from '../db/backup.js'
import { connectDatabase } from '../db/connect.js'
import { knownMigrations } from '../db/migrate.js'
import { AppError } from '../errors.js'
import { applyMigrations, migrationsPending } from '../startup.js'

const run = promisify(execFile)
const FORMAT = 'broadsheet-backup'

interface Manifest {
  format: typeof FORMAT
  version: 1
  createdAt: string
  dialect: Config['database']['dialect']
  migrations: string[]
  media: 'included' | 'bucket'
}

/** Snapshot the database, then pack it with the media folder into `file`. Returns its size. */
export async function backup(config: Config, file: string): Promise<{ bytes: number }> {
  const target = path.resolve(file)
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-backup-'))
  const handle = await connectDatabase(config.database, config.dataDir)
  try {
    const pending = await migrationsPending(handle)
    if (pending.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `backup: migrate first (pending: ${pending.join(', ')})`,
      )
    // The database first: every media row in the snapshot already has its file (uploads write
    // the file before the row), so the media copy taken after it is complete for it.
    await snapshotDatabase(handle, config.database, staging)
    const onDisk = config.media.store === 'disk'
    const manifest: Manifest = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      dialect: config.database.dialect,
      migrations: knownMigrations(),
      media: onDisk ? 'included' : 'bucket',
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    const media = path.join(config.dataDir, 'media')
    const withMedia = onDisk && fs.existsSync(media)
    const partial = `${target}.partial`
    await tar([
      '--create',
      '--gzip',
      '--file',
      partial,
      '--exclude=*.tmp',
      '-C',
      staging,
      'manifest.json',
      snapshotName(config.database.dialect),
      ...(withMedia ? ['-C', config.dataDir, 'media'] : []),
    ])
    fs.renameSync(partial, target)
    return { bytes: fs.statSync(target).size }
  } finally {
    await handle.close()
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

/** Unpack `file` into an empty DATA_DIR (and an empty PostgreSQL database), then migrate. */
export async function restore(config: Config, file: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new AppError('VALIDATION_FAILED', `restore: no file ${file}`)
  await requireEmpty(config)
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-restore-'))
  try {
    await tar(['--extract', '--gzip', '--file', path.resolve(file), '-C', staging])
    const manifest = readManifest(staging)
    requireSameEngine(manifest.dialect, config.database)
    await restoreSnapshot(path.join(staging, snapshotName(manifest.dialect)), config.database)
    const media = path.join(staging, 'media')
    if (fs.existsSync(media))
      fs.cpSync(media, path.join(config.dataDir, 'media'), { recursive: true })
    const handle = await connectDatabase(config.database, config.dataDir)
    try {
      await applyMigrations(handle)
    } finally {
      await handle.close()
    }
    return manifest
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}

async function requireEmpty(config: Config): Promise<void> {
  fs.mkdirSync(config.dataDir, { recursive: true })
  const media = path.join(config.dataDir, 'media')
  if (
    (fs.existsSync(media) && fs.readdirSync(media).length > 0) ||
    !(await isEmptyTarget(config.database))
  )
    throw new AppError(
      'VALIDATION_FAILED',
      `restore: DATA_DIR ${config.dataDir} or its database already holds a site; restore into an empty one`,
    )
}

function readManifest(dir: string): Manifest {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
    ) as Manifest
    if (manifest.format === FORMAT && manifest.version === 1) return manifest
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'restore: not a Broadsheet backup (no manifest)')
}

async function tar(args: string[]): Promise<void> {
  try {
    await run('tar', args, { maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    const e = error as { code?: number | string; stderr?: string; message: string }
    // GNU tar exits 1 when a file changed while it was read (an upload landing): still whole.
    if (e.code === 1 && args.includes('--create')) return
    throw new AppError('VALIDATION_FAILED', `tar failed: ${(e.stderr ?? e.message).trim()}`)
  }
}
