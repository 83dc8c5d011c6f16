/** Corrections and updates appended to a published story, each with its date, oldest first. */
import type { Correction } from '../../../content/index.js'
import { formatDate } from '../format.js'
import { useSite } from '../theme-context.js'

export function Corrections({ corrections }: { corrections: Correction[] | undefined }) {
  const site = useSite()
  if (!corrections || corrections.length === 0) return null
  return (
    <section class="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Corrections and updates</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.id}>
            <time datetime={c.createdAt.toISOString()}>{formatDate(c.createdAt, site)}</time>
            {': '}
            {c.body}
          </li>
        ))}
      </ul>
    </section>
  )
}
