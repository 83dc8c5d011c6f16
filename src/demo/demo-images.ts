/**
 * Original, generated illustrations for demo content: abstract SVG compositions derived from a
 * seed string, so every story gets its own picture and nothing is borrowed from anyone.
 * Released with Broadsheet under its licence.
 */

const PALETTES: Record<string, [string, string, string, string]> = {
  news: ['#0f3d5e', '#1f6f8b', '#99c1de', '#f4d35e'],
  world: ['#1b4332', '#2d6a4f', '#95d5b2', '#f6bd60'],
  'life-style': ['#6d2e46', '#a26769', '#ece2d0', '#d5b9b2'],
  sport: ['#14213d', '#fca311', '#e5e5e5', '#2a9d8f'],
  entertainment: ['#3c096c', '#7b2cbf', '#e0aaff', '#ff9e00'],
  health: ['#005f73', '#0a9396', '#94d2bd', '#ee9b00'],
  tech: ['#03045e', '#0077b6', '#90e0ef', '#f72585'],
  travel: ['#264653', '#e76f51', '#f4a261', '#e9c46a'],
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

function random(seed: string): () => number {
  let state = hash(seed) || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 4294967296
  }
}

/** A 1600×900 landscape illustration in the section's palette. */
export function storyIllustration(seed: string, section: string): string {
  const [deep, mid, light, accent] = PALETTES[section] ?? PALETTES.news!
  const rnd = random(seed)
  const shapes: string[] = []
  for (let i = 0; i < 7; i++) {
    const x = Math.round(rnd() * 1600)
    const y = Math.round(rnd() * 900)
    const r = Math.round(120 + rnd() * 340)
    const fill = [mid, light, accent][i % 3]
    shapes.push(
      `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" fill-opacity="${(0.25 + rnd() * 0.5).toFixed(2)}"/>`,
    )
  }
  for (let i = 0; i < 4; i++) {
    const y = Math.round(450 + rnd() * 450)
    const h = Math.round(60 + rnd() * 200)
    shapes.push(
      `<path d="M0 ${y} Q 400 ${y - h} 800 ${y} T 1600 ${y} V 900 H 0 Z" fill="${i % 2 ? deep : mid}" fill-opacity="0.55"/>`,
    )
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900"><rect width="1600" height="900" fill="${deep}"/>${shapes.join('')}</svg>\n`
}

/** A 256×256 avatar: initials on a coloured disc. */
export function avatarIllustration(name: string): string {
  const palette =
    Object.values(PALETTES)[hash(name) % Object.keys(PALETTES).length] ?? PALETTES.news!
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><circle cx="128" cy="128" r="128" fill="${palette[1]}"/><text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="Georgia, serif" font-size="104" fill="${palette[2]}">${initials}</text></svg>\n`
}

/** A 300×250 house advertisement (medium rectangle). */
export function houseAd(title: string, line: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="250" viewBox="0 0 300 250"><rect width="300" height="250" fill="#14213d"/><circle cx="260" cy="30" r="90" fill="#fca311" fill-opacity="0.8"/><text x="20" y="120" font-family="Georgia, serif" font-size="26" fill="#ffffff">${title}</text><text x="20" y="160" font-family="Arial, sans-serif" font-size="15" fill="#e5e5e5">${line}</text><rect x="20" y="190" width="130" height="36" rx="4" fill="#fca311"/><text x="85" y="213" text-anchor="middle" font-family="Arial, sans-serif" font-size="14" fill="#14213d">Find out more</text></svg>\n`
}
