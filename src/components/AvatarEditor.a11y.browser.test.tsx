import axe from 'axe-core'
import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import '../styles.css'
import { AvatarEditor } from './AvatarEditor.js'
import { cropAreaReady, editorRoot, part, pick } from './test-utils/editor.js'
import { fakePng, makePhoto } from './test-utils/images.js'

async function violations(context: HTMLElement): Promise<string[]> {
  const results = await axe.run(context, { resultTypes: ['violations'] })
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

describe('accessibility', () => {
  test('axe finds nothing wrong when empty, ready, refused or saving', async () => {
    const screen = await render(<AvatarEditor />)
    expect(await violations(screen.container)).toEqual([])

    await pick(screen.container, await makePhoto(800, 600))
    await cropAreaReady(screen.container)
    expect(await violations(screen.container)).toEqual([])

    await pick(screen.container, fakePng(), 'invalid')
    expect(await violations(screen.container)).toEqual([])

    await screen.rerender(<AvatarEditor status="uploading" progress={0.5} />)
    expect(await violations(screen.container)).toEqual([])
  })

  test('axe finds nothing wrong in right-to-left Arabic, round, dark', async () => {
    const screen = await render(<AvatarEditor locale="ar" round data-theme="dark" />)
    expect(await violations(screen.container)).toEqual([])
    await pick(screen.container, await makePhoto(800, 600))
    await cropAreaReady(screen.container)
    expect(await violations(screen.container)).toEqual([])
  })

  test('every control has a name, and the crop frame says how to use it', async () => {
    const screen = await render(<AvatarEditor />)
    await pick(screen.container, await makePhoto(800, 600))
    const cropArea = await cropAreaReady(screen.container)
    await expect.element(screen.getByRole('application', { name: 'Crop area' })).toBeInTheDocument()
    const description = document.getElementById(cropArea.getAttribute('aria-describedby')!)!
    expect(description.textContent).toBe('Use the arrow keys to move the photo, plus and minus to zoom, and R to rotate.')
    for (const name of ['Zoom in', 'Zoom out', 'Rotate clockwise', 'Rotate counterclockwise', 'Reset', 'Choose another photo', 'Save photo']) {
      await expect.element(screen.getByRole('button', { name })).toBeInTheDocument()
    }
    await expect.element(screen.getByRole('slider', { name: 'Zoom' })).toBeInTheDocument()
    await expect.element(screen.getByRole('slider', { name: 'Straighten' })).toBeInTheDocument()
    await expect.element(screen.getByRole('img', { name: 'Preview of the cropped photo' })).toBeInTheDocument()
    await expect.element(screen.getByRole('group', { name: 'Profile photo' })).toBeInTheDocument()
  })

  test('the crop frame shows a focus ring from the keyboard', async () => {
    const screen = await render(<AvatarEditor />)
    await pick(screen.container, await makePhoto(800, 600))
    const cropArea = await cropAreaReady(screen.container)
    await expect.poll(() => document.activeElement).toBe(cropArea)
    await userEvent.tab({ shift: true })
    await userEvent.tab()
    expect(document.activeElement).toBe(cropArea)
    expect(getComputedStyle(cropArea).outlineStyle).toBe('solid')
    expect(getComputedStyle(cropArea).outlineWidth).toBe('3px')
  })
})

describe('right to left', () => {
  test('an Arabic editor sets dir and lang, speaks Arabic, and its sliders still work', async () => {
    const screen = await render(<AvatarEditor locale="ar" />)
    const root = editorRoot(screen.container)
    expect(root.dir).toBe('rtl')
    expect(root.lang).toBe('ar')
    await pick(screen.container, await makePhoto(3000, 2400))
    await cropAreaReady(screen.container)
    await expect.element(screen.getByRole('button', { name: 'حفظ الصورة' })).toBeInTheDocument()

    const zoom = part<HTMLInputElement>(screen.container, 'zoom-slider')!
    zoom.focus()
    await userEvent.keyboard('{ArrowUp}')
    expect(Number(zoom.value)).toBeCloseTo(1.01)
    // The zoom row follows the page: zoom-out sits on the right in Arabic.
    const zoomOut = part(screen.container, 'zoom-out')!.getBoundingClientRect()
    const zoomIn = part(screen.container, 'zoom-in')!.getBoundingClientRect()
    expect(zoomOut.left).toBeGreaterThan(zoomIn.left)
  })

  test('a consumer dir wins over the locale', async () => {
    const screen = await render(<AvatarEditor locale="ar" dir="ltr" />)
    expect(editorRoot(screen.container).dir).toBe('ltr')
  })
})

describe('styles.css', () => {
  test('a consumer class beats every rule of ours, and data-theme="dark" switches the palette', async () => {
    const sheet = document.createElement('style')
    sheet.textContent = '.my-editor { gap: 3px; background: rgb(1, 2, 3); }'
    document.head.append(sheet)
    try {
      const screen = await render(<AvatarEditor className="my-editor" />)
      const root = editorRoot(screen.container)
      expect(getComputedStyle(root).rowGap).toBe('3px')
      expect(getComputedStyle(root).backgroundColor).toBe('rgb(1, 2, 3)')

      await screen.rerender(<AvatarEditor data-theme="dark" />)
      expect(getComputedStyle(root).getPropertyValue('--avatar-editor-bg').trim()).toBe('#0d1117')
      await screen.rerender(<AvatarEditor data-theme="light" />)
      expect(getComputedStyle(root).getPropertyValue('--avatar-editor-bg').trim()).toBe('#ffffff')
    } finally {
      sheet.remove()
    }
  })
})
