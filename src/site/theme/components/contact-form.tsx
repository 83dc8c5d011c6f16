import { CONTACT_LIMITS } from '../../../contact/index.js'
import { FormTrap } from './form-trap.js'

/** The Contact page's form: name, email, subject, message; posts to /contact. */
export function ContactForm() {
  return (
    <form class="contact-form comment-form" action="/contact" method="post">
      <h2 class="section-title">Write to the newsroom</h2>
      <FormTrap />
      <div class="field-row">
        <p class="field">
          <label for="contact-name">Name *</label>
          <input
            id="contact-name"
            name="name"
            autocomplete="name"
            maxLength={CONTACT_LIMITS.name}
            required
          />
        </p>
        <p class="field">
          <label for="contact-email">Email *</label>
          <input
            id="contact-email"
            name="email"
            type="email"
            autocomplete="email"
            maxLength={CONTACT_LIMITS.email}
            required
          />
        </p>
      </div>
      <p class="field">
        <label for="contact-subject">Subject *</label>
        <input id="contact-subject" name="subject" maxLength={CONTACT_LIMITS.subject} required />
      </p>
      <p class="field">
        <label for="contact-message">Message *</label>
        <textarea
          id="contact-message"
          name="message"
          rows={8}
          maxLength={CONTACT_LIMITS.message}
          required
        />
      </p>
      <p>
        <button class="button" type="submit">
          Send message
        </button>
      </p>
    </form>
  )
}
