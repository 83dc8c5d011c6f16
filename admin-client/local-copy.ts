/**
 * The local copy: every change is written to localStorage at once, so a crashed tab or a lost
 * connection never loses a word; on reopening, a copy that differs from the server's is offered.
 */
export type FormState = Record<string, string | string[]>

export interface LocalCopy {
  savedAt: string
  baseVersion: string
  state: FormState
  /** Set when the form was sent with a Save/Publish button: the server has these words. */
  submitted?: boolean
}

const PREFIX = 'broadsheet:article:'

export function localKey(articleId: string): string {
  return `${PREFIX}${articleId || 'new'}`
}

export function readLocalCopy(key: string): LocalCopy | undefined {
  try {
    const raw = localStorage.getItem(key)
    if (!raw) return undefined
    const copy = JSON.parse(raw) as LocalCopy
    return copy && typeof copy.state === 'object' ? copy : undefined
  } catch {
    return undefined
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): void {
  try {
    localStorage.setItem(key, JSON.stringify(copy))
  } catch {
    // Storage full or disabled: the server autosave still runs.
  }
}

export function removeLocalCopy(key: string): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // ignore
  }
}

/** Fields that make up the article text and settings (not tokens, versions or buttons). */
const IGNORED = new Set(['_csrf', 'version', 'action', 'bodyDoc'])

/** The form as a plain object, repeated names (multi-selects) as arrays. */
export function readFormState(form: HTMLFormElement): FormState {
  const state: FormState = {}
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue
    const existing = state[name]
    if (existing === undefined) state[name] = value
    else state[name] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return state
}

/** Whether two states hold the same article (ignoring tokens and the editor's JSON). */
export function sameContent(a: FormState, b: FormState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if (IGNORED.has(key)) continue
    const x = normalise(key, a[key])
    const y = normalise(key, b[key])
    if (JSON.stringify(x) !== JSON.stringify(y)) return false
  }
  return true
}

/** A field's value as it matters: tags as a trimmed list, text without trailing space. */
function normalise(key: string, value: string | string[] | undefined): string | string[] {
  if (value === undefined) return ''
  if (key === 'tags' && typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
  return Array.isArray(value) ? value : value.trim()
}

/** Put a saved state back into the form's fields. */
export function applyFormState(form: HTMLFormElement, state: FormState): void {
  for (const element of Array.from(form.elements)) {
    if (
      !(element instanceof HTMLInputElement) &&
      !(element instanceof HTMLTextAreaElement) &&
      !(element instanceof HTMLSelectElement)
    )
      continue
    const name = element.name
    if (!name || IGNORED.has(name) || element.type === 'hidden' || element.type === 'submit')
      continue
    const value = state[name]
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
    if (element instanceof HTMLSelectElement && element.multiple) {
      for (const option of Array.from(element.options))
        option.selected = values.includes(option.value)
    } else if (element instanceof HTMLInputElement && element.type === 'checkbox') {
      element.checked = values.length > 0
    } else {
      element.value = values[0] ?? ''
    }
  }
  // Enhanced fields (the comboboxes) redraw from the values just put back.
  form.dispatchEvent(new Event('form:restored'))
}
