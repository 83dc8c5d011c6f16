/** Small inline SVG icons. Decorative: callers provide the accessible text. */
import type { VNode } from 'preact'

export type IconName =
  | 'search'
  | 'menu'
  | 'close'
  | 'facebook'
  | 'x'
  | 'instagram'
  | 'pinterest'
  | 'youtube'
  | 'linkedin'
  | 'email'
  | 'website'
  | 'clock'
  | 'comment'
  | 'chevron-left'
  | 'chevron-right'
  | 'pause'
  | 'play'

const LETTER: Partial<Record<IconName, string>> = {
  facebook: 'f',
  x: '𝕏',
  pinterest: 'P',
  linkedin: 'in',
}

function shape(name: IconName): VNode | VNode[] {
  switch (name) {
    case 'search':
      return [
        <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2" />,
        <path
          d="M15.5 15.5 21 21"
          stroke="currentColor"
          stroke-width="2.4"
          stroke-linecap="round"
        />,
      ]
    case 'menu':
      return (
        <path
          d="M3 6h18M3 12h18M3 18h18"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
        />
      )
    case 'chevron-left':
    case 'chevron-right':
      return (
        <path
          d={name === 'chevron-left' ? 'M15 5 8 12l7 7' : 'M9 5l7 7-7 7'}
          fill="none"
          stroke="currentColor"
          stroke-width="2.6"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      )
    case 'pause':
      return <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />
    case 'play':
      return <path d="M7 4.5v15L19.5 12z" fill="currentColor" />
    case 'close':
      return (
        <path
          d="M5 5l14 14M19 5 5 19"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
        />
      )
    case 'instagram':
      return [
        <rect
          x="3.5"
          y="3.5"
          width="17"
          height="17"
          rx="5"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />,
        <circle cx="12" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2" />,
        <circle cx="17.3" cy="6.7" r="1.3" fill="currentColor" />,
      ]
    case 'youtube':
      return (
        <path
          fill="currentColor"
          fill-rule="evenodd"
          d="M6 5h12a4 4 0 0 1 4 4v6a4 4 0 0 1-4 4H6a4 4 0 0 1-4-4V9a4 4 0 0 1 4-4zm4 4v6l5-3z"
        />
      )
    case 'email':
      return [
        <rect
          x="3"
          y="5"
          width="18"
          height="14"
          rx="2"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />,
        <path d="m3.5 6 8.5 7 8.5-7" fill="none" stroke="currentColor" stroke-width="2" />,
      ]
    case 'website':
      return [
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />,
        <path
          d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
        />,
      ]
    case 'clock':
      return [
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />,
        <path
          d="M12 7v5l3 2"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />,
      ]
    case 'comment':
      return (
        <path
          d="M4 5h16v11H9l-5 4z"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linejoin="round"
        />
      )
    default:
      return (
        <text
          x="12"
          y="18.5"
          text-anchor="middle"
          font-family="Arial, Helvetica, sans-serif"
          font-weight="700"
          font-size={name === 'linkedin' ? '15' : '19'}
          fill="currentColor"
        >
          {LETTER[name] ?? '?'}
        </text>
      )
  }
}

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      class={`icon icon-${name}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      {shape(name)}
    </svg>
  )
}
