/**
 * Integrations: API clients with a role and keys. Create, regenerate keys and delete as an
 * administrator; look up by key for the APIs.
 * @example
 * const zap = await createIntegration(deps, userActor(admin), { name: 'Zapier', role: 'editor' })
 * const found = await findIntegrationByContentKey(deps, zap.contentKey)
 */
export {
  createIntegration,
  deleteIntegration,
  findIntegrationByAdminKeyId,
  findIntegrationByContentKey,
  integrationActor,
  listIntegrations,
  rotateIntegrationKey,
  type IntegrationInput,
} from './integration.service.js'
export type { Integration } from './integration.repository.js'
