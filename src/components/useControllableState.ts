import { useCallback, useEffect, useInsertionEffect, useRef, useState } from 'react'
import { isDevelopment } from './env.js'

/** Parameters of {@link useControllableState}. */
export interface UseControllableStateParams<T> {
  /** The controlled value; `undefined` means uncontrolled. */
  prop?: T | undefined
  /** The starting value when uncontrolled. */
  defaultProp: T
  /** Told every new value, controlled or not. */
  onChange?: ((value: T) => void) | undefined
  /** The prop's name, for the development warning (`'zoom'`). */
  name: string
  /**
   * When two values are the same change (no `onChange` call).
   * @default Object.is
   */
  isEqual?: (a: T, b: T) => boolean
}

/**
 * One piece of state that is controlled (`value` + `onValueChange`) or
 * uncontrolled (`defaultValue`), as Radix does it. Warns in development when a
 * component switches between the two, which otherwise silently drops updates.
 *
 * The setter takes a value or an updater; successive updates in one event see
 * each other even when controlled.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  name,
  isEqual = Object.is,
}: UseControllableStateParams<T>): [T, (next: T | ((previous: T) => T)) => void] {
  const [uncontrolledValue, setUncontrolledValue] = useState(defaultProp)
  const isControlled = prop !== undefined
  const value = isControlled ? prop : uncontrolledValue

  const latest = useRef({ value, isControlled, onChange, isEqual })
  // Insertion effects run before layout effects and event handlers, so the
  // setter never reads a stale value (React's own pattern for useEffectEvent).
  useInsertionEffect(() => {
    latest.current = { value, isControlled, onChange, isEqual }
  })

  const wasControlled = useRef(isControlled)
  useEffect(() => {
    if (wasControlled.current !== isControlled && isDevelopment()) {
      const [from, to] = wasControlled.current ? ['controlled', 'uncontrolled'] : ['uncontrolled', 'controlled']
      console.warn(
        `AvatarEditor: \`${name}\` changed from ${from} to ${to}. ` +
          `Choose one for the component's lifetime: \`${name}\` with its change handler (controlled), ` +
          `or \`default${name[0]!.toUpperCase()}${name.slice(1)}\` (uncontrolled); ` +
          `pass \`null\` rather than \`undefined\` if you mean "no value".`,
      )
    }
    wasControlled.current = isControlled
  }, [isControlled, name])

  const setValue = useCallback((next: T | ((previous: T) => T)) => {
    const current = latest.current
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(current.value) : next
    if (current.isEqual(resolved, current.value)) return
    current.value = resolved
    if (!current.isControlled) setUncontrolledValue(resolved)
    current.onChange?.(resolved)
  }, [])

  return [value, setValue]
}
