import { StrictMode } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { AvatarEditor } from './AvatarEditor.js'
import { announced, cropAreaReady, editorRoot, fileInput, part, pick, recordStates, stateOf, textOf } from './test-utils/editor.js'
import { decodedSize, fakePng, makePhoto, transferOf } from './test-utils/images.js'
import type { AvatarEditorResult } from './useAvatarEditorState.js'

const SLOW = { timeout: 10_000 }

describe('picking a photo', () => {
  test('a keyboard alone can pick, adjust and save, and focus lands where the next step is', async () => {
    const onSave = vi.fn<(result: AvatarEditorResult) => void>()
    const onCropChange = vi.fn()
    const screen = await render(<AvatarEditor onSave={onSave} onCropChange={onCropChange} />)
    const input = fileInput(screen.container)
    const openChooser = vi.spyOn(input, 'click').mockImplementation(() => {})

    await userEvent.tab()
    const chooser = screen.getByRole('button', { name: 'Choose a photo' })
    expect(document.activeElement).toBe(chooser.element())
    // The hidden button shows itself while focused: focus is never invisible.
    expect(chooser.element().getBoundingClientRect().width).toBeGreaterThan(20)
    await userEvent.keyboard('{Enter}')
    expect(openChooser).toHaveBeenCalledTimes(1)
    openChooser.mockRestore()

    await pick(screen.container, await makePhoto(3000, 2400))
    const cropArea = await cropAreaReady(screen.container)
    await expect.poll(() => document.activeElement).toBe(cropArea)
    // Even without styles.css the focus ring shows, drawn inside the frame.
    expect(getComputedStyle(cropArea).outlineStyle).not.toBe('none')
    expect(getComputedStyle(cropArea).outlineOffset).toBe('-3px')

    await userEvent.keyboard('{ArrowRight}')
    expect(onCropChange).toHaveBeenLastCalledWith({ x: 10, y: 0 })
    await userEvent.keyboard('+')

    const save = screen.getByRole('button', { name: 'Save photo' }).element()
    for (let i = 0; i < 20 && document.activeElement !== save; i++) await userEvent.tab()
    expect(document.activeElement).toBe(save)
    await userEvent.keyboard('{Enter}')

    await expect.poll(() => onSave.mock.calls.length, SLOW).toBe(1)
    const result = onSave.mock.calls[0]![0]
    expect(result.type).toBe('image/jpeg')
    expect(result.blob.type).toBe('image/jpeg')
    expect(await decodedSize(result.blob)).toEqual({ width: 1024, height: 1024 })
    // Zoom 1.25 on a 2400-pixel short side: a 1920-pixel square, moved right of centre.
    expect(result.area.width).toBe(1920)
    expect(result.area.x).toBeLessThan((3000 - 1920) / 2)
    expect(result.source).toMatchObject({ type: 'image/jpeg', width: 3000, height: 2400 })
    expect(document.activeElement).toBe(save)
  })

  test('the same file can be chosen twice in a row', async () => {
    const onFileAccept = vi.fn()
    const screen = await render(<AvatarEditor onFileAccept={onFileAccept} />)
    const photo = await makePhoto(400, 400)
    await pick(screen.container, photo)

    const input = fileInput(screen.container)
    const valueWhenOpened: string[] = []
    const openChooser = vi.spyOn(input, 'click').mockImplementation(() => valueWhenOpened.push(input.value))
    await screen.getByRole('button', { name: 'Choose another photo' }).click()
    expect(valueWhenOpened).toEqual([''])
    openChooser.mockRestore()

    await userEvent.upload(input, photo)
    await expect.poll(() => onFileAccept.mock.calls.length).toBe(2)
  })

  test('a photo pasted from the clipboard is taken', async () => {
    const onFileAccept = vi.fn()
    const screen = await render(<AvatarEditor onFileAccept={onFileAccept} />)
    const paste = new ClipboardEvent('paste', {
      clipboardData: transferOf(await makePhoto(300, 200, { type: 'image/png', name: 'image.png' })),
      bubbles: true,
      cancelable: true,
    })
    part(screen.container, 'drop-button')!.dispatchEvent(paste)
    expect(paste.defaultPrevented).toBe(true)
    await expect.poll(() => stateOf(screen.container)).toBe('ready')
    expect(onFileAccept.mock.calls[0]![1]).toMatchObject({ type: 'image/png', width: 300, height: 200 })
  })

  test('pasting text leaves the clipboard event alone', async () => {
    const screen = await render(<AvatarEditor />)
    const data = new DataTransfer()
    data.setData('text/plain', 'hello')
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    editorRoot(screen.container).dispatchEvent(paste)
    expect(paste.defaultPrevented).toBe(false)
    expect(stateOf(screen.container)).toBe('empty')
  })

  test('a dropped photo is taken, and the zone shows it is a drop target while dragging', async () => {
    const screen = await render(<AvatarEditor />)
    const zone = part(screen.container, 'drop-zone')!
    const dataTransfer = transferOf(await makePhoto(500, 400))
    const dispatch = (type: string) => {
      const event = new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true })
      zone.dispatchEvent(event)
      return event
    }

    expect(dispatch('dragenter').defaultPrevented).toBe(true)
    await expect.poll(() => zone.dataset.dropTarget).toBe('')
    await expect.poll(() => textOf(screen.container, 'drop-instructions')).toBe('Drop the photo to use it')
    expect(dispatch('dragover').defaultPrevented).toBe(true)
    expect(dispatch('drop').defaultPrevented).toBe(true)

    await expect.poll(() => stateOf(screen.container)).toBe('ready')
    expect(zone.dataset.dropTarget).toBeUndefined()
  })

  test('dragging out of the zone clears the drop target', async () => {
    const screen = await render(<AvatarEditor />)
    const zone = part(screen.container, 'drop-zone')!
    const dataTransfer = transferOf(await makePhoto(200, 200))
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true, cancelable: true }))
    await expect.poll(() => zone.dataset.dropTarget).toBe('')
    zone.dispatchEvent(new DragEvent('dragleave', { dataTransfer, bubbles: true, relatedTarget: document.body }))
    await expect.poll(() => zone.dataset.dropTarget).toBeUndefined()
  })

  test('the camera hint reaches the file input for phones', async () => {
    const screen = await render(<AvatarEditor capture="user" />)
    expect(fileInput(screen.container).getAttribute('capture')).toBe('user')
    expect(fileInput(screen.container).accept).toBe('image/jpeg,image/png,image/webp,image/gif')
  })
})

describe('refused files', () => {
  test('a text file named .png is refused as not a photo, in words', async () => {
    const screen = await render(<AvatarEditor />)
    await pick(screen.container, fakePng(), 'invalid')
    const message = 'This file is not a photo the editor can use. Choose a JPEG, PNG, WebP, or GIF file.'
    await expect.poll(() => textOf(screen.container, 'error')).toBe(message)
    await expect.poll(() => announced(screen.container)).toContain(message)
  })

  test('a PDF is named as what it is', async () => {
    const screen = await render(<AvatarEditor />)
    await pick(screen.container, new File(['%PDF-1.7\n%âãÏÓ\n1 0 obj\n'], 'scan.png', { type: 'image/png' }), 'invalid')
    await expect.poll(() => textOf(screen.container, 'error')).toBe('This PDF file is not a photo the editor can use. Choose a JPEG, PNG, WebP, or GIF file.')
  })

  test('a photo too small says its size and the minimum', async () => {
    const screen = await render(<AvatarEditor />)
    await pick(screen.container, await makePhoto(60, 40, { type: 'image/png', name: 'tiny.png' }), 'invalid')
    await expect.poll(() => textOf(screen.container, 'error')).toBe('This photo is 60 × 40 pixels; it needs to be at least 128 × 128 pixels.')
  })

  test('a file too large says both sizes in kB or MB', async () => {
    const screen = await render(<AvatarEditor rules={{ maxBytes: 2048 }} />)
    const photo = await makePhoto(600, 600)
    expect(photo.size).toBeGreaterThan(4096)
    await pick(screen.container, photo, 'invalid')
    const expected = `This file is ${Math.round(photo.size / 1024)} kB, over the limit of 2 kB. Choose a smaller photo.`
    await expect.poll(() => textOf(screen.container, 'error')).toBe(expected)
  })

  test('too many pixels gives the size and the limit in megapixels', async () => {
    const screen = await render(<AvatarEditor rules={{ maxPixels: 100_000 }} />)
    await pick(screen.container, await makePhoto(500, 400), 'invalid')
    await expect.poll(() => textOf(screen.container, 'error')).toBe('This photo is 500 × 400 pixels (0.2 megapixels), over the limit of 0.1 megapixels.')
  })

  test('messages follow the locale, numbers included', async () => {
    const screen = await render(<AvatarEditor locale="fr" />)
    await pick(screen.container, await makePhoto(60, 40, { type: 'image/png', name: 'mini.png' }), 'invalid')
    await expect.poll(() => textOf(screen.container, 'error')).toBe('Cette photo fait 60 × 40 pixels ; il faut au moins 128 × 128 pixels.')
  })

  test('any message can be replaced', async () => {
    const screen = await render(
      <AvatarEditor messages={{ errors: { 'too-small': ({ minSide }) => `Need ${minSide}px or more.` } }} />,
    )
    await pick(screen.container, await makePhoto(60, 40, { type: 'image/png' }), 'invalid')
    await expect.poll(() => textOf(screen.container, 'error')).toBe('Need 128px or more.')
  })

  test('after a refusal focus stays on the trigger, which now points to the message', async () => {
    const screen = await render(<AvatarEditor />)
    await userEvent.tab()
    const chooser = part(screen.container, 'drop-button')!
    expect(document.activeElement).toBe(chooser)
    await pick(screen.container, fakePng(), 'invalid')
    expect(document.activeElement).toBe(chooser)
    const error = part(screen.container, 'error')!
    expect(chooser.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
  })

  test('the previous photo stays after a refused file, and can still be saved', async () => {
    const onSave = vi.fn<(result: AvatarEditorResult) => void>()
    const onFileReject = vi.fn()
    const screen = await render(<AvatarEditor onSave={onSave} onFileReject={onFileReject} />)
    await pick(screen.container, await makePhoto(1200, 1200))
    await cropAreaReady(screen.container)
    const image = () => part(screen.container, 'cropper')!.querySelector('img')!
    const before = image().src

    await pick(screen.container, fakePng(), 'invalid')
    expect(onFileReject).toHaveBeenCalledTimes(1)
    expect(image().src).toBe(before)
    expect(image().naturalWidth).toBe(1200)
    await expect.poll(() => textOf(screen.container, 'error')).toMatch(/not a photo the editor can use/)

    await screen.getByRole('button', { name: 'Save photo' }).click()
    await expect.poll(() => onSave.mock.calls.length, SLOW).toBe(1)
    expect(onSave.mock.calls[0]![0].source.width).toBe(1200)
    expect(stateOf(screen.container)).toBe('ready')
    expect(part(screen.container, 'error')).toBeNull()
  })
})

describe('states', () => {
  test('data-state goes empty → checking → ready → encoding → ready around a save', async () => {
    const onSave = vi.fn()
    const screen = await render(<AvatarEditor onSave={onSave} />)
    const recording = recordStates(screen.container)
    await pick(screen.container, await makePhoto(1100, 1100))
    await screen.getByRole('button', { name: 'Save photo' }).click()
    await expect.poll(() => onSave.mock.calls.length, SLOW).toBe(1)
    recording.stop()
    expect(recording.states).toEqual(['empty', 'checking', 'ready', 'encoding', 'ready'])
  })

  test('an outside driver sets uploading, saving, saved and error', async () => {
    const screen = await render(<AvatarEditor />)
    await pick(screen.container, await makePhoto(400, 400))
    const root = editorRoot(screen.container)
    const save = screen.getByRole('button', { name: 'Save photo' })

    await screen.rerender(<AvatarEditor status="uploading" progress={0.4} />)
    expect(root.dataset.state).toBe('uploading')
    expect(root.getAttribute('aria-busy')).toBe('true')
    await expect.element(save).toHaveAttribute('aria-disabled', 'true')
    await expect.poll(() => textOf(screen.container, 'status')).toBe('Uploading… 40%')
    expect(part<HTMLProgressElement>(screen.container, 'progress')!.value).toBeCloseTo(0.4)
    // A stable name; the value carries the percentage.
    await expect.element(screen.getByRole('progressbar', { name: 'Uploading…', exact: true })).toBeVisible()
    // Announced in quarter steps only.
    expect(announced(screen.container)).toContain('Uploading… 25%')

    await screen.rerender(<AvatarEditor status="saving" />)
    expect(root.dataset.state).toBe('saving')
    await expect.poll(() => announced(screen.container)).toContain('Saving…')

    await screen.rerender(<AvatarEditor status="saved" />)
    expect(root.dataset.state).toBe('saved')
    expect(root.getAttribute('aria-busy')).toBeNull()
    await expect.poll(() => textOf(screen.container, 'status')).toBe('Photo saved.')

    await screen.rerender(<AvatarEditor status="error" error="Authgear refused the upload." />)
    expect(root.dataset.state).toBe('error')
    await expect.poll(() => textOf(screen.container, 'error')).toBe('Authgear refused the upload.')
    await expect.poll(() => announced(screen.container)).toContain('Authgear refused the upload.')
  })

  test('while busy, pressing save does nothing and keeps focus', async () => {
    const onSave = vi.fn()
    const screen = await render(<AvatarEditor onSave={onSave} status="uploading" />)
    await userEvent.upload(fileInput(screen.container), await makePhoto(400, 400))
    // Intake is refused while busy: nothing was checked.
    expect(stateOf(screen.container)).toBe('uploading')
    expect(part(screen.container, 'cropper')).toBeNull()
    await screen.rerender(<AvatarEditor onSave={onSave} />)
    await pick(screen.container, await makePhoto(400, 400))
    await cropAreaReady(screen.container)
    await screen.rerender(<AvatarEditor onSave={onSave} status="saving" />)
    const save = part(screen.container, 'save')!
    save.focus()
    await userEvent.keyboard('{Enter}')
    expect(onSave).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(save)
  })

  test('disabled: data-disabled, every control disabled, no intake', async () => {
    const screen = await render(<AvatarEditor disabled />)
    const root = editorRoot(screen.container)
    expect(root.dataset.disabled).toBe('')
    expect(part<HTMLButtonElement>(screen.container, 'drop-button')!.disabled).toBe(true)
    expect(part<HTMLButtonElement>(screen.container, 'save')!.disabled).toBe(true)
    expect(fileInput(screen.container).disabled).toBe(true)
    const paste = new ClipboardEvent('paste', {
      clipboardData: transferOf(await makePhoto(300, 300)),
      bubbles: true,
      cancelable: true,
    })
    root.dispatchEvent(paste)
    expect(stateOf(screen.container)).toBe('empty')
  })
})

describe('previews', () => {
  test('the photo is shown through an object URL, revoked when replaced and on unmount', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    try {
      const screen = await render(<AvatarEditor />)
      await pick(screen.container, await makePhoto(300, 300))
      await cropAreaReady(screen.container)
      const first = part(screen.container, 'cropper')!.querySelector('img')!.src
      expect(first).toMatch(/^blob:/)
      expect(part(screen.container, 'preview')!.querySelector('img')!.src).toBe(first)
      expect(revoke).not.toHaveBeenCalledWith(first)

      await pick(screen.container, await makePhoto(400, 400))
      await expect.poll(() => part(screen.container, 'cropper')!.querySelector('img')!.src).not.toBe(first)
      expect(revoke).toHaveBeenCalledWith(first)
      const second = part(screen.container, 'cropper')!.querySelector('img')!.src

      await screen.unmount()
      expect(revoke).toHaveBeenCalledWith(second)
    } finally {
      revoke.mockRestore()
    }
  })
})

describe('React strict mode', () => {
  test('picking, adjusting and saving work with effects run twice, and the preview URL survives', async () => {
    const onSave = vi.fn<(result: AvatarEditorResult) => void>()
    const screen = await render(
      <StrictMode>
        <AvatarEditor onSave={onSave} />
      </StrictMode>,
    )
    await pick(screen.container, await makePhoto(1500, 1200))
    const cropArea = await cropAreaReady(screen.container)
    await expect.poll(() => document.activeElement).toBe(cropArea)
    const image = part(screen.container, 'cropper')!.querySelector('img')!
    expect(image.naturalWidth).toBe(1500)
    await userEvent.keyboard('r')
    await screen.getByRole('button', { name: 'Save photo' }).click()
    await expect.poll(() => onSave.mock.calls.length, SLOW).toBe(1)
    expect(onSave.mock.calls[0]![0].rotation).toBe(90)
  })
})

describe('defaults', () => {
  test('defaultZoom and defaultRotation apply to each new photo, within its limits', async () => {
    const onZoomChange = vi.fn()
    const screen = await render(<AvatarEditor defaultZoom={5} defaultRotation={90} onZoomChange={onZoomChange} />)
    await pick(screen.container, await makePhoto(2048, 2048))
    await cropAreaReady(screen.container)
    // 2048 source pixels allow zoom 2 at most for a 1024 output.
    expect(part<HTMLInputElement>(screen.container, 'zoom-slider')!.value).toBe('2')
    expect(part(screen.container, 'cropper')!.querySelector('img')!.style.transform).toContain('rotate(90deg)')
  })
})

describe('styles', () => {
  const injectedStyles = () =>
    Array.from(document.head.querySelectorAll('style')).filter((style) => style.textContent?.includes('reactEasyCrop_Container'))

  test("react-easy-crop's CSS is injected by default, with the nonce", async () => {
    const screen = await render(<AvatarEditor nonce="abc123" />)
    await pick(screen.container, await makePhoto(300, 300))
    await cropAreaReady(screen.container)
    const styles = injectedStyles()
    expect(styles).toHaveLength(1)
    expect(styles[0]!.nonce).toBe('abc123')
  })

  test('injectCropperStyles={false} leaves the CSS to styles.css', async () => {
    const screen = await render(<AvatarEditor injectCropperStyles={false} />)
    await pick(screen.container, await makePhoto(300, 300))
    await cropAreaReady(screen.container)
    expect(injectedStyles()).toHaveLength(0)
  })

  test('round shows a round frame and preview', async () => {
    const screen = await render(<AvatarEditor round />)
    await pick(screen.container, await makePhoto(300, 300))
    const cropArea = await cropAreaReady(screen.container)
    expect(cropArea.classList.contains('reactEasyCrop_CropAreaRound')).toBe(true)
    expect(part(screen.container, 'preview')!.style.borderRadius).toBe('50%')
  })
})
