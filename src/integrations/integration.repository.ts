import type { Kysely } from 'kysely'
import { compiledOnce } from '../db/compiled-once.js'
import type { Database } from '../db/database.js'
import type { IntegrationRow } from './integration.table.js'
import type { Role } from '../auth/index.js'

type Db = Kysely<Database>

/** An integration with its keys (shown to administrators, never logged). */
export interface Integration {
  id: number
  name: string
  role: Role
  contentKey: string
  adminKeyId: string
  adminSecret: string
  /** `id:secret`, as Ghost's Admin API clients take it. */
  adminApiKey: string
  createdAt: Date
  updatedAt: Date
}

export interface IntegrationKeys {
  content_key: string
  admin_key_id: string
  admin_secret: string
}

export async function insertIntegration(
  db: Db,
  row: { name: string; role: Role; createdBy: number | null; now: number } & IntegrationKeys,
): Promise<number> {
  const { id } = await db
    .insertInto('integrations')
    .values({
      name: row.name,
      role: row.role,
      content_key: row.content_key,
      admin_key_id: row.admin_key_id,
      admin_secret: row.admin_secret,
      created_by: row.createdBy,
      created_at: row.now,
      updated_at: row.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateIntegrationKeys(
  db: Db,
  id: number,
  keys: Partial<IntegrationKeys>,
  now: number,
): Promise<void> {
  await db
    .updateTable('integrations')
    .set({ ...keys, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function deleteIntegrationRow(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('integrations').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function findIntegrationById(db: Db, id: number): Promise<Integration | undefined> {
  const row = await db
    .selectFrom('integrations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toIntegration(row)
}

// Every Content API request looks its key up: compiled once, not built afresh each time.
const byContentKey = compiledOnce((db: Db, key: string) =>
  db.selectFrom('integrations').selectAll().where('content_key', '=', key),
)
const byAdminKeyId = compiledOnce((db: Db, keyId: string) =>
  db.selectFrom('integrations').selectAll().where('admin_key_id', '=', keyId),
)

export async function findIntegrationBy(
  db: Db,
  column: 'content_key' | 'admin_key_id',
  value: string,
): Promise<Integration | undefined> {
  const [row] = await (column === 'content_key' ? byContentKey : byAdminKeyId)(db, value)
  return row && toIntegration(row)
}

export async function listIntegrationRows(db: Db): Promise<Integration[]> {
  const rows = await db
    .selectFrom('integrations')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map(toIntegration)
}

function toIntegration(row: IntegrationRow): Integration {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    contentKey: row.content_key,
    adminKeyId: row.admin_key_id,
    adminSecret: row.admin_secret,
    adminApiKey: `${row.admin_key_id}:${row.admin_secret}`,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}
