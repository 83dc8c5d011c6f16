/**
 * nginx configurations built from deploy/nginx.conf for the test suite and the benchmark: the
 * shipped server block with only its ports and paths swapped, inside a minimal main config.
 */
import fs from 'node:fs'
import path from 'node:path'

export const NGINX_BINARY = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p))

const ROOT = path.resolve(import.meta.dirname, '..')

function mainConfig(dir: string, server: string): string {
  const temp = (name: string) => path.join(dir, name)
  return `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes auto;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  ${server}
}
`
}

/**
 * deploy/nginx.conf in front of Broadsheet at `appPort` (or one node per port of `appPorts`, each
 * listed as the shipped file lists its one node), serving the mirror at `mirrorRoot`.
 */
export function mirrorConfig(options: {
  dir: string
  port: number
  appPort: number
  appPorts?: number[]
  mirrorRoot: string
}): string {
  const ports = options.appPorts ?? [options.appPort]
  const server = fs
    .readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace(/^( *server )127\.0\.0\.1:3000( [^\n]*\n)/gm, (_line, head: string, tail: string) =>
      ports.map((port) => `${head}127.0.0.1:${port}${tail}`).join(''),
    )
    .replace('listen 80;', `listen 127.0.0.1:${options.port};`)
    .replace('root /var/lib/broadsheet/data/static;', `root ${options.mirrorRoot};`)
    .replaceAll(
      'include /etc/nginx/broadsheet-proxy.conf;',
      `include ${path.join(ROOT, 'deploy/broadsheet-proxy.conf')};`,
    )
  if (!server.includes(`listen 127.0.0.1:${options.port};`))
    throw new Error('deploy/nginx.conf changed shape')
  return mainConfig(options.dir, server)
}

/** The limit: nginx serving files from `root` with gzip_static and nothing else. */
export function plainStaticConfig(options: { dir: string; port: number; root: string }): string {
  return mainConfig(
    options.dir,
    `server { listen 127.0.0.1:${options.port}; root ${options.root}; location / { gzip_static on; default_type text/html; try_files $uri/index.html =404; } }`,
  )
}
