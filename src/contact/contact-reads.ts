import type { ListSearch } from '../db/list-search.js'
import type { Kernel } from '../kernel.js'
import * as messages from './contact-message.repository.js'

/** The newsroom's list of contact messages, newest first, searched by `q`, with the total. */
export function listContactMessages(
  deps: Pick<Kernel, 'db'> & { listSearch: ListSearch },
  input: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: messages.ContactMessage[]; total: number; searchedNewest?: number }> {
  return messages.listContactMessages(deps.db, deps.listSearch, input)
}
