import { ascii, uint32, type ByteReader } from './byte-reader.js'
import { checkDimensions, HeaderError, type RawHeader } from './header.js'
import { readExifOrientation } from './orientation.js'
import type { ExifOrientation } from './types.js'

const MAX_CHUNKS = 1024

/**
 * IHDR gives the size and colour type; the chunks before the first IDAT say
 * whether there is a transparent colour (tRNS), an animation (acTL, APNG)
 * and an EXIF orientation (eXIf, which Chromium applies).
 */
export async function readPngHeader(reader: ByteReader): Promise<RawHeader> {
  const head = await reader.bytes(0, 33)
  if (ascii(head, 12, 4) !== 'IHDR' || uint32(head, 8) !== 13) throw new HeaderError('no IHDR chunk')
  const { width, height } = checkDimensions(uint32(head, 16), uint32(head, 20))
  if (width > 0x7fffffff || height > 0x7fffffff) throw new HeaderError('dimensions out of range')
  const colourType = head[25]
  let hasAlpha = colourType === 4 || colourType === 6
  let animated = false
  let orientation: ExifOrientation = 1

  let offset = 33
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const chunkHead = await reader.bytes(offset, 12)
    const length = uint32(chunkHead, 0)
    const type = ascii(chunkHead, 4, 4)
    if (length === undefined || type.length < 4 || type === 'IDAT' || type === 'IEND') break
    if (type === 'tRNS') hasAlpha = true
    if (type === 'acTL') animated = (uint32(chunkHead, 8) ?? 0) > 1
    if (type === 'eXIf') orientation = readExifOrientation(await reader.bytes(offset + 8, length))
    offset += 12 + length
  }
  return { width, height, orientation, hasAlpha, animated }
}
