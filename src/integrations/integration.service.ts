/**
 * Integrations: API clients acting with a role. Administrators create them, regenerate their
 * keys and delete them; the APIs look them up by key. Keys never reach the audit log.
 */
import { randomBytes } from 'node:crypto'
import {
  actingUserId,
  recordAudit,
  requirePermission,
  ROLES,
  type Actor,
  type Role,
} from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  deleteIntegrationRow,
  findIntegrationBy,
  findIntegrationById,
  insertIntegration,
  listIntegrationRows,
  updateIntegrationKeys,
  type Integration,
  type IntegrationKeys,
} from './integration.repository.js'

type Reader = Pick<Kernel, 'db'>

export interface IntegrationInput {
  name: string
  /** The role its calls act with; `editor` by default. */
  role?: Role
}

/** Fresh keys in Ghost's formats: 26 hex for content, a 24 hex id and a 64 hex secret for admin. */
function newKeys(): IntegrationKeys {
  return {
    content_key: randomBytes(13).toString('hex'),
    admin_key_id: randomBytes(12).toString('hex'),
    admin_secret: randomBytes(32).toString('hex'),
  }
}

/**
 * Create an integration with fresh keys (administrators only).
 * @example const { contentKey, adminApiKey } = await createIntegration(deps, userActor(admin), { name: 'Zapier' })
 */
export async function createIntegration(
  deps: Kernel,
  actor: Actor,
  input: IntegrationInput,
): Promise<Integration> {
  requirePermission(actor, 'integrations.manage')
  const name = input.name.trim()
  if (!name) throw validationError('name', 'name is required')
  if (name.length > 120) throw validationError('name', 'name must be at most 120 characters')
  const role = input.role ?? 'editor'
  if (!ROLES.includes(role) || role === 'owner')
    throw validationError('role', 'role must be admin, editor, author or contributor')
  return transact(deps, async (tx) => {
    const now = tx.clock.now().getTime()
    const id = await insertIntegration(tx.db, {
      name,
      role,
      createdBy: actingUserId(actor),
      now,
      ...newKeys(),
    })
    await recordAudit(tx, actor, {
      action: 'integration.create',
      subjectType: 'integration',
      subjectId: id,
      details: { name, role },
    })
    return mustFind(tx, id)
  })
}

/** Replace one of an integration's keys; the old one stops working at once. */
export async function rotateIntegrationKey(
  deps: Kernel,
  actor: Actor,
  id: number,
  which: 'content' | 'admin',
): Promise<Integration> {
  requirePermission(actor, 'integrations.manage')
  return transact(deps, async (tx) => {
    const current = await mustFind(tx, id)
    const keys = newKeys()
    await updateIntegrationKeys(
      tx.db,
      id,
      which === 'content'
        ? { content_key: keys.content_key }
        : { admin_key_id: keys.admin_key_id, admin_secret: keys.admin_secret },
      tx.clock.now().getTime(),
    )
    await recordAudit(tx, actor, {
      action: 'integration.rotate',
      subjectType: 'integration',
      subjectId: id,
      details: { name: current.name, key: which },
    })
    return mustFind(tx, id)
  })
}

/** Delete an integration: its keys stop working at once. */
export async function deleteIntegration(deps: Kernel, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'integrations.manage')
  await transact(deps, async (tx) => {
    const current = await mustFind(tx, id)
    await deleteIntegrationRow(tx.db, id)
    await recordAudit(tx, actor, {
      action: 'integration.delete',
      subjectType: 'integration',
      subjectId: id,
      details: { name: current.name },
    })
  })
}

/** Every integration, by name. */
export function listIntegrations(deps: Reader): Promise<Integration[]> {
  return listIntegrationRows(deps.db)
}

/** The integration whose Content API key this is. */
export function findIntegrationByContentKey(
  deps: Reader,
  key: string,
): Promise<Integration | undefined> {
  return findIntegrationBy(deps.db, 'content_key', key)
}

/** The integration whose Admin API key has this id (a token's `kid`). */
export function findIntegrationByAdminKeyId(
  deps: Reader,
  keyId: string,
): Promise<Integration | undefined> {
  return findIntegrationBy(deps.db, 'admin_key_id', keyId)
}

/** The actor an integration's calls act as. */
export function integrationActor(integration: Pick<Integration, 'id' | 'name' | 'role'>): Actor {
  return { kind: 'integration', id: integration.id, role: integration.role, name: integration.name }
}

async function mustFind(deps: Reader, id: number): Promise<Integration> {
  const found = await findIntegrationById(deps.db, id)
  if (!found) throw new AppError('NOT_FOUND', `integration ${id} does not exist`)
  return found
}
