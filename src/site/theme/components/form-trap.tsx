import { HONEYPOT_FIELD, STAMP_FIELD } from '../../../comments/index.js'
import { useSite } from '../theme-context.js'

/**
 * The invisible half of a reader form's spam defences: a honeypot field people never see
 * (bots fill it) and the signed stamp of when the page was rendered (minimum fill time).
 */
export function FormTrap() {
  const { formStamp } = useSite()
  return (
    <>
      <input type="hidden" name={STAMP_FIELD} value={formStamp} />
      <p class="hp-field" aria-hidden="true" style="position:absolute;left:-9999px">
        <label for={`hp-${HONEYPOT_FIELD}`}>Leave this empty</label>
        <input
          id={`hp-${HONEYPOT_FIELD}`}
          name={HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autocomplete="off"
        />
      </p>
    </>
  )
}
