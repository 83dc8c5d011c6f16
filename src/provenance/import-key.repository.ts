import type { Kysely } from 'kysely'
import { compiledInsert } from '../db/compiled-once.js'
import type { Database } from '../db/database.js'
import type { ImportKind } from './import-key.table.js'

type Db = Kysely<Database>

/** Ids are looked up this many at a time (well under both engines' bound-parameter limits). */
const CHUNK = 500

export async function findImportTargetIds(
  db: Db,
  source: string,
  kind: ImportKind,
  sourceIds: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>()
  for (let i = 0; i < sourceIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('import_keys')
      .select(['source_id', 'target_id'])
      .where('source', '=', source)
      .where('kind', '=', kind)
      .where('source_id', 'in', sourceIds.slice(i, i + CHUNK))
      .execute()
    for (const row of rows) found.set(row.source_id, row.target_id)
  }
  return found
}

export async function findImportFingerprintRows(
  db: Db,
  source: string,
  kind: ImportKind,
  sourceIds: string[],
): Promise<Map<string, { targetId: number; fingerprint: string | null }>> {
  const found = new Map<string, { targetId: number; fingerprint: string | null }>()
  for (let i = 0; i < sourceIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('import_keys')
      .select(['source_id', 'target_id', 'fingerprint'])
      .where('source', '=', source)
      .where('kind', '=', kind)
      .where('source_id', 'in', sourceIds.slice(i, i + CHUNK))
      .execute()
    for (const row of rows)
      found.set(row.source_id, { targetId: row.target_id, fingerprint: row.fingerprint })
  }
  return found
}

export async function hasImportKeyRow(db: Db, source: string, kind: ImportKind): Promise<boolean> {
  const row = await db
    .selectFrom('import_keys')
    .select('target_id')
    .where('source', '=', source)
    .where('kind', '=', kind)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function listImportTargetIds(
  db: Db,
  source: string,
  kind: ImportKind,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('import_keys')
    .select(['source_id', 'target_id'])
    .where('source', '=', source)
    .where('kind', '=', kind)
    .execute()
  return new Map(rows.map((r) => [r.source_id, r.target_id]))
}

/** Insert keys; a key that is already there is repointed (the object was written again). */
export async function upsertImportKeys(
  db: Db,
  source: string,
  kind: ImportKind,
  pairs: [sourceId: string, targetId: number, fingerprint?: string][],
  now: number,
): Promise<void> {
  await upsertKeyRows(
    db,
    pairs.map(([sourceId, targetId, fingerprint]) => ({
      source,
      kind,
      source_id: sourceId,
      target_id: targetId,
      created_at: now,
      fingerprint: fingerprint ?? null,
    })),
  )
}

type ImportKeyValues = {
  source: string
  kind: ImportKind
  source_id: string
  target_id: number
  created_at: number
  fingerprint: string | null
}

const upsertKeyRows = compiledInsert((db: Db, rows: ImportKeyValues[]) =>
  db
    .insertInto('import_keys')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['source', 'kind', 'source_id']).doUpdateSet((eb) => ({
        target_id: eb.ref('excluded.target_id'),
        fingerprint: eb.ref('excluded.fingerprint'),
      })),
    ),
)
