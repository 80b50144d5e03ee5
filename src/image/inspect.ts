import { ByteReader } from './byte-reader.js'
import { AvatarImageError } from './errors.js'
import { HeaderError, type HeaderParser } from './header.js'
import { readAvifHeader } from './header-avif.js'
import { readBmpHeader } from './header-bmp.js'
import { readGifHeader } from './header-gif.js'
import { readJpegHeader } from './header-jpeg.js'
import { readPngHeader } from './header-png.js'
import { readWebpHeader } from './header-webp.js'
import { swapsSides } from './orientation.js'
import { resolveImageRules } from './rules.js'
import { detectImageType, SNIFF_BYTES } from './sniff.js'
import type { ImageInfo, ImageRules, ImageType } from './types.js'

const PARSERS: Record<ImageType, HeaderParser> = {
  'image/jpeg': readJpegHeader,
  'image/png': readPngHeader,
  'image/webp': readWebpHeader,
  'image/gif': readGifHeader,
  'image/avif': readAvifHeader,
  'image/bmp': readBmpHeader,
}

/**
 * Checks a file and reads its type, size and orientation from the header alone,
 * without decoding: a 30000x30000 decompression bomb is refused in milliseconds.
 * Only the first few KB are read (more, in small reads, when a JPEG's frame
 * header follows large metadata).
 *
 * @param blob - The file as picked, dropped or pasted.
 * @param rules - Limits, merged over `defaultImageRules`.
 * @throws AvatarImageError with code `empty`, `unsupported-type`, `heic-unsupported`,
 *   `svg-not-allowed`, `file-too-large`, `corrupt`, `too-many-pixels` or `too-small`.
 */
export async function inspectImage(blob: Blob, rules?: Partial<ImageRules>): Promise<ImageInfo> {
  const { acceptedTypes, maxBytes, maxPixels, minSide } = resolveImageRules(rules)
  const bytes = blob.size
  if (bytes === 0) throw new AvatarImageError('empty', { bytes: 0 })

  const reader = new ByteReader(blob)
  const detectedType = detectImageType(await reader.bytes(0, SNIFF_BYTES))
  if (detectedType === 'image/heic' || detectedType === 'image/heif') throw new AvatarImageError('heic-unsupported', { detectedType })
  if (detectedType === 'image/svg+xml') throw new AvatarImageError('svg-not-allowed', { detectedType })
  if (detectedType === undefined || !isImageType(detectedType) || !acceptedTypes.includes(detectedType)) {
    throw new AvatarImageError('unsupported-type', { detectedType, acceptedTypes })
  }
  if (bytes > maxBytes) throw new AvatarImageError('file-too-large', { bytes, maxBytes })

  const type = detectedType
  let header
  try {
    header = await PARSERS[type](reader)
  } catch (error) {
    if (error instanceof HeaderError) throw new AvatarImageError('corrupt', { detectedType: type, reason: error.message }, undefined, { cause: error })
    throw error
  }
  const swap = swapsSides(header.orientation)
  const width = swap ? header.height : header.width
  const height = swap ? header.width : header.height
  const pixels = width * height
  if (pixels > maxPixels) throw new AvatarImageError('too-many-pixels', { width, height, pixels, maxPixels })
  if (Math.min(width, height) < minSide) throw new AvatarImageError('too-small', { width, height, minSide })

  const info: ImageInfo = { type, width, height, orientation: header.orientation, hasAlpha: header.hasAlpha, bytes }
  if (header.animated) info.animated = true
  return info
}

function isImageType(type: string): type is ImageType {
  return type in PARSERS
}
