/**
 * Provenance of imported objects: old site + old id → Broadsheet id. Import use cases record
 * keys inside their own transactions; importers read them to skip what is already there.
 * @example const done = await findImportTargets(deps, 'wordpress:https://old.example', 'article', ['41', '42'])
 */
export {
  findImportFingerprints,
  findImportTargets,
  listImportTargets,
  recordImportKeys,
  type ImportOrigin,
} from './import-keys.js'
export type { ImportKind } from './import-key.table.js'
