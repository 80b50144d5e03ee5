import { ascii, uint16, type ByteReader } from './byte-reader.js'
import { checkDimensions, HeaderError, type RawHeader } from './header.js'
import { readExifOrientation } from './orientation.js'
import type { ExifOrientation } from './types.js'

/** Start-of-frame markers (every coding process); C4, C8 and CC are other segments. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])
/** Markers without a length field. */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8])
/** Real files have a handful of segments; this only bounds hostile ones. */
const MAX_SEGMENTS = 4096

/**
 * Walks the JPEG segments up to the frame header, reading only each segment's
 * 4-byte head (and the EXIF block): the frame header may sit after large APPn
 * segments (ICC profiles, thumbnails, XMP), well past the first 64 KB.
 */
export async function readJpegHeader(reader: ByteReader): Promise<RawHeader> {
  let offset = 2
  let orientation: ExifOrientation | undefined
  for (let segment = 0; segment < MAX_SEGMENTS; segment++) {
    const head = await reader.bytes(offset, 4)
    if (head.length < 2) throw new HeaderError('the file ends before the frame header')
    if (head[0] !== 0xff) throw new HeaderError(`no marker at byte ${offset}`)
    const marker = head[1] as number
    if (marker === 0xff) {
      offset += 1 // fill byte
      continue
    }
    if (STANDALONE.has(marker)) {
      offset += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) throw new HeaderError('image data before the frame header')
    const length = uint16(head, 2)
    if (length === undefined || length < 2) throw new HeaderError(`bad segment length at byte ${offset}`)
    if (SOF.has(marker)) {
      const frame = await reader.bytes(offset + 4, 6)
      const { width, height } = checkDimensions(uint16(frame, 3), uint16(frame, 1))
      return { width, height, orientation: orientation ?? 1, hasAlpha: false, animated: false }
    }
    if (marker === 0xe1 && orientation === undefined) {
      const app1 = await reader.bytes(offset + 4, length - 2)
      // Browsers use the first EXIF APP1 only; XMP also lives in APP1.
      if (ascii(app1, 0, 6) === 'Exif\0\0') orientation = readExifOrientation(app1.subarray(6))
    }
    offset += 2 + length
  }
  throw new HeaderError('too many segments before the frame header')
}
