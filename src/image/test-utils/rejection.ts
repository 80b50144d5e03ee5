import { isAvatarImageError, type AnyAvatarImageError } from '../errors.js'

/** The `AvatarImageError` a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AnyAvatarImageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isAvatarImageError(error)) throw new Error(`expected an AvatarImageError, got ${String(error)}`)
  return error
}
