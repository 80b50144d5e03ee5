/**
 * msw handlers that are not a friendlier copy of Authgear: requests go through
 * the real reference proxy (`src/proxy`) into the local Authgear's own
 * Fetch-API logic (`dev/authgear-local/app.ts`), in memory. Shared by the
 * hooks' jsdom tests, browser tests and Storybook.
 *
 * The proxy signs a real RS256 admin JWT with a key made per instance, and the
 * app verifies it as Authgear does (a bad token gets 403 `Forbidden`).
 *
 * No sharp in jsdom or the browser: by default the `/profile` variant serves
 * the stored bytes as they are (Authgear would crop them to 240x240 and
 * re-encode); Node tests can pass `renderProfile` from
 * `dev/authgear-local/render-profile.ts`.
 */
import { http, HttpResponse } from 'msw'
import { createAdminKeyMaterial } from '../../dev/authgear-local/admin-key.ts'
import { createAuthgearApp, type AuthgearApp } from '../../dev/authgear-local/app.ts'
import { MemoryObjectStore } from '../../dev/authgear-local/memory-store.ts'
import type { SeedObject } from '../../dev/authgear-local/seed.ts'
import type { RenderProfile } from '../../dev/authgear-local/types.ts'
import { createAdminApiProxy } from '../../src/proxy/index.ts'
import { refusal } from '../../src/proxy/responses.ts'
import schemaSdl from '../../schema/admin-api.graphql?raw'

export { SEED_OBJECT_IDS, SEED_USER_IDS } from '../../dev/authgear-local/seed.ts'

/** The Authgear origin of the in-memory server (never reached over a network). */
export const MSW_AUTHGEAR_ORIGIN = 'https://authgear.msw.test'

/** Where the proxy is mounted unless told otherwise, as the client's `endpoint`. */
export const DEFAULT_MSW_ENDPOINT = '/api/avatar'

/** One in-memory Authgear behind the reference proxy, with its msw handlers and switches. */
export interface AuthgearHandlers {
  /** Handlers for `${endpoint}/*` (the proxy) and the Authgear origin (direct uploads, pictures). */
  handlers: ReturnType<typeof http.all>[]
  /** The local Authgear logic: `faults`, `stats()`, `reset()`, `users()`. */
  app: AuthgearApp
  /** The proxy endpoint the client should use. */
  endpoint: string
  /**
   * The same stack as a `fetch`, with no msw at all: give it to
   * `createAdminApiClient({ fetch, uploadTransport: 'fetch' })` (Storybook).
   */
  fetch: typeof fetch
  /** From now on the proxy refuses the admin session (401), as when it expired. */
  signOut(): void
  /** The proxy accepts the admin session again. */
  signIn(): void
  /** From now on every request fails as if the network were down. */
  goOffline(): void
  /** The network is back. */
  goOnline(): void
}

/** Options of {@link createAuthgearHandlers}. */
export interface AuthgearHandlersOptions {
  /** Where the proxy is mounted, as the client's `endpoint`. @default '/api/avatar' */
  endpoint?: string
  /** Clock of the Authgear logic, in ms (upload URLs expire after 900 s of it). @default Date.now */
  now?: () => number
  /** Pictures stored at start and on `reset()`, e.g. `createSeedObjects()` in Node. @default [] */
  seedObjects?: readonly SeedObject[]
  /** How `/profile` is made. @default the stored bytes unchanged (no sharp outside Node) */
  renderProfile?: RenderProfile
}

/**
 * Builds the in-memory Authgear behind the real proxy and the msw handlers that
 * route `${endpoint}/_api/admin/images/upload`, `${endpoint}/_api/admin/graphql`,
 * `${endpoint}/_images/<app>/<object>?...` and `https://authgear.msw.test/*` into it.
 */
export async function createAuthgearHandlers(options: AuthgearHandlersOptions = {}): Promise<AuthgearHandlers> {
  const endpoint = options.endpoint ?? DEFAULT_MSW_ENDPOINT
  const key = await createAdminKeyMaterial()
  const app = createAuthgearApp({
    origin: MSW_AUTHGEAR_ORIGIN,
    schemaSdl,
    adminKey: key,
    store: new MemoryObjectStore(),
    renderProfile: options.renderProfile ?? (async (bytes) => bytes),
    seedObjects: options.seedObjects,
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

/**
 * A handler that answers every proxy request as the reference proxy does when
 * the dashboard's admin session is gone: 401 `{"error":{"reason":"ProxyUnauthorized",...}}`.
 * Put it before the others (`server.use(...)`, or first in a story's handlers).
 */
export function proxyRefusesSession(endpoint = DEFAULT_MSW_ENDPOINT) {
  return http.all(`${endpoint}/*`, () => refusal('ProxyUnauthorized', 'The admin session is not valid'))
}

/**
 * A handler that fails every request to the proxy and to Authgear as a network
 * that is down does (`fetch` rejects with a `TypeError`, XHR fires `error`).
 */
export function networkDown(endpoint = DEFAULT_MSW_ENDPOINT) {
  return [
    http.all(`${endpoint}/*`, () => HttpResponse.error()),
    http.all(`${MSW_AUTHGEAR_ORIGIN}/*`, () => HttpResponse.error()),
  ]
}
