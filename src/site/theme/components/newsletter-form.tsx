import { HONEYPOT_FIELD } from '../../../comments/index.js'
import { invalidProps, valueOf, type FormState } from '../form-state.js'
import { FieldError } from './field-error.js'

/**
 * The newsletter sign-up form: posts to /subscribe (header, sidebar and footer all use it).
 * `form` is a refused sign-up shown again (on the Subscribe page) with the typed address.
 */
export function NewsletterForm({
  id,
  source,
  form,
}: {
  id: string
  source: string
  form?: FormState | undefined
}) {
  const fieldId = `${id}-email`
  return (
    <form class="newsletter-form" action="/subscribe" method="post">
      <input type="hidden" name="source" value={form?.values.source || source} />
      <input
        class="hp-field"
        name={HONEYPOT_FIELD}
        type="text"
        tabIndex={-1}
        autocomplete="off"
        aria-hidden="true"
        style="position:absolute;left:-9999px"
      />
      <label class="sr-only" for={fieldId}>
        Email address
      </label>
      <input
        id={fieldId}
        type="email"
        name="email"
        required
        maxLength={254}
        autocomplete="email"
        placeholder="Your email address"
        value={valueOf(form, 'email')}
        {...invalidProps(form, 'email', fieldId)}
      />
      <button class="button" type="submit">
        Subscribe
      </button>
      <FieldError state={form} name="email" fieldId={fieldId} />
      <FieldError state={form} name="form" fieldId={`${id}-form`} />
    </form>
  )
}
