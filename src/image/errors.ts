import type { DetectedImageType, ImageType, OutputImageType } from './types.js'

/** The numbers behind each error code, for building a localized message. */
export interface AvatarImageErrorDetails {
  /** The file has no bytes. */
  empty: { bytes: 0 }
  /** The bytes are not an accepted image type (`detectedType` is undefined when unknown). */
  'unsupported-type': { detectedType: DetectedImageType | undefined; acceptedTypes: readonly ImageType[] }
  /** HEIC/HEIF (iPhone photos): browsers other than Safari cannot decode it. */
  'heic-unsupported': { detectedType: 'image/heic' | 'image/heif' }
  /** SVG can carry scripts and has no pixels of its own: never accepted. */
  'svg-not-allowed': { detectedType: 'image/svg+xml' }
  'file-too-large': { bytes: number; maxBytes: number }
  /** Refused from the header, before any decode (decompression bomb guard). */
  'too-many-pixels': { width: number; height: number; pixels: number; maxPixels: number }
  'too-small': { width: number; height: number; minSide: number }
  /** The header is missing or malformed. */
  corrupt: { detectedType: ImageType; reason: string }
  /** Even the smallest size at the lowest quality is over the budget. */
  'cannot-fit': { maxBytes: number; smallestBytes: number; smallestSize: number; type: OutputImageType }
  /** The browser could not decode the image (truncated data, unsupported variant, out of memory). */
  'decode-failed': { detectedType: ImageType }
  aborted: Record<string, never>
}

/** Discriminant of `AvatarImageError`. */
export type AvatarImageErrorCode = keyof AvatarImageErrorDetails

/**
 * The only error this layer throws for bad input. `code` says what went wrong,
 * `details` the numbers involved; `message` is for developers, not users.
 *
 * @example
 * if (isAvatarImageError(error) && error.code === 'file-too-large') {
 *   showMessage(t.tooLarge(error.details.bytes, error.details.maxBytes))
 * }
 */
export class AvatarImageError<C extends AvatarImageErrorCode = AvatarImageErrorCode> extends Error {
  override readonly name = 'AvatarImageError'
  readonly code: C
  readonly details: AvatarImageErrorDetails[C]

  constructor(code: C, details: AvatarImageErrorDetails[C], message?: string, options?: { cause?: unknown }) {
    super(message ?? defaultMessage(code, details), options)
    this.code = code
    this.details = details
  }
}

/** Union of every `AvatarImageError` variant: narrowing on `code` narrows `details`. */
export type AnyAvatarImageError = { [C in AvatarImageErrorCode]: AvatarImageError<C> }[AvatarImageErrorCode]

/**
 * Type guard that also works across realms and worker boundaries, where
 * `instanceof` does not.
 */
export function isAvatarImageError(error: unknown): error is AnyAvatarImageError {
  return error instanceof Error && error.name === 'AvatarImageError' && typeof (error as { code?: unknown }).code === 'string'
}

function defaultMessage<C extends AvatarImageErrorCode>(code: C, details: AvatarImageErrorDetails[C]): string {
  return `${code}: ${JSON.stringify(details)}`
}

/** Throws the `aborted` error once `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AvatarImageError('aborted', {}, 'The crop was aborted')
}
