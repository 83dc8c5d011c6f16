/**
 * The form's smaller helpers: slug from headline, type-ahead sections, authors and tags,
 * featured image, SEO hints.
 */
import { enhanceComboboxes } from './combobox.js'
import { openMediaPicker } from './media-picker.js'

export function enhanceFields(form: HTMLFormElement, changed: () => void): void {
  form.addEventListener('input', changed)
  form.addEventListener('change', changed)
  autoSlug(form)
  enhanceComboboxes(form)
  featuredImage(form, changed)
  seoHints(form)
}

/** Like the server's slugify, close enough for a live suggestion (the server has the last word). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

function autoSlug(form: HTMLFormElement): void {
  const title = form.querySelector<HTMLInputElement>('#title')
  const slug = form.querySelector<HTMLInputElement>('#slug')
  if (!title || !slug) return
  let auto = slug.dataset.auto === '1' || slug.value === ''
  slug.addEventListener('input', () => {
    auto = slug.value === ''
  })
  title.addEventListener('input', () => {
    if (auto) slug.value = slugify(title.value)
  })
}

function featuredImage(form: HTMLFormElement, changed: () => void): void {
  const select = form.querySelector<HTMLSelectElement>('#featuredMediaId')
  if (!select) return
  const preview = document.createElement('img')
  preview.className = 'featured-preview'
  preview.alt = ''
  const pick = document.createElement('button')
  pick.type = 'button'
  pick.className = 'secondary'
  pick.textContent = form.dataset.canUpload === '1' ? 'Choose or upload…' : 'Choose from library…'
  select.insertAdjacentElement('afterend', pick)
  pick.insertAdjacentElement('afterend', preview)
  const fill = (m: { url: string; alt: string; caption: string; credit: string }) => {
    preview.src = m.url
    preview.hidden = !m.url
    const set = (id: string, value: string) => {
      const field = form.querySelector<HTMLInputElement>(id)
      if (field && !field.value) field.value = value
    }
    set('#featuredAlt', m.alt)
    set('#featuredCaption', m.caption)
    set('#featuredCredit', m.credit)
  }
  const fromOption = () => {
    const option = select.selectedOptions[0]
    fill({
      url: option?.dataset.url ?? '',
      alt: option?.dataset.alt ?? '',
      caption: option?.dataset.caption ?? '',
      credit: option?.dataset.credit ?? '',
    })
  }
  select.addEventListener('change', fromOption)
  fromOption()
  pick.addEventListener('click', () =>
    openMediaPicker({
      canUpload: form.dataset.canUpload === '1',
      csrf: form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '',
      purpose: 'featured',
      onPick: (m) => {
        let option = Array.from(select.options).find((o) => o.value === String(m.id))
        if (!option) {
          option = new Option(`#${m.id} ${m.alt}`, String(m.id))
          select.add(option)
        }
        option.dataset.url = m.url
        select.value = String(m.id)
        fill(m)
        changed()
      },
    }),
  )
}

function seoHints(form: HTMLFormElement): void {
  const fields = Array.from(
    form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-limit]'),
  )
  for (const field of fields) {
    const limit = Number(field.dataset.limit)
    const counter = document.createElement('p')
    counter.className = 'hint counter'
    field.insertAdjacentElement('afterend', counter)
    const update = () => {
      const n = field.value.length
      counter.textContent = `${n} of ${limit} characters${n > limit ? ' (too long: search engines will cut it)' : ''}`
      counter.classList.toggle('over', n > limit)
    }
    field.addEventListener('input', update)
    update()
  }
  const serp = document.querySelector<HTMLElement>('#serp-preview')
  if (!serp) return
  serp.hidden = false
  const value = (id: string) => form.querySelector<HTMLInputElement>(id)?.value.trim() ?? ''
  const render = () => {
    const title = value('#seoTitle') || value('#title') || 'Headline'
    const description = value('#seoDescription') || value('#standfirst')
    const url = `${location.host} › … › ${value('#slug') || 'slug'}`
    serp.replaceChildren(
      el('p', 'serp-label', 'Search result preview'),
      el('p', 'serp-url', url),
      el('p', 'serp-title', title.length > 60 ? `${title.slice(0, 59)}…` : title),
      el(
        'p',
        'serp-desc',
        description.length > 160 ? `${description.slice(0, 159)}…` : description,
      ),
    )
  }
  form.addEventListener('input', render)
  render()
}

function el(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag)
  node.className = className
  node.textContent = text
  return node
}
