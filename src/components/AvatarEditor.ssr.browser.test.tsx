import { act } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { AvatarEditor } from './AvatarEditor.js'
import { editorRoot, fileInput, part } from './test-utils/editor.js'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}

let root: Root | undefined
let host: HTMLElement | undefined
afterEach(() => {
  act(() => root?.unmount())
  host?.remove()
  root = undefined
})

describe('server rendering', () => {
  test.each([
    ['English', <AvatarEditor key="en" />],
    ['Japanese, round, with a status', <AvatarEditor key="ja" locale="ja" round status="saved" />],
    ['Arabic', <AvatarEditor key="ar" locale="ar" />],
  ])('server HTML hydrates without a warning or a recoverable error (%s)', async (_name, element) => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true
    const html = renderToString(element)
    host = document.createElement('div')
    host.innerHTML = html
    document.body.append(host)
    const serverRoot = editorRoot(host)

    const consoleError = vi.spyOn(console, 'error')
    const consoleWarn = vi.spyOn(console, 'warn')
    const onRecoverableError = vi.fn()
    await act(async () => {
      root = hydrateRoot(host!, element, { onRecoverableError })
    })

    expect(onRecoverableError).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
    expect(consoleWarn).not.toHaveBeenCalled()
    // Hydrated in place (same nodes), and alive: the drop zone opens the chooser.
    expect(editorRoot(host)).toBe(serverRoot)
    const openChooser = vi.spyOn(fileInput(host), 'click').mockImplementation(() => {})
    act(() => part(host!, 'drop-zone')!.click())
    expect(openChooser).toHaveBeenCalledTimes(1)
    consoleError.mockRestore()
    consoleWarn.mockRestore()
  })
})
