import { ascii, uint32 } from './byte-reader.js'
import type { DetectedImageType } from './types.js'

/** How many leading bytes `detectImageType` looks at (SVG may start with a long comment). */
export const SNIFF_BYTES = 4096

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs'])
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'miaf'])
const AVIF_BRANDS = new Set(['avif', 'avis'])

/**
 * The type of a file from its magic bytes; `undefined` when unknown.
 * Names and `Blob.type` are never trusted: Authgear stores whatever it is sent.
 */
export function detectImageType(bytes: Uint8Array): DetectedImageType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(bytes, 4, 4) === 'ftyp') return isobmffType(bytes)
  if (starts(0x42, 0x4d) && bytes.length >= 26) return 'image/bmp'
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff'
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf'
  if (starts(0xff, 0x0a) || starts(0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20)) return 'image/jxl'
  if (starts(0, 0, 1, 0) && bytes.length >= 22) return 'image/x-icon'
  if (looksLikeSvg(bytes)) return 'image/svg+xml'
  return undefined
}

/** AVIF and HEIC share the ISO-BMFF `ftyp` box; the brands tell them apart. */
function isobmffType(bytes: Uint8Array): DetectedImageType | undefined {
  const boxSize = Math.min(uint32(bytes, 0) ?? 0, bytes.length)
  const major = ascii(bytes, 8, 4)
  const brands = [major]
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, 4))
  // A HEIC major brand wins even when AVIF is listed as compatible, and vice versa.
  if (HEIC_BRANDS.has(major)) return 'image/heic'
  if (AVIF_BRANDS.has(major)) return 'image/avif'
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'image/avif'
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic'
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'image/heif'
  return undefined
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES))
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (!trimmed.startsWith('<')) return false
  return /<svg[\s>]/i.test(trimmed) && !/<html[\s>]/i.test(trimmed)
}
