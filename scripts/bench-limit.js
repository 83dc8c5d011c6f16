/**
 * The benchmark's limit: a bare node:http server answering each path with the exact bytes and
 * headers Broadsheet sent for it (captured by `npm run bench`), nothing else per request.
 *
 * `node scripts/bench-limit.js RESPONSES.json PORT [PROCESSES]` — RESPONSES.json maps a path
 * to `{headers, body}` (body in base64). With PROCESSES > 1 it forks that many processes on
 * one port (node:cluster), as `broadsheet serve --workers N` does.
 */
import cluster from 'node:cluster'
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'

const [file, port, processes = '1'] = process.argv.slice(2)
if (!file || !port) throw new Error('usage: bench-limit.js RESPONSES.json PORT [PROCESSES]')

if (cluster.isPrimary && Number(processes) > 1) {
  for (let i = 0; i < Number(processes); i++) cluster.fork()
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    process.exit(0)
  })
} else {
  const responses = new Map()
  for (const [path, { headers, body }] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))))
    responses.set(path, { headers, body: Buffer.from(body, 'base64') })
  const notFound = { headers: { 'content-type': 'text/plain' }, body: Buffer.from('not captured') }
  http
    .createServer((request, response) => {
      const found = responses.get(request.url) ?? notFound
      response.writeHead(found === notFound ? 404 : 200, found.headers)
      response.end(found.body)
    })
    .listen(Number(port), '127.0.0.1')
}
