import type { CSSProperties } from 'react'

/**
 * Hides an element from sight but not from screen readers or the keyboard.
 * Inline, not in styles.css, because it must work without our stylesheet.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
}
