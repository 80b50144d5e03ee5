import type { Meta, StoryObj } from '@storybook/react-vite'
import { useLayoutEffect, type ReactNode } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AvatarEditor } from '../src/index.ts'
import { bombFile, corruptFile, heicFile, photoFile, svgFile, textFileNamedPng, tinyFile } from './support/images.ts'

const meta = {
  title: 'AvatarEditor',
  component: AvatarEditor,
  args: { round: true },
} satisfies Meta<typeof AvatarEditor>
export default meta
type Story = StoryObj<typeof meta>

const root = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-avatar-editor="root"]')!

/**
 * Hands a file to the editor's input as a chooser or a drop would. Not
 * `userEvent.upload`: it filters by `accept`, and a dropped file is not filtered.
 */
async function pick(canvasElement: HTMLElement, file: File) {
  const input = canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!
  const transfer = new DataTransfer()
  transfer.items.add(file)
  input.files = transfer.files
  input.dispatchEvent(new Event('change', { bubbles: true }))
}

async function pickPhoto(canvasElement: HTMLElement) {
  await pick(canvasElement, await photoFile())
  await waitFor(() => expect(root(canvasElement).dataset.state).toBe('ready'), { timeout: 10_000 })
}

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    expect(root(canvasElement).dataset.state).toBe('empty')
    await expect(within(canvasElement).getByRole('button', { name: 'Choose a photo' })).toBeInTheDocument()
  },
}

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
    await expect(within(canvasElement).getByRole('slider', { name: 'Zoom' })).toBeInTheDocument()
  },
}

export const ZoomWithKeys: Story = {
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
    const zoom = within(canvasElement).getByRole<HTMLInputElement>('slider', { name: 'Zoom' })
    const before = Number(zoom.value)
    ;(await within(canvasElement).findByRole('application', { name: 'Crop area' })).focus()
    await userEvent.keyboard('+')
    await waitFor(() => expect(Number(zoom.value)).toBeGreaterThan(before))
  },
}

function refusal(file: () => File | Promise<File>, text: RegExp, args: Story['args'] = {}): Story {
  return {
    args,
    play: async ({ canvasElement }) => {
      await pick(canvasElement, await file())
      await waitFor(() => expect(root(canvasElement).dataset.state).toBe('invalid'))
      await expect(canvasElement.querySelector('[data-avatar-editor="error"]')).toHaveTextContent(text)
    },
  }
}

export const ErrorUnsupportedType = refusal(textFileNamedPng, /not a photo the editor can use/)
export const ErrorHeic = refusal(heicFile, /HEIC/)
export const ErrorSvg = refusal(svgFile, /SVG/)
export const ErrorFileTooLarge = refusal(() => photoFile(), /over the limit/, { rules: { maxBytes: 20_000 } })
export const ErrorTooManyPixels = refusal(bombFile, /30,000 × 30,000/)
export const ErrorTooSmall = refusal(tinyFile, /64 × 64/)
export const ErrorCorrupt = refusal(corruptFile, /damaged/)

function withStatus(status: 'uploading' | 'saving' | 'saved' | 'error', extra: Story['args'] = {}): Story {
  return {
    args: { status, ...extra },
    play: async ({ canvasElement }) => {
      await pick(canvasElement, await photoFile())
      await waitFor(() => expect(root(canvasElement).dataset.state).toBe(status))
    },
  }
}

export const Uploading40Percent = withStatus('uploading', { progress: 0.4 })
export const Saving = withStatus('saving')
export const Saved = withStatus('saved')
export const ServerError = withStatus('error', { error: 'Your session has expired. Sign in again, then try again.' })

export const Dark: Story = {
  args: { 'data-theme': 'dark' } as Story['args'],
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
  },
}

export const RightToLeft: Story = {
  args: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    expect(root(canvasElement).getAttribute('dir')).toBe('rtl')
    await pickPhoto(canvasElement)
  },
}

export const Japanese: Story = { args: { locale: 'ja' } }
export const TraditionalChineseHongKong: Story = { args: { locale: 'zh-HK' } }
export const Spanish: Story = { args: { locale: 'es' } }
export const French: Story = {
  args: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await pick(canvasElement, await tinyFile())
    await waitFor(() => expect(canvasElement.querySelector('[data-avatar-editor="error"]')).toHaveTextContent(/64 × 64/))
  },
}

export const CustomLayout: Story = {
  render: (args) => (
    <AvatarEditor.Root {...args} outputSize={512}>
      <div style={{ display: 'flex', gap: 16, alignItems: 'start' }}>
        <AvatarEditor.DropZone style={{ width: 240 }}>
          <AvatarEditor.Cropper />
        </AvatarEditor.DropZone>
        <div style={{ display: 'grid', gap: 8 }}>
          <AvatarEditor.Preview />
          <AvatarEditor.ZoomSlider />
          <AvatarEditor.RotateControls />
          <AvatarEditor.SaveButton />
        </div>
      </div>
      <AvatarEditor.ErrorMessage />
    </AvatarEditor.Root>
  ),
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
  },
}

/** Turns off the library's stylesheet (loaded by the preview) while the story is shown. */
function WithoutLibraryStyles({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    const ours = [...document.styleSheets].filter((sheet) => {
      try {
        return [...sheet.cssRules].some((rule) => rule.cssText.includes('data-avatar-editor'))
      } catch {
        return false
      }
    })
    for (const sheet of ours) sheet.disabled = true
    return () => {
      for (const sheet of ours) sheet.disabled = false
    }
  }, [])
  return children
}

export const Unstyled: Story = {
  decorators: [(Story) => <WithoutLibraryStyles>{Story()}</WithoutLibraryStyles>],
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
    // Still usable: the crop frame is square and the controls are there.
    const cropper = canvasElement.querySelector<HTMLElement>('[data-avatar-editor="cropper"]')!
    expect(Math.round(cropper.getBoundingClientRect().width)).toBe(Math.round(cropper.getBoundingClientRect().height))
    await expect(within(canvasElement).getByRole('button', { name: 'Save photo' })).toBeInTheDocument()
  },
}
