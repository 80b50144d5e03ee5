// Helpers for the browser tests: corpus files served by the Vitest browser
// server (it serves the repository root) and pixel sampling.

/** A corpus file from test/corpus/generated/ (made by test/corpus/setup.ts). */
export async function loadCorpus(name: string): Promise<Blob> {
  const response = await fetch(`/test/corpus/generated/${name}`)
  const type = response.headers.get('content-type') ?? ''
  // Vite answers unknown paths with its HTML page and a 200.
  if (!response.ok || type.includes('text/html')) {
    throw new Error(`corpus file ${name} missing (HTTP ${response.status}, ${type}); run npx tsx scripts/make-corpus.ts`)
  }
  return response.blob()
}

export type Rgba = [number, number, number, number]

/** Decoded pixels of an image blob, EXIF orientation applied. */
export interface Pixels {
  width: number
  height: number
  at(x: number, y: number): Rgba
}

export async function decodePixels(blob: Blob): Promise<Pixels> {
  const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none' })
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.drawImage(bitmap, 0, 0)
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height)
  bitmap.close()
  return {
    width,
    height,
    at: (x, y) => {
      const i = (Math.floor(y) * width + Math.floor(x)) * 4
      return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1, data[i + 3] ?? -1]
    },
  }
}

/** Largest channel difference between two colours (RGB only). */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...[0, 1, 2].map((i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0))))
}

/** The segments of a JPEG up to the scan: marker and payload. */
export function jpegSegments(bytes: Uint8Array): { marker: number; payload: Uint8Array }[] {
  const segments: { marker: number; payload: Uint8Array }[] = []
  let offset = 2
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1] as number
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number)
    segments.push({ marker, payload: bytes.subarray(offset + 4, offset + 2 + length) })
    if (marker === 0xda) break
    offset += 2 + length
  }
  return segments
}

export function hasExifSegment(bytes: Uint8Array): boolean {
  return jpegSegments(bytes).some(({ marker, payload }) => marker === 0xe1 && String.fromCharCode(...payload.subarray(0, 4)) === 'Exif')
}

export function containsText(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0))
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer())
}
