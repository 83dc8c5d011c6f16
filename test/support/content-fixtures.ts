/** Small builders for integration tests: a newsroom with sections, a writer and articles. */
import { createUser, type User } from '../../src/auth/index.js'
import { fixedClock } from '../../src/clock.js'
import {
  type Article,
  type Category,
  createArticle,
  createCategory,
} from '../../src/content/index.js'
import type { EventSink } from '../../src/events.js'
import type { Kernel } from '../../src/kernel.js'
import { asUser, SYSTEM, testKernel } from './kernel.js'

export const T0 = new Date('2026-06-01T12:00:00Z')
export const HOUR = 3_600_000

export async function newsroom(db: Kernel['db'], events?: EventSink) {
  const clock = fixedClock(T0)
  const deps = testKernel(db, clock, events)
  const writer: User = await createUser(deps, SYSTEM, {
    email: 'writer@example.com',
    name: 'Wendy Writer',
    role: 'author',
  })
  const sport: Category = await createCategory(deps, SYSTEM, { name: 'Sport', position: 0 })
  const football: Category = await createCategory(deps, SYSTEM, {
    name: 'Football',
    parentSlug: 'sport',
    position: 0,
  })
  const world: Category = await createCategory(deps, SYSTEM, { name: 'World', position: 1 })

  /** Publish an article `hoursAgo` before T0 (the clock is moved there and back). */
  async function published(
    title: string,
    options: { section?: Category; tags?: string[]; hoursAgo?: number; pick?: boolean } = {},
  ): Promise<Article> {
    clock.set(new Date(T0.getTime() - (options.hoursAgo ?? 1) * HOUR))
    const article = await createArticle(
      deps,
      asUser(writer),
      {
        title,
        bodyHtml: `<p>${title} body text.</p>`,
        primaryCategoryId: (options.section ?? world).id,
        tags: options.tags ?? [],
        isEditorsPick: options.pick ?? false,
      },
      { then: 'publish' },
    )
    clock.set(T0)
    return article
  }

  return { clock, deps, writer, sport, football, world, published }
}
