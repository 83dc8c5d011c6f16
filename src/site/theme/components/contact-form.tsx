import { CONTACT_LIMITS } from '../../../contact/index.js'
import { invalidProps, valueOf, type FormState } from '../form-state.js'
import { FieldError, FormAlert } from './field-error.js'
import { FormTrap } from './form-trap.js'

/**
 * The Contact page's form: name, email, subject, message; posts to /contact. `form` is a
 * refused message shown again with what the reader typed.
 */
export function ContactForm({ form }: { form?: FormState | undefined }) {
  const field = (name: string, id: string) => ({
    id,
    name,
    value: valueOf(form, name),
    ...invalidProps(form, name, id),
  })
  return (
    <form
      id="contact-form"
      class="contact-form comment-form"
      action="/contact#contact-form"
      method="post"
    >
      <h2 class="section-title">Write to the newsroom</h2>
      <FormAlert state={form} id="contact-form-alert" />
      <FormTrap />
      <div class="field-row">
        <p class="field">
          <label for="contact-name">Name *</label>
          <input
            {...field('name', 'contact-name')}
            autocomplete="name"
            maxLength={CONTACT_LIMITS.name}
            required
          />
          <FieldError state={form} name="name" fieldId="contact-name" />
        </p>
        <p class="field">
          <label for="contact-email">Email *</label>
          <input
            {...field('email', 'contact-email')}
            type="email"
            autocomplete="email"
            maxLength={CONTACT_LIMITS.email}
            required
          />
          <FieldError state={form} name="email" fieldId="contact-email" />
        </p>
      </div>
      <p class="field">
        <label for="contact-subject">Subject *</label>
        <input
          {...field('subject', 'contact-subject')}
          maxLength={CONTACT_LIMITS.subject}
          required
        />
        <FieldError state={form} name="subject" fieldId="contact-subject" />
      </p>
      <p class="field">
        <label for="contact-message">Message *</label>
        <textarea
          {...field('message', 'contact-message')}
          rows={8}
          maxLength={CONTACT_LIMITS.message}
          required
        />
        <FieldError state={form} name="message" fieldId="contact-message" />
      </p>
      <p>
        <button class="button" type="submit">
          Send message
        </button>
      </p>
    </form>
  )
}
