import { ascii, uint16, type ByteReader } from './byte-reader.js'
import { checkDimensions, type RawHeader } from './header.js'

/** Enough to meet the first frame and usually the second; image data is skipped block by block. */
const SCAN_LIMIT = 256 * 1024

/**
 * The logical screen gives the size. Walking the blocks up to the second frame
 * tells whether it is animated and whether the first frame is transparent.
 */
export async function readGifHeader(reader: ByteReader): Promise<RawHeader> {
  const head = await reader.bytes(0, 13)
  const { width, height } = checkDimensions(uint16(head, 6, true), uint16(head, 8, true))
  const packed = head[10] ?? 0
  let offset = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0)
  let frames = 0
  let hasAlpha = false
  let loops = false

  const skipSubBlocks = async (start: number): Promise<number> => {
    let at = start
    while (at < SCAN_LIMIT) {
      const size = (await reader.bytes(at, 1))[0]
      if (size === undefined) return SCAN_LIMIT
      at += 1 + size
      if (size === 0) break
    }
    return at
  }

  while (offset < SCAN_LIMIT && frames < 2) {
    const block = await reader.bytes(offset, 14)
    const introducer = block[0]
    if (introducer === 0x21) {
      const label = block[1]
      // Graphic control extension: bit 0 of its packed byte is the transparency flag.
      if (label === 0xf9 && ((block[3] ?? 0) & 0x01) === 1) hasAlpha = true
      if (label === 0xff && ascii(block, 3, 11) === 'NETSCAPE2.0') loops = true
      offset = await skipSubBlocks(offset + 2)
    } else if (introducer === 0x2c) {
      frames += 1
      const [left, top, w, h] = [0, 2, 4, 6].map((i) => uint16(block, 1 + i, true))
      // A first frame smaller than the screen leaves transparent background around it.
      if (frames === 1 && (left !== 0 || top !== 0 || w !== width || h !== height)) hasAlpha = true
      const framePacked = block[9] ?? 0
      const localTable = framePacked & 0x80 ? 3 * 2 ** ((framePacked & 0x07) + 1) : 0
      offset = await skipSubBlocks(offset + 10 + localTable + 1)
    } else {
      break // trailer (0x3b) or garbage: the decoder decides
    }
  }
  return { width, height, orientation: 1, hasAlpha, animated: frames > 1 || loops }
}
