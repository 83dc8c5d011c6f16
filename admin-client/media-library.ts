/** Drag-and-drop on the media library's upload form: files go up one by one, then the grid reloads. */
import { uploadFile } from './media-picker.js'

function main(): void {
  const form = document.querySelector<HTMLFormElement>('#upload-form')
  const status = document.querySelector('#upload-status')
  if (!form) return
  const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
  form.addEventListener('dragover', (event) => {
    event.preventDefault()
    form.classList.add('over')
  })
  form.addEventListener('dragleave', () => form.classList.remove('over'))
  form.addEventListener('drop', (event) => {
    event.preventDefault()
    form.classList.remove('over')
    const files = Array.from(event.dataTransfer?.files ?? [])
    if (files.length > 0) void send(files)
  })
  async function send(files: File[]): Promise<void> {
    let done = 0
    for (const file of files) {
      if (status) status.textContent = `Uploading ${file.name}…`
      try {
        await uploadFile(file, csrf)
        done++
      } catch (error) {
        if (status)
          status.textContent = `${file.name}: ${error instanceof Error ? error.message : 'failed'}`
        return
      }
    }
    location.href = `/admin/media?uploaded=${done}`
  }
}

main()
