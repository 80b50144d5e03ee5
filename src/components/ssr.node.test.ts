import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { AvatarEditor } from './index.js'

describe('rendering on a server (no DOM)', () => {
  test('there really is no window here', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  test('the default editor renders its empty state', () => {
    const html = renderToString(createElement(AvatarEditor, { locale: 'ja' }))
    expect(html).toContain('data-state="empty"')
    expect(html).toContain('写真を選択')
    expect(html).toContain('lang="ja"')
    expect(html).toContain('aria-live="polite"')
  })

  test('the parts render inside a root, and an outside status shows', () => {
    const { Root, DropZone, Cropper, ZoomSlider, RotateControls, Preview, ErrorMessage, SaveButton, Status } = AvatarEditor
    const html = renderToString(
      createElement(
        Root,
        { locale: 'es', status: 'error', error: 'No se pudo subir.' },
        createElement(DropZone, null, createElement(Cropper)),
        createElement(ZoomSlider),
        createElement(RotateControls),
        createElement(Preview),
        createElement(ErrorMessage),
        createElement(SaveButton),
        createElement(Status),
      ),
    )
    expect(html).toContain('data-state="error"')
    expect(html).toContain('No se pudo subir.')
    expect(html).toContain('Guardar foto')
  })

  test('a part outside a root says so', () => {
    expect(() => renderToString(createElement(AvatarEditor.SaveButton))).toThrow(/inside <AvatarEditor.Root>/)
  })
})

describe('UserPictureEditor on a server', () => {
  test('renders inside an AdminApiProvider without touching window, waiting for the user', async () => {
    const { AdminApiProvider } = await import('../hooks/index.js')
    const { UserPictureEditor } = await import('./index.js')
    const html = renderToString(
      createElement(AdminApiProvider, { endpoint: '/api/avatar' }, createElement(UserPictureEditor, { userId: '97b1c929-842c-415c-a7df-6967efdda160', locale: 'fr' })),
    )
    expect(html).toContain('data-avatar-editor="user-picture"')
    expect(html).toContain('data-stage="idle"')
    expect(html).toContain('Chargement de la photo…')
    expect(html).toContain('aria-busy="true"')
  })
})
