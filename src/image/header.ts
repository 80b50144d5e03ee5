import type { ByteReader } from './byte-reader.js'
import type { ExifOrientation } from './types.js'

/** What a format's header says, in stored (not yet oriented) pixels. */
export interface RawHeader {
  width: number
  height: number
  orientation: ExifOrientation
  hasAlpha: boolean
  animated: boolean
}

/** A header parser reads a bounded part of the file through `reader`. */
export type HeaderParser = (reader: ByteReader) => Promise<RawHeader>

/** Thrown by parsers for malformed headers; becomes an `AvatarImageError('corrupt')`. */
export class HeaderError extends Error {
  override readonly name = 'HeaderError'
}

/** Rejects sizes no decoder would accept, so they read as corruption rather than as huge images. */
export function checkDimensions(width: number | undefined, height: number | undefined): { width: number; height: number } {
  if (!width || !height) throw new HeaderError(`invalid dimensions ${width}x${height}`)
  return { width, height }
}
