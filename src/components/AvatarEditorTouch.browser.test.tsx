// Touch on the crop frame as a phone sends it: touchscreen input through the
// Chrome DevTools Protocol (Input.dispatchTouchEvent), not TouchEvents built in
// page script, so Chromium's own hit testing, touch-action, scrolling and page
// zoom take part.
import { describe, expect, test, vi } from 'vitest'
import { cdp } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { loadCorpus } from '../image/test-utils/corpus.js'
import stylesCss from '../styles.css?inline'
import { AvatarEditor, type AvatarEditorProps } from './AvatarEditor.js'
import type { CropRect, Point } from './cropGeometry.js'
import { cropAreaReady, part, pick } from './test-utils/editor.js'

// 1224 x 816: with a 272-pixel output, the 816-pixel short side allows zoom 3 at most (maxZoomFor).
const PHOTO = { name: 'photo-1mp.jpg', width: 1224, height: 816 }
const OUTPUT_SIZE = 272
const MAX_ZOOM = 3

/** The least zoom at which a photo turned by `degrees` covers the square frame (independent of the component's own math). */
function coverZoom(degrees: number): number {
  const radians = (degrees * Math.PI) / 180
  return Math.max(1, Math.abs(Math.cos(radians)) + Math.abs(Math.sin(radians)))
}

/* -------------------------------------------------------------------------------------------------
 * Touch input
 * -----------------------------------------------------------------------------------------------*/

/** A point of this page in the top-level page, where CDP input lands: Vitest runs the test in an iframe, scaled to fit. */
function inTopPage({ x, y }: Point): Point {
  const frame = window.frameElement as HTMLElement | null
  if (!frame) return { x, y }
  const box = frame.getBoundingClientRect()
  const scale = box.width / frame.offsetWidth
  return { x: box.left + (frame.clientLeft + x) * scale, y: box.top + (frame.clientTop + y) * scale }
}

async function touch(type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: readonly Point[]): Promise<void> {
  await cdp().send('Input.dispatchTouchEvent', {
    type,
    touchPoints: fingers.map((finger, id) => ({ ...inTopPage(finger), id })),
  })
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
const between = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t })

/** Fingers down at `from`, moved in a straight line to `to`, held still, then lifted. */
async function gesture(from: readonly Point[], to: readonly Point[], steps = 8): Promise<void> {
  await touch('touchStart', from)
  for (let step = 1; step <= steps; step++) {
    await touch('touchMove', from.map((start, i) => between(start, to[i]!, step / steps)))
  }
  // react-easy-crop applies a move in the next animation frame: let the last one land before lifting.
  await nextFrame()
  await nextFrame()
  await touch('touchEnd', [])
}

/** Two fingers side by side about `centre`, from `fromGap` to `toGap` pixels apart. */
function pinch(centre: Point, fromGap: number, toGap: number): Promise<void> {
  const pair = (gap: number) => [
    { x: centre.x - gap / 2, y: centre.y },
    { x: centre.x + gap / 2, y: centre.y },
  ]
  return gesture(pair(fromGap), pair(toGap))
}

function centreOf(element: Element): Point {
  const box = element.getBoundingClientRect()
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
}

/* -------------------------------------------------------------------------------------------------
 * The editor under test
 * -----------------------------------------------------------------------------------------------*/

async function editPhoto(props: AvatarEditorProps = {}) {
  const onZoomChange = vi.fn<(zoom: number) => void>()
  const onCropChange = vi.fn<(crop: Point) => void>()
  const onCropComplete = vi.fn<(area: CropRect) => void>()
  const screen = await render(
    <>
      <AvatarEditor
        outputSize={OUTPUT_SIZE}
        onZoomChange={onZoomChange}
        onCropChange={onCropChange}
        onCropComplete={onCropComplete}
        {...props}
      />
      {/* A long page below the editor, so a touch that scrolls the page can show. */}
      <div data-testid="page-below" style={{ height: '300vh' }} />
    </>,
  )
  const blob = await loadCorpus(PHOTO.name)
  await pick(screen.container, new File([blob], PHOTO.name, { type: blob.type }))
  const cropArea = await cropAreaReady(screen.container)
  const slider = part<HTMLInputElement>(screen.container, 'zoom-slider')!
  const photo = screen.container.querySelector<HTMLImageElement>('[data-avatar-editor="cropper"] img')!
  return {
    screen,
    cropArea,
    slider,
    photo,
    onZoomChange,
    onCropChange,
    onCropComplete,
    /** The zoom last reported through `onZoomChange`, else the slider's (the native range input snaps its value to `min` + n · `step`). */
    zoom: () => onZoomChange.mock.lastCall?.[0] ?? slider.valueAsNumber,
    /** The square reported at the end of the last gesture. */
    lastArea: () => onCropComplete.mock.lastCall?.[0],
    zooms: () => onZoomChange.mock.calls.map(([zoom]) => zoom),
  }
}

/* -------------------------------------------------------------------------------------------------
 * Tests
 * -----------------------------------------------------------------------------------------------*/

describe('touch on the crop frame', () => {
  test('spreading two fingers zooms in, and the square to be saved shrinks about the same centre', async () => {
    const editor = await editPhoto()
    expect(editor.zoom()).toBe(1)

    await pinch(centreOf(editor.cropArea), 60, 90)

    await expect.poll(editor.zoom).toBeCloseTo(1.5, 2)
    const zooms = editor.zooms()
    expect(zooms.length).toBeGreaterThan(0)
    expect(zooms).toEqual([...zooms].sort((a, b) => a - b))
    expect(zooms.at(-1)).toBeCloseTo(1.5, 2)
    await expect.poll(() => editor.slider.valueAsNumber).toBeCloseTo(1.5, 2)
    // One report, at the lift: the short side (816) over the zoom, still centred.
    await expect.poll(() => editor.onCropComplete.mock.calls.length).toBe(1)
    const area = editor.lastArea()!
    expect(area.width).toBe(Math.round(PHOTO.height / 1.5))
    expect(area.height).toBe(area.width)
    expect(Math.abs(area.x - (PHOTO.width - area.width) / 2)).toBeLessThanOrEqual(1)
    expect(Math.abs(area.y - (PHOTO.height - area.height) / 2)).toBeLessThanOrEqual(1)
  })

  test.each([
    { rotation: 0, name: 'upright' },
    { rotation: 20, name: 'turned 20°' },
  ])('pinching stops at the zoom limits: out at the output-size cap, in at the least zoom that covers the frame ($name)', async ({ rotation }) => {
    const minZoom = coverZoom(rotation)
    const editor = await editPhoto({ defaultRotation: rotation })
    expect(Number(editor.slider.min)).toBeCloseTo(minZoom, 6)
    expect(Number(editor.slider.max)).toBe(MAX_ZOOM)
    expect(editor.zoom()).toBeCloseTo(minZoom, 6)
    const centre = centreOf(editor.cropArea)

    // Fingers spread seven-fold: far past the cap.
    await pinch(centre, 30, 220)
    await expect.poll(editor.zoom).toBe(MAX_ZOOM)
    expect(Math.max(...editor.zooms())).toBe(MAX_ZOOM)
    // The slider shows it within one step (0.01).
    await expect.poll(() => MAX_ZOOM - editor.slider.valueAsNumber).toBeLessThanOrEqual(0.01)
    await expect.poll(() => editor.onCropComplete.mock.calls.length).toBe(1)
    // Exactly `outputSize` source pixels across: the output is never upscaled.
    expect(editor.lastArea()!.width).toBe(OUTPUT_SIZE)

    // And nine-fold together: far past the least zoom.
    editor.onZoomChange.mockClear()
    await pinch(centre, 220, 24)
    await expect.poll(editor.zoom).toBe(Number(editor.slider.min))
    expect(editor.zoom()).toBeCloseTo(minZoom, 6)
    expect(Math.min(...editor.zooms())).toBeCloseTo(minZoom, 6)
    expect(editor.zooms().every((zoom) => zoom >= Number(editor.slider.min))).toBe(true)
    await expect.poll(() => editor.slider.valueAsNumber).toBeCloseTo(minZoom, 6)
    await expect.poll(() => editor.onCropComplete.mock.calls.length).toBe(2)
    expect(editor.lastArea()!.width).toBe(Math.round(PHOTO.height / minZoom))
  })

  test('one finger pans the photo and leaves the zoom alone', async () => {
    const editor = await editPhoto({ defaultZoom: 2 })
    expect(editor.zoom()).toBe(2)
    const start = centreOf(editor.cropArea)

    await gesture([start], [{ x: start.x + 30, y: start.y + 20 }])

    await expect.poll(() => editor.onCropComplete.mock.calls.length).toBe(1)
    const crop = editor.onCropChange.mock.lastCall![0]
    expect(crop.x).toBeCloseTo(30, 1)
    expect(crop.y).toBeCloseTo(20, 1)
    expect(editor.onZoomChange).not.toHaveBeenCalled()
    expect(editor.zoom()).toBe(2)
    // The photo moved right and down, so the square now sits left of and above the centre.
    const sourcePerScreenPixel = PHOTO.width / editor.photo.offsetWidth
    const area = editor.lastArea()!
    expect(area.width).toBe(PHOTO.height / 2)
    expect(Math.abs(area.x - ((PHOTO.width - area.width) / 2 - (30 * sourcePerScreenPixel) / 2))).toBeLessThanOrEqual(1)
    expect(Math.abs(area.y - ((PHOTO.height - area.width) / 2 - (20 * sourcePerScreenPixel) / 2))).toBeLessThanOrEqual(1)
  })

  test('a pinch away from the centre zooms about the fingers: the part of the photo under them stays there', async () => {
    const editor = await editPhoto({ defaultZoom: 1.5 })
    const centre = centreOf(editor.cropArea)
    const fingers = { x: 60, y: 30 }

    await pinch({ x: centre.x + fingers.x, y: centre.y + fingers.y }, 60, 90)

    await expect.poll(editor.zoom).toBeCloseTo(2.25, 2)
    await expect.poll(() => editor.onCropComplete.mock.calls.length).toBe(1)
    // The photo is drawn at crop + zoom * point: keeping the point under the fingers
    // means crop = fingers - (fingers - 0) * 2.25 / 1.5.
    const crop = editor.onCropChange.mock.lastCall![0]
    expect(crop.x).toBeCloseTo(fingers.x * (1 - 2.25 / 1.5), 0)
    expect(crop.y).toBeCloseTo(fingers.y * (1 - 2.25 / 1.5), 0)
  })

  // react-easy-crop applies a pinch's pan and its zoom in two animation-frame callbacks;
  // the zoom must start from the pan just applied, not from the last render's crop.
  test('two fingers moving together pan the photo while they pinch', async () => {
    const editor = await editPhoto({ defaultZoom: 1.5 })
    const start = centreOf(editor.cropArea)
    const pair = (centre: Point, gap: number) => [
      { x: centre.x - gap / 2, y: centre.y },
      { x: centre.x + gap / 2, y: centre.y },
    ]

    // Spread by a third while the fingers' midpoint moves 40 right and 20 down.
    await gesture(pair(start, 60), pair({ x: start.x + 40, y: start.y + 20 }, 80))

    await expect.poll(() => editor.onCropComplete.mock.calls.length).toBe(1)
    expect(editor.zoom()).toBeCloseTo(2, 2)
    const crop = editor.onCropChange.mock.lastCall![0]
    expect(crop.x).toBeCloseTo(40, 0)
    expect(crop.y).toBeCloseTo(20, 0)
  })

  test.each([
    { styles: "react-easy-crop's injected styles", props: {}, css: '' },
    { styles: 'styles.css and injectCropperStyles={false}', props: { injectCropperStyles: false }, css: stylesCss },
  ])('touch on the frame neither scrolls nor zooms the page ($styles)', async ({ props, css }) => {
    const sheet = document.createElement('style')
    sheet.textContent = css
    document.head.append(sheet)
    const scrolls: number[] = []
    const onScroll = () => scrolls.push(scrollY)
    const topPage = window.parent.visualViewport!
    try {
      const editor = await editPhoto(props)
      const container = editor.cropArea.parentElement!
      expect(container.dataset.testid).toBe('container')
      expect(getComputedStyle(container).touchAction).toBe('none')
      expect(topPage.scale).toBe(1)
      scrollTo(0, 0)
      addEventListener('scroll', onScroll)

      const centre = centreOf(editor.cropArea)
      // A swipe up that would scroll the page down, then a pinch that would zoom it.
      await gesture([{ x: centre.x, y: centre.y + 80 }], [{ x: centre.x, y: centre.y - 80 }])
      await pinch(centre, 60, 200)
      await nextFrame()
      await nextFrame()
      expect(scrolls).toEqual([])
      expect(scrollY).toBe(0)
      expect(window.parent.scrollY).toBe(0)
      expect(topPage.scale).toBe(1)
      // The pinch went to the photo instead.
      expect(editor.zoom()).toBeGreaterThan(1)

      // The same swipe and pinch below the editor do move the page: the checks above could fail.
      const below = editor.screen.getByTestId('page-below').element().getBoundingClientRect()
      const y = Math.min(below.top + 180, innerHeight - 20)
      expect(y - 160).toBeGreaterThan(below.top)
      await gesture([{ x: centre.x, y }], [{ x: centre.x, y: y - 160 }])
      await expect.poll(() => scrollY).toBeGreaterThan(0)
      await pinch({ x: centre.x, y: y - 100 }, 60, 200)
      await expect.poll(() => topPage.scale).toBeGreaterThan(1)
    } finally {
      removeEventListener('scroll', onScroll)
      sheet.remove()
      scrollTo(0, 0)
      await cdp().send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 })
    }
  })
})
