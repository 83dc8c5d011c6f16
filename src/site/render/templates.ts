/**
 * Template resolution as a pure fallback list, as Ghost does it: the most specific name a theme
 * provides wins (`post-budget-vote` → `post`; `error-404` → `error-4xx` → `error`).
 */

export type TemplateRequest =
  | { kind: 'post' | 'section' | 'tag' | 'author' | 'page'; slug: string }
  | { kind: 'error'; status: number }
  | { kind: 'home' | 'search' | 'subscribe' | 'message' }

/** Template names to try for a page, most specific first. */
export function templateCandidates(request: TemplateRequest): string[] {
  switch (request.kind) {
    case 'error': {
      const status = request.status
      return [`error-${status}`, `error-${Math.floor(status / 100)}xx`, 'error']
    }
    case 'post':
    case 'section':
    case 'tag':
    case 'author':
    case 'page':
      return [`${request.kind}-${request.slug}`, request.kind]
    default:
      return [request.kind]
  }
}

/** The first candidate that exists, or undefined when none does. */
export function resolveTemplate(
  candidates: readonly string[],
  exists: (name: string) => boolean,
): string | undefined {
  return candidates.find(exists)
}
