/**
 * Import keys: which Broadsheet object each imported one became, by old site and old id. Use
 * cases that import write the keys in the same transaction as the objects, so an import killed
 * half-way and run again finds exactly what was committed.
 */
import type { Kernel } from '../kernel.js'
import {
  findImportFingerprintRows,
  findImportTargetIds,
  hasImportKeyRow,
  listImportTargetIds,
  upsertImportKeys,
} from './import-key.repository.js'
import type { ImportKind } from './import-key.table.js'

/** Where an imported object came from: the old site (`wordpress:https://…`) and its id there. */
export interface ImportOrigin {
  source: string
  id: string
}

/**
 * Record `[sourceId, targetId]` pairs inside the caller's transaction (a use case's `tx`).
 * @example await recordImportKeys(tx, 'wordpress:https://old.example', 'article', [['42', 7]])
 */
export async function recordImportKeys(
  tx: Pick<Kernel, 'db' | 'clock'>,
  source: string,
  kind: ImportKind,
  pairs: [sourceId: string, targetId: number, fingerprint?: string][],
): Promise<void> {
  if (pairs.length === 0) return
  await upsertImportKeys(tx.db, source, kind, pairs, tx.clock.now().getTime())
}

/** The Broadsheet ids of objects an earlier import wrote, by their old ids (absent: not yet). */
export function findImportTargets(
  deps: Pick<Kernel, 'db'>,
  source: string,
  kind: ImportKind,
  sourceIds: string[],
): Promise<Map<string, number>> {
  return findImportTargetIds(deps.db, source, kind, sourceIds)
}

/**
 * Like `findImportTargets`, with the digest each object's source record had when last written
 * (null: written before digests were kept).
 */
export function findImportFingerprints(
  deps: Pick<Kernel, 'db'>,
  source: string,
  kind: ImportKind,
  sourceIds: string[],
): Promise<Map<string, { targetId: number; fingerprint: string | null }>> {
  return findImportFingerprintRows(deps.db, source, kind, sourceIds)
}

/** Every object of one kind an earlier import of `source` wrote (old id → Broadsheet id). */
export function listImportTargets(
  deps: Pick<Kernel, 'db'>,
  source: string,
  kind: ImportKind,
): Promise<Map<string, number>> {
  return listImportTargetIds(deps.db, source, kind)
}

/** Whether an earlier import of `source` wrote any object of this kind (one indexed probe). */
export function hasImportTargets(
  deps: Pick<Kernel, 'db'>,
  source: string,
  kind: ImportKind,
): Promise<boolean> {
  return hasImportKeyRow(deps.db, source, kind)
}
