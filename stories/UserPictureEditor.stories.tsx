import type { Meta, StoryObj } from '@storybook/react-vite'
import { useRef, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createAdminApiClient, updateUserPicture } from '../src/core/index.ts'
import { AdminApiProvider, UserPictureEditor } from '../src/index.ts'
import { createAuthgearMsw, SEED_USER_IDS, type AuthgearMsw } from '../test/msw/authgear.ts'
import { useAuthgearImages } from './support/authgear-images.ts'
import { photoFile } from './support/images.ts'

/*
 * Every story runs against the local Authgear's own logic and the real
 * reference proxy, in the page (no network, no service worker): the same
 * strictness as Authgear, including its errors.
 */

let shared: Promise<AuthgearMsw> | undefined
async function authgear(): Promise<AuthgearMsw> {
  const instance = await (shared ??= createAuthgearMsw())
  await instance.app.reset()
  instance.signIn()
  instance.goOnline()
  return instance
}

type Setup = (authgear: AuthgearMsw) => void | Promise<void>

function Stack({ authgear: stack, userId, locale }: { authgear: AuthgearMsw; userId: string; locale?: string }) {
  const [client] = useState(() => createAdminApiClient({ endpoint: stack.endpoint, fetch: stack.fetch, uploadTransport: 'fetch' }))
  const frame = useRef<HTMLDivElement>(null)
  useAuthgearImages(stack, frame)
  return (
    <div ref={frame}>
      <AdminApiProvider client={client}>
        <UserPictureEditor userId={userId} locale={locale} round />
      </AdminApiProvider>
    </div>
  )
}

interface StoryArgs {
  userId: string
  locale?: string
}

const meta = {
  title: 'UserPictureEditor',
  args: { userId: SEED_USER_IDS['no-picture'] },
  loaders: [
    async ({ parameters }) => {
      const stack = await authgear()
      await (parameters.authgearSetup as Setup | undefined)?.(stack)
      return { authgear: stack }
    },
  ],
  render: (args, { loaded }) => <Stack authgear={loaded.authgear as AuthgearMsw} userId={args.userId} locale={args.locale} />,
} satisfies Meta<StoryArgs>
export default meta
type Story = StoryObj<typeof meta>

const container = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-avatar-editor="user-picture"]')!

async function pickAndSave(canvasElement: HTMLElement) {
  await userEvent.upload(canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!, await photoFile())
  const save = await within(canvasElement).findByRole('button', { name: 'Save photo' })
  await waitFor(() => expect(save).not.toHaveAttribute('aria-disabled', 'true'), { timeout: 10_000 })
  await waitFor(() => expect(save).toBeEnabled())
  await userEvent.click(save)
}

export const WithoutPicture: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No photo yet')).toBeInTheDocument()
  },
}

/** The current picture, once the browser has decoded it. */
async function shownPicture(canvasElement: HTMLElement) {
  const image = await within(canvasElement).findByRole<HTMLImageElement>('img', { name: /^Current photo/ }, { timeout: 10_000 })
  await waitFor(() => expect(image.complete && image.naturalWidth > 1).toBe(true), { timeout: 10_000 })
  return image
}

export const SaveAPicture: Story = {
  play: async ({ canvasElement }) => {
    await pickAndSave(canvasElement)
    await waitFor(() => expect(container(canvasElement).dataset.stage).toBe('saved'), { timeout: 10_000 })
    // The picture as Authgear reads it back (its /profile URL) replaces "No photo yet".
    await shownPicture(canvasElement)
  },
}

/** Gives the user a picture before the story renders, through the same flow the editor uses. */
const withPicture: Setup = async (stack) => {
  const client = createAdminApiClient({ endpoint: stack.endpoint, fetch: stack.fetch, uploadTransport: 'fetch' })
  await updateUserPicture(client, { userId: SEED_USER_IDS['no-picture'], image: await photoFile(800, 800, 'earlier.jpg') })
}

export const WithPicture: Story = {
  parameters: { authgearSetup: withPicture },
  play: async ({ canvasElement }) => {
    await shownPicture(canvasElement)
    await expect(within(canvasElement).getByRole('button', { name: 'Remove photo' })).toBeInTheDocument()
  },
}

/** A slow upload shows its progress and can be cancelled; the photo stays in the editor for another try. */
export const CancelUpload: Story = {
  parameters: { authgearSetup: ((stack) => stack.app.faults.add({ route: 'upload', latencyMs: 3_000 })) satisfies Setup },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await pickAndSave(canvasElement)
    await waitFor(() => expect(container(canvasElement).dataset.stage).toBe('uploading'))
    await expect(canvasElement.querySelector('[data-avatar-editor="root"]')).toHaveAttribute('data-state', 'uploading')
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel upload' }))
    await waitFor(() => expect(canvasElement.querySelector('[data-avatar-editor="root"]')).toHaveAttribute('data-state', 'ready'))
    await expect(canvas.getByRole('button', { name: 'Save photo' })).toHaveFocus()
    await expect(canvas.getByText('No photo yet')).toBeInTheDocument()
  },
}

export const RemovePicture: Story = {
  parameters: { authgearSetup: withPicture },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await shownPicture(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Remove photo' }))
    // The question opens on the safe answer; Escape keeps the picture and returns to Remove.
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Keep it' })).toHaveFocus())
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Remove photo' })).toHaveFocus())
    await userEvent.click(canvas.getByRole('button', { name: 'Remove photo' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Remove' }))
    await expect(await canvas.findByText('Photo removed.', {}, { timeout: 10_000 })).toBeInTheDocument()
    await expect(canvas.getByText('No photo yet')).toBeInTheDocument()
  },
}

/** Waits until the user was read, so a fault set now hits the save, not the read. */
async function userLoaded(canvasElement: HTMLElement) {
  await waitFor(() => expect(canvasElement.querySelector('[data-avatar-editor="current-picture"]')).not.toHaveAttribute('aria-busy'), { timeout: 10_000 })
}

function failing(setup: Setup, message: RegExp, retry: boolean): Story {
  return {
    play: async ({ canvasElement, loaded }) => {
      await userLoaded(canvasElement)
      setup(loaded.authgear as AuthgearMsw)
      await pickAndSave(canvasElement)
      await waitFor(() => expect(container(canvasElement).dataset.stage).toBe('error'), { timeout: 15_000 })
      await expect(canvasElement.querySelector('[data-avatar-editor="error"]')).toHaveTextContent(message)
      const tryAgain = within(canvasElement).queryByRole('button', { name: 'Try again' })
      if (retry) await expect(tryAgain).toBeInTheDocument()
      else await expect(tryAgain).toBeNull()
    },
  }
}

const authgearError = (status: number, name: string, reason: string, message: string) => JSON.stringify({ error: { name, reason, message, code: status } })

export const SessionExpired = failing((stack) => stack.signOut(), /session has expired/, true)
export const NetworkDown = failing((stack) => stack.goOffline(), /could not be reached/, true)
export const ServerError500 = failing(
  (stack) => stack.app.faults.add({ route: 'upload-url', times: 5, status: 500, body: authgearError(500, 'InternalError', 'InternalError', 'boom') }),
  /could not be saved/,
  true,
)
export const AdminKeyRefused403 = failing((stack) => stack.app.faults.add({ route: 'upload-url', times: 5, status: 403, body: 'Forbidden\n' }), /Admin API key/, false)
export const AssetTooLarge = failing(
  (stack) => stack.app.faults.add({ route: 'upload', times: 5, status: 400, body: authgearError(400, 'BadRequest', 'BadRequest', 'asset too large') }),
  /larger than Authgear accepts/,
  false,
)
export const ValidationFailed = failing(
  (stack) =>
    stack.app.faults.add({
      route: 'graphql',
      times: 5,
      status: 200,
      body: JSON.stringify({ errors: [{ message: 'invalid', path: ['updateUser'], extensions: { errorName: 'Invalid', reason: 'ValidationFailed', info: {} } }], data: null }),
    }),
  /did not accept/,
  false,
)
/** Authgear refuses any change to an anonymized user: the editor says so at once and stays disabled. */
export const AnonymizedUser: Story = {
  args: { userId: SEED_USER_IDS.anonymized },
  play: async ({ canvasElement }) => {
    await userLoaded(canvasElement)
    await waitFor(() => expect(canvasElement.querySelector('[data-avatar-editor="user-anonymized"]')).toHaveTextContent(/anonymized/))
    await expect(within(canvasElement).getByRole('button', { name: 'Choose a photo' })).toBeDisabled()
  },
}

/** The session expired before the user could be read: the editor waits, and Try again reads again. */
export const UserCannotBeRead: Story = {
  parameters: { authgearSetup: ((stack) => stack.signOut()) satisfies Setup },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(/session has expired/)
    await expect(canvas.getByRole('button', { name: 'Choose a photo' })).toBeDisabled()
    ;(loaded.authgear as AuthgearMsw).signIn()
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByText('No photo yet')).toBeInTheDocument()
  },
}

export const ExpiredUploadUrlRecovered: Story = {
  parameters: {
    authgearSetup: ((stack) =>
      stack.app.faults.add({ route: 'upload', status: 400, body: authgearError(400, 'Invalid', 'ExpiredSignature', 'expired signature') })) satisfies Setup,
  },
  play: async ({ canvasElement }) => {
    await pickAndSave(canvasElement)
    await waitFor(() => expect(container(canvasElement).dataset.stage).toBe('saved'), { timeout: 10_000 })
  },
}

export const ReusedUploadUrlRecovered: Story = {
  parameters: {
    authgearSetup: ((stack) =>
      stack.app.faults.add({ route: 'upload', status: 409, body: authgearError(409, 'AlreadyExists', 'DuplicatedImage', 'duplicated image') })) satisfies Setup,
  },
  play: async ({ canvasElement }) => {
    await pickAndSave(canvasElement)
    await waitFor(() => expect(container(canvasElement).dataset.stage).toBe('saved'), { timeout: 10_000 })
  },
}

export const InJapanese: Story = {
  args: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('写真はまだありません')).toBeInTheDocument()
  },
}
