/**
 * `broadsheet import json FILE`: restore a Broadsheet JSON backup into an empty site, through
 * the domain's use cases (the same ones the WordPress and Ghost importers use), in batched
 * transactions. The file is read twice, a line at a time: once to check all of it (a file that is
 * not our backup, a newer version or a truncated one changes nothing), then to write. Imports
 * fire no webhooks and send no mail; the caller purges caches once at the end.
 */
import { stat } from 'node:fs/promises'
import { listUsers, type Actor } from '../../auth/index.js'
import { listContactMessagesForExport } from '../../contact/index.js'
import {
  listArticleIdsForExport,
  listCategories,
  listPagesForExport,
  listRedirectsForExport,
  listTagsForExport,
} from '../../content/index.js'
import { AppError } from '../../errors.js'
import { listMediaForExport, type MediaDeps } from '../../media/index.js'
import { listSubscribersForExport } from '../../newsletter/index.js'
import { findMenuItems } from '../../settings/index.js'
import { MENU_LOCATIONS } from '../export/export-source.js'
import { readBackup } from './backup-json-reader.js'
import { BackupRestore, type BackupImportReport } from './backup-restore.js'

export type { BackupImportReport }

export interface BackupImportOptions {
  /** Stories per transaction. Default 200. */
  batchSize?: number
  onProgress?: (progress: { done: number; total: number }) => void
}

/**
 * Restore the backup at `file` into this (empty) site.
 * @example const report = await importBackup(services, systemActor('json-import'), 'site.json')
 */
export async function importBackup(
  deps: MediaDeps,
  actor: Actor,
  file: string,
  options: BackupImportOptions = {},
): Promise<BackupImportReport> {
  const started = Date.now()
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) throw new AppError('VALIDATION_FAILED', `${file}: no such file`)
  const total = await checkBackup(file)
  await requireEmptySite(deps)
  const restore = new BackupRestore(deps, actor, options.batchSize ?? 200)
  const progress = options.onProgress ?? (() => {})
  let reported = -1
  for await (const entry of readBackup(file)) {
    await restore.write(entry)
    const done = restore.report.counts.articles
    if (entry.kind === 'articles' && done !== reported) {
      reported = done
      progress({ done, total })
    }
  }
  await restore.finish()
  progress({ done: restore.report.counts.articles, total })
  restore.report.elapsedMs = Date.now() - started
  return restore.report
}

/** Read the whole file once (constant memory): it must be a backup we can read, whole. */
async function checkBackup(file: string): Promise<number> {
  let articles = 0
  for await (const entry of readBackup(file)) if (entry.kind === 'articles') articles++
  return articles
}

/** Refuse a site that holds anything a fresh `migrate` does not create. */
async function requireEmptySite(deps: MediaDeps): Promise<void> {
  // Each list by the name the refusal gives it, read once (its first row is enough).
  const lists: [string, Promise<readonly unknown[]>][] = [
    ['users', listUsers(deps)],
    ['articles', listArticleIdsForExport(deps, 0, 1)],
    ['pages', listPagesForExport(deps, 0, 1)],
    ['sections', listCategories(deps)],
    ['tags', listTagsForExport(deps, 0, 1)],
    ['media', listMediaForExport(deps, 0, 1)],
    ['subscribers', listSubscribersForExport(deps, 0, 1)],
    ['contact messages', listContactMessagesForExport(deps, 0, 1)],
    ['redirects', listRedirectsForExport(deps, 0, 1)],
    [
      'menus',
      Promise.all(MENU_LOCATIONS.map((location) => findMenuItems(deps, location))).then((all) =>
        all.flat(),
      ),
    ],
  ]
  const found = (
    await Promise.all(lists.map(async ([name, rows]) => ((await rows).length > 0 ? [name] : [])))
  ).flat()
  if (found.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `import json: this site already has ${found.join(', ')}; restore a backup into an empty site (a new database, then "broadsheet migrate")`,
    )
}
