/**
 * Commands for operators: moving the media library between stores, backups and restores,
 * and cleaning up data that only grows.
 */
import { systemClock } from '../clock.js'
import { parseConfig } from '../config.js'
import { AppError } from '../errors.js'
import { cleanUpData } from '../jobs/index.js'
import { migrateMedia } from '../media/index.js'
import { mediaStorage } from '../services.js'
import { prepareDatabase, servicesFor } from '../startup.js'
import { backup, restore } from './backup.js'
import type { Command } from './commands.js'

const log = (line: string) => console.log(`broadsheet: ${line}`)

const mediaMigrate: Command = {
  name: 'media:migrate',
  summary: 'copy the media library to S3-compatible storage (or back to disk)',
  help: `Usage: broadsheet media:migrate --to s3|disk

Copies every media file (originals, responsive variants, crops) from one store to the other
under the same key, so pages and article bodies keep their /media/… links. The source is left
untouched; switch MEDIA_STORE once the copy is done, then remove the old copy yourself.

  --to s3     from DATA_DIR/media into the bucket (S3_BUCKET, S3_REGION, S3_ENDPOINT,
              S3_PREFIX; credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)
  --to disk   from the bucket into DATA_DIR/media

Safe to run again: files already copied are written again with the same bytes.`,
  options: { to: { type: 'string' } },
  run: async (values) => {
    const to = values.to
    if (to !== 's3' && to !== 'disk')
      throw new AppError('VALIDATION_FAILED', 'media:migrate: --to must be "s3" or "disk"')
    const config = parseConfig({ ...process.env, MEDIA_STORE: 's3' })
    const disk = mediaStorage(config.dataDir)
    const bucket = mediaStorage(config.dataDir, config.media)
    const [from, into] = to === 's3' ? [disk, bucket] : [bucket, disk]
    const started = Date.now()
    const { copied, bytes } = await migrateMedia(from, into, (key) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${key.slice(-70).padEnd(70)}`)
    })
    if (process.stderr.isTTY) process.stderr.write('\n')
    const where = config.media.store === 's3' ? config.media.bucket : ''
    log(
      `copied ${copied} file${copied === 1 ? '' : 's'} (${(bytes / 1_048_576).toFixed(1)} MB) ` +
        `${to === 's3' ? `into bucket ${where}` : `into ${config.dataDir}/media`} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    if (to === 's3') log('set MEDIA_STORE=s3 (and MEDIA_PUBLIC_URL for a CDN) and restart')
  },
}

function fileArgument(name: string, positionals: unknown): string {
  const [file, extra] = Array.isArray(positionals) ? (positionals as string[]) : []
  if (!file || extra !== undefined)
    throw new AppError(
      'VALIDATION_FAILED',
      `${name}: give one FILE (run "broadsheet ${name} --help")`,
    )
  return file
}

const backupCommand: Command = {
  name: 'backup',
  summary: 'write the database and media folder to one .tar.gz, while the site runs',
  help: `Usage: broadsheet backup FILE

Writes FILE (a .tar.gz): a manifest, a snapshot of the database and DATA_DIR/media. Safe while
servers run and write: the snapshot is one moment of the database.

  SQLite       VACUUM INTO (a compacted copy taken in one read transaction), then an
               integrity check of the live database.
  PostgreSQL   pg_dump --format=custom (one consistent snapshot), checked by reading it back
               with pg_restore --list. Needs the PostgreSQL client tools on PATH.

With MEDIA_STORE=s3 the media stay out of the file: back up the bucket with the store's own
versioning or replication. Restore with "broadsheet restore FILE".`,
  options: {},
  positionals: 2,
  run: async (_values, positionals) => {
    const file = fileArgument('backup', positionals)
    const config = parseConfig(process.env)
    const started = Date.now()
    const { bytes } = await backup(config, file)
    log(
      `backed up to ${file} (${(bytes / 1_048_576).toFixed(1)} MB) in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  },
}

const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup into an empty DATA_DIR (and empty database)',
  help: `Usage: broadsheet restore FILE

Unpacks a file written by "broadsheet backup" into DATA_DIR, which must hold no site yet: no
database file, no media. On PostgreSQL, DATABASE_URL must name an empty database (createdb
first); the dump is loaded with pg_restore. Pending migrations are applied afterwards, so a
backup from an older version restores into a newer one. Start the server afterwards as usual.`,
  options: {},
  positionals: 2,
  run: async (_values, positionals) => {
    const file = fileArgument('restore', positionals)
    const config = parseConfig(process.env)
    const manifest = await restore(config, file)
    log(`restored the ${manifest.dialect} backup of ${manifest.createdAt} into ${config.dataDir}`)
  },
}

const cleanUp: Command = {
  name: 'clean-up',
  summary: 'remove expired sessions, old sign-in failures and jobs; roll up old page views',
  help: `Usage: broadsheet clean-up

Runs now what every server runs once a day by itself: expired sessions and sign-in failures
older than 30 days are removed, finished jobs after 7 days (failed ones after 30), and hourly
page-view counts older than 14 days are folded into daily counts, which are kept. Webhook
delivery logs keep 30 days, and finished imports 90.`,
  options: {},
  run: async () => {
    const config = parseConfig(process.env)
    const handle = await prepareDatabase({ ...config, demoContent: false }, systemClock, log)
    try {
      const report = await cleanUpData(servicesFor(handle, config))
      log(
        `removed ${report.sessions} expired sessions, ${report.loginFailures} sign-in failures, ` +
          `${report.jobs.done + report.jobs.failed} finished jobs; ` +
          `${report.webhookDeliveries} webhook delivery log rows, ` +
          `${report.imports} finished imports; ` +
          `rolled up ${report.hourlyViewRows} hourly view counts`,
      )
    } finally {
      await handle.close()
    }
  },
}

export const OPERATIONS: Record<string, Command> = {
  'media:migrate': mediaMigrate,
  backup: backupCommand,
  restore: restoreCommand,
  'clean-up': cleanUp,
}
