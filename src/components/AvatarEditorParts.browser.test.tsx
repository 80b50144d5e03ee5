import { createRef, forwardRef, type ComponentPropsWithoutRef } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { AvatarEditor } from './AvatarEditor.js'
import { useAvatarEditor } from './context.js'
import { cropAreaReady, editorRoot, fileInput, part, pick, stateOf } from './test-utils/editor.js'
import { makePhoto } from './test-utils/images.js'

const FancyButton = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(function FancyButton(props, ref) {
  const { className, ...rest } = props
  return <button ref={ref} type="button" {...rest} className={['fancy', className].filter(Boolean).join(' ')} />
})

function StateBadge() {
  const { state, zoom } = useAvatarEditor()
  return <output data-testid="badge">{`${state} ${zoom}`}</output>
}

describe('compound parts', () => {
  test('a custom layout works, with asChild triggers and refs to every element', async () => {
    const onSave = vi.fn()
    const rootRef = createRef<HTMLDivElement>()
    const saveRef = createRef<HTMLButtonElement>()
    const triggerRef = createRef<HTMLButtonElement>()
    const screen = await render(
      <AvatarEditor.Root ref={rootRef} onSave={onSave} className="mine">
        <AvatarEditor.Cropper style={{ width: 240 }} />
        <AvatarEditor.FileTrigger asChild ref={triggerRef}>
          <FancyButton>Upload a new face</FancyButton>
        </AvatarEditor.FileTrigger>
        <AvatarEditor.ZoomSlider showButtons={false} />
        <AvatarEditor.SaveButton asChild ref={saveRef} className="from-part">
          <FancyButton className="primary">Done</FancyButton>
        </AvatarEditor.SaveButton>
        <StateBadge />
      </AvatarEditor.Root>,
    )
    expect(rootRef.current).toBe(editorRoot(screen.container))
    expect(rootRef.current!.className).toBe('mine')
    expect(triggerRef.current!.className).toBe('fancy')
    expect(saveRef.current!.className).toBe('fancy from-part primary')
    expect(saveRef.current!.disabled).toBe(true)
    expect(part(screen.container, 'zoom-out')).toBeNull()

    const openChooser = vi.spyOn(fileInput(screen.container), 'click').mockImplementation(() => {})
    await screen.getByRole('button', { name: 'Upload a new face' }).click()
    expect(openChooser).toHaveBeenCalledTimes(1)
    openChooser.mockRestore()

    await pick(screen.container, await makePhoto(1200, 1200))
    await cropAreaReady(screen.container)
    expect(part(screen.container, 'cropper')!.getBoundingClientRect().width).toBe(240)
    await expect.element(screen.getByTestId('badge')).toHaveTextContent('ready 1')
    await screen.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => onSave.mock.calls.length, { timeout: 10_000 }).toBe(1)
  })

  test("a consumer's preventDefault() wins over the built-in behaviour", async () => {
    const onSave = vi.fn()
    const onZoomChange = vi.fn()
    const screen = await render(
      <AvatarEditor.Root
        onSave={onSave}
        onZoomChange={onZoomChange}
        onKeyDown={(event) => {
          if (event.key === '+') event.preventDefault()
        }}
      >
        <AvatarEditor.DropZone onClick={(event) => event.preventDefault()}>
          <AvatarEditor.Cropper />
        </AvatarEditor.DropZone>
        <AvatarEditor.SaveButton onClick={(event) => event.preventDefault()} />
      </AvatarEditor.Root>,
    )
    const openChooser = vi.spyOn(fileInput(screen.container), 'click').mockImplementation(() => {})
    part(screen.container, 'drop-zone')!.click()
    expect(openChooser).not.toHaveBeenCalled()
    openChooser.mockRestore()

    await pick(screen.container, await makePhoto(2400, 2400))
    await cropAreaReady(screen.container)
    await userEvent.keyboard('+')
    expect(onZoomChange).not.toHaveBeenCalled()
    await userEvent.keyboard('-')
    await screen.getByRole('button', { name: 'Save photo' }).click()
    expect(stateOf(screen.container)).toBe('ready')
    expect(onSave).not.toHaveBeenCalled()
  })

  test('without an ErrorMessage part no trigger points at a missing id; with one they all point at it', async () => {
    const idsResolve = (element: HTMLElement) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .every((id) => document.getElementById(id) !== null)
    const bare = await render(
      <AvatarEditor.Root error="The server said no.">
        <AvatarEditor.DropZone />
        <AvatarEditor.FileTrigger />
        <AvatarEditor.SaveButton />
      </AvatarEditor.Root>,
    )
    const bareTriggers = [part(bare.container, 'drop-button')!, part(bare.container, 'file-trigger')!, part(bare.container, 'save')!]
    expect(stateOf(bare.container)).toBe('error')
    for (const trigger of bareTriggers) expect(idsResolve(trigger)).toBe(true)
    expect(part(bare.container, 'file-trigger')!.hasAttribute('aria-describedby')).toBe(false)

    const full = await render(
      <AvatarEditor.Root error="The server said no.">
        <AvatarEditor.DropZone />
        <AvatarEditor.FileTrigger />
        <AvatarEditor.SaveButton />
        <AvatarEditor.ErrorMessage />
      </AvatarEditor.Root>,
    )
    const error = part(full.container, 'error')!
    expect(error.textContent).toBe('The server said no.')
    for (const name of ['drop-button', 'file-trigger', 'save']) {
      const trigger = part(full.container, name)!
      await expect.poll(() => trigger.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
      expect(idsResolve(trigger)).toBe(true)
    }
  })

  test('a part outside a root says what is wrong', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(render(<AvatarEditor.SaveButton />)).rejects.toThrow('AvatarEditor parts must be rendered inside <AvatarEditor.Root>.')
    error.mockRestore()
  })
})
