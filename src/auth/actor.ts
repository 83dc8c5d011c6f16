/**
 * Who is acting: a signed-in person, an integration (an API key with a role), or the system
 * itself (the scheduler, an importer, the wire, the demo). Every use case takes an actor, and the
 * permission matrix decides for all three by their role.
 */
import type { Role } from './user.table.js'

export type Actor =
  /** A person signed in to the newsroom. `id` is their user id. */
  | { kind: 'user'; id: number; role: Role; name: string }
  /** An API integration, acting with the role chosen when it was created. */
  | { kind: 'integration'; id: number; role: Role; name: string }
  /** Broadsheet itself: the scheduler, importers, the wire, demo content. */
  | { kind: 'system'; role: Role; name: string }

/** The actor for a signed-in user. */
export function userActor(user: { id: number; role: Role; name: string }): Actor {
  return { kind: 'user', id: user.id, role: user.role, name: user.name }
}

/** The actor for Broadsheet's own work, e.g. `systemActor('scheduler')`. Owner rights by default. */
export function systemActor(name: string, role: Role = 'owner'): Actor {
  return { kind: 'system', role, name }
}

/** The user id behind an actor, when a person is acting (bylines, revisions, audit). */
export function actingUserId(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.id : null
}
