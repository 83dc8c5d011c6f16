/**
 * @module events
 * Domain events: services announce what they changed; the edge (app.ts / main.ts) subscribes
 * the cache purge, the search index and the webhooks. Most listeners run after the write, and
 * their failures are reported, never thrown back into the service that wrote. Committing
 * listeners (webhooks) run inside the write's transaction, so what they queue is durable with it.
 */
import type { Kernel } from './kernel.js'

/** What an article was linked to at one moment: enough to know which pages showed it. */
export interface ArticleRefs {
  id: number
  slug: string
  status: string
  publishedAt: Date | null
  categorySlugs: string[]
  tagSlugs: string[]
  authorIds: number[]
}

/**
 * An article's fields at one moment, as a use case loaded them: enough for a listener to tell
 * what changed (webhooks send the changed fields as `previous`). The content domain's `Article`
 * fits this shape.
 */
export interface ArticleSnapshot {
  id: number
  title: string
  slug: string
  standfirst: string
  excerpt: string
  bodyHtml: string
  status: string
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
  isFeatured: boolean
  readingMinutes: number
  canonicalUrl: string
  seoTitle: string
  seoDescription: string
  image: { url: string; alt: string; caption: string } | null
  categories: { id: number; name: string; slug: string }[]
  tags: { id: number; name: string; slug: string }[]
  authors: { id: number; name: string; slug: string; avatarUrl: string | null }[]
}

/** Who caused an event, when a listener needs to know (imports and the wire fire no webhooks). */
export interface EventActor {
  kind: 'user' | 'integration' | 'system'
  name: string
}

export type DomainEvent =
  /** An article was created, saved or moved through the workflow. `before` is null on create. */
  | {
      type: 'article.changed'
      articleId: number
      before: ArticleRefs | null
      after: ArticleRefs | null
      /** The whole article before and after (null when it did not exist), when the writer had it. */
      snapshots?: { before: ArticleSnapshot | null; after: ArticleSnapshot | null }
      actor?: EventActor
    }
  /** Articles were added in bulk (an import): index them; the importer purges at its end. */
  | { type: 'articles.imported'; articleIds: number[] }
  /** Comments of an article changed in a way readers see (approved, unapproved, deleted). */
  | { type: 'comments.changed'; articleId: number }
  /** Site settings changed (title, social links, ad slots…). */
  | { type: 'settings.changed'; keys: string[] }
  /** A person's public profile (name, bio, avatar, links, address) changed. */
  | { type: 'author.changed'; userId: number }
  /** A menu, section or tag changed. */
  | { type: 'taxonomy.changed'; kind: 'menu' | 'section' | 'tag' | 'page'; slugs: string[] }
  /** An integration's keys were regenerated or it was deleted: cached API answers must go. */
  | { type: 'integrations.changed'; integrationId: number }
  /** A tag was created, renamed or folded into another (deleted). `before` is its old name. */
  | {
      type: 'tag.changed'
      change: 'added' | 'edited' | 'deleted'
      tag: { id: number; name: string; slug: string }
      before?: { name: string; slug: string }
    }
  /** A static page was created (pages have no edit or delete use case yet). */
  | {
      type: 'page.changed'
      page: { id: number; title: string; slug: string; status: string; publishedAt: Date | null }
      before: { status: string; publishedAt: Date | null } | null
      /** The page is gone: `page` is how it was before the delete. */
      deleted?: true
    }
  /** A reader left a comment (whatever its moderation status). Never the reader's email. */
  | {
      type: 'comment.added'
      comment: {
        id: number
        articleId: number
        parentId: number | null
        authorName: string
        body: string
        status: string
        createdAt: Date
      }
    }
  /** A new address signed up for the newsletter (not an import). */
  | { type: 'subscriber.added'; email: string }

export interface EventSink {
  emit(event: DomainEvent): void
  /**
   * Run the listeners that record something with the write itself, inside its transaction,
   * before it commits (see `transact`). Sinks without such listeners leave it out.
   */
  beforeCommit?(tx: Kernel, events: readonly DomainEvent[]): Promise<void>
}

export type EventListener = (event: DomainEvent) => void | Promise<void>

/**
 * A listener that writes with the write that caused the event, in its transaction (`tx.db`):
 * queued webhook deliveries exist exactly when the change they announce does. A throw rolls
 * the write back.
 */
export type CommittingListener = (tx: Kernel, event: DomainEvent) => Promise<void>

/** A tiny synchronous-dispatch event bus. Built at the edge; passed to services in `deps.events`. */
export class EventBus implements EventSink {
  private readonly listeners: EventListener[] = []
  private readonly committing: CommittingListener[] = []

  constructor(private readonly onError: (error: unknown, event: DomainEvent) => void = () => {}) {}

  on(listener: EventListener): () => void {
    this.listeners.push(listener)
    return () => {
      const index = this.listeners.indexOf(listener)
      if (index >= 0) this.listeners.splice(index, 1)
    }
  }

  /** Listen inside each write's transaction, before it commits. Returns the way to stop. */
  onCommitting(listener: CommittingListener): () => void {
    this.committing.push(listener)
    return () => {
      const index = this.committing.indexOf(listener)
      if (index >= 0) this.committing.splice(index, 1)
    }
  }

  async beforeCommit(tx: Kernel, events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) for (const listener of this.committing) await listener(tx, event)
  }

  emit(event: DomainEvent): void {
    for (const listener of this.listeners) {
      try {
        const result = listener(event)
        if (result instanceof Promise) result.catch((error: unknown) => this.onError(error, event))
      } catch (error) {
        this.onError(error, event)
      }
    }
  }
}

/** An event sink that drops everything: for scripts and tests that don't care. */
export const noEvents: EventSink = { emit: () => {} }
