/**
 * Original, generated illustrations for demo content: SVG compositions derived from a seed
 * string, in a visual language of the story's section, so every story gets its own picture and
 * nothing is borrowed from anyone.
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

/** Sub-sections draw in their parent's language. */
const PARENT: Record<string, string> = {
  local: 'news',
  politics: 'news',
  europe: 'world',
  asia: 'world',
  football: 'sport',
  ai: 'tech',
}

type Palette = [string, string, string, string]
type Rnd = () => number

const W = 1600
const H = 900

/**
 * A 1600×900 landscape illustration. Each section has its own visual language, so a page of
 * stories reads as a newspaper: News a city skyline, World a globe with routes, Life & Style
 * leaves and a table setting, Sport a running track, Entertainment a stage under spotlights,
 * Health a pulse line on a soft grid, Tech a circuit board, Travel mountains under a sun.
 */
export function storyIllustration(seed: string, section: string): string {
  const key = PARENT[section] ?? section
  const palette = PALETTES[key] ?? PALETTES.news!
  const draw = MOTIFS[key] ?? skyline
  const body = draw(palette, random(seed))
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="${palette[0]}"/>${body}</svg>\n`
}

const r = (rnd: Rnd, min: number, max: number) => Math.round(min + rnd() * (max - min))

/** News: a city skyline at dusk, lit windows, a moon. */
function skyline([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out = [
    `<circle cx="${r(rnd, 200, 1400)}" cy="${r(rnd, 120, 260)}" r="${r(rnd, 60, 110)}" fill="${accent}" fill-opacity="0.85"/>`,
  ]
  for (const [layer, fill, top] of [
    [0, mid, 260],
    [1, deep, 420],
  ] as const) {
    let x = -20
    while (x < W) {
      const w = r(rnd, 90, 220)
      const y = r(rnd, top, top + 280)
      out.push(
        `<rect x="${x}" y="${y}" width="${w}" height="${H - y}" fill="${fill}"${layer ? '' : ' fill-opacity="0.8"'}/>`,
      )
      if (layer === 1)
        for (let wy = y + 30; wy < H - 40; wy += 46)
          for (let wx = x + 18; wx < x + w - 24; wx += 38)
            if (rnd() < 0.35)
              out.push(
                `<rect x="${wx}" y="${wy}" width="16" height="22" fill="${light}" fill-opacity="0.7"/>`,
              )
      x += w + r(rnd, 0, 24)
    }
  }
  return out.join('')
}

/** World: a globe with meridians, parallels and flight routes. */
function globe([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const cx = r(rnd, 600, 1000)
  const cy = r(rnd, 420, 520)
  const R = r(rnd, 330, 400)
  const out = [`<circle cx="${cx}" cy="${cy}" r="${R}" fill="${mid}"/>`]
  for (let i = 1; i < 6; i++)
    out.push(
      `<ellipse cx="${cx}" cy="${cy}" rx="${Math.round((R * i) / 6)}" ry="${R}" fill="none" stroke="${light}" stroke-opacity="0.35" stroke-width="3"/>`,
    )
  for (let i = -2; i <= 2; i++) {
    const y = cy + Math.round((R * i) / 3)
    const half = Math.round(Math.sqrt(R * R - (y - cy) ** 2))
    out.push(
      `<line x1="${cx - half}" y1="${y}" x2="${cx + half}" y2="${y}" stroke="${light}" stroke-opacity="0.35" stroke-width="3"/>`,
    )
  }
  for (let i = 0; i < 5; i++) {
    const blob = r(rnd, 60, 150)
    out.push(
      `<ellipse cx="${cx + r(rnd, -R / 2, R / 2)}" cy="${cy + r(rnd, -R / 2, R / 2)}" rx="${blob}" ry="${Math.round(blob * 0.6)}" fill="${deep}" fill-opacity="0.55"/>`,
    )
  }
  for (let i = 0; i < 3; i++) {
    const x1 = r(rnd, 80, 500)
    const x2 = r(rnd, 1100, 1520)
    const y1 = r(rnd, 200, 800)
    const y2 = r(rnd, 150, 750)
    out.push(
      `<path d="M${x1} ${y1} Q ${(x1 + x2) / 2} ${r(rnd, 0, 150)} ${x2} ${y2}" fill="none" stroke="${accent}" stroke-width="5" stroke-dasharray="18 14"/><circle cx="${x2}" cy="${y2}" r="12" fill="${accent}"/>`,
    )
  }
  return out.join('')
}

/** Life & Style: a table seen from above, a plate and cup, leaves around. */
function leaves([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out = [`<rect width="${W}" height="${H}" fill="${light}" fill-opacity="0.18"/>`]
  for (let i = 0; i < 14; i++) {
    const x = r(rnd, -60, W + 60)
    const y = r(rnd, -60, H + 60)
    const len = r(rnd, 120, 260)
    out.push(
      `<ellipse cx="${x}" cy="${y}" rx="${len}" ry="${Math.round(len * 0.32)}" transform="rotate(${r(rnd, 0, 180)} ${x} ${y})" fill="${i % 2 ? mid : deep}" fill-opacity="0.85"/>`,
    )
  }
  const px = r(rnd, 550, 1050)
  const py = r(rnd, 380, 520)
  out.push(
    `<circle cx="${px}" cy="${py}" r="230" fill="${light}"/><circle cx="${px}" cy="${py}" r="170" fill="none" stroke="${mid}" stroke-width="6"/>`,
    `<circle cx="${px + 340}" cy="${py - 150}" r="90" fill="${light}"/><circle cx="${px + 340}" cy="${py - 150}" r="62" fill="${accent}"/>`,
  )
  return out.join('')
}

/** Sport: a running track's lanes sweeping across, a ball in flight. */
function track([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out = [
    `<rect y="${H * 0.45}" width="${W}" height="${H * 0.55}" fill="${mid}" fill-opacity="0.9"/>`,
  ]
  const bend = r(rnd, 200, 500)
  for (let lane = 0; lane < 7; lane++) {
    const y = 430 + lane * 70
    out.push(
      `<path d="M-20 ${y} Q ${W / 2} ${y - bend} ${W + 20} ${y}" fill="none" stroke="${light}" stroke-width="6" stroke-opacity="0.85"/>`,
    )
  }
  for (let i = 0; i < 6; i++) {
    const x = r(rnd, 0, W)
    out.push(
      `<polygon points="${x},0 ${x + 90},0 ${x - 260},${H} ${x - 350},${H}" fill="${deep}" fill-opacity="0.25"/>`,
    )
  }
  const bx = r(rnd, 1000, 1400)
  const by = r(rnd, 140, 300)
  out.push(
    `<circle cx="${bx}" cy="${by}" r="80" fill="${accent}"/><path d="M${bx - 80} ${by} Q ${bx} ${by - 50} ${bx + 80} ${by}" fill="none" stroke="${deep}" stroke-width="6"/>`,
  )
  return out.join('')
}

/** Entertainment: a stage with curtains, spotlight beams and stars. */
function stage([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out: string[] = []
  for (let i = 0; i < 3; i++) {
    const x = r(rnd, 300, 1300)
    out.push(
      `<polygon points="${x - 30},0 ${x + 30},0 ${x + 260},${H} ${x - 260},${H}" fill="${light}" fill-opacity="0.16"/>`,
    )
  }
  out.push(
    `<ellipse cx="${W / 2}" cy="${H - 40}" rx="620" ry="90" fill="${accent}" fill-opacity="0.55"/>`,
  )
  for (const side of [0, 1])
    for (let fold = 0; fold < 5; fold++) {
      const x = side ? W - 70 * (fold + 1) : 70 * fold
      out.push(`<rect x="${x}" y="0" width="70" height="${H}" fill="${fold % 2 ? mid : deep}"/>`)
    }
  out.push(`<path d="M0 0 H ${W} V 90 Q ${W / 2} 170 0 90 Z" fill="${mid}"/>`)
  for (let i = 0; i < 12; i++)
    out.push(
      `<circle cx="${r(rnd, 420, 1180)}" cy="${r(rnd, 150, 520)}" r="${r(rnd, 3, 8)}" fill="${light}"/>`,
    )
  return out.join('')
}

/** Health: a heartbeat line over a soft grid, a cross. */
function pulse([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out: string[] = []
  for (let x = 0; x <= W; x += 80)
    out.push(
      `<line x1="${x}" y1="0" x2="${x}" y2="${H}" stroke="${mid}" stroke-opacity="0.5" stroke-width="2"/>`,
    )
  for (let y = 0; y <= H; y += 80)
    out.push(
      `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="${mid}" stroke-opacity="0.5" stroke-width="2"/>`,
    )
  const base = r(rnd, 420, 520)
  const points = [`0,${base}`]
  for (let x = 120; x < W; x += r(rnd, 220, 360)) {
    const peak = r(rnd, 180, 300)
    points.push(
      `${x},${base}`,
      `${x + 30},${base - peak}`,
      `${x + 60},${base + peak * 0.5}`,
      `${x + 90},${base}`,
    )
  }
  points.push(`${W},${base}`)
  out.push(
    `<polyline points="${points.join(' ')}" fill="none" stroke="${light}" stroke-width="10" stroke-linejoin="round"/>`,
  )
  const cx = r(rnd, 1150, 1400)
  const cy = r(rnd, 130, 220)
  out.push(
    `<rect x="${cx - 30}" y="${cy - 90}" width="60" height="180" rx="10" fill="${accent}"/><rect x="${cx - 90}" y="${cy - 30}" width="180" height="60" rx="10" fill="${accent}"/>`,
  )
  out.push(
    `<circle cx="${r(rnd, 150, 500)}" cy="${r(rnd, 650, 820)}" r="${r(rnd, 140, 220)}" fill="${deep}" fill-opacity="0.45"/>`,
  )
  return out.join('')
}

/** Tech: a circuit board: traces at right angles, pads and a chip. */
function circuit([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out: string[] = []
  for (let i = 0; i < 22; i++) {
    let x = r(rnd, 0, 20) * 80
    let y = r(rnd, 0, 11) * 80
    const d = [`M${x} ${y}`]
    for (let s = 0; s < 4; s++) {
      if (s % 2) y = Math.max(0, Math.min(H, y + r(rnd, -3, 3) * 80))
      else x = Math.max(0, Math.min(W, x + r(rnd, -4, 4) * 80))
      d.push(`L${x} ${y}`)
    }
    out.push(
      `<path d="${d.join(' ')}" fill="none" stroke="${i % 3 ? mid : light}" stroke-width="6" stroke-opacity="0.8"/><circle cx="${x}" cy="${y}" r="14" fill="${i % 4 ? light : accent}"/>`,
    )
  }
  const cx = r(rnd, 5, 14) * 80
  const cy = r(rnd, 3, 7) * 80
  out.push(
    `<rect x="${cx - 160}" y="${cy - 120}" width="320" height="240" rx="18" fill="${deep}" stroke="${light}" stroke-width="6"/>`,
  )
  for (let i = 0; i < 6; i++)
    out.push(
      `<rect x="${cx - 140 + i * 52}" y="${cy - 150}" width="24" height="30" fill="${light}"/><rect x="${cx - 140 + i * 52}" y="${cy + 120}" width="24" height="30" fill="${light}"/>`,
    )
  out.push(`<rect x="${cx - 60}" y="${cy - 40}" width="120" height="80" rx="8" fill="${accent}"/>`)
  return out.join('')
}

/** Travel: mountain ranges under a low sun, a road to the horizon, birds. */
function mountains([deep, mid, light, accent]: Palette, rnd: Rnd): string {
  const out = [
    `<rect width="${W}" height="${H}" fill="${accent}" fill-opacity="0.35"/>`,
    `<circle cx="${r(rnd, 300, 1300)}" cy="${r(rnd, 260, 380)}" r="${r(rnd, 110, 170)}" fill="${light}"/>`,
  ]
  for (const [fill, top, opacity] of [
    [mid, 260, 0.9],
    [deep, 420, 1],
  ] as const) {
    const points = [`0,${H}`]
    for (let x = 0; x <= W; x += r(rnd, 160, 320)) points.push(`${x},${r(rnd, top, top + 260)}`)
    points.push(`${W},${r(rnd, top, top + 260)}`, `${W},${H}`)
    out.push(`<polygon points="${points.join(' ')}" fill="${fill}" fill-opacity="${opacity}"/>`)
  }
  const vx = r(rnd, 600, 1000)
  out.push(
    `<polygon points="${vx - 12},640 ${vx + 12},640 ${vx + 320},${H} ${vx - 320},${H}" fill="${light}" fill-opacity="0.35"/>`,
  )
  for (let i = 0; i < 4; i++) {
    const bx = r(rnd, 200, 1400)
    const by = r(rnd, 80, 240)
    out.push(
      `<path d="M${bx - 26} ${by} q 13 -14 26 0 q 13 -14 26 0" fill="none" stroke="${deep}" stroke-width="5"/>`,
    )
  }
  return out.join('')
}

const MOTIFS: Record<string, (palette: Palette, rnd: Rnd) => string> = {
  news: skyline,
  world: globe,
  'life-style': leaves,
  sport: track,
  entertainment: stage,
  health: pulse,
  tech: circuit,
  travel: mountains,
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
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><circle cx="128" cy="128" r="128" fill="${palette[1]}"/><text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="Georgia, serif" font-size="88" fill="${palette[2]}">${initials}</text></svg>\n`
}

/** A 300×250 house advertisement (medium rectangle). */
export function houseAd(title: string, line: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="250" viewBox="0 0 300 250"><rect width="300" height="250" fill="#14213d"/><circle cx="260" cy="30" r="90" fill="#fca311" fill-opacity="0.8"/><text x="20" y="120" font-family="Georgia, serif" font-size="26" fill="#ffffff">${title}</text><text x="20" y="160" font-family="Arial, sans-serif" font-size="15" fill="#e5e5e5">${line}</text><rect x="20" y="190" width="130" height="36" rx="4" fill="#fca311"/><text x="85" y="213" text-anchor="middle" font-family="Arial, sans-serif" font-size="14" fill="#14213d">Find out more</text></svg>\n`
}
