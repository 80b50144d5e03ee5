import { QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { cdp, userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createAuthgearMsw, MSW_AUTHGEAR_ORIGIN, SEED_USER_IDS, type AuthgearMsw } from '../../test/msw/authgear.ts'
import { createAdminApiClient, updateUserPicture, type AdminApiClient } from '../core/index.js'
import { AdminApiProvider } from '../hooks/index.js'
import { part, pick, textOf } from './test-utils/editor.js'
import { makePhoto } from './test-utils/images.js'
import { UserPictureEditor, type UserPictureEditorProps } from './UserPictureEditor.js'

/*
 * The real hooks and core client against the real reference proxy and the local
 * Authgear's own logic, in memory in this page (`test/msw`): each test file has
 * its own Authgear, so no other file's resets or faults can reach these tests.
 * The <img> requests for Authgear's pictures are answered by the same in-memory
 * Authgear through the DevTools protocol, so the pictures really load.
 */

let authgear: AuthgearMsw
const session = cdp()

interface PausedRequest {
  requestId: string
  request: { url: string; method: string }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  return btoa(binary)
}

async function servePicture(event: PausedRequest) {
  const response = await authgear.fetch(event.request.url, { method: event.request.method })
  const responseHeaders = [...response.headers].map(([name, value]) => ({ name, value }))
  const body = toBase64(new Uint8Array(await response.arrayBuffer()))
  await session.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: response.status, responseHeaders, body })
}

beforeAll(async () => {
  authgear = await createAuthgearMsw()
  // Vitest opens the DevTools session lazily, and two first calls at once can open
  // two: the listener would sit on one while the other intercepts. One call first.
  await session.send('Fetch.disable')
  session.on('Fetch.requestPaused', servePicture)
  await session.send('Fetch.enable', { patterns: [{ urlPattern: `${MSW_AUTHGEAR_ORIGIN}/*` }] })
})

afterAll(async () => {
  await session.send('Fetch.disable')
  session.off('Fetch.requestPaused', servePicture)
})

/** What a test can do to the requests the page sends, before the stack answers them. */
interface Wire {
  /** The next upload waits, as a slow upload does, until released or cancelled. */
  holdNextUpload(): { arrived: Promise<void>; release(): void }
  /** Runs `action` just before the next request whose body contains `text` reaches the stack. */
  beforeRequestWith(text: string, action: () => void): void
}

/** The in-memory stack as the client's `fetch`, cancellable as a browser's `fetch` is, with the test's hooks. */
function createWire(): { fetch: typeof fetch; wire: Wire } {
  let heldUpload: { arrive(): void; released: Promise<void> } | undefined
  const triggers: { text: string; action: () => void }[] = []
  const wireFetch: typeof fetch = async (input, init) => {
    const signal = init?.signal ?? undefined
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'))
      if (signal?.aborted) fail()
      signal?.addEventListener('abort', fail, { once: true })
    })
    aborted.catch(() => undefined)
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    if (heldUpload && init?.method === 'POST' && url.pathname.startsWith(`${authgear.endpoint}/_images/`)) {
      const held = heldUpload
      heldUpload = undefined
      held.arrive()
      await Promise.race([held.released, aborted])
    }
    const body = typeof init?.body === 'string' ? init.body : ''
    const trigger = triggers.findIndex(({ text }) => body.includes(text))
    if (trigger !== -1) triggers.splice(trigger, 1)[0]!.action()
    return Promise.race([authgear.fetch(input, init), aborted])
  }
  const wire: Wire = {
    holdNextUpload() {
      let arrive!: () => void
      let release!: () => void
      const arrived = new Promise<void>((resolve) => (arrive = resolve))
      const released = new Promise<void>((resolve) => (release = resolve))
      heldUpload = { arrive, released }
      return { arrived, release }
    },
    beforeRequestWith(text, action) {
      triggers.push({ text, action })
    },
  }
  return { fetch: wireFetch, wire }
}

const storedUser = (uuid: string) => authgear.app.users().find((user) => user.id === uuid)!

/** What the Admin API reads back as the user's picture (the https `/profile` URL). */
async function pictureOnServer(client: AdminApiClient, uuid: string): Promise<unknown> {
  return (await client.getUser(uuid)).standardAttributes.picture
}

let setupClient: AdminApiClient

beforeEach(async () => {
  await authgear.app.reset()
  authgear.signIn()
  authgear.goOnline()
  setupClient = createAdminApiClient({ endpoint: authgear.endpoint, fetch: authgear.fetch, uploadTransport: 'fetch' })
})

/** Gives a seeded user a real uploaded picture (the seed's own objects are not in the in-memory store). */
async function withUploadedPicture(uuid: string): Promise<string> {
  const result = await updateUserPicture(setupClient, { userId: uuid, image: await makePhoto(300, 300) })
  return result.picture
}

async function renderEditor(props: UserPictureEditorProps) {
  const { fetch, wire } = createWire()
  const client = createAdminApiClient({ endpoint: authgear.endpoint, fetch, uploadTransport: 'fetch' })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const screen = await render(
    <AdminApiProvider client={client} queryClient={queryClient}>
      <UserPictureEditor retry={false} {...props} />
    </AdminApiProvider>,
  )
  return { screen, wire }
}

const currentImage = (container: HTMLElement) => container.querySelector<HTMLImageElement>('img[data-avatar-editor="current-picture"]')

/** The current picture element shows exactly `src`, and the browser decoded it. */
async function expectPictureShown(container: HTMLElement, src: string) {
  await expect.poll(() => currentImage(container)?.getAttribute('src'), settles).toBe(src)
  await expect.poll(() => currentImage(container)?.complete && currentImage(container)!.naturalWidth > 0, settles).toBe(true)
}

async function pickAndSave(container: HTMLElement) {
  await pick(container, await makePhoto(800, 600))
  await userEvent.click(part(container, 'save')!)
}

// Encoding, then the whole request chain: generous on a busy 2-core machine.
const settles = { timeout: 10_000 }

const uuid = SEED_USER_IDS['picture-jpeg']
const withoutPicture = SEED_USER_IDS['no-picture']

/** The user has been read: the placeholder says there is no picture. */
async function loaded(screen: Awaited<ReturnType<typeof render>>, text = 'No photo yet') {
  await expect.element(screen.getByText(text, { exact: true })).toBeVisible()
}

describe('UserPictureEditor', () => {
  test('shows the current picture, uploads with a named progress bar and a cancel button, then shows the new picture', async () => {
    const oldPicture = await withUploadedPicture(uuid)
    const onSaved = vi.fn()
    const { screen, wire } = await renderEditor({ userId: uuid, onSaved })
    await expectPictureShown(screen.container, oldPicture)
    expect(currentImage(screen.container)!.alt).toBe(`Current photo of ${String(storedUser(uuid).standardAttributes.name)}`)

    const upload = wire.holdNextUpload()
    await pickAndSave(screen.container)
    await upload.arrived
    const progress = screen.getByRole('progressbar', { name: 'Uploading…', exact: true })
    await expect.element(progress).toBeVisible()
    expect((progress.element() as HTMLProgressElement).value).toBe(0)
    await expect.element(screen.getByRole('button', { name: 'Cancel upload' })).toBeVisible()
    expect(screen.container.querySelector('[data-avatar-editor="user-picture"]')!.getAttribute('data-stage')).toBe('uploading')

    upload.release()
    await expect.poll(() => textOf(screen.container, 'status'), settles).toBe('Photo saved.')
    const newPicture = await pictureOnServer(setupClient, uuid)
    expect(newPicture).not.toBe(oldPicture)
    await expectPictureShown(screen.container, newPicture as string)
    expect(screen.container.querySelector('[role="progressbar"]')).toBeNull()
    expect(screen.container.querySelector('[data-avatar-editor="cancel-upload"]')).toBeNull()
    expect(onSaved).toHaveBeenCalledTimes(1)
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ picture: newPicture })
  })

  test('cancelling mid-upload stores nothing, keeps the old picture and gives focus back to Save', async () => {
    const oldPicture = await withUploadedPicture(uuid)
    const storedBefore = authgear.app.stats().uploadsStored
    const onSaved = vi.fn()
    const { screen, wire } = await renderEditor({ userId: uuid, onSaved })
    await expectPictureShown(screen.container, oldPicture)

    const upload = wire.holdNextUpload()
    await pickAndSave(screen.container)
    await upload.arrived
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload' }))

    await expect.poll(() => screen.container.querySelector('[data-avatar-editor="user-picture"]')!.getAttribute('data-stage')).toBe('idle')
    expect(document.activeElement).toBe(part(screen.container, 'save'))
    expect(part(screen.container, 'root')!.dataset.state).toBe('ready')
    await expectPictureShown(screen.container, oldPicture)
    expect(await pictureOnServer(setupClient, uuid)).toBe(oldPicture)
    expect(authgear.app.stats().uploadsStored).toBe(storedBefore)
    expect(onSaved).not.toHaveBeenCalled()
  })

  test('a failed upload says so; Try again uploads afresh and saves', async () => {
    const { screen } = await renderEditor({ userId: withoutPicture })
    await loaded(screen)
    authgear.app.faults.add({ route: 'upload', status: 503, body: '' })
    await pickAndSave(screen.container)

    await expect.poll(() => textOf(screen.container, 'error'), settles).toBe('The photo could not be saved. Try again.')
    const save = part(screen.container, 'save')!
    expect(save.getAttribute('aria-describedby')).toBe(part(screen.container, 'error')!.id)
    expect(authgear.app.stats().uploadsStored).toBe(0)

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(document.activeElement).toBe(save)
    await expect.poll(() => textOf(screen.container, 'status'), settles).toBe('Photo saved.')
    expect(authgear.app.stats()).toMatchObject({ uploadsStored: 1, uploadUrlsIssued: 2 })
    await expectPictureShown(screen.container, (await pictureOnServer(setupClient, withoutPicture)) as string)
  })

  test('an expired admin session says to sign in again, and Try again works once signed in', async () => {
    const { screen } = await renderEditor({ userId: withoutPicture })
    await loaded(screen)
    authgear.signOut()
    await pickAndSave(screen.container)

    await expect.poll(() => textOf(screen.container, 'error'), settles).toBe('Your session has expired. Sign in again, then try again.')
    expect(authgear.app.stats().uploadUrlsIssued).toBe(0)

    authgear.signIn()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await expect.poll(() => textOf(screen.container, 'status'), settles).toBe('Photo saved.')
    await expectPictureShown(screen.container, (await pictureOnServer(setupClient, withoutPicture)) as string)
  })

  test('Authgear refusing the Admin API key says whom to ask, and offers no pointless retry', async () => {
    const { screen } = await renderEditor({ userId: withoutPicture })
    await loaded(screen)
    // What Authgear answers for a bad admin JWT, passed through by the proxy.
    authgear.app.faults.add({ route: 'upload-url', status: 403, body: 'Forbidden\n', contentType: 'text/plain; charset=utf-8' })
    await pickAndSave(screen.container)

    await expect.poll(() => textOf(screen.container, 'error'), settles).toBe('The server refused the Admin API key. Ask whoever runs this dashboard to check its Authgear settings.')
    expect(screen.container.querySelector('[data-avatar-editor="retry"]')).toBeNull()
  })

  test('a picture Authgear rejects (ValidationFailed at HTTP 200) has its own sentence, in the admin’s language', async () => {
    const { screen, wire } = await renderEditor({ userId: withoutPicture, locale: 'fr' })
    await loaded(screen, 'Pas encore de photo')
    wire.beforeRequestWith('updateUser(', () => {
      // The proxy reads the user before it forwards the write: that read goes through untouched.
      authgear.app.faults.add({ route: 'graphql', latencyMs: 0 })
      authgear.app.faults.add({
        route: 'graphql',
        status: 200,
        body: JSON.stringify({
          errors: [{ message: 'invalid standard attributes', path: ['updateUser'], extensions: { errorName: 'Invalid', reason: 'ValidationFailed', info: { causes: [] } } }],
          data: null,
        }),
      })
    })
    await pick(screen.container, await makePhoto(800, 600))
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la photo' }))

    await expect.poll(() => textOf(screen.container, 'error'), settles).toBe('Authgear n’a pas accepté cette photo pour le profil.')
    expect(authgear.app.stats().mutations).toBe(0)
  })

  test('an anonymized user cannot be changed, and says so in Japanese before any photo is picked', async () => {
    const anonymized = SEED_USER_IDS.anonymized
    const { screen } = await renderEditor({ userId: anonymized, locale: 'ja' })
    await loaded(screen, '写真はまだありません')

    await expect.poll(() => textOf(screen.container, 'user-anonymized'), settles).toBe('このユーザーは匿名化されているため、プロフィールを変更できません。')
    await expect.element(screen.getByRole('button', { name: '写真を選択' })).toBeDisabled()
    expect(screen.container.querySelector('[data-avatar-editor="remove"]')).toBeNull()
    expect(authgear.app.stats()).toMatchObject({ uploadUrlsIssued: 0, mutations: 0 })
  })

  test('a user who is not anonymized shows no such sentence', async () => {
    const { screen } = await renderEditor({ userId: withoutPicture })
    await loaded(screen, 'No photo yet')
    expect(screen.container.querySelector('[data-avatar-editor="user-anonymized"]')).toBeNull()
    await expect.element(screen.getByRole('button', { name: 'Choose a photo' })).toBeEnabled()
  })

  test('an unknown user is said at once, and the editor is disabled', async () => {
    const { screen } = await renderEditor({ userId: '00000000-0000-4000-8000-000000000000' })
    await expect.element(screen.getByRole('alert')).toHaveTextContent('This user no longer exists.')
    await expect.element(screen.getByRole('button', { name: 'Choose a photo' })).toBeDisabled()
    expect(screen.container.querySelector('[data-avatar-editor="remove"]')).toBeNull()
  })

  test('removing asks first: Escape keeps the picture, Remove removes it and keeps every other attribute', async () => {
    const oldPicture = await withUploadedPicture(uuid)
    const before = storedUser(uuid)
    const onRemoved = vi.fn()
    const { screen } = await renderEditor({ userId: uuid, onRemoved })
    await expectPictureShown(screen.container, oldPicture)
    const name = String(before.standardAttributes.name)

    await userEvent.click(screen.getByRole('button', { name: 'Remove photo' }))
    const question = screen.getByRole('group', { name: `Remove the photo of ${name}?` })
    await expect.element(question).toBeVisible()
    await expect.element(screen.getByRole('button', { name: 'Keep it' })).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect.element(question).not.toBeInTheDocument()
    await expect.element(screen.getByRole('button', { name: 'Remove photo' })).toHaveFocus()
    await expectPictureShown(screen.container, oldPicture)

    await userEvent.click(screen.getByRole('button', { name: 'Remove photo' }))
    await userEvent.click(screen.getByRole('button', { name: 'Remove', exact: true }))
    await expect.element(screen.getByText('Photo removed.')).toBeVisible()
    expect(document.activeElement).toBe(part(screen.container, 'user-picture-status'))
    await expect.element(screen.getByText('No photo yet')).toBeVisible()
    expect(screen.container.querySelector('[data-avatar-editor="remove"]')).toBeNull()
    expect(onRemoved).toHaveBeenCalledTimes(1)

    const after = storedUser(uuid)
    expect(after.standardAttributes.picture).toBeUndefined()
    const { picture: _before, updated_at: _a, ...restBefore } = before.standardAttributes
    const { updated_at: _b, ...restAfter } = after.standardAttributes
    expect(restAfter).toEqual(restBefore)
  })

  test('a failed removal is said next to the picture, and Try again removes it', async () => {
    const oldPicture = await withUploadedPicture(uuid)
    const { screen } = await renderEditor({ userId: uuid })
    await expectPictureShown(screen.container, oldPicture)
    authgear.goOffline()

    await userEvent.click(screen.getByRole('button', { name: 'Remove photo' }))
    await userEvent.click(screen.getByRole('button', { name: 'Remove', exact: true }))
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The server could not be reached. Check the connection and try again.')
    expect(part(screen.container, 'root')!.dataset.state).not.toBe('error')

    authgear.goOnline()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await expect.element(screen.getByText('Photo removed.')).toBeVisible()
    expect(storedUser(uuid).standardAttributes.picture).toBeUndefined()
  })
})
