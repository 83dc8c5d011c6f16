/**
 * The publish flow in one clear place: before Publish or Schedule sends the form, a dialog says
 * where the story will appear (front page, sections, tags, its address) and, for a schedule,
 * the moment spelt out in the site's time zone. Without JavaScript the buttons act at once.
 */

/** "2026-06-08T09:30" read as wall-clock time in `timeZone`, spelt out for people. */
export function spellOut(value: string, timeZone: string, locale: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return undefined
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number]
  // The wall-clock parts formatted as if in UTC: the same digits, with the weekday right.
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi))
  const date = new Intl.DateTimeFormat(locale || undefined, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(wall)
  const time = new Intl.DateTimeFormat(locale || undefined, {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
  }).format(wall)
  return `${date} at ${time}, ${timeZone.replace(/_/g, ' ')} time`
}

function selectedText(form: HTMLFormElement, name: string): string[] {
  const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)
  if (!select) return []
  return Array.from(select.selectedOptions)
    .filter((o) => o.value)
    .map((o) => o.textContent?.trim() ?? '')
}

function checked(form: HTMLFormElement, name: string): boolean {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.checked ?? false
}

/** What the dialog lists: where readers will find the story. */
export function placesOf(form: HTMLFormElement): string[] {
  const places: string[] = []
  const sections = [...selectedText(form, 'sectionId'), ...selectedText(form, 'moreSectionIds')]
  if (checked(form, 'isFeatured')) places.push('Featured on the front page')
  if (checked(form, 'isEditorsPick')) places.push("In Editors' picks")
  places.push('In the latest news, the feeds and the sitemap')
  for (const s of new Set(sections)) places.push(`In the ${s} section`)
  const tags = (form.querySelector<HTMLInputElement>('input[name="tags"]')?.value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  if (tags.length > 0) places.push(`Under the tags ${tags.join(', ')}`)
  const authors = selectedText(form, 'authorIds')
  if (authors.length > 0) places.push(`On the author pages of ${authors.join(', ')}`)
  return places
}

export function confirmPublishing(form: HTMLFormElement): void {
  const dialog = document.createElement('dialog')
  dialog.className = 'publish-dialog'
  dialog.setAttribute('aria-labelledby', 'publish-dialog-title')
  document.body.append(dialog)
  let confirmed = false

  form.addEventListener('submit', (event) => {
    const submitter = event.submitter
    if (!(submitter instanceof HTMLButtonElement)) return
    const action = submitter.value
    if ((action !== 'publish' && action !== 'schedule') || confirmed) return
    event.preventDefault()
    show(action, submitter)
  })

  function show(action: 'publish' | 'schedule', button: HTMLButtonElement): void {
    const zone = form.dataset.timeZone ?? 'UTC'
    const locale = document.documentElement.lang
    const at = form.querySelector<HTMLInputElement>('#publishAt')?.value ?? ''
    const when = action === 'schedule' ? spellOut(at, zone, locale) : undefined
    const slug = form.querySelector<HTMLInputElement>('#slug')?.value ?? ''
    dialog.replaceChildren()
    const title = document.createElement('h2')
    title.id = 'publish-dialog-title'
    title.textContent = action === 'publish' ? 'Publish this story now?' : 'Schedule this story?'
    const lead = document.createElement('p')
    if (action === 'schedule' && !when) {
      lead.className = 'error'
      lead.textContent = 'Choose the date and time to publish at first (“Publish at”).'
    } else {
      lead.textContent =
        action === 'publish'
          ? 'Readers will see it as soon as you confirm:'
          : `It will go live on ${when}, and then appear:`
    }
    const list = document.createElement('ul')
    for (const place of placesOf(form)) {
      const li = document.createElement('li')
      li.textContent = place
      list.append(li)
    }
    const address = document.createElement('p')
    address.className = 'muted small'
    address.textContent = slug ? `Its address ends in /${slug}/` : ''
    const buttons = document.createElement('div')
    buttons.className = 'actions'
    const ok = document.createElement('button')
    ok.type = 'button'
    ok.textContent = action === 'publish' ? 'Publish now' : 'Schedule'
    ok.disabled = action === 'schedule' && !when
    const cancel = document.createElement('button')
    cancel.type = 'button'
    cancel.className = 'secondary'
    cancel.textContent = 'Not yet'
    ok.addEventListener('click', () => {
      confirmed = true
      dialog.close()
      form.requestSubmit(button)
    })
    cancel.addEventListener('click', () => dialog.close())
    buttons.append(ok, cancel)
    dialog.append(title, lead, list, address, buttons)
    dialog.showModal()
    if (ok.disabled) cancel.focus()
    else ok.focus()
  }
}
