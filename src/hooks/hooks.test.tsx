import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAuthgearMsw, SEED_USER_IDS, type AuthgearMsw } from '../../test/msw/authgear.ts'
import { createAdminApiClient, type AdminApiClient } from '../core/index.ts'
import { AdminApiProvider, useAdminApiClient } from './AdminApiProvider.tsx'
import { adminApiKeys, userQueryOptions } from './keys.ts'
import { useSetUserPicture, useUploadImage, useUploadUrl } from './mutations.ts'
import { useUpdateUserPicture } from './useUpdateUserPicture.ts'
import { useUser } from './useUser.ts'

// A real JPEG's first bytes are enough: the core checks the magic bytes, Authgear checks nothing.
const jpeg = (bytes = 2048) => {
  const data = new Uint8Array(bytes)
  data.set([0xff, 0xd8, 0xff, 0xe0])
  return new Blob([data], { type: 'image/jpeg' })
}

let authgear: AuthgearMsw
const server = setupServer()
let queryClient: QueryClient

beforeAll(async () => {
  authgear = await createAuthgearMsw()
  server.listen({ onUnhandledRequest: 'error' })
})
beforeEach(async () => {
  await authgear.app.reset()
  authgear.signIn()
  authgear.goOnline()
  server.resetHandlers(...authgear.handlers)
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
})
afterEach(() => queryClient.clear())
afterAll(() => server.close())

// Upload through fetch in jsdom: msw intercepts it exactly; the XHR progress path is tested in Chromium.
const client = (): AdminApiClient => createAdminApiClient({ endpoint: '/api/avatar', uploadTransport: 'fetch' })
const noRetry = { retry: false as const }

function wrapper({ children }: { children: ReactNode }) {
  return (
    <AdminApiProvider client={client()} queryClient={queryClient}>
      {children}
    </AdminApiProvider>
  )
}

const stored = (uuid: string) => authgear.app.users().find((user) => user.id === uuid)!

describe('useUploadUrl', () => {
  it('asks for a fresh, single-use URL on every call', async () => {
    const { result } = renderHook(() => useUploadUrl(), { wrapper })
    const first = await act(() => result.current.mutateAsync({}))
    const second = await act(() => result.current.mutateAsync({}))
    expect(first.url).not.toBe(second.url)
    expect(authgear.app.stats().uploadUrlsIssued).toBe(2)
  })
})

describe('useUploadImage', () => {
  it('uploads to the URL, reports progress and resolves to the stored form', async () => {
    const { result } = renderHook(() => ({ url: useUploadUrl(), image: useUploadImage() }), { wrapper })
    const target = await act(() => result.current.url.mutateAsync({}))
    const storedAs = await act(() => result.current.image.mutateAsync({ uploadUrl: target.url, image: jpeg() }))
    expect(storedAs).toMatch(/^authgearimages:\/\/\/dev-app\/[\w-]+$/)
    expect(result.current.image.progress).toBe(1)
    expect(authgear.app.stats().uploadsStored).toBe(1)
  })

  it('cancel() aborts the upload with code aborted and stores nothing', async () => {
    authgear.app.faults.add({ route: 'upload', latencyMs: 5_000 })
    const { result } = renderHook(() => ({ url: useUploadUrl(), image: useUploadImage() }), { wrapper })
    const target = await act(() => result.current.url.mutateAsync({}))
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.image.mutateAsync({ uploadUrl: target.url, image: jpeg() })
    })
    act(() => result.current.image.cancel())
    await expect(outcome).rejects.toMatchObject({ code: 'aborted' })
    expect(authgear.app.stats().uploadsStored).toBe(0)
  })
})

describe('useSetUserPicture', () => {
  it('sets a picture through urql and keeps every other standard and custom attribute', async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const before = structuredClone(stored(uuid))
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await act(() => result.current.mutateAsync({ userId: uuid, picture: 'https://cdn.example.com/a.jpg' }))
    const after = stored(uuid)
    expect(after.standardAttributes).toEqual({ ...before.standardAttributes, picture: 'https://cdn.example.com/a.jpg' })
    expect(after.customAttributes).toEqual(before.customAttributes)
  })

  it('removes a picture with null and keeps the rest', async () => {
    const uuid = SEED_USER_IDS['picture-jpeg']
    const { picture, ...rest } = structuredClone(stored(uuid)).standardAttributes
    expect(picture).toBeDefined()
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await act(() => result.current.mutateAsync({ userId: uuid, picture: null }))
    expect(stored(uuid).standardAttributes).toEqual(rest)
  })

  it('refuses a picture Authgear would not accept before sending anything', async () => {
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: SEED_USER_IDS['no-picture'], picture: 'javascript:alert(1)' }))).rejects.toMatchObject({
      code: 'validation-failed',
    })
    expect(authgear.app.stats().graphqlRequests).toBe(0)
  })

  it('turns a refused admin session into code unauthorized', async () => {
    authgear.signOut()
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: SEED_USER_IDS['no-picture'], picture: null }))).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('turns an anonymized user into code user-anonymized', async () => {
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: SEED_USER_IDS.anonymized, picture: null }))).rejects.toMatchObject({
      code: 'user-anonymized',
    })
  })
})

describe('useUpdateUserPicture', () => {
  it('goes idle → uploading → saving → saved and the user then has the new picture', async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const stages: string[] = []
    // Hold the save so the saving stage is rendered, not batched away.
    authgear.app.faults.add({ route: 'graphql', latencyMs: 300 })
    const { result } = renderHook(
      () => {
        const hook = useUpdateUserPicture(noRetry)
        if (stages.at(-1) !== hook.stage) stages.push(hook.stage)
        return hook
      },
      { wrapper },
    )
    let outcome: ReturnType<typeof result.current.start> = Promise.resolve(undefined)
    act(() => {
      outcome = result.current.start({ userId: uuid, image: jpeg() })
    })
    await waitFor(() => expect(result.current.stage).toBe('saving'))
    const saved = await act(() => outcome)
    expect(stages).toEqual(['idle', 'uploading', 'saving', 'saved'])
    expect(saved?.storedAs).toMatch(/^authgearimages:\/\/\/dev-app\//)
    expect(stored(uuid).standardAttributes.picture).toBe(saved?.storedAs)
    expect(result.current.progress).toBe(1)
  })

  it('shows the error, then retry() runs the change again with a fresh URL', async () => {
    authgear.app.faults.add({ route: 'upload-url', status: 500, body: '{"error":{"name":"InternalError","reason":"InternalError","message":"boom","code":500}}' })
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.start({ userId: SEED_USER_IDS['no-picture'], image: jpeg() }))
    expect(result.current.stage).toBe('error')
    expect(result.current.error?.status).toBe(500)
    await act(() => result.current.retry())
    expect(result.current.stage).toBe('saved')
    expect(authgear.app.stats().uploadsStored).toBe(1)
  })

  it('cancel() mid-upload returns to idle and leaves the user unchanged', async () => {
    const uuid = SEED_USER_IDS['picture-jpeg']
    const before = structuredClone(stored(uuid))
    authgear.app.faults.add({ route: 'upload', latencyMs: 5_000 })
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.start({ userId: uuid, image: jpeg() })
    })
    await waitFor(() => expect(result.current.stage).toBe('uploading'))
    act(() => result.current.cancel())
    await act(() => outcome)
    expect(result.current.stage).toBe('idle')
    expect(result.current.error).toBeUndefined()
    expect(stored(uuid)).toEqual(before)
  })

  it('unmounting mid-upload aborts it and changes nothing', async () => {
    const uuid = SEED_USER_IDS['picture-jpeg']
    const before = structuredClone(stored(uuid))
    authgear.app.faults.add({ route: 'upload', latencyMs: 300 })
    const { result, unmount } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.start({ userId: uuid, image: jpeg() })
    })
    await waitFor(() => expect(result.current.stage).toBe('uploading'))
    unmount()
    await outcome
    expect(stored(uuid)).toEqual(before)
    expect(authgear.app.stats().mutations).toBe(0)
  })

  it('remove() deletes the picture and keeps every other attribute', async () => {
    const uuid = SEED_USER_IDS['picture-png']
    const { picture: _picture, ...rest } = structuredClone(stored(uuid)).standardAttributes
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.remove(uuid))
    expect(result.current.stage).toBe('saved')
    expect(stored(uuid).standardAttributes).toEqual(rest)
  })

  it('a session refused by the proxy ends in error with code unauthorized', async () => {
    authgear.signOut()
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.start({ userId: SEED_USER_IDS['no-picture'], image: jpeg() }))
    expect(result.current.error?.code).toBe('unauthorized')
  })
})

describe('after a save, the user refreshes everywhere', () => {
  it('updates useUser (urql) and a TanStack userQueryOptions observer', async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const { result } = renderHook(
      () => ({
        user: useUser(uuid),
        tanstack: useQuery(userQueryOptions(useAdminApiClient(), uuid), queryClient),
        update: useUpdateUserPicture(noRetry),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.user.user).toBeDefined())
    await waitFor(() => expect(result.current.tanstack.data).toBeDefined())
    expect(result.current.user.user?.standardAttributes.picture).toBeUndefined()
    expect(result.current.user.user?.customAttributes).toEqual(stored(uuid).customAttributes)

    await act(() => result.current.update.start({ userId: uuid, image: jpeg() }))
    await waitFor(() => expect(result.current.user.user?.standardAttributes.picture).toMatch(/\/_images\/dev-app\/[\w-]+\/profile$/))
    await waitFor(() => expect(result.current.tanstack.data?.standardAttributes.picture).toBe(result.current.user.user?.standardAttributes.picture))
    expect(queryClient.getQueryState(adminApiKeys.user(uuid))?.status).toBe('success')
  })

  it('useUser reports user-not-found for an unknown or malformed id', async () => {
    const { result } = renderHook(() => ({ unknown: useUser('00000000-0000-4000-8000-000000000000'), malformed: useUser('not an id') }), { wrapper })
    await waitFor(() => expect(result.current.unknown.error?.code).toBe('user-not-found'))
    expect(result.current.malformed.error?.code).toBe('user-not-found')
  })
})

describe('AdminApiProvider', () => {
  it("uses the app's own QueryClient from context when no prop is given", async () => {
    const appClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
    const { result } = renderHook(() => useUploadUrl(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={appClient}>
          <AdminApiProvider endpoint="/api/avatar">{children}</AdminApiProvider>
        </QueryClientProvider>
      ),
    })
    await act(() => result.current.mutateAsync({}))
    expect(appClient.getMutationCache().getAll()).toHaveLength(1)
  })

  it('works with neither a QueryClient nor an urql client around it', async () => {
    const { result } = renderHook(() => useUser(SEED_USER_IDS['picture-jpeg']), {
      wrapper: ({ children }) => <AdminApiProvider endpoint="/api/avatar">{children}</AdminApiProvider>,
    })
    await waitFor(() => expect(result.current.user?.standardAttributes.email).toBe(stored(SEED_USER_IDS['picture-jpeg']).standardAttributes.email))
  })

  it('tells the developer to add the provider when it is missing', () => {
    expect(() => renderHook(() => useUser('x'))).toThrow(/AdminApiProvider/)
  })
})
