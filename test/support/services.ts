/** Where the test suite finds its real services, and whether it must have them. */
import net from 'node:net'

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
export const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === '1'

/** Resolve when a TCP connection to the URL's host and port opens; reject with the reason. */
export function probe(url: string, defaultPort: number, timeoutMs = 2000): Promise<void> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port) || defaultPort })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer from ${hostname}:${port || defaultPort} within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.end()
      resolve()
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}
