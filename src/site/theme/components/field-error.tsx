import { errorId, type FormState } from '../form-state.js'

/** The error message under a field, referenced by the field's `aria-describedby`. */
export function FieldError({
  state,
  name,
  fieldId,
}: {
  state: FormState | undefined
  name: string
  fieldId: string
}) {
  const message = state?.errors[name]
  if (!message) return null
  return (
    <span id={errorId(fieldId)} class="field-error">
      {message}
    </span>
  )
}

/** What was wrong with the form as a whole (expired, too many posts, closed); focused first. */
export function FormAlert({ state, id }: { state: FormState | undefined; id: string }) {
  const message = state?.errors.form
  const fields = state ? Object.keys(state.errors).filter((k) => k !== 'form') : []
  if (!message && fields.length === 0) return null
  return (
    <div id={id} class="form-alert" role="alert" tabIndex={-1} data-form-alert>
      <p>{message ?? 'Please check the form: your text is kept below.'}</p>
    </div>
  )
}
