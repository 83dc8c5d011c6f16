/**
 * What every newsroom page gets on top of its server-rendered HTML: the small-screen menu,
 * toasts for "Saved." and "Published.", keyboard shortcuts ("c" new story, "/" search,
 * Ctrl/Cmd+S save), confirmations for destructive forms and the story list's selection.
 */

function main(): void {
  navToggle()
  toasts()
  shortcuts()
  confirmations()
  storySelection()
}

function navToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('.nav-toggle')
  if (!button) return
  button.hidden = false
  button.addEventListener('click', () => {
    const open = document.body.classList.toggle('nav-open')
    button.setAttribute('aria-expanded', String(open))
  })
}

/** A status notice also appears as a toast for a few seconds (the notice stays in the page). */
export function toast(message: string): void {
  const box = document.querySelector('#toasts')
  if (!box) return
  const item = document.createElement('div')
  item.className = 'toast'
  item.textContent = message
  box.append(item)
  window.setTimeout(() => item.remove(), 4000)
}

function toasts(): void {
  const notice = document.querySelector('main .notice')
  if (notice?.textContent) toast(notice.textContent)
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

function shortcuts(): void {
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      const save = document.querySelector<HTMLButtonElement>(
        '#article-form button[name="action"][value="save"], #article-form button[name="action"][value="update"]',
      )
      if (save) {
        event.preventDefault()
        save.click()
      }
      return
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return
    if (event.key === 'c') {
      event.preventDefault()
      window.location.href = '/admin/articles/new'
    } else if (event.key === '/') {
      const search =
        document.querySelector<HTMLInputElement>('main input[type=search]') ??
        document.querySelector<HTMLInputElement>('#top-q')
      if (search) {
        event.preventDefault()
        search.focus()
        search.select()
      }
    }
  })
}

function confirmations(): void {
  document.addEventListener('submit', (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement)) return
    const question = form.dataset.confirm
    if (question && !window.confirm(question)) event.preventDefault()
  })
}

function storySelection(): void {
  const form = document.querySelector<HTMLFormElement>('#bulk')
  if (!form) return
  const all = form.querySelector<HTMLInputElement>('#pick-all')
  const boxes = () => Array.from(form.querySelectorAll<HTMLInputElement>('input[name="ids"]'))
  all?.addEventListener('change', () => {
    for (const box of boxes()) box.checked = all.checked
  })
  const action = form.querySelector<HTMLSelectElement>('#bulk-action')
  const section = form.querySelector<HTMLElement>('#bulk-section')
  const tag = form.querySelector<HTMLElement>('#bulk-tag')
  const show = () => {
    if (section) section.hidden = action?.value !== 'move'
    if (tag) tag.hidden = action?.value !== 'tag'
  }
  action?.addEventListener('change', show)
  show()
  form.addEventListener('submit', (event) => {
    const chosen = boxes().filter((b) => b.checked).length
    if (chosen === 0) {
      event.preventDefault()
      window.alert('Select one or more stories first.')
      return
    }
    if (
      action?.value === 'delete' &&
      !window.confirm(`Delete ${chosen} ${chosen === 1 ? 'story' : 'stories'} for good?`)
    )
      event.preventDefault()
  })
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main)
else main()
