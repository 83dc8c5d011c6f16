import type { Selectable } from 'kysely'

/** What kind of object an import key points at (the table `target_id` is an id of). */
export type ImportKind =
  'author' | 'category' | 'tag' | 'article' | 'page' | 'comment' | 'media' | 'subscriber' | 'menu'

export interface ImportKeyTable {
  source: string
  kind: ImportKind
  source_id: string
  target_id: number
  created_at: number
  /** Digest of the source record when last written; null for keys from before digests. */
  fingerprint: string | null
}
export type ImportKeyRow = Selectable<ImportKeyTable>
