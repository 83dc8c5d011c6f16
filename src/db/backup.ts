/**
 * @module backup
 * A consistent copy of the database while the site runs, and its way back. SQLite: `VACUUM INTO`
 * (one read transaction, so a snapshot of one moment, compacted; writers carry on under WAL).
 * PostgreSQL: `pg_dump --format=custom` (one repeatable-read snapshot), checked by listing it
 * with `pg_restore --list`, and `pg_restore` into an empty database.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import type { DatabaseConfig } from '../config.js'
import { AppError } from '../errors.js'
import { connectDatabase, type DatabaseHandle } from './connect.js'

const run = promisify(execFile)

/** The file name a snapshot has inside a backup. */
export function snapshotName(dialect: DatabaseConfig['dialect']): string {
  return dialect === 'sqlite' ? 'broadsheet.db' : 'broadsheet.pgdump'
}

/** Write a snapshot of the open database into `dir`; returns its path. */
export async function snapshotDatabase(
  handle: DatabaseHandle,
  config: DatabaseConfig,
  dir: string,
): Promise<string> {
  const file = path.join(dir, snapshotName(config.dialect))
  if (config.dialect === 'sqlite') {
    await sql`vacuum into ${file}`.execute(handle.db)
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db)
    if (check.rows[0]?.integrity_check !== 'ok')
      throw new AppError('DATABASE_UNAVAILABLE', 'the live database fails its integrity check')
    return file
  }
  await tool('pg_dump', ['--format=custom', '--no-owner', '--file', file, config.url])
  // The check: the archive reads back and lists the articles table.
  const { stdout } = await tool('pg_restore', ['--list', file])
  if (!/TABLE DATA \S+ articles /.test(stdout))
    throw new AppError('DATABASE_UNAVAILABLE', 'pg_dump wrote an archive without the articles')
  return file
}

/** Put a snapshot back: a SQLite file moved into place, or `pg_restore` into an empty database. */
export async function restoreSnapshot(file: string, config: DatabaseConfig): Promise<void> {
  if (config.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true })
    fs.copyFileSync(file, config.file, fs.constants.COPYFILE_EXCL)
    return
  }
  await tool('pg_restore', ['--no-owner', '--exit-on-error', '--dbname', config.url, file])
}

/**
 * Whether a restore may write here: no SQLite file yet, or a PostgreSQL database without a
 * single table (`createdb` a new one).
 */
export async function isEmptyTarget(config: DatabaseConfig): Promise<boolean> {
  if (config.dialect === 'sqlite') return !fs.existsSync(config.file)
  const handle = await connectDatabase(config)
  try {
    const result = await sql<{ tables: number | string }>`
      select count(*) as tables from information_schema.tables where table_schema = 'public'`.execute(
      handle.db,
    )
    return Number(result.rows[0]?.tables ?? 0) === 0
  } finally {
    await handle.close()
  }
}

/** A backup restores only into the engine it was taken from. */
export function requireSameEngine(taken: DatabaseConfig['dialect'], config: DatabaseConfig): void {
  if (taken !== config.dialect)
    throw new AppError(
      'VALIDATION_FAILED',
      `restore: the backup is of a ${taken} database, DATABASE_URL names ${config.dialect}`,
    )
}

async function tool(name: string, args: string[]) {
  try {
    return await run(name, args, { maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string }
    if (e.code === 'ENOENT')
      throw new AppError('CONFIG_INVALID', `${name} is not installed (PostgreSQL client tools)`)
    throw new AppError('DATABASE_UNAVAILABLE', `${name} failed: ${(e.stderr ?? e.message).trim()}`)
  }
}
