/**
 * Commands for operators: moving the media library between stores, backups and restores,
 * and cleaning up data that only grows.
 */
import { parseConfig } from '../config.js'
import { AppError } from '../errors.js'
import { migrateMedia } from '../media/index.js'
import { mediaStorage } from '../services.js'
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

export const OPERATIONS: Record<string, Command> = {
  'media:migrate': mediaMigrate,
}
