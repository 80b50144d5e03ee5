import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createAdminApiClient } from '../src/core/index.ts'
import { AdminApiProvider, UserPictureEditor } from '../src/index.ts'
import { createAuthgearMsw, SEED_USER_IDS, type AuthgearMsw } from '../test/msw/authgear.ts'
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

type Setup = (authgear: AuthgearMsw) => void

function Stack({ authgear: stack, userId, locale }: { authgear: AuthgearMsw; userId: string; locale?: string }) {
  const [client] = useState(() => createAdminApiClient({ endpoint: stack.endpoint, fetch: stack.fetch, uploadTransport: 'fetch' }))
  return (
    <AdminApiProvider client={client}>
      <UserPictureEditor userId={userId} locale={locale} round />
    </AdminApiProvider>
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
      ;(parameters.authgearSetup as Setup | undefined)?.(stack)
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

export const SaveAPicture: Story = {
  play: async ({ canvasElement }) => {
    await pickAndSave(canvasElement)
    await waitFor(() => expect(container(canvasElement).dataset.stage).toBe('saved'), { timeout: 10_000 })
  },
}

function failing(setup: Setup, message: RegExp, retry: boolean): Story {
  return {
    parameters: { authgearSetup: setup },
    play: async ({ canvasElement }) => {
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
export const AnonymizedUser = { ...failing(() => undefined, /anonymized/, false), args: { userId: SEED_USER_IDS.anonymized } } satisfies Story

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
