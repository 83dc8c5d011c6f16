import type { Kernel } from '../kernel.js'
import { findOrCreateSiteSecret } from './site-secret.repository.js'

/**
 * The site's signing secret (form stamps, email tokens): made at first use and kept in the
 * settings table, so every process and restart shares it.
 */
export function siteSecret(deps: Pick<Kernel, 'db' | 'clock'>): Promise<string> {
  return findOrCreateSiteSecret(deps.db, deps.clock.now().getTime())
}
