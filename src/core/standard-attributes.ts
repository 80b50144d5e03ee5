import type { StandardAttributes } from './operations.js'

/** Keys Authgear derives and reads back but ignores on write. */
export const DERIVED_STANDARD_ATTRIBUTE_KEYS = ['email_verified', 'phone_number_verified', 'updated_at'] as const

/**
 * The whole standard-attributes object to write back so that only `picture` changes:
 * `updateUser` replaces the object, so every other key is carried over as read.
 *
 * @param current the user's standard attributes as just read
 * @param picture the new picture URL, or `null` to remove it
 */
export function withPicture(current: StandardAttributes, picture: string | null): StandardAttributes {
  const next: StandardAttributes = { ...current }
  for (const key of DERIVED_STANDARD_ATTRIBUTE_KEYS) delete next[key]
  if (picture === null) delete next.picture
  else next.picture = picture
  return next
}
