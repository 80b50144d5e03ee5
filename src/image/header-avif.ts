import { ascii, uint16, uint32, type ByteReader } from './byte-reader.js'
import { checkDimensions, HeaderError, type RawHeader } from './header.js'
import { composeOrientations } from './orientation.js'
import type { ExifOrientation } from './types.js'

const MAX_BOXES = 64
/** `meta` holds only item descriptions; anything larger is not a real file. */
const MAX_META_BYTES = 1024 * 1024

interface Box {
  type: string
  /** Offset of the payload (after the header) and its length. */
  start: number
  length: number
}

/**
 * AVIF (HEIF with AV1): the primary item's `ispe` gives the stored size, its
 * `irot`/`imir` the transform browsers apply (turned into an EXIF-style
 * orientation). `clap` cropping is ignored.
 */
export async function readAvifHeader(reader: ByteReader): Promise<RawHeader> {
  const meta = await findTopLevelBox(reader, 'meta')
  if (!meta) throw new HeaderError('no meta box')
  if (meta.length > MAX_META_BYTES) throw new HeaderError('meta box too large')
  const bytes = await reader.bytes(meta.start, meta.length)
  // `meta` is a FullBox: 4 bytes of version and flags before its children.
  const children = listBoxes(bytes, 4, bytes.length)
  const pitm = children.find((box) => box.type === 'pitm')
  const iprp = children.find((box) => box.type === 'iprp')
  if (!iprp) throw new HeaderError('no iprp box')
  const primary = pitm ? readPrimaryItem(bytes, pitm) : 1
  const iprpChildren = listBoxes(bytes, iprp.start, iprp.start + iprp.length)
  const ipco = iprpChildren.find((box) => box.type === 'ipco')
  if (!ipco) throw new HeaderError('no ipco box')
  const properties = listBoxes(bytes, ipco.start, ipco.start + ipco.length)
  const ipma = iprpChildren.filter((box) => box.type === 'ipma')
  const indices = ipma.flatMap((box) => readAssociations(bytes, box, primary))
  const associated = indices.map((index) => properties[index - 1]).filter((box): box is Box => box !== undefined)

  const ispe = associated.find((box) => box.type === 'ispe')
  if (!ispe) throw new HeaderError('no ispe property for the primary item')
  const { width, height } = checkDimensions(uint32(bytes, ispe.start + 4), uint32(bytes, ispe.start + 8))

  // Transforms apply in association order.
  let orientation: ExifOrientation = 1
  for (const box of associated) {
    const value = bytes[box.start] ?? 0
    if (box.type === 'irot') orientation = composeOrientations(orientation, ([1, 8, 3, 6] as const)[value & 3] as ExifOrientation)
    if (box.type === 'imir') orientation = composeOrientations(orientation, (value & 1) === 0 ? 2 : 4)
  }
  const hasAlpha = properties.some((box) => box.type === 'auxC' && ascii(bytes, box.start + 4, box.length - 4).includes('alpha'))
  const ftyp = await findTopLevelBox(reader, 'ftyp')
  const animated = ftyp !== undefined && ascii(await reader.bytes(ftyp.start, 4), 0, 4) === 'avis'
  return { width, height, orientation, hasAlpha, animated }
}

async function findTopLevelBox(reader: ByteReader, type: string): Promise<Box | undefined> {
  let offset = 0
  for (let i = 0; i < MAX_BOXES && offset < reader.size; i++) {
    const head = await reader.bytes(offset, 16)
    const box = parseBoxHeader(head, 0, reader.size - offset)
    if (!box) return undefined
    if (box.type === type) return { ...box, start: offset + box.start }
    offset += box.start + box.length
  }
  return undefined
}

function listBoxes(bytes: Uint8Array, from: number, to: number): Box[] {
  const boxes: Box[] = []
  let offset = from
  while (offset + 8 <= to && boxes.length < 4096) {
    const box = parseBoxHeader(bytes, offset, to - offset)
    if (!box) break
    boxes.push({ ...box, start: offset + box.start })
    offset += box.start + box.length
  }
  return boxes
}

/** A box header at `offset`; `start` is relative to `offset`. */
function parseBoxHeader(bytes: Uint8Array, offset: number, available: number): Box | undefined {
  const size32 = uint32(bytes, offset)
  const type = ascii(bytes, offset + 4, 4)
  if (size32 === undefined || type.length < 4) return undefined
  let headerLength = 8
  let size = size32
  if (size32 === 1) {
    const high = uint32(bytes, offset + 8) ?? 0
    const low = uint32(bytes, offset + 12) ?? 0
    size = high * 2 ** 32 + low
    headerLength = 16
  } else if (size32 === 0) {
    size = available // extends to the end
  }
  if (size < headerLength) return undefined
  return { type, start: headerLength, length: size - headerLength }
}

function readPrimaryItem(bytes: Uint8Array, pitm: Box): number {
  const version = bytes[pitm.start] ?? 0
  return (version === 0 ? uint16(bytes, pitm.start + 4) : uint32(bytes, pitm.start + 4)) ?? 1
}

/** The 1-based `ipco` indices associated with `item`. */
function readAssociations(bytes: Uint8Array, ipma: Box, item: number): number[] {
  const version = bytes[ipma.start] ?? 0
  const flags = bytes[ipma.start + 3] ?? 0
  const end = ipma.start + ipma.length
  const entries = uint32(bytes, ipma.start + 4) ?? 0
  let offset = ipma.start + 8
  for (let entry = 0; entry < entries && offset < end; entry++) {
    const id = version < 1 ? uint16(bytes, offset) : uint32(bytes, offset)
    offset += version < 1 ? 2 : 4
    const count = bytes[offset] ?? 0
    offset += 1
    const indices: number[] = []
    for (let i = 0; i < count; i++) {
      // The top bit marks the property essential; the rest is the index.
      if (flags & 1) indices.push((uint16(bytes, offset) ?? 0) & 0x7fff)
      else indices.push((bytes[offset] ?? 0) & 0x7f)
      offset += flags & 1 ? 2 : 1
    }
    if (id === item) return indices
  }
  return []
}
