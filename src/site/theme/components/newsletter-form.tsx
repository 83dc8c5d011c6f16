import { HONEYPOT_FIELD } from '../../../comments/index.js'

/** The newsletter sign-up form: posts to /subscribe (header, sidebar and footer all use it). */
export function NewsletterForm({ id, source }: { id: string; source: string }) {
  return (
    <form class="newsletter-form" action="/subscribe" method="post">
      <input type="hidden" name="source" value={source} />
      <input
        class="hp-field"
        name={HONEYPOT_FIELD}
        type="text"
        tabIndex={-1}
        autocomplete="off"
        aria-hidden="true"
        style="position:absolute;left:-9999px"
      />
      <label class="sr-only" for={`${id}-email`}>
        Email address
      </label>
      <input
        id={`${id}-email`}
        type="email"
        name="email"
        required
        maxLength={254}
        autocomplete="email"
        placeholder="Your email address"
      />
      <button class="button" type="submit">
        Subscribe
      </button>
    </form>
  )
}
