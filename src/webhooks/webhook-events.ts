/** The events a webhook can listen for: Ghost 5's names, so Ghost integrations work unchanged. */
const STORY_EVENTS = [
  'added',
  'edited',
  'deleted',
  'published',
  'published.edited',
  'unpublished',
  'scheduled',
  'unscheduled',
  'rescheduled',
] as const

export const WEBHOOK_EVENTS: readonly string[] = [
  ...STORY_EVENTS.map((e) => `post.${e}`),
  ...STORY_EVENTS.map((e) => `page.${e}`),
  'tag.added',
  'tag.edited',
  'tag.deleted',
  'subscriber.added',
  'comment.added',
  'site.changed',
]

export function isWebhookEvent(name: string): boolean {
  return WEBHOOK_EVENTS.includes(name)
}

/** What a story's status was and became, in the terms of the events above. */
export interface StoryMoment {
  status: string
  publishedAt: Date | null
}

/**
 * Which `post.*` (or `page.*`) events one change fires, as Ghost fires them: `added` on create,
 * `deleted` on delete, `edited` on every save, and the status events when the status moves.
 * @example storyEvents('post', { status: 'draft', … }, { status: 'published', … })
 * // ['post.edited', 'post.published']
 */
export function storyEvents(
  kind: 'post' | 'page',
  before: StoryMoment | null,
  after: StoryMoment | null,
): string[] {
  if (!before && !after) return []
  if (!after)
    return [`${kind}.deleted`, ...(before!.status === 'published' ? [`${kind}.unpublished`] : [])]
  const events: string[] = []
  const was = before?.status ?? null
  const is = after.status
  events.push(before ? `${kind}.edited` : `${kind}.added`)
  if (is === 'published' && was !== 'published') events.push(`${kind}.published`)
  else if (is === 'published' && was === 'published') events.push(`${kind}.published.edited`)
  else if (was === 'published') events.push(`${kind}.unpublished`)
  if (is === 'scheduled' && was !== 'scheduled') events.push(`${kind}.scheduled`)
  else if (was === 'scheduled' && is === 'scheduled') {
    if (before?.publishedAt?.getTime() !== after.publishedAt?.getTime())
      events.push(`${kind}.rescheduled`)
  } else if (was === 'scheduled' && is !== 'published') events.push(`${kind}.unscheduled`)
  return events
}
