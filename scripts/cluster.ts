/**
 * `npm run cluster -- [--nodes N] [--port P] [--nginx]`: N Broadsheet nodes on this machine,
 * each its own process on its own port, sharing the PostgreSQL of DATABASE_URL and the Redis of
 * REDIS_URL, behind one front on PORT:
 *
 * - by default a small built-in balancer: round robin; a node that refuses a connection or
 *   answers 502/503 is rested for 2 s, and an idempotent request (GET, HEAD) is retried on the
 *   next node, like nginx's `proxy_next_upstream`;
 * - with `--nginx`, nginx with deploy/nginx.conf's upstream listing every node.
 *
 * The first node migrates the database (and fills an empty one with the demo newsroom) before
 * the others start. Ctrl-C (or SIGTERM) drains every node and stops. For people to try a
 * cluster, and for test/integration/cluster/cluster-faults.test.ts, which kills nodes under it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { NGINX_BINARY } from './nginx-config.js'
import { scriptArgs } from './script-args.js'

const ROOT = path.resolve(import.meta.dirname, '..')

const USAGE = `Usage: npm run cluster -- [--nodes N] [--port P] [--nginx]

Starts N Broadsheet nodes (ports P+1 … P+N) on DATABASE_URL (PostgreSQL) and REDIS_URL,
behind one front on P: a built-in balancer, or nginx with --nginx.
Environment: DATABASE_URL (required, postgres://…), REDIS_URL (default redis://127.0.0.1:6379),
DATA_DIR (default ./data/cluster), and any other Broadsheet variable, passed to every node
(MEDIA_STORE=s3 with S3_ENDPOINT, S3_BUCKET… keeps every node's media in one bucket).`
const { values } = scriptArgs('cluster', USAGE, {
  options: {
    nodes: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    nginx: { type: 'boolean', default: false },
    help: { type: 'boolean' },
  },
})

const count = Number(values.nodes)
const frontPort = Number(values.port)
const databaseUrl = process.env.DATABASE_URL
if (!Number.isInteger(count) || count < 1 || count > 16) fail('--nodes must be 1 to 16')
if (!Number.isInteger(frontPort) || frontPort < 1 || frontPort > 65535 - count)
  fail('--port must be a free TCP port')
if (!databaseUrl?.startsWith('postgres')) fail('set DATABASE_URL to a PostgreSQL database')
if (values.nginx && !NGINX_BINARY) fail('--nginx: nginx is not installed')

function fail(message: string): never {
  console.error(`cluster: ${message}`)
  process.exit(2)
}

const log = (line: string) => console.log(`cluster: ${line}`)
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, 'data/cluster'))
fs.mkdirSync(dataDir, { recursive: true })

interface Node {
  index: number
  port: number
  child: ChildProcess
  restingUntil: number
}

const nodes: Node[] = []

function startNode(index: number): Promise<Node> {
  const port = frontPort + 1 + index
  const child = spawn(
    process.execPath,
    // The built server, as `npm start` runs it (`npm run cluster` builds first).
    [path.join(ROOT, 'dist/cli/main.js'), 'serve'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: process.env.PUBLIC_URL ?? `http://127.0.0.1:${frontPort}`,
        TRUST_PROXY: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const node: Node = { index, port, child, restingUntil: 0 }
  const prefix = `[node ${index + 1}] `
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) =>
      process.stdout.write(
        chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((line) => `${prefix}${line}\n`)
          .join(''),
      ),
    )
  child.once('exit', (code, signal) =>
    log(`node ${index + 1} (pid ${child.pid}) exited (${signal ?? `code ${code}`})`),
  )
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      if (/broadsheet: serving /.test(seen)) {
        child.stdout.off('data', onData)
        log(`node ${index + 1} pid ${child.pid} on 127.0.0.1:${port}`)
        resolve(node)
      }
    }
    child.stdout.on('data', onData)
    child.once('exit', () => reject(new Error(`node ${index + 1} exited during start-up`)))
  })
}

const REST_MS = 2_000
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS'])
let next = 0

/** The nodes to try for one request, in order: round robin, rested nodes last. */
function candidates(now: number): Node[] {
  const start = next++ % nodes.length
  const order = nodes.map((_, i) => nodes[(start + i) % nodes.length]!)
  return [
    ...order.filter((n) => n.restingUntil <= now),
    ...order.filter((n) => n.restingUntil > now),
  ]
}

function builtInFront(): http.Server {
  return http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const retryable = IDEMPOTENT.has(request.method ?? 'GET')
      const order = candidates(Date.now())
      // A 502/503 kept while other nodes are tried: the answer if none does better.
      let refusal: { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | undefined
      const attempt = (i: number) => {
        const node = order[i]
        if (!node) {
          if (refusal) {
            response.writeHead(refusal.status, refusal.headers)
            response.end(refusal.body)
            return
          }
          response.writeHead(502, { 'content-type': 'text/plain', 'retry-after': '1' })
          response.end('No Broadsheet node answered.\n')
          return
        }
        const upstream = http.request(
          {
            host: '127.0.0.1',
            port: node.port,
            method: request.method,
            path: request.url,
            headers: {
              ...request.headers,
              'x-forwarded-for': request.socket.remoteAddress ?? '',
              'x-forwarded-proto': 'http',
            },
          },
          (answer) => {
            const status = answer.statusCode ?? 502
            if ((status === 502 || status === 503) && retryable && order[i + 1]) {
              node.restingUntil = Date.now() + REST_MS
              const parts: Buffer[] = []
              answer.on('data', (chunk: Buffer) => parts.push(chunk))
              answer.on('end', () => {
                refusal = { status, headers: answer.headers, body: Buffer.concat(parts) }
                attempt(i + 1)
              })
              return
            }
            response.writeHead(status, answer.headers)
            answer.pipe(response)
          },
        )
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          node.restingUntil = Date.now() + REST_MS
          // Nothing reached the node (refused): any request may go elsewhere; otherwise only
          // an idempotent one may be sent again.
          const unsent = error.code === 'ECONNREFUSED'
          if ((unsent || retryable) && !response.headersSent) return attempt(i + 1)
          response.destroy(error)
        })
        upstream.end(body)
      }
      attempt(0)
    })
  })
}

function nginxFront(): ChildProcess {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cluster-nginx-'))
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, sub))
  const servers = nodes
    .map((node) => `    server 127.0.0.1:${node.port} max_fails=1 fail_timeout=2s;`)
    .join('\n')
  const backups = nodes
    .map((node) => `    server 127.0.0.1:${node.port} backup max_fails=0;`)
    .join('\n')
  const site = fs
    .readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace(/ {4}server 127\.0\.0\.1:3000 max_fails[^\n]*\n/, `${servers}\n`)
    .replace(/ {4}server 127\.0\.0\.1:3000 backup[^\n]*\n/, `${backups}\n`)
    .replace('listen 80;', `listen 127.0.0.1:${frontPort};`)
    .replace('root /var/lib/broadsheet/data/static;', `root ${path.join(dir, 'no-mirror')};`)
    .replaceAll(
      'include /etc/nginx/broadsheet-proxy.conf;',
      `include ${path.join(ROOT, 'deploy/broadsheet-proxy.conf')};`,
    )
  const conf = `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${path.join(dir, 'body')};
  proxy_temp_path ${path.join(dir, 'proxy')};
  fastcgi_temp_path ${path.join(dir, 'fastcgi')};
  uwsgi_temp_path ${path.join(dir, 'uwsgi')};
  scgi_temp_path ${path.join(dir, 'scgi')};
  ${site}
}
`
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf)
  return spawn(NGINX_BINARY!, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
    stdio: 'inherit',
  })
}

let front: { close(): void } | undefined
let stopping = false
function stop(signal: string) {
  if (stopping) return
  stopping = true
  log(`${signal}: draining every node`)
  front?.close()
  const alive = nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null)
  if (alive.length === 0) process.exit(0)
  let left = alive.length
  for (const node of alive) {
    node.child.once('exit', () => {
      if (--left === 0) process.exit(0)
    })
    node.child.kill('SIGTERM')
  }
  setTimeout(() => process.exit(1), 15_000).unref()
}
process.once('SIGINT', () => stop('SIGINT'))
process.once('SIGTERM', () => stop('SIGTERM'))

try {
  // The first node migrates (and fills an empty database); the others then start together.
  nodes.push(await startNode(0))
  nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, (_, i) => startNode(i + 1)))))
} catch (error) {
  console.error(`cluster: ${(error as Error).message}`)
  stop('start-up failure')
}
if (values.nginx) {
  const child = nginxFront()
  front = { close: () => child.kill('SIGQUIT') }
} else {
  const server = builtInFront()
  server.listen(frontPort, '127.0.0.1')
  front = { close: () => server.close() }
}
log(
  `serving http://127.0.0.1:${frontPort} (${values.nginx ? 'nginx' : 'built-in balancer'}) over ${count} node(s)`,
)
