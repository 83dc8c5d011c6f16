/**
 * A word-level diff (longest common subsequence over words and whitespace), for comparing two
 * revisions side by side. Long texts fall back to comparing paragraph by paragraph-sized chunks
 * so the table stays small.
 */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

const MAX_CELLS = 4_000_000

/** Split into words and the whitespace between them, so joining the tokens gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? []
}

/** The edit from `before` to `after` as runs of unchanged, removed and added text. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before)
  const b = tokenize(after)
  // Trim the common head and tail first: most edits touch a small part of a long article.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const parts: DiffPart[] = []
  push(parts, 'same', a.slice(0, head).join(''))
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    push(parts, 'removed', midA.join(''))
    push(parts, 'added', midB.join(''))
  } else {
    for (const part of lcsDiff(midA, midB)) push(parts, part.kind, part.text)
  }
  push(parts, 'same', a.slice(a.length - tail).join(''))
  return parts
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length
  const m = b.length
  const width = m + 1
  // lengths[i * width + j] = LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0)
    }
  }
  const parts: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i] ?? '')
      i++
      j++
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      push(parts, 'removed', a[i] ?? '')
      i++
    } else {
      push(parts, 'added', b[j] ?? '')
      j++
    }
  }
  while (i < n) push(parts, 'removed', a[i++] ?? '')
  while (j < m) push(parts, 'added', b[j++] ?? '')
  return parts
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return
  const last = parts[parts.length - 1]
  if (last && last.kind === kind) last.text += text
  else parts.push({ kind, text })
}
