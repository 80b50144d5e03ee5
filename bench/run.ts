// npm run bench [-- --runs 7]
//
// Times, side by side in one Chromium session, the ways of turning a 1 to 48 MP
// JPEG into a 512 or 1024 square: the bare full decode (the yardstick), this
// library's cropImage (which may decode a JPEG at 3/8 or 1/2 scale, and so beat
// it), and react-easy-crop's usual recipe; the longest main-thread task of each;
// the PSNR of each output against a Lanczos-3 reference made by sharp, with the
// scaled and the full decode side by side; the preview paint, pick cost, peak
// memory, and how long refusing a 30000x30000 PNG bomb takes. Medians of >= 5
// runs after one warm-up. Not part of `npm test`: it takes a few minutes and
// measures, it does not assert.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright'
import sharp from 'sharp'
import { createServer } from 'vite'
import { corpusDir, makeCorpus } from '../scripts/make-corpus.ts'
import { chromiumLaunchOptions } from '../test/chromium.ts'
import type { Area, Bench, Measurement } from './page.ts'

const root = resolve(import.meta.dirname, '..')
const runsArg = process.argv.indexOf('--runs')
const RUNS = Math.max(5, runsArg > 0 ? Number(process.argv[runsArg + 1]) || 5 : 5)
const OUTPUT_SIZES = [512, 1024] as const

const INPUTS = [
  { name: 'photo-1mp.jpg', label: '1 MP', width: 1224, height: 816 },
  { name: 'photo-12mp.jpg', label: '12 MP', width: 4000, height: 3000 },
  { name: 'photo-24mp.jpg', label: '24 MP', width: 6000, height: 4000 },
  { name: 'photo-48mp.jpg', label: '48 MP', width: 8485, height: 5657 },
] as const

/** A field of /proc/PID/status in KiB. */
function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN)
}

/**
 * Peak memory that `work` adds to Chromium's renderer and GPU processes, in MB:
 * each process's resident high-water mark is reset (Linux `clear_refs` 5), then
 * read after the work, less its resident size before. `undefined` where /proc
 * cannot be read or reset (not Linux, not allowed).
 */
async function peakMemoryMb(browser: Browser, work: () => Promise<unknown>): Promise<number | undefined> {
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo' as never)) as { processInfo: { type: string; id: number }[] }
    const pids = processInfo.filter((process) => process.type === 'renderer' || process.type === 'GPU').map((process) => process.id)
    const before = new Map<number, number>()
    for (const pid of pids) {
      writeFileSync(`/proc/${pid}/clear_refs`, '5')
      before.set(pid, procStatusKiB(pid, 'VmRSS'))
    }
    await work()
    let addedKiB = 0
    for (const pid of pids) addedKiB += Math.max(0, procStatusKiB(pid, 'VmHWM') - (before.get(pid) ?? 0))
    return addedKiB / 1024
  } catch {
    return undefined
  } finally {
    await cdp.detach()
  }
}

/** The centred square of the short side: what a user crops most often. */
function centreSquare(width: number, height: number): Area {
  const side = Math.min(width, height)
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), width: side, height: side }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

async function rgb(input: Buffer | string, area?: Area, size?: number): Promise<Buffer> {
  let image = sharp(input, { limitInputPixels: false })
  if (area && size) image = image.extract({ left: area.x, top: area.y, width: area.width, height: area.height }).resize(size, size, { kernel: 'lanczos3' })
  return image.removeAlpha().toColourspace('srgb').raw().toBuffer()
}

/** PSNR of an output against sharp's Lanczos-3 of the same crop at the output's own size. */
async function psnrOf(sourcePath: string, area: Area, output: Measurement): Promise<{ psnr: number; side: number; bytes: number }> {
  const bytes = Buffer.from(output.output ?? '', 'base64')
  const side = (await sharp(bytes).metadata()).width ?? 0
  return { psnr: psnr(await rgb(sourcePath, area, side), await rgb(bytes)), side, bytes: bytes.length }
}

function psnr(reference: Buffer, candidate: Buffer): number {
  if (reference.length !== candidate.length) return NaN
  let sum = 0
  for (let i = 0; i < reference.length; i++) {
    const d = (reference[i] ?? 0) - (candidate[i] ?? 0)
    sum += d * d
  }
  const mse = sum / reference.length
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse)
}

const call = <K extends keyof Bench>(page: Page, method: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> =>
  page.evaluate(
    ([m, a]) => {
      const bench = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench
      return bench[m as string]?.(...(a as unknown[])) as Promise<never>
    },
    [method, args] as const,
  )

interface Row {
  input: string
  size: number
  decodeMs: number
  oursMs: number
  recipeMs: number
  oursLongestTaskMs: number
  recipeLongestTaskMs: number
  psnrOursJpeg: number
  psnrOursPng: number
  /** The JPEG users get, with fastDecode forced off: what the scaled decode is compared with. */
  psnrOursJpegFull: number
  /** Lossless output with fastDecode forced on: the scaled decode's resampling alone. */
  psnrOursPngFast: number
  psnrSingleHigh: number
  psnrRecipe: number
  /** Our output's side: the crop's own pixels when smaller than the size asked (no upscaling). */
  oursSide: number
  oursBytes: number
  /** How ours decoded: 1 in full, 0.375 or 0.5 when the JPEG decoder scaled. */
  oursDecodeScale: number
}

async function main(): Promise<void> {
  const written = await makeCorpus({ bench: true })
  if (written.length) console.log(`corpus: generated ${written.join(', ')}`)

  const server = await createServer({ configFile: false, root, logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: false } })
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    await server.listen()
    const url = server.resolvedUrls?.local[0]
    if (!url) throw new Error('vite server has no URL')
    const page = await browser.newPage()
    page.on('pageerror', (error) => console.error('page error:', error))
    await page.goto(new URL('bench/index.html', url).href)
    await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 60_000 })

    console.log(`Chromium ${browser.version()}, ${cpus().length} cores, median of ${RUNS} runs after a warm-up\n`)
    const rows: Row[] = []
    for (const input of INPUTS) {
      const area = centreSquare(input.width, input.height)
      await call(page, 'bareDecode', input.name)

      for (const size of OUTPUT_SIZES) {
        // Warm-up (worker start, JIT), then alternate the order so neither path always goes first.
        const firstOurs = await call(page, 'ours', input.name, area, size, 'image/jpeg', true)
        const firstRecipe = await call(page, 'usualRecipe', input.name, area, size, true)
        const ours: Measurement[] = []
        const recipe: Measurement[] = []
        // The bare decode runs in the same rounds, so a noisy moment hits all three alike.
        const decodes: Measurement[] = []
        for (let run = 0; run < RUNS; run++) {
          decodes.push(await call(page, 'bareDecode', input.name))
          if (run % 2) {
            recipe.push(await call(page, 'usualRecipe', input.name, area, size, false))
            ours.push(await call(page, 'ours', input.name, area, size, 'image/jpeg', false))
          } else {
            ours.push(await call(page, 'ours', input.name, area, size, 'image/jpeg', false))
            recipe.push(await call(page, 'usualRecipe', input.name, area, size, false))
          }
        }
        const oursPng = await call(page, 'ours', input.name, area, size, 'image/png', true)
        const oursPngFast = await call(page, 'ours', input.name, area, size, 'image/png', true, true)
        const oursJpegFull = await call(page, 'ours', input.name, area, size, 'image/jpeg', true, false)
        const singleHigh = await call(page, 'singleHighDraw', input.name, area, size)
        const source = join(corpusDir, input.name)
        const oursJpeg = await psnrOf(source, area, firstOurs)
        rows.push({
          input: input.label,
          size,
          decodeMs: median(decodes.map((m) => m.ms)),
          oursMs: median(ours.map((m) => m.ms)),
          recipeMs: median(recipe.map((m) => m.ms)),
          oursLongestTaskMs: Math.max(...ours.map((m) => m.longestTaskMs)),
          recipeLongestTaskMs: Math.max(...recipe.map((m) => m.longestTaskMs)),
          psnrOursJpeg: oursJpeg.psnr,
          psnrOursPng: (await psnrOf(source, area, oursPng)).psnr,
          psnrOursPngFast: (await psnrOf(source, area, oursPngFast)).psnr,
          psnrOursJpegFull: (await psnrOf(source, area, oursJpegFull)).psnr,
          psnrSingleHigh: (await psnrOf(source, area, singleHigh)).psnr,
          psnrRecipe: (await psnrOf(source, area, firstRecipe)).psnr,
          oursSide: oursJpeg.side,
          oursBytes: oursJpeg.bytes,
          oursDecodeScale: firstOurs.decodeScale ?? NaN,
        })
        printRow(rows.at(-1) as Row, rows.length === 1)
      }
      await call(page, 'forget', input.name)
    }

    // Preview paint of the 24 MP photo: ours against a bare object-URL <img> and the recipe's data URL.
    const previewInput = 'photo-24mp.jpg'
    const paint: Record<'ours' | 'objectUrl' | 'dataUrl', number[]> = { ours: [], objectUrl: [], dataUrl: [] }
    const longest = { pick: 0, preview: 0, pickMs: [] as number[] }
    for (const how of ['ours', 'objectUrl', 'dataUrl'] as const) await call(page, 'previewPaint', previewInput, how)
    for (let run = 0; run < RUNS; run++) {
      const pick = await call(page, 'pick', previewInput)
      longest.pick = Math.max(longest.pick, pick.longestTaskMs)
      longest.pickMs.push(pick.ms)
      for (const how of ['ours', 'objectUrl', 'dataUrl'] as const) {
        const measurement = await call(page, 'previewPaint', previewInput, how)
        paint[how].push(measurement.ms)
        if (how === 'ours') longest.preview = Math.max(longest.preview, measurement.longestTaskMs)
      }
    }
    await call(page, 'forget', previewInput)
    const previewMs = { ours: median(paint.ours), objectUrl: median(paint.objectUrl), dataUrl: median(paint.dataUrl) }
    console.log(
      `\nPreview of the 24 MP photo painted: ours ${previewMs.ours.toFixed(0)} ms (${(previewMs.ours / previewMs.objectUrl).toFixed(2)}x an object-URL <img>, ` +
        `${previewMs.objectUrl.toFixed(0)} ms); the recipe's data URL ${previewMs.dataUrl.toFixed(0)} ms (${(previewMs.dataUrl / previewMs.objectUrl).toFixed(2)}x).`,
    )
    console.log(
      `Pick (inspectImage of the same file) ${median(longest.pickMs).toFixed(1)} ms. Longest main-thread task: pick ${longest.pick.toFixed(0)} ms, ` +
        `preview ${longest.preview.toFixed(0)} ms (0 = none of 50 ms or more).`,
    )

    // Peak memory of turning the 24 MP photo into 1024², against its decoded size (W x H x 4).
    const memoryInput = INPUTS.find((input) => input.label === '24 MP')!
    const memoryArea = centreSquare(memoryInput.width, memoryInput.height)
    const decodedMb = (memoryInput.width * memoryInput.height * 4) / 1024 / 1024
    const memoryRuns = { decode: [] as number[], ours: [] as number[], recipe: [] as number[] }
    for (let run = 0; run < 3; run++) {
      const decode = await peakMemoryMb(browser, () => call(page, 'bareDecode', memoryInput.name))
      const ours = await peakMemoryMb(browser, () => call(page, 'ours', memoryInput.name, memoryArea, 1024, 'image/jpeg', false))
      const recipe = await peakMemoryMb(browser, () => call(page, 'usualRecipe', memoryInput.name, memoryArea, 1024, false))
      if (decode === undefined || ours === undefined || recipe === undefined) break
      memoryRuns.decode.push(decode)
      memoryRuns.ours.push(ours)
      memoryRuns.recipe.push(recipe)
    }
    await call(page, 'forget', memoryInput.name)
    const memoryMb =
      memoryRuns.ours.length > 0
        ? { decodedMb, decode: median(memoryRuns.decode), ours: median(memoryRuns.ours), recipe: median(memoryRuns.recipe) }
        : undefined
    if (memoryMb) {
      console.log(
        `\nPeak memory, 24 MP → 1024² (decoded source ${memoryMb.decodedMb.toFixed(0)} MB): bare decode +${memoryMb.decode.toFixed(0)} MB, ` +
          `ours +${memoryMb.ours.toFixed(0)} MB (${(memoryMb.ours / memoryMb.decodedMb).toFixed(2)}x the decoded source), ` +
          `recipe +${memoryMb.recipe.toFixed(0)} MB (${(memoryMb.recipe / memoryMb.decodedMb).toFixed(2)}x). Renderer + GPU resident high-water mark, median of 3.`,
      )
    } else {
      console.log('\nPeak memory: not measurable here (needs Linux /proc with clear_refs).')
    }

    await call(page, 'bombRejection')
    const bomb: Measurement[] = []
    for (let run = 0; run < RUNS; run++) bomb.push(await call(page, 'bombRejection'))
    const bombMs = median(bomb.map((m) => m.ms))
    console.log(`\n30000x30000 PNG bomb (${statSync(join(corpusDir, 'bomb-30000.png')).size} bytes) refused from its header in ${bombMs.toFixed(1)} ms (median), no decode.`)
    console.log('\nx = time / bare decode of the same file in the same run. Longest task: worst main-thread task over the runs (the Long Tasks API reports >= 50 ms; 0 = none).')
    console.log('PSNR in dB against sharp Lanczos-3 of the same crop at the output size: ours jpg = the output users get (q 0.9);')
    console.log('full jpg = the same with fastDecode off (a full decode), the baseline for the scaled decode;')
    console.log('ours png and single high = the resampling alone (one drawImage, imageSmoothingQuality high); recipe = its JPEG (q 0.9, default smoothing).')
    console.log('fast png = lossless with fastDecode forced on: the DCT-scaled decode\'s resampling alone (by default only lossy output uses it).')
    console.log('ours out: the output side; below the size asked when the crop has fewer pixels (no upscaling; the recipe upscales).')
    console.log('decoded at: the scale ours decoded the JPEG at (8/8 = in full; 3/8 or 4/8 = DCT-scaled by the decoder, still >= the output size across).')

    const resultsDir = join(root, 'bench/results')
    mkdirSync(resultsDir, { recursive: true })
    const file = join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, JSON.stringify({ chromium: browser.version(), cores: cpus().length, runs: RUNS, rows, bombMs, previewMs, memoryMb }, null, 2))
    console.log(`\nraw numbers: ${file}`)
  } finally {
    await browser.close()
    await server.close()
  }
}

const columns = [
  ['input', 6], ['out', 5], ['decode ms', 10], ['ours ms', 8], ['×', 5], ['recipe ms', 10], ['×', 5],
  ['longest task ours/recipe', 25], ['PSNR ours jpg/full jpg/png/fast png', 36], ['single high', 12], ['recipe', 7], ['ours out', 9], ['ours KB', 8],
] as const

/** dB with two decimals; an identical image (a 1:1 crop, no resampling) has infinite PSNR. */
const db = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '∞')

function printRow(row: Row, header: boolean): void {
  if (header) {
    console.log(columns.map(([name, width]) => name.padStart(width)).join(' '))
    console.log(columns.map(([, width]) => '-'.repeat(width)).join(' '))
  }
  const cells = [
    row.input, String(row.size), row.decodeMs.toFixed(0), row.oursMs.toFixed(0), (row.oursMs / row.decodeMs).toFixed(2),
    row.recipeMs.toFixed(0), (row.recipeMs / row.decodeMs).toFixed(2), `${row.oursLongestTaskMs.toFixed(0)} / ${row.recipeLongestTaskMs.toFixed(0)}`,
    `${db(row.psnrOursJpeg)} / ${db(row.psnrOursJpegFull)} / ${db(row.psnrOursPng)} / ${db(row.psnrOursPngFast)}`, db(row.psnrSingleHigh), db(row.psnrRecipe), `${row.oursSide}²`, (row.oursBytes / 1024).toFixed(0),
    Number.isFinite(row.oursDecodeScale) ? `${row.oursDecodeScale * 8}/8` : '?',
  ]
  console.log(cells.map((cell, i) => cell.padStart(columns[i]?.[1] ?? 0)).join(' '))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
