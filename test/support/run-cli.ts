import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** The built CLI: what the `broadsheet` bin runs (the global setup rebuilds it when stale). */
export const CLI = path.join(ROOT, 'dist/cli/main.js')

/** Run `broadsheet <args>` (the built CLI) with a clean, explicit environment. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 150_000,
  asUser?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env, asUser)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`broadsheet ${args.join(' ')} timed out; stderr: ${stderr}`))
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Start the CLI; with `asUser`, as that system user through runuser (the caller must be root). */
export function startCli(
  args: string[],
  env: Record<string, string>,
  asUser?: string,
): ChildProcess {
  const command = [process.execPath, CLI, ...args]
  const [file, ...rest] = asUser ? ['runuser', '-u', asUser, '--', ...command] : command
  return spawn(file!, rest, {
    cwd: env.CWD ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: asUser ? '/tmp' : (process.env.HOME ?? '/tmp'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const net = await import('node:net')
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}
