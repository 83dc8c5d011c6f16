/**
 * @module accept-encoding
 * Pick the best stored variant for a request's `Accept-Encoding`: the client's highest q-value,
 * ties going br, then gzip, then identity.
 */
import type { Encoding } from './page-cache.js'

/**
 * The encoding to answer with. Honours q-values (`gzip;q=0` refuses gzip) and `*`.
 * @example chooseEncoding('gzip, deflate, br') // 'br'
 */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity'
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name.trim(), Number.isNaN(weight) ? 0 : weight)
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0
  const br = weightOf('br')
  const gzip = Math.max(weightOf('gzip'), weights.get('x-gzip') ?? 0)
  if (br <= 0 && gzip <= 0) return 'identity'
  // Equal preference (the usual case): brotli, the smaller one.
  return br >= gzip ? 'br' : 'gzip'
}
