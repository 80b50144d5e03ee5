import type { SVGProps } from 'react'

// Decorative: every button that shows one has its own accessible name.
const base: SVGProps<SVGSVGElement> = {
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
}

/** A magnifier with a plus. */
export function ZoomInIcon() {
  return (
    <svg {...base}>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.35-4.35M11 8v6M8 11h6" />
    </svg>
  )
}

/** A magnifier with a minus. */
export function ZoomOutIcon() {
  return (
    <svg {...base}>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.35-4.35M8 11h6" />
    </svg>
  )
}

/** A clockwise arrow. Rotation arrows are physical directions: never mirrored in right-to-left layouts. */
export function RotateClockwiseIcon() {
  return (
    <svg {...base}>
      <path d="M23 4v6h-6" />
      <path d="M20.49 15a9 9 0 1 1-2.12-9.36L23 10" />
    </svg>
  )
}

/** A counterclockwise arrow (not mirrored either). */
export function RotateCounterclockwiseIcon() {
  return (
    <svg {...base}>
      <path d="M1 4v6h6" />
      <path d="M3.51 15a9 9 0 1 0 2.13-9.36L1 10" />
    </svg>
  )
}
