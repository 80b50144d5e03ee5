/**
 * msw handlers that are not a friendlier copy of Authgear: requests go through
 * the real reference proxy (`src/proxy`) into the local Authgear's own
 * Fetch-API logic (`dev/authgear-local/app.ts`), in memory. Shared by the
 * hooks' jsdom tests, browser tests and Storybook.
 *
 * No sharp in jsdom or the browser: the `/profile` variant serves the stored
 * bytes as they are (Authgear would crop them to 240x240).
 */
import { http, HttpResponse } from 'msw'
import { createAdminKeyMaterial } from '../../dev/authgear-local/admin-key.ts'
import { createAuthgearApp, type AuthgearApp } from '../../dev/authgear-local/app.ts'
import { MemoryObjectStore } from '../../dev/authgear-local/memory-store.ts'
import { createAdminApiProxy } from '../../src/proxy/index.ts'
import schemaSdl from '../../schema/admin-api.graphql?raw'

export { SEED_USER_IDS } from '../../dev/authgear-local/seed.ts'

/** The Authgear origin of the in-memory server (never reached over a network). */
export const MSW_AUTHGEAR_ORIGIN = 'https://authgear.msw.test'

export interface AuthgearMsw {
  /** Handlers for `${endpoint}/*` (the proxy) and the Authgear origin (direct uploads, pictures). */
  handlers: ReturnType<typeof http.all>[]
  /** The local Authgear logic: `faults`, `stats()`, `reset()`, `users()`. */
  app: AuthgearApp
  /** The proxy endpoint the client should use. */
  endpoint: string
  /**
   * The same stack as a `fetch`, with no service worker: give it to
   * `createAdminApiClient({ fetch, uploadTransport: 'fetch' })` (Storybook).
   */
  fetch: typeof fetch
  /** From now on the proxy refuses the admin session (401), as when it expired. */
  signOut(): void
  signIn(): void
  /** From now on every request fails as if the network were down. */
  goOffline(): void
  goOnline(): void
}

export interface AuthgearMswOptions {
  /** Where the proxy is mounted, as the client's `endpoint`. @default '/api/avatar' */
  endpoint?: string
  /** Clock of the Authgear logic, in ms. @default Date.now */
  now?: () => number
}

export async function createAuthgearMsw(options: AuthgearMswOptions = {}): Promise<AuthgearMsw> {
  const endpoint = options.endpoint ?? '/api/avatar'
  const key = await createAdminKeyMaterial()
  const app = createAuthgearApp({
    origin: MSW_AUTHGEAR_ORIGIN,
    schemaSdl,
    adminKey: key,
    store: new MemoryObjectStore(),
    renderProfile: async (bytes) => bytes,
    now: options.now,
  })
  await app.ready
  let signedIn = true
  let online = true
  const proxy = createAdminApiProxy({
    authgearOrigin: MSW_AUTHGEAR_ORIGIN,
    appId: app.appId,
    keyId: key.keyId,
    privateKey: key.privateKeyPem,
    basePath: endpoint,
    authorize: () => signedIn,
    // Authgear is reached in process, with the Host the upload URLs were signed for.
    fetch: async (input, init) => app(new Request(input, init)),
  })
  const offline = () => (online ? undefined : HttpResponse.error())
  const handlers = [
    http.all(`${endpoint}/*`, ({ request }) => offline() ?? proxy(request)),
    http.all(`${MSW_AUTHGEAR_ORIGIN}/*`, ({ request }) => offline() ?? app(request)),
  ]
  const inProcessFetch: typeof fetch = async (input, init) => {
    const request = new Request(new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href ?? 'http://localhost/'), init)
    if (!online) throw new TypeError('Failed to fetch')
    const path = new URL(request.url).pathname
    if (request.url.startsWith(MSW_AUTHGEAR_ORIGIN)) return app(request)
    if (path.startsWith(`${endpoint}/`)) return proxy(request)
    return new Response('Not Found', { status: 404 })
  }
  return {
    handlers,
    app,
    endpoint,
    fetch: inProcessFetch,
    signOut: () => void (signedIn = false),
    signIn: () => void (signedIn = true),
    goOffline: () => void (online = false),
    goOnline: () => void (online = true),
  }
}
