/**
 * The media library in a dialog: search, pick, and (for roles that may) upload. Picking an image
 * for the body first asks for its alt text, caption and credit (prefilled from the library).
 */
export interface PickedMedia {
  id: number
  url: string
  width: number | null
  height: number | null
  alt: string
  caption: string
  credit: string
}

export interface PickerOptions {
  canUpload: boolean
  csrf: string
  purpose: 'body' | 'featured'
  onPick: (media: PickedMedia) => void
}

export async function uploadFile(file: File, csrf: string): Promise<number> {
  const response = await fetch(`/admin/media/upload?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrf },
    body: file,
  })
  const body = (await response.json().catch(() => ({}))) as {
    id?: number
    errors?: { message: string }[]
  }
  if (!response.ok || typeof body.id !== 'number')
    throw new Error(body.errors?.[0]?.message ?? `upload failed (${response.status})`)
  return body.id
}

export function openMediaPicker(options: PickerOptions): void {
  const dialog = document.createElement('dialog')
  dialog.className = 'picker'
  dialog.setAttribute('aria-labelledby', 'picker-title')
  // eslint-disable-next-line no-restricted-properties -- fixed markup: nothing is interpolated but a constant choice
  dialog.innerHTML = `
    <h2 id="picker-title">Media library</h2>
    <div class="picker-bar">
      <label for="picker-search">Search images</label>
      <input id="picker-search" type="search" autocomplete="off">
      ${options.canUpload ? '<label for="picker-upload">Upload an image</label><input id="picker-upload" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif">' : '<p class="hint">Your role can pick existing images; ask an editor to upload new ones.</p>'}
    </div>
    <p class="hint" id="picker-status" role="status"></p>
    <ul class="picker-grid" aria-label="Images"></ul>
    <form class="picker-details stack" hidden>
      <img class="picker-chosen" alt="">
      <div><label for="picker-alt">Alt text</label><input id="picker-alt" type="text"></div>
      <div><label for="picker-caption">Caption</label><input id="picker-caption" type="text"></div>
      <div><label for="picker-credit">Credit</label><input id="picker-credit" type="text"></div>
      <div class="actions"><button type="submit">Insert image</button></div>
    </form>
    <div class="actions"><button type="button" class="secondary picker-close">Close</button></div>`
  document.body.append(dialog)
  const grid = dialog.querySelector('.picker-grid') as HTMLUListElement
  const status = dialog.querySelector('#picker-status') as HTMLElement
  const search = dialog.querySelector('#picker-search') as HTMLInputElement
  const details = dialog.querySelector('.picker-details') as HTMLFormElement
  const close = () => {
    dialog.close()
    dialog.remove()
  }
  dialog.querySelector('.picker-close')?.addEventListener('click', close)
  dialog.addEventListener('cancel', () => dialog.remove())

  let items: PickedMedia[] = []
  const load = async () => {
    const response = await fetch(`/admin/api/media?q=${encodeURIComponent(search.value)}`, {
      credentials: 'same-origin',
    })
    items = ((await response.json()) as { items: PickedMedia[] }).items
    grid.replaceChildren(
      ...items.map((m) => {
        const li = document.createElement('li')
        const b = document.createElement('button')
        b.type = 'button'
        b.className = 'picker-item'
        b.setAttribute('aria-label', `Choose image ${m.id}: ${m.alt || 'no alt text'}`)
        const img = document.createElement('img')
        img.src = m.url
        img.alt = ''
        img.loading = 'lazy'
        b.append(img)
        b.addEventListener('click', () => choose(m))
        li.append(b)
        return li
      }),
    )
    status.textContent = items.length === 0 ? 'No images found.' : `${items.length} images.`
  }
  const choose = (m: PickedMedia) => {
    if (options.purpose === 'featured') {
      options.onPick(m)
      close()
      return
    }
    details.hidden = false
    ;(details.querySelector('.picker-chosen') as HTMLImageElement).src = m.url
    const set = (id: string, v: string) =>
      ((details.querySelector(id) as HTMLInputElement).value = v)
    set('#picker-alt', m.alt)
    set('#picker-caption', m.caption)
    set('#picker-credit', m.credit)
    details.onsubmit = (event) => {
      event.preventDefault()
      const get = (id: string) => (details.querySelector(id) as HTMLInputElement).value.trim()
      options.onPick({
        ...m,
        alt: get('#picker-alt'),
        caption: get('#picker-caption'),
        credit: get('#picker-credit'),
      })
      close()
    }
    ;(details.querySelector('#picker-alt') as HTMLInputElement).focus()
  }
  let timer = 0
  search.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(() => void load(), 200)
  })
  const upload = dialog.querySelector<HTMLInputElement>('#picker-upload')
  upload?.addEventListener('change', () => {
    const file = upload.files?.[0]
    if (!file) return
    status.textContent = 'Uploading…'
    uploadFile(file, options.csrf)
      .then(async (id) => {
        search.value = ''
        await load()
        const item = items.find((m) => m.id === id)
        status.textContent = 'Uploaded.'
        if (item) choose(item)
      })
      .catch((error: unknown) => {
        status.textContent = error instanceof Error ? error.message : 'Upload failed.'
      })
  })
  dialog.showModal()
  void load()
}
