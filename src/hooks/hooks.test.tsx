import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, render, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { Client as UrqlClient, Provider as UrqlProvider, cacheExchange, fetchExchange, mapExchange } from 'urql'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createAuthgearHandlers,
  MSW_AUTHGEAR_ORIGIN,
  networkDown,
  proxyRefusesSession,
  SEED_USER_IDS,
  type AuthgearHandlers,
} from '../../test/msw/authgear-handlers.ts'
import { installNodeFileApis } from '../../test/msw/node-file-apis.ts'
import { refusal } from '../proxy/responses.ts'
import {
  createAdminApiClient,
  toUserNodeId,
  UpdateUserStandardAttributesDocument,
  UserStandardAttributesDocument,
  withPicture,
  type AdminApiClient,
  type UploadTransport,
} from '../core/index.ts'
import { AdminApiProvider, useAdminApi, useAdminApiClient } from './AdminApiProvider.tsx'
import { adminApiKeys, userQueryOptions } from './keys.ts'
import { useSetUserPicture, useUploadImage, useUploadUrl } from './mutations.ts'
import { useUpdateUserPicture } from './useUpdateUserPicture.ts'
import { useUser, type UseUserResult } from './useUser.ts'

/*
 * Every request goes through msw into the real reference proxy and the local
 * Authgear's own logic (test/msw), in memory: nothing here is a hand-made mock.
 * Uploads use XMLHttpRequest, as the client does by default wherever it exists.
 */

// A JPEG's first bytes are enough: the core checks the magic bytes, Authgear checks nothing.
const jpeg = (bytes = 2048) => {
  const data = new Uint8Array(bytes)
  data.set([0xff, 0xd8, 0xff, 0xe0])
  for (let index = 4; index < bytes; index += 1) data[index] = index % 251
  return new Blob([data], { type: 'image/jpeg' })
}

let authgear: AuthgearHandlers
/** A picture of this app's own, as the upload endpoint names it: the only kind the proxy lets a write set. */
const ownImage = (object: string) => `authgearimages:///${authgear.app.appId}/${object}`
let restoreFileApis: () => void
const server = setupServer()
let queryClient: QueryClient

beforeAll(async () => {
  restoreFileApis = await installNodeFileApis()
  authgear = await createAuthgearHandlers()
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
afterAll(() => {
  server.close()
  restoreFileApis()
})

const client = (uploadTransport: UploadTransport = 'auto'): AdminApiClient => createAdminApiClient({ endpoint: '/api/avatar', uploadTransport })
const noRetry = { retry: false as const }

function wrapper({ children }: { children: ReactNode }) {
  return (
    <AdminApiProvider client={client()} queryClient={queryClient}>
      {children}
    </AdminApiProvider>
  )
}

/**
 * Uploads over `fetch`. Cancel tests need it: msw's XHR interceptor ignores
 * `abort()` (no `abort` event ever fires), while a `fetch` abort reaches the
 * handlers as `request.signal`, as it reaches a server. XHR cancellation is
 * tested in Chromium (src/core/upload.browser.test.ts).
 */
function fetchUploadWrapper({ children }: { children: ReactNode }) {
  return (
    <AdminApiProvider client={client('fetch')} queryClient={queryClient}>
      {children}
    </AdminApiProvider>
  )
}

const stored = (uuid: string) => authgear.app.users().find((user) => user.id === uuid)!

/** The bytes Authgear keeps for `authgearimages:///APP/OBJECT`. */
async function storedBytes(storedAs: string): Promise<Uint8Array> {
  const response = await authgear.app(new Request(`${MSW_AUTHGEAR_ORIGIN}/_images/${storedAs.slice('authgearimages:///'.length)}/original`))
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/**
 * Uploads that reach the proxy wait there until the client gives up: nothing is
 * forwarded, so nothing can be stored later, after the test.
 */
function holdUploads(): { arrived: Promise<void> } {
  let arrive: () => void = () => undefined
  const arrived = new Promise<void>((resolve) => (arrive = resolve))
  server.use(
    http.post('/api/avatar/_images/*', ({ request }) => {
      arrive()
      return new Promise<Response>((resolve) => request.signal.addEventListener('abort', () => resolve(HttpResponse.error())))
    }),
  )
  return { arrived }
}

describe('useUploadUrl', () => {
  it('asks for a fresh, single-use URL on every call', async () => {
    const { result } = renderHook(() => useUploadUrl(), { wrapper })
    const first = await act(() => result.current.mutateAsync())
    const second = await act(() => result.current.mutateAsync())
    expect(first.url).not.toBe(second.url)
    expect(authgear.app.stats().uploadUrlsIssued).toBe(2)
  })
})

describe('useUploadImage', () => {
  it.each(['xhr', 'fetch'] as const)('uploads the exact bytes over %s and resolves to the stored form, with progress 0 → 1', async (transport) => {
    const { result } = renderHook(() => ({ url: useUploadUrl(), image: useUploadImage() }), {
      wrapper: ({ children }) => (
        <AdminApiProvider client={client(transport)} queryClient={queryClient}>
          {children}
        </AdminApiProvider>
      ),
    })
    const image = jpeg(120_000)
    const reported: number[] = []
    const target = await act(() => result.current.url.mutateAsync())
    const storedAs = await act(() => result.current.image.mutateAsync({ uploadUrl: target.url, image, onProgress: (fraction) => reported.push(fraction) }))
    expect(storedAs).toMatch(/^authgearimages:\/\/\/dev-app\/[\w-]+$/)
    expect(await storedBytes(storedAs)).toEqual(new Uint8Array(await image.arrayBuffer()))
    // msw answers an XHR upload in one step, so jsdom sees no fraction in between (Chromium tests do).
    expect(reported).toEqual([0, 1])
    expect(result.current.image.progress).toBe(1)
  })

  it('refuses a second upload to the same URL with code duplicated-image', async () => {
    const { result } = renderHook(() => ({ url: useUploadUrl(), image: useUploadImage() }), { wrapper })
    const target = await act(() => result.current.url.mutateAsync())
    await act(() => result.current.image.mutateAsync({ uploadUrl: target.url, image: jpeg() }))
    await expect(act(() => result.current.image.mutateAsync({ uploadUrl: target.url, image: jpeg() }))).rejects.toMatchObject({ code: 'duplicated-image', status: 409 })
  })

  it('cancel() aborts the upload with code aborted and stores nothing', async () => {
    const held = holdUploads()
    const { result } = renderHook(() => ({ url: useUploadUrl(), image: useUploadImage() }), { wrapper: fetchUploadWrapper })
    const target = await act(() => result.current.url.mutateAsync())
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.image.mutateAsync({ uploadUrl: target.url, image: jpeg() })
    })
    await held.arrived
    act(() => result.current.image.cancel())
    await expect(outcome).rejects.toMatchObject({ code: 'aborted' })
    await waitFor(() => expect(result.current.image.error).toMatchObject({ code: 'aborted' }))
    expect(authgear.app.stats().uploadsStored).toBe(0)
  })
})

describe('useSetUserPicture', () => {
  it('sets a picture through urql and keeps every other standard and custom attribute', async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const before = structuredClone(stored(uuid))
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await act(() => result.current.mutateAsync({ userId: uuid, picture: ownImage('a') }))
    const after = stored(uuid)
    expect(after.standardAttributes).toEqual({ ...before.standardAttributes, picture: ownImage('a') })
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

  /** Makes the proxy answer the next `times` picture writes as it does when the user changed since the read. */
  function conflictOnWrites(times: number) {
    const refused = { count: 0 }
    server.use(
      http.post(`${authgear.endpoint}/_api/admin/graphql`, async ({ request }) => {
        if (refused.count >= times || !(await request.clone().text()).includes('AvatarEditorUpdateUserStandardAttributes')) return undefined
        refused.count += 1
        return refusal('ProxyAttributesChanged', 'The write would change "name", not only the picture; read the user again')
      }),
    )
    return refused
  }

  it('reads again and writes once more when the proxy finds the user changed since the read', async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const refused = conflictOnWrites(1)
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await act(() => result.current.mutateAsync({ userId: uuid, picture: ownImage('e') }))
    expect(refused.count).toBe(1)
    expect(stored(uuid).standardAttributes.picture).toBe(ownImage('e'))
  })

  it('gives up with conflict after two more tries, changing nothing', async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const before = structuredClone(stored(uuid))
    const refused = conflictOnWrites(5)
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: uuid, picture: ownImage('f') }))).rejects.toMatchObject({ code: 'conflict', retryable: true })
    expect(refused.count).toBe(3)
    expect(stored(uuid)).toEqual(before)
  })

  it("is refused by the proxy for a picture that is not one of the app's images, and nothing changes", async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const before = structuredClone(stored(uuid))
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: uuid, picture: 'https://tracker.example.com/pixel.png' }))).rejects.toMatchObject({
      code: 'forbidden',
      reason: 'ProxyPictureNotAllowed',
    })
    expect(stored(uuid)).toEqual(before)
    expect(authgear.app.stats().mutations).toBe(0)
  })

  it('refuses a picture Authgear would not accept before sending anything', async () => {
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: SEED_USER_IDS['no-picture'], picture: 'javascript:alert(1)' }))).rejects.toMatchObject({
      code: 'validation-failed',
    })
    expect(authgear.app.stats().graphqlRequests).toBe(0)
  })

  it('a signal that fires during the read stops it before anything is written', async () => {
    const uuid = SEED_USER_IDS['picture-png']
    const before = structuredClone(stored(uuid))
    const controller = new AbortController()
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.mutateAsync({ userId: uuid, picture: null, signal: controller.signal })
    })
    controller.abort()
    await expect(act(() => outcome)).rejects.toMatchObject({ code: 'aborted' })
    expect(authgear.app.stats().mutations).toBe(0)
    expect(stored(uuid)).toEqual(before)
  })

  it('leaves none of its urql reads running once it resolves', async () => {
    const operations: string[] = []
    const appUrql = new UrqlClient({
      url: '/api/avatar/_api/admin/graphql',
      exchanges: [mapExchange({ onOperation: (operation) => void operations.push(operation.kind) }), cacheExchange, fetchExchange],
    })
    const { result } = renderHook(() => useSetUserPicture(), {
      wrapper: ({ children }) => (
        <AdminApiProvider client={client()} queryClient={queryClient} urqlClient={appUrql}>
          {children}
        </AdminApiProvider>
      ),
    })
    await act(() => result.current.mutateAsync({ userId: SEED_USER_IDS['no-picture'], picture: ownImage('d') }))
    // A read left subscribed would be re-run by urql's cache on this very User mutation,
    // within a microtask; the round trip of one more read leaves time for that to show.
    await act(() => appUrql.query(UserStandardAttributesDocument, { id: toUserNodeId(SEED_USER_IDS['picture-png']) }, { preferGetMethod: false }).toPromise())
    expect(operations).toEqual(['query', 'mutation', 'query'])
  })

  it('turns a refused admin session into code unauthorized', async () => {
    authgear.signOut()
    const { result } = renderHook(() => useSetUserPicture(), { wrapper })
    await expect(act(() => result.current.mutateAsync({ userId: SEED_USER_IDS['no-picture'], picture: null }))).rejects.toMatchObject({
      code: 'unauthorized',
      status: 401,
    })
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
    const image = jpeg(50_000)
    let outcome: ReturnType<typeof result.current.start> = Promise.resolve(undefined)
    act(() => {
      outcome = result.current.start({ userId: uuid, image })
    })
    await waitFor(() => expect(result.current.stage).toBe('saving'))
    const saved = await act(() => outcome)
    expect(stages).toEqual(['idle', 'uploading', 'saving', 'saved'])
    expect(saved?.storedAs).toMatch(/^authgearimages:\/\/\/dev-app\//)
    expect(stored(uuid).standardAttributes.picture).toBe(saved?.storedAs)
    expect(await storedBytes(saved!.storedAs)).toEqual(new Uint8Array(await image.arrayBuffer()))
    expect(result.current.result).toEqual(saved)
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
    expect(result.current.error).toBeUndefined()
    expect(authgear.app.stats()).toMatchObject({ uploadUrlsIssued: 1, uploadsStored: 1, mutations: 1 })
  })

  it('a failed save is retried by retry() and ends saved', async () => {
    const uuid = SEED_USER_IDS['picture-png']
    authgear.app.faults.add({ route: 'graphql', status: 502, body: 'Bad Gateway' })
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.start({ userId: uuid, image: jpeg() }))
    expect(result.current.stage).toBe('error')
    await act(() => result.current.retry())
    expect(result.current.stage).toBe('saved')
    expect(stored(uuid).standardAttributes.picture).toBe(result.current.result?.storedAs)
  })

  it('cancel() mid-upload returns to idle and leaves the user unchanged', async () => {
    const uuid = SEED_USER_IDS['picture-jpeg']
    const before = structuredClone(stored(uuid))
    const held = holdUploads()
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper: fetchUploadWrapper })
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.start({ userId: uuid, image: jpeg() })
    })
    await held.arrived
    expect(result.current.stage).toBe('uploading')
    act(() => result.current.cancel())
    expect(await act(() => outcome)).toBeUndefined()
    expect(result.current.stage).toBe('idle')
    expect(result.current.error).toBeUndefined()
    expect(stored(uuid)).toEqual(before)
  })

  it('unmounting mid-upload aborts it and changes nothing', async () => {
    const uuid = SEED_USER_IDS['picture-jpeg']
    const before = structuredClone(stored(uuid))
    const held = holdUploads()
    const { result, unmount } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper: fetchUploadWrapper })
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = result.current.start({ userId: uuid, image: jpeg() })
    })
    await held.arrived
    unmount()
    expect(await outcome).toBeUndefined()
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

  it('reset() forgets the error and returns to idle', async () => {
    authgear.signOut()
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.start({ userId: SEED_USER_IDS['no-picture'], image: jpeg() }))
    expect(result.current.stage).toBe('error')
    act(() => result.current.reset())
    expect(result.current).toMatchObject({ stage: 'idle', error: undefined, progress: 0 })
  })

  it('a session refused by the proxy ends in error with code unauthorized', async () => {
    authgear.signOut()
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.start({ userId: SEED_USER_IDS['no-picture'], image: jpeg() }))
    expect(result.current.error?.code).toBe('unauthorized')
    expect(authgear.app.stats().uploadUrlsIssued).toBe(0)
  })

  it('a network that is down ends in error with code network', async () => {
    server.use(...networkDown())
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), { wrapper })
    await act(() => result.current.start({ userId: SEED_USER_IDS['no-picture'], image: jpeg() }))
    expect(result.current.stage).toBe('error')
    expect(result.current.error?.code).toBe('network')
  })
})

describe('after a save, the user refreshes everywhere', () => {
  it('updates useUser (urql) and a TanStack userQueryOptions observer after useUpdateUserPicture', async () => {
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
    // start() resolves after the refresh: the views already hold the new picture.
    expect(result.current.user.user?.standardAttributes.picture).toMatch(/\/_images\/dev-app\/[\w-]+\/profile$/)
    expect(result.current.tanstack.data?.standardAttributes.picture).toBe(result.current.user.user?.standardAttributes.picture)
    expect(queryClient.getQueryState(adminApiKeys.user(uuid))?.status).toBe('success')
  })

  it('updates a standard-only useUser and the TanStack observer after useSetUserPicture', async () => {
    const uuid = SEED_USER_IDS['picture-jpeg']
    const { result } = renderHook(
      () => ({
        user: useUser(uuid, { customAttributes: false }),
        tanstack: useQuery(userQueryOptions(useAdminApiClient(), uuid), queryClient),
        set: useSetUserPicture(),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.user.user?.standardAttributes.picture).toBeDefined())
    await waitFor(() => expect(result.current.tanstack.data).toBeDefined())
    expect(result.current.user.user?.customAttributes).toBeUndefined()

    await act(() => result.current.set.mutateAsync({ userId: uuid, picture: null }))
    await waitFor(() => expect(result.current.user.user?.standardAttributes.picture).toBeUndefined())
    await waitFor(() => expect(result.current.tanstack.data?.standardAttributes.picture).toBeUndefined())
    expect(result.current.user.user?.standardAttributes.email).toBe(stored(uuid).standardAttributes.email)
  })

  it("re-runs an app's own urql query of the user after a save made outside urql", async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const { result } = renderHook(() => ({ api: useAdminApi(), update: useUpdateUserPicture(noRetry) }), { wrapper })
    const pictures: (string | undefined)[] = []
    // As an app's own useQuery of the library's document would subscribe.
    const subscription = result.current.api.urqlClient
      .query(UserStandardAttributesDocument, { id: toUserNodeId(uuid) }, { preferGetMethod: false })
      .subscribe((read) => {
        if (!read.stale && read.data) pictures.push(read.data.node?.standardAttributes?.picture)
      })
    try {
      await waitFor(() => expect(pictures).toEqual([undefined]))
      const saved = await act(() => result.current.update.start({ userId: uuid, image: jpeg() }))
      await waitFor(() => expect(pictures).toEqual([undefined, saved?.picture]))
    } finally {
      subscription.unsubscribe()
    }
  })

  it("urql's document cache alone re-runs an active useUser when a mutation returns that User", async () => {
    const uuid = SEED_USER_IDS['no-picture']
    const { result } = renderHook(() => ({ user: useUser(uuid), api: useAdminApi() }), { wrapper })
    await waitFor(() => expect(result.current.user.fetching).toBe(false))
    const current = result.current.user.user!
    const readsBefore = authgear.app.stats().graphqlRequests

    // Straight through urql, no refreshUser: only the cache's __typename invalidation can refresh the view.
    const written = await act(() =>
      result.current.api.urqlClient
        .mutation(UpdateUserStandardAttributesDocument, {
          userID: current.id,
          standardAttributes: withPicture(current.standardAttributes, ownImage('c')),
        })
        .toPromise(),
    )
    expect(written.error).toBeUndefined()
    await waitFor(() => expect(result.current.user.user?.standardAttributes.picture).toMatch(new RegExp(`/_images/${authgear.app.appId}/c/profile$`)))
    // The proxy's read of the user before the write, the mutation, then the re-run read.
    expect(authgear.app.stats().graphqlRequests).toBe(readsBefore + 3)
  })

  it('useUser reports user-not-found for an unknown or malformed id', async () => {
    const { result } = renderHook(() => ({ unknown: useUser('00000000-0000-4000-8000-000000000000'), malformed: useUser('not an id') }), { wrapper })
    await waitFor(() => expect(result.current.unknown.error?.code).toBe('user-not-found'))
    expect(result.current.malformed.error?.code).toBe('user-not-found')
  })

  it('useUser reports unauthorized when the proxy refuses the session, and network when it cannot be reached', async () => {
    server.use(proxyRefusesSession())
    const refused = renderHook(() => useUser(SEED_USER_IDS['picture-jpeg']), { wrapper })
    await waitFor(() => expect(refused.result.current.error).toMatchObject({ code: 'unauthorized', status: 401 }))
    refused.unmount()

    server.resetHandlers(...networkDown())
    const offline = renderHook(() => useUser(SEED_USER_IDS['picture-jpeg']), { wrapper })
    await waitFor(() => expect(offline.result.current.error?.code).toBe('network'))
    expect(offline.result.current.user).toBeUndefined()
  })

  it("never shows one user's data as another's when the next read fails", async () => {
    const { result, rerender } = renderHook(({ userId }) => useUser(userId), { wrapper, initialProps: { userId: SEED_USER_IDS['picture-jpeg'] as string } })
    await waitFor(() => expect(result.current.user).toBeDefined())
    authgear.signOut()
    rerender({ userId: SEED_USER_IDS['picture-png'] })
    expect(result.current.user).toBeUndefined()
    await waitFor(() => expect(result.current.error?.code).toBe('unauthorized'))
    expect(result.current.user).toBeUndefined()
  })

  it('refetch() reads the user again from the server', async () => {
    const uuid = SEED_USER_IDS['picture-png']
    const { result } = renderHook(() => useUser(uuid), { wrapper })
    await waitFor(() => expect(result.current.fetching).toBe(false))
    const readsBefore = authgear.app.stats().graphqlRequests
    act(() => result.current.refetch())
    await waitFor(() => expect(result.current.fetching).toBe(false))
    expect(authgear.app.stats().graphqlRequests).toBe(readsBefore + 1)
    expect(result.current.user?.id).toBeDefined()
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
    await act(() => result.current.mutateAsync())
    expect(appClient.getMutationCache().getAll()).toHaveLength(1)
  })

  it('works with neither a QueryClient nor an urql client around it', async () => {
    const { result } = renderHook(() => ({ user: useUser(SEED_USER_IDS['picture-jpeg']), update: useUpdateUserPicture(noRetry) }), {
      wrapper: ({ children }) => <AdminApiProvider endpoint="/api/avatar">{children}</AdminApiProvider>,
    })
    await waitFor(() => expect(result.current.user.user?.standardAttributes.email).toBe(stored(SEED_USER_IDS['picture-jpeg']).standardAttributes.email))
    await act(() => result.current.update.start({ userId: SEED_USER_IDS['picture-jpeg'], image: jpeg() }))
    expect(result.current.update.stage).toBe('saved')
  })

  it("uses the app's own urql client given as a prop", async () => {
    const seen: string[] = []
    const appUrql = new UrqlClient({
      url: '/api/avatar/_api/admin/graphql',
      exchanges: [cacheExchange, fetchExchange],
      fetch: (input, init) => {
        seen.push(String(input))
        return fetch(input, init)
      },
    })
    const { result } = renderHook(() => useUser(SEED_USER_IDS['picture-png']), {
      wrapper: ({ children }) => (
        <AdminApiProvider endpoint="/api/avatar" queryClient={queryClient} urqlClient={appUrql}>
          {children}
        </AdminApiProvider>
      ),
    })
    await waitFor(() => expect(result.current.user).toBeDefined())
    // POST even though this client would use GET: the proxy takes GraphQL as POST only.
    expect(seen).toEqual(['/api/avatar/_api/admin/graphql'])
  })

  it("leaves a surrounding urql Provider's client alone unless useContextUrqlClient is set", async () => {
    const seen: string[] = []
    const appUrql = new UrqlClient({
      url: '/api/avatar/_api/admin/graphql',
      exchanges: [cacheExchange, fetchExchange],
      fetch: (input, init) => {
        seen.push(String(input))
        return fetch(input, init)
      },
    })
    const render = (useContextUrqlClient: boolean) =>
      renderHook(() => useUser(SEED_USER_IDS['picture-png']), {
        wrapper: ({ children }) => (
          <UrqlProvider value={appUrql}>
            <AdminApiProvider endpoint="/api/avatar" queryClient={queryClient} useContextUrqlClient={useContextUrqlClient}>
              {children}
            </AdminApiProvider>
          </UrqlProvider>
        ),
      })
    const scoped = render(false)
    await waitFor(() => expect(scoped.result.current.user).toBeDefined())
    expect(seen).toEqual([])
    scoped.unmount()

    const shared = render(true)
    await waitFor(() => expect(shared.result.current.user).toBeDefined())
    expect(seen).toEqual(['/api/avatar/_api/admin/graphql'])
  })

  it('sends fetchOptions headers and the headers prop with every request to the proxy', async () => {
    const seen: { path: string; csrf: string | null; tenant: string | null }[] = []
    server.use(
      http.all('/api/avatar/*', ({ request }) => {
        seen.push({ path: new URL(request.url).pathname, csrf: request.headers.get('x-csrf-token'), tenant: request.headers.get('x-tenant') })
      }),
    )
    let token = 0
    const { result } = renderHook(() => useUpdateUserPicture(noRetry), {
      wrapper: ({ children }) => (
        <AdminApiProvider
          endpoint="/api/avatar"
          queryClient={queryClient}
          headers={{ 'x-tenant': 'acme' }}
          fetchOptions={() => ({ headers: { 'x-csrf-token': `t${++token}` } })}
        >
          {children}
        </AdminApiProvider>
      ),
    })
    await act(() => result.current.start({ userId: SEED_USER_IDS['no-picture'], image: jpeg() }))
    expect(result.current.stage).toBe('saved')
    expect(seen.map((request) => request.path)).toEqual([
      '/api/avatar/_api/admin/images/upload',
      expect.stringMatching(/^\/api\/avatar\/_images\/dev-app\/[\w-]+$/),
      '/api/avatar/_api/admin/graphql',
      '/api/avatar/_api/admin/graphql',
      // The refresh of the user's urql view: nothing watches it here, so nothing is read.
    ])
    expect(seen.every((request) => request.tenant === 'acme')).toBe(true)
    // A fresh token per request.
    expect(new Set(seen.map((request) => request.csrf)).size).toBe(seen.length)
  })

  it('talks to the new endpoint when the endpoint prop changes', async () => {
    const other = await createAuthgearHandlers({ endpoint: '/api/other' })
    other.signOut()
    server.use(...other.handlers)
    const seen: UseUserResult[] = []
    function Probe() {
      seen.push(useUser(SEED_USER_IDS['picture-jpeg']))
      return null
    }
    const tree = (endpoint: string) => (
      <AdminApiProvider endpoint={endpoint} queryClient={queryClient}>
        <Probe />
      </AdminApiProvider>
    )
    const { rerender } = render(tree('/api/avatar'))
    await waitFor(() => expect(seen.at(-1)?.user).toBeDefined())
    rerender(tree('/api/other'))
    await waitFor(() => expect(seen.at(-1)?.error?.code).toBe('unauthorized'))
  })

  it('tells the developer to add the provider when it is missing', () => {
    expect(() => renderHook(() => useUser('x'))).toThrow(/AdminApiProvider/)
  })
})
