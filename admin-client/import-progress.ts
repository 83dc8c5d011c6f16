/**
 * An import's page while it runs: polls the status endpoint every second, moves the progress bar
 * and the phase text, and reloads the page when the import is over (the server renders the
 * report). Without JavaScript the page refreshes itself instead (a `<noscript>` meta refresh).
 */
interface ImportStatus {
  state: 'queued' | 'running' | 'done' | 'failed'
  phase: string | null
  text: string
  done: number
  total: number
}

const POLL_MS = 1000

function start(): void {
  const box = document.getElementById('import-status')
  const url = box?.dataset.statusUrl
  if (!box || !url) return
  const poll = async (): Promise<void> => {
    try {
      const response = await fetch(url, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      })
      if (response.ok) {
        const status = (await response.json()) as ImportStatus
        if (status.state === 'done' || status.state === 'failed') {
          window.location.reload()
          return
        }
        show(box, status)
      }
    } catch {
      // A dropped connection (the server restarting): try again on the next beat.
    }
    window.setTimeout(() => void poll(), POLL_MS)
  }
  window.setTimeout(() => void poll(), POLL_MS)
}

function show(box: HTMLElement, status: ImportStatus): void {
  box.dataset.state = status.state
  const phase = document.getElementById('import-phase')
  if (phase && phase.textContent !== status.text) phase.textContent = status.text
  const bar = document.getElementById('import-progress')
  if (!(bar instanceof HTMLProgressElement)) return
  if (status.total > 0) {
    bar.max = status.total
    bar.value = Math.min(status.done, status.total)
    bar.textContent = `${status.done} of ${status.total}`
  } else bar.removeAttribute('value')
}

start()
