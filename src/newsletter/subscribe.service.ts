import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { validationError } from '../errors.js'
import { insertSubscriberIfAbsent } from './subscriber.repository.js'

export interface NewsletterDeps {
  db: Kysely<Database>
  clock: Clock
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/
const SOURCE = /^[a-z0-9-]{1,50}$/

/**
 * Put an address on the list as 'pending' (double opt-in mail comes later). An address that is
 * already listed is left alone, and the caller is not told, so the form reveals nothing.
 */
export async function subscribe(
  deps: NewsletterDeps,
  input: { email: string; source?: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase()
  if (email.length > 254 || !EMAIL.test(email))
    throw validationError('email', 'Please give a valid email address.')
  const source = input.source && SOURCE.test(input.source) ? input.source : 'site'
  await insertSubscriberIfAbsent(
    deps.db,
    { email, source, status: 'pending' },
    deps.clock.now().getTime(),
  )
}
