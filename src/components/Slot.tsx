import {
  Children,
  cloneElement,
  forwardRef,
  isValidElement,
  version,
  type CSSProperties,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react'
import { composeRefs } from './compose.js'

/** Props of {@link Slot}: whatever the part would have put on its own element. */
export interface SlotProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode
}

type AnyProps = Record<string, unknown>

// React 19 moved `ref` into props and warns when `element.ref` is read.
const refInProps = Number.parseInt(version, 10) >= 19

function childRef(element: ReactElement): Ref<unknown> | undefined {
  return (refInProps ? (element.props as AnyProps).ref : (element as unknown as { ref?: unknown }).ref) as Ref<unknown> | undefined
}

/**
 * Renders its only child with the part's props merged in (the `asChild`
 * pattern): the child's handlers run first and can `preventDefault()`, its
 * `className` and `style` are combined with ours, its other props win.
 */
export const Slot = forwardRef<HTMLElement, SlotProps>(function Slot({ children, ...slotProps }, forwardedRef) {
  const child = Children.only(children)
  if (!isValidElement(child)) return null
  const childProps = child.props as AnyProps
  const merged: AnyProps = { ...slotProps, ...childProps }
  for (const [key, ours] of Object.entries(slotProps as AnyProps)) {
    const theirs = childProps[key]
    if (/^on[A-Z]/.test(key) && typeof ours === 'function') {
      merged[key] =
        typeof theirs === 'function'
          ? (event: { defaultPrevented?: boolean }) => {
              ;(theirs as (e: unknown) => void)(event)
              if (!event.defaultPrevented) (ours as (e: unknown) => void)(event)
            }
          : ours
    } else if (key === 'className' && theirs) {
      merged[key] = [ours, theirs].filter(Boolean).join(' ')
    } else if (key === 'style' && theirs) {
      merged[key] = { ...(ours as CSSProperties), ...(theirs as CSSProperties) }
    }
  }
  merged.ref = composeRefs(forwardedRef, childRef(child))
  return cloneElement(child, merged)
})
