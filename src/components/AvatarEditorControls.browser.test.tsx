import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { AvatarEditor } from './AvatarEditor.js'
import { announced, cropAreaReady, part, pick } from './test-utils/editor.js'
import { makePhoto } from './test-utils/images.js'
import type { AvatarEditorResult } from './useAvatarEditorState.js'

const SLOW = { timeout: 10_000 }

async function editorWithPhoto(props: Parameters<typeof AvatarEditor>[0] = {}, size = { width: 3000, height: 2400 }) {
  const onZoomChange = vi.fn<(zoom: number) => void>()
  const onRotationChange = vi.fn<(rotation: number) => void>()
  const onCropComplete = vi.fn()
  const screen = await render(
    <AvatarEditor onZoomChange={onZoomChange} onRotationChange={onRotationChange} onCropComplete={onCropComplete} {...props} />,
  )
  await pick(screen.container, await makePhoto(size.width, size.height))
  const cropArea = await cropAreaReady(screen.container)
  const zoomSlider = () => part<HTMLInputElement>(screen.container, 'zoom-slider')!
  const straighten = () => part<HTMLInputElement>(screen.container, 'straighten-slider')!
  const image = () => part(screen.container, 'cropper')!.querySelector('img')!
  return { screen, cropArea, zoomSlider, straighten, image, onZoomChange, onRotationChange, onCropComplete }
}

describe('zoom', () => {
  test('+ and - zoom in quarter steps and are announced once they settle', async () => {
    const { screen, cropArea, zoomSlider, onZoomChange } = await editorWithPhoto()
    expect(document.activeElement).toBe(cropArea)
    await userEvent.keyboard('+')
    expect(onZoomChange).toHaveBeenLastCalledWith(1.25)
    expect(zoomSlider().value).toBe('1.25')
    await expect.poll(() => announced(screen.container)).toContain('Zoom 125%')
    await userEvent.keyboard('-')
    expect(onZoomChange).toHaveBeenLastCalledWith(1)
    await expect.poll(() => announced(screen.container)).toContain('Zoom 100%')
  })

  test('the buttons zoom and name themselves', async () => {
    const { screen, onZoomChange } = await editorWithPhoto()
    await screen.getByRole('button', { name: 'Zoom in' }).click()
    await screen.getByRole('button', { name: 'Zoom in' }).click()
    expect(onZoomChange).toHaveBeenLastCalledWith(1.5)
    await screen.getByRole('button', { name: 'Zoom out' }).click()
    expect(onZoomChange).toHaveBeenLastCalledWith(1.25)
  })

  test('the slider is a labelled range whose ends are the zoom limits', async () => {
    const { screen, zoomSlider, onZoomChange } = await editorWithPhoto()
    const slider = screen.getByRole('slider', { name: 'Zoom' })
    await expect.element(slider).toHaveAttribute('aria-valuetext', '100%')
    zoomSlider().focus()
    await userEvent.keyboard('{End}')
    // 2400 source pixels across at zoom 1: the crop may narrow to 1024 of them, no further
    // (the slider stops on its 0.01 grid just below).
    const top = onZoomChange.mock.calls.at(-1)![0]
    expect(top).toBeLessThanOrEqual(2400 / 1024)
    expect(top).toBeGreaterThan(2400 / 1024 - 0.01)
    await userEvent.keyboard('{Home}')
    expect(onZoomChange).toHaveBeenLastCalledWith(1)
    await userEvent.keyboard('{ArrowRight}')
    expect(onZoomChange).toHaveBeenLastCalledWith(1.01)
    await expect.element(slider).toHaveAttribute('aria-valuetext', '101%')
  })

  test('zoom never goes past the source pixels the output needs', async () => {
    const { cropArea, onZoomChange } = await editorWithPhoto({}, { width: 1200, height: 1100 })
    cropArea.focus()
    await userEvent.keyboard('++++')
    expect(Math.max(...onZoomChange.mock.calls.map(([zoom]) => zoom))).toBeCloseTo(1100 / 1024)
  })

  test('Ctrl + wheel zooms, a plain wheel is left to scroll the page', async () => {
    const { screen, onZoomChange } = await editorWithPhoto()
    const container = part(screen.container, 'cropper')!.querySelector('.reactEasyCrop_Container')!
    const box = container.getBoundingClientRect()
    const wheel = (init: WheelEventInit) => {
      const event = new WheelEvent('wheel', {
        deltaY: -100,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
        bubbles: true,
        cancelable: true,
        ...init,
      })
      container.dispatchEvent(event)
      return event
    }
    expect(wheel({}).defaultPrevented).toBe(false)
    expect(onZoomChange).not.toHaveBeenCalled()
    expect(wheel({ ctrlKey: true }).defaultPrevented).toBe(true)
    await expect.poll(() => onZoomChange.mock.calls.at(-1)?.[0]).toBeGreaterThan(1)
  })

  test('controlled zoom reports changes and shows only what the parent passes', async () => {
    const { zoomSlider, onZoomChange, cropArea } = await editorWithPhoto({ zoom: 1.5 })
    expect(zoomSlider().value).toBe('1.5')
    cropArea.focus()
    await userEvent.keyboard('+')
    expect(onZoomChange).toHaveBeenLastCalledWith(1.75)
    expect(zoomSlider().value).toBe('1.5')
  })
})

describe('rotation', () => {
  test('quarter turns by button and by r / R, shown on the photo and announced', async () => {
    const { screen, image, onRotationChange } = await editorWithPhoto()
    await screen.getByRole('button', { name: 'Rotate clockwise' }).click()
    expect(onRotationChange).toHaveBeenLastCalledWith(90)
    await expect.poll(() => image().style.transform).toContain('rotate(90deg)')
    await expect.poll(() => announced(screen.container)).toContain('Rotation 90°')

    await userEvent.keyboard('r')
    expect(onRotationChange).toHaveBeenLastCalledWith(180)
    await userEvent.keyboard('R')
    expect(onRotationChange).toHaveBeenLastCalledWith(90)
    await screen.getByRole('button', { name: 'Rotate counterclockwise' }).click()
    await screen.getByRole('button', { name: 'Rotate counterclockwise' }).click()
    expect(onRotationChange).toHaveBeenLastCalledWith(270)
  })

  test('a quarter turn saves a rotated photo', async () => {
    const onSave = vi.fn<(result: AvatarEditorResult) => void>()
    const { screen } = await editorWithPhoto({ onSave, outputType: 'image/png' }, { width: 1600, height: 1200 })
    await screen.getByRole('button', { name: 'Rotate clockwise' }).click()
    await screen.getByRole('button', { name: 'Save photo' }).click()
    await expect.poll(() => onSave.mock.calls.length, SLOW).toBe(1)
    const { area, rotation, width } = onSave.mock.calls[0]![0]
    expect(rotation).toBe(90)
    // Turned a quarter, the 1600x1200 photo's box is 1200x1600; the square is centred in it.
    expect(area).toEqual({ x: 0, y: 200, width: 1200, height: 1200 })
    expect(width).toBe(1024)
    // The dark quarter marks the photo's top-left; a clockwise turn puts it top-right.
    const pixels = await pixelsOf(onSave.mock.calls[0]![0].blob)
    expect(pixels.at(1000, 20)[0]).toBeLessThan(80)
    expect(pixels.at(1015, 555)[0]).toBeGreaterThan(120)
  })

  test('straightening raises zoom so no empty corner shows, and the slider stays left-to-right', async () => {
    const onSave = vi.fn<(result: AvatarEditorResult) => void>()
    const { screen, straighten, zoomSlider, onRotationChange } = await editorWithPhoto(
      { onSave, outputType: 'image/png', locale: 'ar' },
      { width: 1600, height: 1600 },
    )
    expect(straighten().getAttribute('dir')).toBe('ltr')
    straighten().focus()
    await userEvent.keyboard('{End}')
    expect(onRotationChange).toHaveBeenLastCalledWith(45)
    expect(Number(zoomSlider().value)).toBeCloseTo(Math.SQRT2)
    expect(Number(zoomSlider().min)).toBeCloseTo(Math.SQRT2)

    await part(screen.container, 'save')!.click()
    await expect.poll(() => onSave.mock.calls.length, SLOW).toBe(1)
    const pixels = await pixelsOf(onSave.mock.calls[0]![0].blob)
    for (const [x, y] of [[1, 1], [1022, 1], [1, 1022], [1022, 1022]] as const) expect(pixels.at(x, y)[3]).toBe(255)
  })

  test('a fine angle of ±45° stays on its quarter turn', async () => {
    const { screen, straighten, onRotationChange } = await editorWithPhoto()
    await screen.getByRole('button', { name: 'Rotate clockwise' }).click()
    straighten().focus()
    await userEvent.keyboard('{End}')
    expect(onRotationChange).toHaveBeenLastCalledWith(135)
    expect(straighten().value).toBe('45')
    await userEvent.keyboard('{Home}')
    expect(onRotationChange).toHaveBeenLastCalledWith(45)
    expect(straighten().value).toBe('-45')
  })

  test('reset undoes pan, zoom and rotation', async () => {
    const { screen, cropArea, zoomSlider, straighten, image } = await editorWithPhoto()
    cropArea.focus()
    await userEvent.keyboard('++r{ArrowLeft}')
    straighten().focus()
    await userEvent.keyboard('{ArrowRight}')
    await screen.getByRole('button', { name: 'Reset' }).click()
    expect(zoomSlider().value).toBe('1')
    expect(straighten().value).toBe('0')
    await expect.poll(() => image().style.transform).toBe('translate(0px, 0px) rotate(0deg) scale(1)')
  })
})

describe('onChange', () => {
  test('a fresh encoding follows each settled change, for forms without a save button', async () => {
    const onChange = vi.fn<(result: AvatarEditorResult) => void>()
    const { cropArea } = await editorWithPhoto({ onChange }, { width: 2048, height: 2048 })
    await expect.poll(() => onChange.mock.calls.length, SLOW).toBe(1)
    expect(onChange.mock.calls[0]![0].area).toEqual({ x: 0, y: 0, width: 2048, height: 2048 })
    cropArea.focus()
    await userEvent.keyboard('+')
    await expect.poll(() => onChange.mock.calls.length, SLOW).toBe(2)
    const latest = onChange.mock.calls[1]![0]
    expect(latest.area).toEqual({ x: 205, y: 205, width: 1638, height: 1638 })
    expect(latest.width).toBe(1024)
    expect(latest.blob.size).toBe(latest.bytes)
  })
})

describe('panning', () => {
  test('arrow keys move the photo, but never past its edge', async () => {
    const onCropChange = vi.fn()
    const { cropArea } = await editorWithPhoto({ onCropChange }, { width: 1200, height: 1000 })
    cropArea.focus()
    for (let i = 0; i < 10; i++) await userEvent.keyboard('{ArrowLeft}')
    const width = part(cropArea.ownerDocument.body, 'cropper')!.getBoundingClientRect().width
    // Rendered 1200x1000 in a square: the frame is 5/6 of the width, leaving 1/12 either side.
    expect(onCropChange.mock.calls.at(-1)![0].x).toBeCloseTo(-width / 12, 0)
  })

  test('dragging with the mouse moves the photo, and the end of the drag commits the crop', async () => {
    const onCropChange = vi.fn()
    const { screen, onCropComplete } = await editorWithPhoto({ onCropChange }, { width: 1600, height: 1000 })
    const container = part(screen.container, 'cropper')!.querySelector<HTMLElement>('.reactEasyCrop_Container')!
    const box = container.getBoundingClientRect()
    const at = (dx: number) => ({ clientX: box.left + box.width / 2 + dx, clientY: box.top + box.height / 2, bubbles: true, cancelable: true })
    onCropComplete.mockClear()
    container.dispatchEvent(new MouseEvent('mousedown', at(0)))
    document.dispatchEvent(new MouseEvent('mousemove', at(-30)))
    await expect.poll(() => onCropChange.mock.calls.at(-1)?.[0]).toEqual({ x: -30, y: 0 })
    expect(onCropComplete).not.toHaveBeenCalled()
    document.dispatchEvent(new MouseEvent('mouseup', at(-30)))
    expect(onCropComplete).toHaveBeenCalledTimes(1)
    // Moving the photo left shows more of its right: the area sits right of centre.
    expect(onCropComplete.mock.calls[0]![0].x).toBeGreaterThan(300)
  })

  test('onCropComplete fires when a gesture ends, with the area that would be saved', async () => {
    const { cropArea, onCropComplete } = await editorWithPhoto({}, { width: 2000, height: 2000 })
    cropArea.focus()
    await userEvent.keyboard('+')
    expect(onCropComplete).toHaveBeenLastCalledWith({ x: 200, y: 200, width: 1600, height: 1600 })
  })
})

async function pixelsOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob)
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.drawImage(bitmap, 0, 0)
  const { data, width } = context.getImageData(0, 0, bitmap.width, bitmap.height)
  return {
    at: (x: number, y: number) => Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)),
  }
}
