// The bench page: each path of turning a photo into an N x N JPEG, timed in the
// page, with the longest main-thread task seen while it ran. Driven by run.ts.
import { createPreviewUrl, cropImage, inspectImage } from '../src/image/index.ts'

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export interface Measurement {
  ms: number
  /** Longest main-thread task (>= 50 ms, the Long Tasks API threshold) during the run; 0 if none. */
  longestTaskMs: number
  /** The output, base64, when asked for (for PSNR). */
  output?: string
  /** `cropImage`'s decodeScale: 1 for a full decode, 0.375 or 0.5 for a DCT-scaled JPEG. */
  decodeScale?: number
}

const longTasks: PerformanceEntry[] = []
const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
observer.observe({ type: 'longtask', buffered: true })

const files = new Map<string, Blob>()
let calls = 0

/**
 * The file, made unique per call by a few bytes after its end (decoders ignore
 * them): Chromium caches decoded images by URL, and the recipe's data URL of the
 * same bytes would otherwise be decoded once and then served from that cache.
 */
async function file(name: string): Promise<Blob> {
  let blob = files.get(name)
  if (!blob) {
    blob = await (await fetch(`/test/corpus/generated/${name}`)).blob()
    files.set(name, blob)
  }
  calls += 1
  return new Blob([blob, `bench-${calls}-${Math.random()}`], { type: blob.type })
}

/** Times `work` and finds the longest task that overlapped it. */
async function measure(work: () => Promise<Blob | void>, keepOutput: boolean): Promise<Measurement> {
  longTasks.length = 0
  const start = performance.now()
  const output = await work()
  const ms = performance.now() - start
  // Long-task entries arrive after the task ends: let one more task run, then collect.
  await new Promise((resolve) => setTimeout(resolve, 0))
  longTasks.push(...observer.takeRecords())
  const overlapping = longTasks.filter((task) => task.startTime + task.duration >= start && task.startTime <= start + ms)
  const longestTaskMs = Math.max(0, ...overlapping.map((task) => task.duration))
  return { ms, longestTaskMs, ...(keepOutput && output ? { output: await toBase64(output) } : {}) }
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function canvasToBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave null'))), type, quality))
}

const bench = {
  /** The floor: decoding the file, nothing else. */
  bareDecode: (name: string) =>
    measure(async () => {
      const bitmap = await createImageBitmap(await file(name))
      bitmap.close()
    }, false),

  /** This library. */
  ours: async (name: string, area: Area, size: number, type: 'image/jpeg' | 'image/png', keepOutput: boolean, fastDecode?: boolean) => {
    let decodeScale = NaN
    const measurement = await measure(async () => {
      const result = await cropImage(await file(name), area, { size, type, ...(fastDecode === undefined ? {} : { fastDecode }) })
      decodeScale = result.decodeScale
      return result.blob
    }, keepOutput)
    return { ...measurement, decodeScale }
  },

  /** react-easy-crop's documented recipe, with the crop canvas at the output size. */
  usualRecipe: (name: string, area: Area, size: number, keepOutput: boolean) =>
    measure(async () => {
      const blob = await file(name)
      const dataUrl = await new Promise<string>((resolve) => {
        const reader = new FileReader()
        reader.onload = () => resolve(reader.result as string)
        reader.readAsDataURL(blob)
      })
      const image = new Image()
      await new Promise((resolve, reject) => {
        image.onload = resolve
        image.onerror = reject
        image.src = dataUrl
      })
      const full = document.createElement('canvas')
      full.width = image.naturalWidth
      full.height = image.naturalHeight
      full.getContext('2d')?.drawImage(image, 0, 0)
      const crop = document.createElement('canvas')
      crop.width = size
      crop.height = size
      crop.getContext('2d')?.drawImage(full, area.x, area.y, area.width, area.height, 0, 0, size, size)
      const output = await canvasToBlob(crop, 'image/jpeg', 0.9)
      full.width = full.height = crop.width = crop.height = 0
      return output
    }, keepOutput),

  /** One 'high' drawImage of the crop, lossless: the resampling alone. */
  singleHighDraw: (name: string, area: Area, size: number) =>
    measure(async () => {
      const bitmap = await createImageBitmap(await file(name))
      const canvas = new OffscreenCanvas(size, size)
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
      context.imageSmoothingQuality = 'high'
      context.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, size, size)
      bitmap.close()
      return canvas.convertToBlob({ type: 'image/png' })
    }, true),

  /**
   * Time until a preview is painted: `<img>` from a URL, decoded, then two
   * animation frames (the frame that shows it has been produced). `ours` is
   * `createPreviewUrl`; `objectUrl` a bare object URL; `dataUrl` the recipe's.
   */
  previewPaint: (name: string, how: 'ours' | 'objectUrl' | 'dataUrl') =>
    measure(async () => {
      const blob = await file(name)
      let url: string
      let release = () => {}
      if (how === 'ours') {
        const preview = createPreviewUrl(blob)
        url = preview.url
        release = preview.revoke
      } else if (how === 'objectUrl') {
        url = URL.createObjectURL(blob)
        release = () => URL.revokeObjectURL(url)
      } else {
        url = await new Promise<string>((resolve) => {
          const reader = new FileReader()
          reader.onload = () => resolve(reader.result as string)
          reader.readAsDataURL(blob)
        })
      }
      const image = new Image()
      image.style.cssText = 'position:fixed;inset:0;width:360px;height:240px;object-fit:cover'
      image.src = url
      document.body.append(image)
      await image.decode()
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      image.remove()
      release()
    }, false),

  /** What picking a file costs before the preview: checking it from its header. */
  pick: (name: string) =>
    measure(async () => {
      await inspectImage(await file(name))
    }, false),

  /** Refusing the 30000x30000 PNG bomb from its header. */
  bombRejection: () =>
    measure(async () => {
      const error = await inspectImage(await file('bomb-30000.png')).then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      )
      if (error?.code !== 'too-many-pixels') throw new Error(`bomb not refused: ${String(error)}`)
    }, false),

  forget: (name: string) => files.delete(name),
}

export type Bench = typeof bench
;(window as unknown as { bench: Bench }).bench = bench
