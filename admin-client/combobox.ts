/**
 * Type-ahead comboboxes for the story's section, other sections, authors and tags (the ARIA
 * 1.2 combobox pattern: an input that owns a listbox, moved through with the arrow keys).
 *
 * The server renders plain controls that work without JavaScript: `<select>` for sections and
 * authors, a comma-separated text field for tags. Each one marked `data-combobox` is kept, hidden,
 * as the form's real field; this script only drives it, so saving, autosave and the local copy
 * see exactly what they saw before.
 *
 * Keys: type to filter, ↓/↑ to move, Enter to pick (on tags, Enter or a comma adds what you
 * typed as a new tag when nothing matches), Escape to close, Backspace in an empty box removes
 * the last choice.
 */

interface Choice {
  value: string
  label: string
  /** A tag that does not exist yet: saving the story creates it. */
  isNew?: boolean
}

/** A field the combobox drives: what is chosen, what may be chosen, and how to change it. */
interface Source {
  multiple: boolean
  chosen(): Choice[]
  /** Choices matching `text` (not yet chosen), at most a handful. */
  find(text: string): Promise<Choice[]>
  add(choice: Choice): void
  remove(value: string): void
  /** When typed text that matches nothing may be added as it is (tags). */
  creates: boolean
}

let counter = 0

/** Enhance every `[data-combobox]` field inside `form`. */
export function enhanceComboboxes(form: HTMLFormElement): void {
  for (const field of Array.from(form.querySelectorAll<HTMLElement>('[data-combobox]'))) {
    if (field instanceof HTMLSelectElement) build(form, field, selectSource(field))
    else if (field instanceof HTMLInputElement) build(form, field, tagSource(field))
  }
}

function selectSource(select: HTMLSelectElement): Source {
  const options = () => Array.from(select.options).filter((o) => o.value !== '')
  const toChoice = (o: HTMLOptionElement): Choice => ({ value: o.value, label: o.text.trim() })
  const changed = () => select.dispatchEvent(new Event('change', { bubbles: true }))
  return {
    multiple: select.multiple,
    creates: false,
    chosen: () =>
      options()
        .filter((o) => o.selected)
        .map(toChoice),
    find: (text) =>
      Promise.resolve(
        options()
          .filter((o) => !(select.multiple && o.selected) && matches(o.text, text))
          .slice(0, 12)
          .map(toChoice),
      ),
    add(choice) {
      if (select.multiple) {
        const option = options().find((o) => o.value === choice.value)
        if (option) option.selected = true
      } else select.value = choice.value
      changed()
    },
    remove(value) {
      if (select.multiple) {
        const option = options().find((o) => o.value === value)
        if (option) option.selected = false
      } else select.value = ''
      changed()
    },
  }
}

function tagSource(input: HTMLInputElement): Source {
  const names = () =>
    input.value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
  const write = (list: string[]) => {
    input.value = list.join(', ')
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  return {
    multiple: true,
    creates: true,
    chosen: () => names().map((name) => ({ value: name, label: name })),
    async find(text) {
      const typed = text.trim()
      if (!typed) return []
      let found: { name: string }[] = []
      try {
        const response = await fetch(`/admin/api/tags?q=${encodeURIComponent(typed)}`, {
          credentials: 'same-origin',
        })
        if (response.ok) found = ((await response.json()) as { tags: { name: string }[] }).tags
      } catch {
        // Offline or signed out: typing a new tag still works.
      }
      const taken = names()
      const choices: Choice[] = found
        .filter((t) => !taken.some((n) => same(n, t.name)))
        .map((t) => ({ value: t.name, label: t.name }))
      if (!found.some((t) => same(t.name, typed)) && !taken.some((n) => same(n, typed)))
        choices.push({ value: typed, label: typed, isNew: true })
      return choices
    },
    add(choice) {
      if (!names().some((n) => same(n, choice.value))) write([...names(), choice.value])
    },
    remove(value) {
      write(names().filter((n) => n !== value))
    },
  }
}

function matches(label: string, text: string): boolean {
  const wanted = text.trim().toLowerCase()
  return !wanted || label.toLowerCase().includes(wanted)
}

function build(form: HTMLFormElement, field: HTMLElement, source: Source): void {
  const id = `cb-${++counter}`
  const label = form.querySelector<HTMLLabelElement>(`label[for="${field.id}"]`)
  const name = label?.textContent?.trim() ?? field.id

  const box = document.createElement('div')
  box.className = 'combobox'
  const chips = document.createElement('ul')
  chips.className = 'combobox-chips'
  chips.setAttribute('aria-label', `Chosen: ${name}`)
  const input = document.createElement('input')
  input.type = 'text'
  input.id = `${id}-input`
  input.autocomplete = 'off'
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', `${id}-list`)
  const hint = field.getAttribute('aria-describedby')
  if (hint) input.setAttribute('aria-describedby', hint)
  input.placeholder = source.creates
    ? 'Type to find or add a tag…'
    : source.multiple
      ? 'Type to add…'
      : 'Type to choose…'
  const list = document.createElement('ul')
  list.id = `${id}-list`
  list.className = 'combobox-list'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', `Suggestions: ${name}`)
  list.hidden = true
  const status = document.createElement('p')
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  box.append(chips, input, list, status)
  field.insertAdjacentElement('afterend', box)
  field.hidden = true
  field.setAttribute('tabindex', '-1')
  if (label) label.htmlFor = input.id

  let options: Choice[] = []
  let active = -1
  let asked = 0

  const renderChips = () => {
    const chosen = source.chosen()
    chips.replaceChildren(
      ...chosen.map((choice) => {
        const item = document.createElement('li')
        item.className = 'chip'
        const text = document.createElement('span')
        text.textContent = choice.label
        const remove = document.createElement('button')
        remove.type = 'button'
        remove.className = 'chip-remove'
        remove.setAttribute('aria-label', `Remove ${choice.label}`)
        remove.textContent = '×'
        remove.addEventListener('click', () => {
          source.remove(choice.value)
          renderChips()
          status.textContent = `${choice.label} removed.`
          input.focus()
        })
        item.append(text, remove)
        return item
      }),
    )
    chips.hidden = chosen.length === 0
    if (!source.multiple) input.placeholder = chosen[0] ? 'Type to change…' : 'Type to choose…'
  }

  const close = () => {
    list.hidden = true
    active = -1
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
  }

  const highlight = (index: number) => {
    active = index
    Array.from(list.children).forEach((node, i) => {
      node.setAttribute('aria-selected', String(i === active))
    })
    const current = list.children[active]
    if (current) {
      input.setAttribute('aria-activedescendant', current.id)
      current.scrollIntoView({ block: 'nearest' })
    } else input.removeAttribute('aria-activedescendant')
  }

  const open = async () => {
    const ask = ++asked
    const found = await source.find(input.value)
    if (ask !== asked) return
    options = found
    list.replaceChildren(
      ...options.map((choice, i) => {
        const item = document.createElement('li')
        item.id = `${id}-option-${i}`
        item.setAttribute('role', 'option')
        item.setAttribute('aria-selected', 'false')
        item.textContent = choice.isNew ? `Add new tag “${choice.label}”` : choice.label
        item.addEventListener('mousedown', (event) => event.preventDefault())
        item.addEventListener('click', () => pick(choice))
        return item
      }),
    )
    const shown = options.length > 0
    list.hidden = !shown
    input.setAttribute('aria-expanded', String(shown))
    status.textContent = shown
      ? `${options.length} ${options.length === 1 ? 'suggestion' : 'suggestions'}`
      : 'No matches'
    highlight(shown ? 0 : -1)
  }

  const pick = (choice: Choice) => {
    source.add(choice)
    input.value = ''
    renderChips()
    close()
    status.textContent = `${choice.label} ${choice.isNew ? 'added as a new tag' : 'chosen'}.`
    input.focus()
  }

  input.addEventListener('input', (event) => {
    // Typing here changes nothing yet: autosave hears only the field itself change.
    event.stopPropagation()
    if (source.creates && input.value.includes(',')) {
      for (const part of input.value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean))
        source.add({ value: part, label: part, isNew: true })
      input.value = ''
      renderChips()
      close()
      return
    }
    void open()
  })
  input.addEventListener('change', (event) => event.stopPropagation())
  input.addEventListener('focus', () => {
    if (!source.creates) void open()
  })
  input.addEventListener('blur', () => close())
  input.addEventListener('keydown', (event) => {
    const expanded = !list.hidden
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!expanded) void open()
        else highlight(Math.min(active + 1, options.length - 1))
        break
      case 'ArrowUp':
        event.preventDefault()
        if (expanded) highlight(Math.max(active - 1, 0))
        break
      case 'Enter': {
        // Never submit the story from here: Enter picks.
        if (!expanded && !input.value.trim()) return
        event.preventDefault()
        const choice = options[active]
        if (expanded && choice) pick(choice)
        else if (source.creates && input.value.trim())
          pick({ value: input.value.trim(), label: input.value.trim(), isNew: true })
        break
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault()
          close()
        }
        break
      case 'Backspace': {
        if (input.value !== '') return
        const last = source.chosen().pop()
        if (!last) return
        source.remove(last.value)
        renderChips()
        status.textContent = `${last.label} removed.`
      }
    }
  })
  // The local copy puts a saved state back into the hidden field: show it.
  form.addEventListener('form:restored', renderChips)
  renderChips()
}
