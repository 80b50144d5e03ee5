// The generated corpus is what the browser tests believe it is.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createInflate } from 'node:zlib'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { corpusDir, corpusFiles, makeCorpus } from '../../scripts/make-corpus.ts'
import { corpusExifMarker, orientationPicture } from './spec.ts'

const file = (name: string) => join(corpusDir, name)

beforeAll(async () => {
  await makeCorpus()
}, 60_000)

describe('make-corpus', () => {
  it('has written every file, and a second run writes nothing', async () => {
    for (const name of Object.keys(corpusFiles)) expect(existsSync(file(name)), name).toBe(true)
    expect(await makeCorpus()).toEqual([])
  })

  it('makes a photo-like 24 MP JPEG of 5 to 10 MB', async () => {
    const meta = await sharp(file('photo-24mp.jpg')).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 6000, 4000])
    expect(statSync(file('photo-24mp.jpg')).size).toBeGreaterThan(5_000_000)
    expect(statSync(file('photo-24mp.jpg')).size).toBeLessThan(10_000_000)
    // Detail, not a flat fill: neighbouring blocks differ.
    const stats = await sharp(file('photo-24mp.jpg')).extract({ left: 3000, top: 2000, width: 200, height: 200 }).stats()
    expect(stats.channels[0]?.stdev).toBeGreaterThan(5)
  })

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('stores orientation-%i.jpg so that applying its EXIF orientation shows the upright picture', async (o) => {
    const meta = await sharp(file(`orientation-${o}.jpg`)).metadata()
    expect(meta.orientation).toBe(o)
    expect([meta.width, meta.height]).toEqual(o >= 5 ? [320, 480] : [480, 320])
    const { data, info } = await sharp(file(`orientation-${o}.jpg`)).rotate().raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([orientationPicture.width, orientationPicture.height])
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)]
    const near = (a: number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 8)
    const { topLeft, topRight, bottomLeft, bottomRight } = orientationPicture.quadrants
    expect(near(at(120, 80), topLeft)).toBe(true)
    expect(near(at(360, 80), topRight)).toBe(true)
    expect(near(at(120, 240), bottomLeft)).toBe(true)
    expect(near(at(360, 240), bottomRight)).toBe(true)
    expect(readFileSync(file(`orientation-${o}.jpg`)).includes(corpusExifMarker)).toBe(true)
  })

  it('makes a PNG bomb that is small on disk, says 30000x30000 and inflates to every row', async () => {
    const bytes = readFileSync(file('bomb-30000.png'))
    expect(bytes.length).toBeLessThan(200_000)
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 30_000, 30_000])
    // IHDR at 8, IDAT right after it.
    const idatLength = bytes.readUInt32BE(33)
    expect(bytes.toString('latin1', 37, 41)).toBe('IDAT')
    let inflated = 0
    await new Promise<void>((resolve, reject) => {
      const inflate = createInflate()
      inflate.on('data', (chunk: Buffer) => (inflated += chunk.length))
      inflate.on('end', resolve)
      inflate.on('error', reject)
      inflate.end(bytes.subarray(41, 41 + idatLength))
    })
    expect(inflated).toBe(30_000 * (1 + 30_000 / 8))
  })

  it('cuts truncated.jpg from photo-1mp.jpg, mid-scan', () => {
    const whole = readFileSync(file('photo-1mp.jpg'))
    const cut = readFileSync(file('truncated.jpg'))
    expect(cut.length).toBeLessThan(whole.length)
    expect(whole.subarray(0, cut.length).equals(cut)).toBe(true)
  })

  it('makes the impostors: text named .png, SVG with a script, HEIC brand, 0 bytes', () => {
    expect(readFileSync(file('text.png'), 'utf8')).toMatch(/^This is a text file/)
    expect(readFileSync(file('script.svg'), 'utf8')).toContain('<script>')
    expect(readFileSync(file('heic-header.heic')).toString('latin1', 4, 12)).toBe('ftypheic')
    expect(statSync(file('empty.png')).size).toBe(0)
  })

  it('makes the format variants the browser tests rely on', async () => {
    const meta = (name: string) => sharp(file(name)).metadata()
    expect((await meta('cmyk.jpg')).space).toBe('cmyk')
    expect((await meta('progressive.jpg')).isProgressive).toBe(true)
    expect((await meta('deep-16bit.png')).depth).toBe('ushort')
    expect((await meta('animated.gif')).pages).toBe(3)
    expect((await meta('alpha.png')).hasAlpha).toBe(true)
    expect((await meta('tiny-64.png')).width).toBe(64)
    expect(readFileSync(file('late-sof.jpg')).indexOf(Buffer.from([0xff, 0xc0]))).toBeGreaterThan(200_000)
  })
})
