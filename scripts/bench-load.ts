/**
 * Load generation and statistics for `npm run bench`: wrk runs (with a Lua summary so p99.9 is
 * known), the median of alternating runs and their spread, and the saturation knee.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
export const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p))

export interface LoadResult {
  requestsPerSecond: number
  /** Milliseconds. */
  p50: number
  p99: number
  p999: number
  errors: number
  /** Anything else the Lua script reported (hit counts in the news scenario). */
  extra: Record<string, number>
}

export interface LoadOptions {
  connections: number
  seconds: number
  headers?: Record<string, string>
  /** A Lua script and its arguments (default: the summary script alone). */
  script?: { file: string; args: string[] }
  threads?: number
}

/** One wrk run against `url`. Async: servers in this process keep answering meanwhile. */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  if (!WRK) throw new Error('npm run bench needs wrk (apt-get install wrk)')
  const script = options.script ?? { file: path.join(ROOT, 'scripts/bench-summary.lua'), args: [] }
  const threads = options.threads ?? 1
  const args = [
    `-t${threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
  ]
  const headers = { 'accept-encoding': 'gzip', ...options.headers }
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
  args.push('-s', script.file, url, ...(script.args.length > 0 ? ['--', ...script.args] : []))
  const child = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  await new Promise((resolve) => child.once('close', resolve))
  const line = /^BENCH (\{.*\})$/m.exec(out)?.[1]
  if (!line) throw new Error(`wrk gave no summary for ${url}:\n${out}`)
  const summary = JSON.parse(line) as Record<string, number>
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 10) / 100
  const { requests = 0, seconds = 1, p50, p99, p999, errors = 0, non2xx = 0, ...extra } = summary
  return {
    requestsPerSecond: Math.round(requests / seconds),
    p50: ms(p50),
    p99: ms(p99),
    p999: ms(p999),
    errors: errors + non2xx,
    extra,
  }
}

/** The median and the range of a list of numbers. */
export interface Spread {
  median: number
  min: number
  max: number
  values: number[]
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, values }
}

/** "0.93 (0.88–0.97)": a median with its range, as printed in the tables. */
export function formatSpread(s: Spread, format: (n: number) => string): string {
  if (s.values.length < 2) return format(s.median)
  return `${format(s.median)} (${format(s.min)}–${format(s.max)})`
}

/**
 * Several runs of each target, alternating their order every round, so that a slow moment of
 * this shared machine falls on all of them alike. Returns every target's results, in rounds.
 */
export async function alternate(
  targets: { name: string; url: string; headers?: Record<string, string> }[],
  rounds: number,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<Map<string, LoadResult[]>> {
  const results = new Map(targets.map((t) => [t.name, [] as LoadResult[]]))
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse()
    for (const target of order) {
      const result = await runLoad(target.url, { ...options, headers: target.headers })
      results.get(target.name)!.push(result)
      await drained(target.url, target.headers)
      log(`${target.name} (round ${round + 1}/${rounds}): ${result.requestsPerSecond} req/s`)
    }
  }
  return results
}

/**
 * Wait until the server has worked through what a run left queued (wrk stops at its deadline,
 * but requests it sent are still being answered): one more request to the same address, which
 * waits behind them. Otherwise the next run, maybe of another target, measures that backlog.
 */
async function drained(url: string, headers: Record<string, string> = {}): Promise<void> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(120_000) })
    await response.arrayBuffer()
  } catch {
    // A server that gave up on it is drained as well.
  }
}

/**
 * The fewest connections at which the server is CPU-bound: throughput at each step of
 * `steps`, and the first step after which one more step adds less than 5 %, but never fewer
 * than `atLeast`.
 */
export async function findKnee(
  url: string,
  steps: number[],
  seconds: number,
  atLeast: number,
): Promise<{ knee: number; curve: { connections: number; requestsPerSecond: number }[] }> {
  const curve = []
  for (const connections of steps) {
    const { requestsPerSecond } = await runLoad(url, { connections, seconds })
    curve.push({ connections, requestsPerSecond })
  }
  let knee = steps[steps.length - 1]!
  for (let i = 0; i < curve.length - 1; i++) {
    if (curve[i + 1]!.requestsPerSecond < curve[i]!.requestsPerSecond * 1.05) {
      knee = curve[i]!.connections
      break
    }
  }
  return { knee: Math.max(knee, atLeast), curve }
}
