/**
 * A reader form shown again after it was refused: what the reader typed, and what was wrong,
 * by field (`form` for what belongs to the whole form). Pages render the fields with these
 * values and put each message next to its field.
 */
export interface FormState {
  values: Record<string, string>
  errors: Record<string, string>
}

/** The field's typed value (empty when the form is shown for the first time). */
export function valueOf(state: FormState | undefined, name: string): string {
  return state?.values[name] ?? ''
}

/** The id of a field's error message, for `aria-describedby`. */
export function errorId(fieldId: string): string {
  return `${fieldId}-error`
}

/** `aria-invalid` and `aria-describedby` for a field that has an error; nothing otherwise. */
export function invalidProps(
  state: FormState | undefined,
  name: string,
  fieldId: string,
): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  return state?.errors[name] ? { 'aria-invalid': 'true', 'aria-describedby': errorId(fieldId) } : {}
}
