/**
 * Autosave: every few seconds while there are changes, and when the page is hidden or closed.
 * The server checks the version; a 409 means someone else saved first, and autosave stops with
 * a clear warning instead of overwriting their words. Every change also goes to the local copy.
 */
import {
  applyFormState,
  localKey,
  readFormState,
  readLocalCopy,
  removeLocalCopy,
  sameContent,
  writeLocalCopy,
  type FormState,
} from './local-copy.js'

const INTERVAL_MS = 4000

export interface AutosaveOptions {
  csrf: string
  /** Bring the hidden body fields up to date before the form is read. */
  beforeRead: () => void
  /** Put a restored body into the editor. */
  restoreBody: (html: string) => void
}

export function startAutosave(form: HTMLFormElement, options: AutosaveOptions) {
  const status = document.querySelector('#save-status')
  const alerts = document.querySelector('#editor-alerts')
  let articleId = form.dataset.articleId ?? ''
  let key = localKey(articleId)
  const live = form.dataset.live === '1'
  let dirty = false
  let saving = false
  let conflict = false
  /** The form is on its way: autosave must not race it (a new story would be made twice). */
  let submitting = false
  /** A Save or Publish clicked while the first autosave was still making the story. */
  let heldSubmit: { submitter: HTMLElement | null } | undefined

  const say = (text: string) => {
    if (status) status.textContent = text
  }
  const state = (): FormState => {
    options.beforeRead()
    return readFormState(form)
  }
  const version = () => form.querySelector<HTMLInputElement>('input[name="version"]')?.value ?? ''

  offerLocalCopy()

  function offerLocalCopy(): void {
    // The page after a Save or Publish: the copy sent with that form is on the server now.
    if (new URLSearchParams(location.search).has('done')) {
      for (const k of new Set([key, localKey('')]))
        if (readLocalCopy(k)?.submitted) removeLocalCopy(k)
    }
    const copy = readLocalCopy(key)
    if (!copy) return
    if (sameContent(copy.state, state())) {
      removeLocalCopy(key)
      return
    }
    const box = document.createElement('div')
    box.className = 'restore'
    box.setAttribute('role', 'region')
    box.setAttribute('aria-label', 'Unsaved changes')
    const when = new Date(copy.savedAt)
    const text = document.createElement('p')
    text.textContent = `You have unsaved changes from ${when.toLocaleString()}.`
    const restore = button('Restore', 'primary')
    const discard = button('Discard', 'secondary')
    restore.addEventListener('click', () => {
      applyFormState(form, copy.state)
      const body = copy.state.bodyHtml
      options.restoreBody(typeof body === 'string' ? body : '')
      box.remove()
      changed()
      say('Restored your unsaved changes.')
    })
    discard.addEventListener('click', () => {
      removeLocalCopy(key)
      box.remove()
    })
    box.append(text, restore, ' ', discard)
    alerts?.append(box)
  }

  function changed(): void {
    dirty = true
    writeLocalCopy(key, {
      savedAt: new Date().toISOString(),
      baseVersion: version(),
      state: state(),
    })
    if (!conflict) say(live ? 'Unsaved changes: press Update to publish them.' : 'Unsaved changes…')
  }

  async function save(keepalive = false): Promise<void> {
    if (!dirty || saving || conflict || live || submitting) return
    const current = state()
    if (!articleId && !String(current.title ?? '').trim()) return
    saving = true
    dirty = false
    say('Saving…')
    const url = articleId ? `/admin/articles/${articleId}/autosave` : '/admin/articles/autosave'
    try {
      const response = await fetch(url, {
        method: 'POST',
        keepalive,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': options.csrf },
        body: JSON.stringify({ ...current, version: version(), bodyDoc: current.bodyDoc }),
      })
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
      if (response.status === 409 && codeOf(body) === 'VERSION_CONFLICT') return showConflict()
      if (!response.ok) {
        dirty = true
        say(
          `Not saved: ${messageOf(body) ?? `the server answered ${response.status}`}. Your changes are kept in this browser.`,
        )
        return
      }
      if (!articleId && typeof body.id === 'number') adopt(String(body.id), String(body.url))
      setVersion(String(body.version))
      if (sameContent(current, state())) removeLocalCopy(key)
      say(`Saved at ${new Date().toLocaleTimeString()}.`)
    } catch {
      dirty = true
      say('Offline: your changes are kept in this browser and saved when the connection returns.')
    } finally {
      saving = false
      const held = heldSubmit
      heldSubmit = undefined
      // Now the story has its own address (or the save failed): send the form the editor sent.
      if (held) form.requestSubmit(held.submitter)
    }
  }

  function adopt(id: string, url: string): void {
    const oldKey = key
    articleId = id
    key = localKey(id)
    form.dataset.articleId = id
    form.action = url
    removeLocalCopy(oldKey)
    history.replaceState(null, '', url)
  }

  function setVersion(value: string): void {
    let input = form.querySelector<HTMLInputElement>('input[name="version"]')
    if (!input) {
      input = document.createElement('input')
      input.type = 'hidden'
      input.name = 'version'
      form.prepend(input)
    }
    input.value = value
  }

  function showConflict(): void {
    conflict = true
    const box = document.createElement('p')
    box.className = 'error'
    box.setAttribute('role', 'alert')
    box.textContent =
      'Someone else saved a newer version of this article while you were editing. ' +
      'Your changes were NOT saved over theirs: they are kept in this browser. ' +
      'Copy what you need, then reload the page to see the latest version.'
    alerts?.append(box)
    say('Autosave stopped: this article was changed by someone else.')
  }

  const timer = window.setInterval(() => void save(), INTERVAL_MS)
  window.addEventListener('online', () => void save())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save(true)
  })
  window.addEventListener('pagehide', () => void save(true))
  form.addEventListener('submit', (event) => {
    if (saving && !articleId) {
      // The first autosave is making this story right now: submitted as it is, the form would
      // make a second one. It goes once the story has its address (see `save`).
      event.preventDefault()
      heldSubmit = { submitter: event.submitter instanceof HTMLElement ? event.submitter : null }
      say('Saving…')
      return
    }
    submitting = true
    // Another handler may still stop this submit (the publish confirmation): then carry on.
    window.setTimeout(() => {
      if (event.defaultPrevented) submitting = false
    })
    window.clearInterval(timer)
    writeLocalCopy(key, {
      savedAt: new Date().toISOString(),
      baseVersion: version(),
      state: state(),
      submitted: true,
    })
  })
  return { changed, save }
}

function button(text: string, kind: string): HTMLButtonElement {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = kind
  b.textContent = text
  return b
}

function codeOf(body: Record<string, unknown>): string | undefined {
  const errors = body.errors as { code?: string }[] | undefined
  return errors?.[0]?.code
}

function messageOf(body: Record<string, unknown>): string | undefined {
  const errors = body.errors as { message?: string }[] | undefined
  return errors?.[0]?.message
}
