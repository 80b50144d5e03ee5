import type { ImageRules } from './types.js'

/** The limits `inspectImage` and `cropImage` apply when none are given. */
export const defaultImageRules: Readonly<ImageRules> = Object.freeze({
  acceptedTypes: Object.freeze(['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const),
  maxBytes: 50 * 1024 * 1024,
  maxPixels: 50_000_000,
  minSide: 128,
})

/** Fills the gaps of partial rules with the defaults. */
export function resolveImageRules(rules: Partial<ImageRules> | undefined): ImageRules {
  return { ...defaultImageRules, ...stripUndefined(rules ?? {}) }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
