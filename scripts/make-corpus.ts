// Writes the image corpus the tests and the bench read, into test/corpus/generated/.
// Everything is synthetic and deterministic (seeded), made with sharp or by hand;
// nothing is downloaded. Files that exist are kept, so a second run is instant.
//
//   npx tsx scripts/make-corpus.ts           # the test corpus
//   npx tsx scripts/make-corpus.ts --bench   # plus the 48 MP bench input
//   npx tsx scripts/make-corpus.ts --force   # rewrite everything
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createDeflate, crc32 } from 'node:zlib'
import sharp, { type Exif, type Sharp } from 'sharp'
import { alphaPicture, corpusExifMarker, orientationPicture } from '../test/corpus/spec.ts'

/** Bump when any generator changes: the corpus is then rebuilt. */
const CORPUS_VERSION = '4'

export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../test/corpus/generated')

export { alphaPicture, corpusExifMarker, orientationPicture }

type Generator = (path: string) => Promise<void> | void

const photo = (width: number, height: number, seed: number, quality = 90): Generator => async (path) => {
  await sharp(photoPixels(width, height, seed), { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(shapesSvg(width, height, seed)) }])
    .jpeg({ quality })
    .toFile(path)
}

/** Every corpus file and how to make it. */
export const corpusFiles: Record<string, Generator> = {
  'photo-24mp.jpg': photo(6000, 4000, 24),
  // A phone's way: the same picture stored sideways (4000x6000) with EXIF orientation 6, GPS and a maker.
  'phone-24mp-exif6.jpg': async (path) => {
    await sharp(join(dirname(path), 'photo-24mp.jpg')).rotate(270).jpeg({ quality: 92 }).withExif(orientationExif()).withMetadata({ orientation: 6 }).toFile(path)
  },
  'photo-12mp.jpg': photo(4000, 3000, 12),
  'photo-1mp.jpg': photo(1224, 816, 1),
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((o) => [`orientation-${o}.jpg`, orientationJpeg(o)])),
  // Colours stored in Display P3 (as iPhones take them): only a colour-managed decode shows the quadrants' sRGB colours.
  'display-p3.jpg': async (path) => {
    await orientedSharp(1).withIccProfile('p3').jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toFile(path)
  },
  'orientation-6.png': async (path) => {
    await orientedSharp(6).png().withExif(orientationExif()).withMetadata({ orientation: 6 }).toFile(path)
  },
  'orientation-6.webp': async (path) => {
    await orientedSharp(6).webp({ quality: 95 }).withExif(orientationExif()).withMetadata({ orientation: 6 }).toFile(path)
  },
  'alpha.png': async (path) => {
    await alphaSharp().png().toFile(path)
  },
  'alpha.webp': async (path) => {
    await alphaSharp().webp({ quality: 90 }).toFile(path)
  },
  'opaque-alpha.png': async (path) => {
    const pixels = photoPixels(400, 400, 7)
    await sharp(pixels, { raw: { width: 400, height: 400, channels: 3 } }).ensureAlpha(1).png().toFile(path)
  },
  'photo.webp': async (path) => {
    await sharp(photoPixels(800, 600, 3), { raw: { width: 800, height: 600, channels: 3 } }).webp({ quality: 85 }).toFile(path)
  },
  'lossless.webp': async (path) => {
    await sharp(photoPixels(300, 200, 4), { raw: { width: 300, height: 200, channels: 3 } }).webp({ lossless: true }).toFile(path)
  },
  'photo.avif': async (path) => {
    await sharp(photoPixels(640, 480, 5), { raw: { width: 640, height: 480, channels: 3 } }).avif({ quality: 60, effort: 0 }).toFile(path)
  },
  'photo.tif': async (path) => {
    await sharp(photoPixels(320, 240, 6), { raw: { width: 320, height: 240, channels: 3 } }).tiff().toFile(path)
  },
  'photo.bmp': (path) => writeFileSync(path, bmp(200, 150)),
  'progressive.jpg': async (path) => {
    await sharp(photoPixels(800, 600, 8), { raw: { width: 800, height: 600, channels: 3 } }).jpeg({ quality: 85, progressive: true }).toFile(path)
  },
  'cmyk.jpg': async (path) => {
    await sharp(photoPixels(800, 600, 9), { raw: { width: 800, height: 600, channels: 3 } }).toColourspace('cmyk').jpeg({ quality: 90 }).toFile(path)
  },
  'deep-16bit.png': async (path) => {
    await sharp(photoPixels(400, 300, 10), { raw: { width: 400, height: 300, channels: 3 } }).toColourspace('rgb16').png().toFile(path)
  },
  'animated.gif': async (path) => {
    const frames = [[200, 40, 40], [40, 200, 40], [40, 40, 200]].map((rgb) =>
      sharp({ create: { width: 300, height: 300, channels: 3, background: { r: rgb[0]!, g: rgb[1]!, b: rgb[2]! } } }).png().toBuffer(),
    )
    await sharp(await Promise.all(frames), { join: { animated: true } }).gif({ loop: 0 }).toFile(path)
  },
  'late-sof.jpg': async (path) => {
    // A frame header 200 KB into the file, behind big APP segments (as behind ICC profiles or XMP).
    const jpeg = await sharp(photoPixels(640, 400, 11), { raw: { width: 640, height: 400, channels: 3 } }).jpeg({ quality: 85 }).toBuffer()
    const padding = Array.from({ length: 4 }, (_, i) => appSegment(0xec, Buffer.alloc(50_000, 0x41 + i)))
    writeFileSync(path, Buffer.concat([jpeg.subarray(0, 2), ...padding, jpeg.subarray(2)]))
  },
  'truncated.jpg': async (path) => {
    // The frame header survives; half the scan data does not.
    const jpeg = readFileSync(join(dirname(path), 'photo-1mp.jpg'))
    writeFileSync(path, jpeg.subarray(0, Math.floor(jpeg.length / 2)))
  },
  'truncated-header.jpg': async (path) => {
    // Cut before the frame header: refused as corrupt from the header alone.
    const jpeg = await sharp(photoPixels(300, 300, 12), { raw: { width: 300, height: 300, channels: 3 } }).jpeg().withExif(orientationExif()).toBuffer()
    writeFileSync(path, jpeg.subarray(0, 60))
  },
  'text.png': (path) => writeFileSync(path, 'This is a text file with a .png name.\n'),
  'script.svg': (path) =>
    writeFileSync(
      path,
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">' +
        '<script>alert(document.cookie)</script><rect width="400" height="400" fill="red"/></svg>\n',
    ),
  'heic-header.heic': (path) => writeFileSync(path, isobmffHeader('heic', ['mif1', 'heic'])),
  'document.pdf': (path) => writeFileSync(path, '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  'bomb-30000.png': (path) => pngBomb(path, 30_000, 30_000),
  'tiny-64.png': async (path) => {
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366cc' } }).png().toFile(path)
  },
  'empty.png': (path) => writeFileSync(path, Buffer.alloc(0)),
}

/** Only the bench needs this one; it takes a few seconds. */
export const benchFiles: Record<string, Generator> = {
  'photo-48mp.jpg': photo(8485, 5657, 48),
}

/**
 * Writes every missing corpus file (all of them when `force` or when the
 * generators changed). Returns the names written.
 */
export async function makeCorpus(options: { bench?: boolean; force?: boolean; dir?: string } = {}): Promise<string[]> {
  const dir = options.dir ?? corpusDir
  const stamp = join(dir, '.version')
  const stale = !existsSync(stamp) || readFileSync(stamp, 'utf8') !== CORPUS_VERSION
  if ((options.force || stale) && existsSync(dir)) rmSync(dir, { recursive: true })
  mkdirSync(dir, { recursive: true })
  const files = { ...corpusFiles, ...(options.bench ? benchFiles : {}) }
  const written: string[] = []
  // Sequential: truncated.jpg is cut from photo-1mp.jpg, and two cores are shared.
  for (const [name, generate] of Object.entries(files)) {
    const path = join(dir, name)
    if (existsSync(path)) continue
    await generate(path + '.tmp')
    // Rename last, so an interrupted run never leaves a half-written file that looks done.
    renameSync(path + '.tmp', path)
    written.push(name)
  }
  writeFileSync(stamp, CORPUS_VERSION)
  return written
}

/* --- generators --- */

/** A deterministic PRNG (mulberry32): the corpus is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Photo-like RGB pixels: a sky-to-ground gradient, textures at several
 * frequencies, a zone plate (which shows aliasing) and grain. Separable terms
 * keep 24 MP to a few hundred milliseconds.
 */
function photoPixels(width: number, height: number, seed: number): Buffer {
  const rand = random(seed)
  const pixels = Buffer.alloc(width * height * 3)
  const colPhase = rand() * 6.28
  const fx = [0.8, 0.21, 0.047].map((f) => f * (0.7 + rand() * 0.6))
  const col = Float32Array.from({ length: width }, (_, x) => 30 * Math.sin((x / width) * 6.28 * 1.3 + colPhase) + 10 * Math.sin(x * (fx[2] ?? 0)))
  const texX = Float32Array.from({ length: width }, (_, x) => Math.sin(x * (fx[0] ?? 0)) + 0.6 * Math.sin(x * (fx[1] ?? 0)))
  const texY = Float32Array.from({ length: height }, (_, y) => Math.sin(y * (fx[1] ?? 0) * 1.1) + 0.5 * Math.sin(y * (fx[0] ?? 0) * 0.9))
  // Grain is taken from a small tile at a per-row offset: random-looking, one PRNG call per row.
  const grain = Int8Array.from({ length: 65_536 }, () => Math.round((rand() - 0.5) * 26))
  let i = 0
  for (let y = 0; y < height; y++) {
    const t = y / height
    const skyR = 90 + 100 * t
    const skyG = 140 + 40 * Math.sin(t * 3.1)
    const skyB = 220 - 150 * t
    const ty = texY[y] ?? 0
    const amplitude = 8 + 22 * t
    let g = Math.floor(rand() * 65_536)
    for (let x = 0; x < width; x++) {
      const texture = amplitude * (texX[x] ?? 0) * ty
      const noise = grain[g & 0xffff] ?? 0
      g += 1
      const c = col[x] ?? 0
      pixels[i++] = skyR + c + texture + noise
      pixels[i++] = skyG + 0.5 * c - texture + noise
      pixels[i++] = skyB - 0.5 * c + 0.5 * texture + noise
    }
  }
  // Zone plate in the lower right: concentric rings whose frequency rises outwards.
  const side = Math.floor(Math.min(width, height) / 4)
  const [x0, y0] = [width - side - Math.floor(side / 4), height - side - Math.floor(side / 4)]
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const dx = x - side / 2
      const dy = y - side / 2
      const v = 128 + 110 * Math.cos((Math.PI * (dx * dx + dy * dy)) / side)
      const at = ((y0 + y) * width + x0 + x) * 3
      pixels[at] = pixels[at + 1] = pixels[at + 2] = v
    }
  }
  return pixels
}

/** Hard-edged shapes and thin lines: the edges a bad resampler turns into stairs. */
function shapesSvg(width: number, height: number, seed: number): string {
  const rand = random(seed * 7919)
  const unit = Math.min(width, height)
  const shapes: string[] = []
  for (let i = 0; i < 40; i++) {
    const [x, y, r] = [rand() * width, rand() * height, (0.01 + rand() * 0.06) * unit]
    const fill = `hsl(${Math.floor(rand() * 360)},${50 + Math.floor(rand() * 40)}%,${30 + Math.floor(rand() * 40)}%)`
    shapes.push(i % 3 === 0
      ? `<rect x="${x}" y="${y}" width="${r * 2}" height="${r * 1.2}" fill="${fill}" transform="rotate(${rand() * 90} ${x} ${y})"/>`
      : `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" stroke="#111" stroke-width="${unit / 800}"/>`)
  }
  for (let i = 0; i < 60; i++) {
    const [x, y, a] = [rand() * width, rand() * height, rand() * Math.PI]
    const length = (0.05 + rand() * 0.2) * unit
    shapes.push(`<line x1="${x}" y1="${y}" x2="${x + Math.cos(a) * length}" y2="${y + Math.sin(a) * length}" stroke="${i % 2 ? '#fff' : '#000'}" stroke-width="${1 + rand() * 2}"/>`)
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`
}

/** Upright quadrant pixels (RGB). */
function quadrantPixels(): Buffer {
  const { width, height, quadrants } = orientationPicture
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = y < height / 2 ? (x < width / 2 ? quadrants.topLeft : quadrants.topRight) : x < width / 2 ? quadrants.bottomLeft : quadrants.bottomRight
      pixels.set(colour, (y * width + x) * 3)
    }
  }
  return pixels
}

/**
 * The stored pixels that display upright under EXIF orientation `o`: for each
 * displayed pixel (x, y), where it sits in storage.
 */
function storedForOrientation(o: number): { pixels: Buffer; width: number; height: number } {
  const { width: W, height: H } = orientationPicture
  const upright = quadrantPixels()
  const swap = o >= 5
  const [sw, sh] = swap ? [H, W] : [W, H]
  const stored = Buffer.alloc(W * H * 3)
  const storedAt: Record<number, (x: number, y: number) => [number, number]> = {
    1: (x, y) => [x, y],
    2: (x, y) => [sw - 1 - x, y],
    3: (x, y) => [sw - 1 - x, sh - 1 - y],
    4: (x, y) => [x, sh - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, sh - 1 - x],
    7: (x, y) => [sw - 1 - y, sh - 1 - x],
    8: (x, y) => [sw - 1 - y, x],
  }
  const map = storedAt[o]!
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [sx, sy] = map(x, y)
      upright.copy(stored, (sy * sw + sx) * 3, (y * W + x) * 3, (y * W + x) * 3 + 3)
    }
  }
  return { pixels: stored, width: sw, height: sh }
}

function orientedSharp(o: number): Sharp {
  const { pixels, width, height } = storedForOrientation(o)
  return sharp(pixels, { raw: { width, height, channels: 3 } })
}

/**
 * EXIF with a camera maker and a GPS position: all must be gone from the output.
 * (The orientation tag itself is written by `withMetadata`, which libvips honours.)
 */
function orientationExif(): Exif {
  return {
    IFD0: { Make: corpusExifMarker, ImageDescription: corpusExifMarker },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 16/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '114/1 10/1 0/1' },
  }
}

function orientationJpeg(o: number): Generator {
  return async (path) => {
    await orientedSharp(o).jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).withExif(orientationExif()).withMetadata({ orientation: o }).toFile(path)
  }
}

/** A red disc on a transparent square, with a half-transparent band (see `alphaPicture`). */
function alphaSharp(): Sharp {
  const { size, discRadius, disc, band } = alphaPicture
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4
      if ((x - size / 2) ** 2 + (y - size / 2) ** 2 <= discRadius ** 2) pixels.set([...disc, 255], at)
      else if (y >= band.top && y < band.bottom) pixels.set([...band.colour, band.alpha], at)
    }
  }
  return sharp(pixels, { raw: { width: size, height: size, channels: 4 } })
}

/** A 24-bit bottom-up BMP with a horizontal gradient. */
function bmp(width: number, height: number): Buffer {
  const rowSize = Math.ceil((width * 3) / 4) * 4
  const file = Buffer.alloc(54 + rowSize * height)
  file.write('BM', 0, 'latin1')
  file.writeUInt32LE(file.length, 2)
  file.writeUInt32LE(54, 10)
  file.writeUInt32LE(40, 14)
  file.writeInt32LE(width, 18)
  file.writeInt32LE(height, 22)
  file.writeUInt16LE(1, 26)
  file.writeUInt16LE(24, 28)
  file.writeUInt32LE(rowSize * height, 34)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) file.set([40, Math.floor((x / width) * 255), 200], 54 + y * rowSize + x * 3)
  }
  return file
}

/** An ISO-BMFF `ftyp` box: all a sniffer needs to name HEIC. */
function isobmffHeader(major: string, compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length)
  box.writeUInt32BE(box.length, 0)
  box.write('ftyp', 4, 'latin1')
  box.write(major, 8, 'latin1')
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'))
  // A meta box header follows in real files; a few bytes make the file look plausible.
  return Buffer.concat([box, Buffer.from([0, 0, 0, 8]), Buffer.from('meta', 'latin1')])
}

function appSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write(type, 4, 'latin1')
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length)
  return chunk
}

/**
 * A valid PNG of width x height black 1-bit pixels: zero rows streamed through
 * deflate, so 112 MB of raw rows become about 110 KB in a fraction of a second.
 */
async function pngBomb(path: string, width: number, height: number): Promise<void> {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, no filter, no interlace
  const rowBytes = 1 + Math.ceil(width / 8) // filter byte + packed pixels
  const rowsPerWrite = 1000
  const zeros = Buffer.alloc(rowBytes * rowsPerWrite)
  const deflate = createDeflate({ level: 9 })
  const compressed: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk))
  const done = new Promise((resolveDone, reject) => {
    deflate.on('end', resolveDone)
    deflate.on('error', reject)
  })
  for (let rows = 0; rows < height; rows += rowsPerWrite) {
    const count = Math.min(rowsPerWrite, height - rows)
    deflate.write(count === rowsPerWrite ? zeros : zeros.subarray(0, count * rowBytes))
  }
  deflate.end()
  await done
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', Buffer.concat(compressed)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now()
  const written = await makeCorpus({ bench: process.argv.includes('--bench'), force: process.argv.includes('--force') })
  const ms = Math.round(performance.now() - started)
  console.log(written.length ? `corpus: wrote ${written.join(', ')} in ${ms} ms` : `corpus: up to date (${ms} ms)`)
}
