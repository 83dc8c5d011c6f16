/**
 * Transliterate and slugify a title for URLs.
 * Apostrophes vanish rather than splitting words ("Kim Jong-un’s" → "kim-jong-uns"), accents fold
 * ("Ünïcödé" → "unicode") and Cyrillic/Greek letters are transliterated.
 * @example slugify('Kim Jong-un’s huge swipe at ally') // 'kim-jong-uns-huge-swipe-at-ally'
 */
export function slugify(text: string, maxLength = 80): string {
  const folded = transliterate(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  )
  const slug = folded
    .replace(/['’‘ʼ`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return trimToWord(slug, maxLength)
}

function trimToWord(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut.slice(0, maxLength)).replace(
    /-+$/,
    '',
  )
}

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŋ: 'ng',
  // Cyrillic (after NFKD й→и, ё→е, so the base letters suffice)
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Greek
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
}

function transliterate(text: string): string {
  let out = ''
  for (const ch of text) out += SPECIAL[ch] ?? ch
  return out
}

/**
 * The first free slug among `base`, `base-2`, `base-3`… given a predicate that says whether
 * a candidate is taken. Falls back to `fallback` when the title has no letters we can spell.
 */
export async function uniqueSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
  fallback = 'untitled',
): Promise<string> {
  const root = base || fallback
  if (!(await isTaken(root))) return root
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`
    if (!(await isTaken(candidate))) return candidate
  }
}
