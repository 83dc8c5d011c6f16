/** The dashboard's page-view chart: an inline SVG bar chart drawn from the stats endpoint. */
interface Stats {
  days: { date: string; views: number }[]
  top: { articleId: number; title: string; views: number }[]
  total: number
}

const SVG = 'http://www.w3.org/2000/svg'

/** A YYYY-MM-DD day in the site's locale (the page's lang): 7 Nov 2026. */
const day = (iso: string) => {
  const date = new Date(`${iso}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    timeZone: 'UTC',
    dateStyle: 'medium',
  }).format(date)
}

/** Whole numbers in the site's locale (the page's lang): 2,302 views. */
const count = (n: number) =>
  new Intl.NumberFormat(document.documentElement.lang || undefined, {
    maximumFractionDigits: 0,
  }).format(Math.round(n))

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v))
  return node
}

export function drawChart(stats: Stats): SVGElement {
  const width = 720
  const height = 200
  const pad = 24
  const max = Math.max(1, ...stats.days.map((d) => d.views))
  const barWidth = (width - pad * 2) / Math.max(1, stats.days.length)
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + pad}`, role: 'img', width: '100%' })
  const first = day(stats.days[0]?.date ?? '')
  const last = day(stats.days.at(-1)?.date ?? '')
  chart.setAttribute(
    'aria-label',
    `Page views per day from ${first} to ${last}: ${count(stats.total)} in total, at most ${count(max)} in a day.`,
  )
  chart.append(svg('line', { x1: pad, y1: height, x2: width - pad, y2: height, stroke: '#5c5c66' }))
  stats.days.forEach((d, i) => {
    const h = Math.round((d.views / max) * (height - pad))
    const bar = svg('rect', {
      x: pad + i * barWidth + 1,
      y: height - h,
      width: Math.max(1, barWidth - 2),
      height: h,
      fill: '#0b57d0',
    })
    const title = svg('title', {})
    title.textContent = `${day(d.date)}: ${count(d.views)} views`
    bar.append(title)
    chart.append(bar)
  })
  for (const [x, text, anchor] of [
    [pad, first, 'start'],
    [width - pad, last, 'end'],
  ] as const) {
    const label = svg('text', {
      x,
      y: height + 16,
      'font-size': 12,
      'text-anchor': anchor,
      fill: '#1d1d1f',
    })
    label.textContent = text
    chart.append(label)
  }
  return chart
}

async function main(): Promise<void> {
  const box = document.querySelector<HTMLElement>('#views-chart')
  const list = document.querySelector('#top-stories')
  if (!box?.dataset.src) return
  const response = await fetch(box.dataset.src, { credentials: 'same-origin' })
  if (!response.ok) return
  const stats = (await response.json()) as Stats
  box.replaceChildren(drawChart(stats))
  list?.replaceChildren(
    ...stats.top.map((t) => {
      const li = document.createElement('li')
      const a = document.createElement('a')
      a.href = `/admin/articles/${t.articleId}`
      a.textContent = t.title
      li.append(a, ` — ${count(t.views)} views`)
      return li
    }),
  )
  if (stats.top.length === 0 && list) {
    const empty = document.createElement('li')
    empty.textContent = 'No views yet.'
    list.replaceChildren(empty)
  }
}

void main()
