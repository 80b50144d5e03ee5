// The image entry as Vite's lib mode builds it still crops in a worker: the
// worker is inlined (no asset file to lose) and starts from a blob: URL.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCorpus, corpusDir } from '../../scripts/make-corpus.ts'
import { chromiumLaunchOptions } from '../../test/chromium.ts'
import type * as ImageModule from './index.ts'

const root = resolve(import.meta.dirname, '../..')
let outDir: string
let server: Server
let browser: Browser
let origin: string

beforeAll(async () => {
  await makeCorpus()
  outDir = mkdtempSync(join(tmpdir(), 'avatar-image-lib-'))
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: { entry: { image: resolve(root, 'src/image/index.ts') }, formats: ['es'] },
    },
  })
  const page = `<!doctype html><script type="module">import * as image from '/image.js'; window.image = image; window.ready = true</script>`
  server = createServer((request, response) => {
    const url = request.url ?? '/'
    if (url === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(page)
    // The entry and the chunks it imports (shared code, the main-thread fallback loaded on demand).
    if (/^\/[\w./-]+\.js$/.test(url) && !url.includes('..')) {
      return response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(outDir, url.slice(1))))
    }
    if (url.startsWith('/corpus/')) return response.writeHead(200).end(readFileSync(join(corpusDir, url.slice('/corpus/'.length))))
    response.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch(chromiumLaunchOptions())
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((done) => server?.close(done))
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

describe('the built image entry', () => {
  it('inlines the worker: no worker asset beside the code for bundlers to lose', () => {
    const code = readFileSync(join(outDir, 'image.js'), 'utf8')
    expect(code).not.toMatch(/new URL\(/)
    expect(code).toContain('createObjectURL')
  })

  it('crops in a blob: worker in Chromium and turns an EXIF 6 photo upright', async () => {
    const page = await browser.newPage()
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    await page.goto(origin)
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true)
    const result = await page.evaluate(async () => {
      const { cropImage } = (window as unknown as { image: typeof ImageModule }).image
      const blob = await (await fetch('/corpus/orientation-6.jpg')).blob()
      const crop = await cropImage(blob, { x: 20, y: 20, width: 120, height: 120 })
      const bitmap = await createImageBitmap(crop.blob)
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
      context.drawImage(bitmap, 0, 0)
      // The main-thread fallback is a chunk loaded on demand: it must load from the build too.
      const onMainThread = await cropImage(blob, { x: 20, y: 20, width: 120, height: 120 }, { worker: false })
      return { type: crop.type, width: crop.width, pixel: [...context.getImageData(60, 60, 1, 1).data], fallbackWidth: onMainThread.width }
    })
    await page.close()
    expect(workers.some((url) => url.startsWith('blob:'))).toBe(true)
    expect(result).toMatchObject({ type: 'image/jpeg', width: 120, fallbackWidth: 120 })
    // The top-left quadrant of the upright picture is red.
    expect(result.pixel[0]).toBeGreaterThan(180)
    expect(result.pixel[1]).toBeLessThan(80)
  })
})
