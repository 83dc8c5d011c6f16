/** Small builders for integration tests: a newsroom with sections, a writer and articles. */
import type { Kysely } from 'kysely'
import { createUser, type User } from '../../src/auth/index.js'
import { fixedClock } from '../../src/clock.js'
import {
  createArticle,
  createCategory,
  publishArticle,
  type Article,
  type Category,
} from '../../src/content/index.js'
import type { Database } from '../../src/db/database.js'

export const T0 = new Date('2026-06-01T12:00:00Z')
export const HOUR = 3_600_000

export async function newsroom(db: Kysely<Database>) {
  const clock = fixedClock(T0)
  const deps = { db, clock }
  const writer: User = await createUser(deps, {
    email: 'writer@example.com',
    name: 'Wendy Writer',
    role: 'author',
  })
  const sport: Category = await createCategory(deps, { name: 'Sport', position: 0 })
  const football: Category = await createCategory(deps, {
    name: 'Football',
    parentSlug: 'sport',
    position: 0,
  })
  const world: Category = await createCategory(deps, { name: 'World', position: 1 })

  /** Publish an article `hoursAgo` before T0 (the clock is moved there and back). */
  async function published(
    title: string,
    options: { section?: Category; tags?: string[]; hoursAgo?: number; pick?: boolean } = {},
  ): Promise<Article> {
    clock.set(new Date(T0.getTime() - (options.hoursAgo ?? 1) * HOUR))
    const draft = await createArticle(deps, writer.id, {
      title,
      bodyHtml: `<p>${title} body text.</p>`,
      primaryCategoryId: (options.section ?? world).id,
      tags: options.tags ?? [],
      isEditorsPick: options.pick ?? false,
    })
    const article = await publishArticle(deps, draft.id)
    clock.set(T0)
    return article
  }

  return { clock, deps, writer, sport, football, world, published }
}
