/** Drag to reorder menu items; the order is saved at once (the up/down buttons work without this). */
function main(): void {
  const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
  for (const list of Array.from(document.querySelectorAll<HTMLOListElement>('ol.menu-items'))) {
    let dragged: HTMLLIElement | undefined
    for (const item of Array.from(list.children) as HTMLLIElement[]) {
      item.draggable = true
      item.addEventListener('dragstart', () => {
        dragged = item
        item.classList.add('dragging')
      })
      item.addEventListener('dragend', () => {
        item.classList.remove('dragging')
        void save(list)
      })
      item.addEventListener('dragover', (event) => {
        event.preventDefault()
        if (!dragged || dragged === item) return
        const box = item.getBoundingClientRect()
        const after = event.clientY > box.top + box.height / 2
        item.insertAdjacentElement(after ? 'afterend' : 'beforebegin', dragged)
      })
    }
  }
  async function save(list: HTMLOListElement): Promise<void> {
    const ids = Array.from(list.children).map((li) => (li as HTMLElement).dataset.id ?? '')
    await fetch(`/admin/menus/${list.dataset.location ?? ''}/order`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ ids: ids.join(',') }),
    })
  }
}

main()
