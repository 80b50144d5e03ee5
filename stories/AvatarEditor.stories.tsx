import type { Meta, StoryObj } from '@storybook/react-vite'
import { useLayoutEffect, type ReactNode } from 'react'
import { expect, fn, userEvent, waitFor, within, type Mock } from 'storybook/test'
import type { AvatarEditorResult } from '../src/index.ts'
import { AvatarEditor } from '../src/index.ts'
import { bombFile, corruptFile, emptyFile, heicFile, photoFile, svgFile, textFileNamedPng, tinyFile } from './support/images.ts'

const meta = {
  title: 'AvatarEditor',
  component: AvatarEditor,
  tags: ['autodocs'],
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

/** Picks a valid photo through the chooser, as an admin would. */
async function pickPhoto(canvasElement: HTMLElement) {
  await userEvent.upload(canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!, await photoFile())
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
export const ErrorEmpty = refusal(emptyFile, /This file is empty/)

/**
 * Encoding lasts as long as the crop takes (a few frames for this photo): the
 * play function records every state the root passes through on Save.
 */
export const Encoding: Story = {
  args: { onSave: fn() },
  play: async ({ args, canvasElement }) => {
    await pickPhoto(canvasElement)
    const states: string[] = []
    const observer = new MutationObserver(() => states.push(root(canvasElement).dataset.state ?? ''))
    observer.observe(root(canvasElement), { attributeFilter: ['data-state'] })
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Save photo' }))
    await waitFor(() => expect(args.onSave).toHaveBeenCalledOnce(), { timeout: 10_000 })
    observer.disconnect()
    expect(states).toEqual(['encoding', 'ready'])
    const [result] = (args.onSave as Mock<(result: AvatarEditorResult) => void>).mock.calls[0]!
    expect(result.blob.type).toBe('image/jpeg')
    expect([result.width, result.height]).toEqual([1024, 1024])
  },
}

function withStatus(status: 'uploading' | 'saving' | 'saved' | 'error', text: RegExp, extra: Story['args'] = {}): Story {
  return {
    args: { status, ...extra },
    play: async ({ canvasElement }) => {
      await pick(canvasElement, await photoFile())
      await waitFor(() => expect(root(canvasElement).dataset.state).toBe(status))
      await expect(root(canvasElement)).toHaveTextContent(text)
    },
  }
}

export const Uploading40Percent = withStatus('uploading', /Uploading… 40%/, { progress: 0.4 })
export const Saving = withStatus('saving', /Saving…/)
export const Saved = withStatus('saved', /Photo saved\./)
export const ServerError = withStatus('error', /session has expired/, { error: 'Your session has expired. Sign in again, then try again.' })

/** `data-theme="dark"` on any ancestor (here the story's frame) switches the variables; so does `prefers-color-scheme`. */
export const Dark: Story = {
  globals: { backgrounds: { value: 'dark' } },
  decorators: [
    (Story) => (
      <div data-theme="dark" style={{ background: '#0d1117', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
    expect(getComputedStyle(root(canvasElement)).getPropertyValue('--avatar-editor-bg').trim()).toBe('#0d1117')
  },
}

export const RightToLeft: Story = {
  args: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    expect(root(canvasElement).getAttribute('dir')).toBe('rtl')
    await expect(within(canvasElement).getByRole('button', { name: 'اختر صورة' })).toBeInTheDocument()
    await pickPhoto(canvasElement)
  },
}

/** A locale whose words reach the chooser button and whose `lang` reaches the root. */
function inLocale(locale: string, chooseFile: string): Story {
  return {
    args: { locale },
    play: async ({ canvasElement }) => {
      await expect(within(canvasElement).getByRole('button', { name: chooseFile })).toBeInTheDocument()
      expect(root(canvasElement).getAttribute('dir')).toBe('ltr')
    },
  }
}

export const Japanese = inLocale('ja', '写真を選択')
export const TraditionalChineseHongKong = inLocale('zh-HK', '選擇相片')
export const Spanish = inLocale('es', 'Elegir una foto')
export const French: Story = {
  args: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await pick(canvasElement, await tinyFile())
    await waitFor(() => expect(canvasElement.querySelector('[data-avatar-editor="error"]')).toHaveTextContent(/il faut au moins 128 × 128 pixels/))
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
  decorators: [
    (Story) => (
      <WithoutLibraryStyles>
        {/* Without styles.css the editor fills its container: the page decides its width. */}
        <div style={{ maxWidth: 360 }}>
          <Story />
        </div>
      </WithoutLibraryStyles>
    ),
  ],
  play: async ({ canvasElement }) => {
    await pickPhoto(canvasElement)
    expect(getComputedStyle(root(canvasElement)).getPropertyValue('--avatar-editor-bg')).toBe('')
    // Still usable: the crop frame is square and the controls are there.
    const cropper = canvasElement.querySelector<HTMLElement>('[data-avatar-editor="cropper"]')!
    expect(Math.round(cropper.getBoundingClientRect().width)).toBe(Math.round(cropper.getBoundingClientRect().height))
    await expect(within(canvasElement).getByRole('button', { name: 'Save photo' })).toBeInTheDocument()
  },
}
