import type { Kernel } from '../kernel.js'
import * as messages from './contact-message.repository.js'

/** The newsroom's list of contact messages, newest first. */
export function listContactMessages(
  deps: Pick<Kernel, 'db'>,
  input: { limit: number; offset: number },
): Promise<messages.ContactMessage[]> {
  return messages.listContactMessages(deps.db, input)
}
