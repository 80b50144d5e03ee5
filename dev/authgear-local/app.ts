import { isAuthorizedAdmin } from './admin-auth.ts'
import { importAdminPublicKey, type AdminKeyMaterial } from './admin-key.ts'
import { apiErrorResponse, goHttpError, goNotFound, jsonResponse, unexpectedError } from './api-errors.ts'
import { corsHeaders, normalizeOrigin, withHeaders } from './cors.ts'
import { applyFault, FaultQueue } from './faults.ts'
import { base64UrlEncode, utf8 } from './go-compat.ts'
import { buildAdminSchema } from './graphql.ts'
import { handleGraphQL } from './graphql-endpoint.ts'
import { serveImage } from './images.ts'
import { handleLocalApi } from './local-api.ts'
import { UploadUrlSigner } from './presign.ts'
import { seedUserRecords, type SeedObject } from './seed.ts'
import type {
  AuthgearHandler,
  FaultControl,
  FaultRoute,
  LocalStats,
  ObjectStore,
  RenderProfile,
  RequestContext,
} from './types.ts'
import { handleUpload } from './upload.ts'
import { UsersDatabase, type UserRecord } from './users-db.ts'

/**
 * The local Authgear as one Fetch-API handler. Nothing here needs Node: the
 * object store, the `/profile` renderer, the clock and persistence are
 * injected, so the same handler serves `node:http` (see `server.ts`), msw
 * handlers in jsdom, and the browser.
 */

/** What {@link createAuthgearApp} needs. */
export interface AuthgearAppDeps {
  /** `scheme://host[:port]` the server is reached at: upload URLs are signed for its host and pictures read back on it. */
  origin: string
  /** @default 'dev-app' */
  appId?: string
  /** Text of `schema/admin-api.graphql`. */
  schemaSdl: string
  /** The Admin API key whose public half verifies admin JWTs (the private half is not needed here). */
  adminKey: Pick<AdminKeyMaterial, 'keyId' | 'publicJwk'>
  store: ObjectStore
  renderProfile: RenderProfile
  /** Clock in ms. @default Date.now */
  now?: () => number
  /** Origins (besides `origin`) the image endpoints answer CORS for. @default [] */
  allowedOrigins?: readonly string[]
  /** Users at start. @default the seed users */
  users?: readonly UserRecord[]
  /** Users after `reset()`. @default the seed users */
  seedUsers?: () => UserRecord[]
  /** Seed pictures, put in the store at start (when missing) and on reset. @default [] */
  seedObjects?: readonly SeedObject[]
  /** Called with every user after a committed change and after reset (persistence hook). */
  onUsersChanged?: (users: UserRecord[]) => void | Promise<void>
  /** HMAC secret of upload URLs. @default 32 random bytes */
  presignSecret?: Uint8Array
  /** Receives one line per request. @default silent */
  log?: (line: string) => void
}

/** The handler plus its in-process controls. */
export interface AuthgearApp extends AuthgearHandler {
  readonly appId: string
  readonly origin: string
  /** Resolves once seed pictures are stored and keys imported (the handler awaits it too). */
  readonly ready: Promise<void>
  readonly faults: FaultControl
  stats(): LocalStats
  /** Back to the seeded users and objects; clears faults, counters and issued URLs. */
  reset(): Promise<void>
  /** Every user in storage form. */
  users(): UserRecord[]
  /**
   * Test helper: signs an upload URL like the Admin API does, but lets a test
   * choose the metadata (`null` leaves it out) or the host it is signed for.
   */
  signUploadUrl(options?: { metadata?: string | null; origin?: string; objectId?: string }): Promise<string>
}

const ADMIN_METHODS = ['GET', 'POST']
const emptyStats = (): LocalStats => ({ uploadUrlsIssued: 0, uploadsStored: 0, graphqlRequests: 0, mutations: 0 })

/** Builds the local Authgear; see {@link AuthgearAppDeps}. */
export function createAuthgearApp(deps: AuthgearAppDeps): AuthgearApp {
  const appId = deps.appId ?? 'dev-app'
  const origin = deps.origin.replace(/\/+$/, '')
  const now = deps.now ?? Date.now
  const seedUsers = deps.seedUsers ?? (() => seedUserRecords(appId))
  const users = new UsersDatabase(deps.users ?? seedUsers())
  const schema = buildAdminSchema(deps.schemaSdl)
  const signer = new UploadUrlSigner(deps.presignSecret ?? crypto.getRandomValues(new Uint8Array(32)))
  const allowedOrigins = new Set([origin, ...(deps.allowedOrigins ?? [])].map(normalizeOrigin))
  const queue = new FaultQueue()
  const issuedSignatures = new Set<string>()
  const revokedSignatures = new Set<string>()
  let stats = emptyStats()
  const log = deps.log ?? (() => undefined)
  const profileContext = { users, origin, now }

  const storeSeedObjects = async (onlyMissing: boolean) => {
    for (const object of deps.seedObjects ?? []) {
      if (onlyMissing && (await deps.store.has(appId, object.objectId))) continue
      await deps.store.put(appId, object.objectId, {
        bytes: object.bytes,
        contentType: object.contentType,
        createdAt: now(),
        metadata: { uploaded_by: 'admin_api' },
      })
    }
  }
  const publicKey = importAdminPublicKey({ ...deps.adminKey, privateKeyPem: '' })
  const ready = Promise.all([publicKey, storeSeedObjects(true)]).then(() => undefined)

  const faults: FaultControl = {
    add: (fault) => queue.add(fault),
    clear: () => queue.clear(),
    pending: () => queue.pending(),
    expireUploadUrls: () => {
      let count = 0
      for (const signature of issuedSignatures) {
        if (!revokedSignatures.has(signature)) count += 1
        revokedSignatures.add(signature)
      }
      return count
    },
  }

  const notifyUsersChanged = async () => {
    await deps.onUsersChanged?.(users.snapshot())
  }

  const reset = async () => {
    await ready
    users.replaceAll(seedUsers())
    await deps.store.clear()
    await storeSeedObjects(false)
    queue.clear()
    issuedSignatures.clear()
    revokedSignatures.clear()
    stats = emptyStats()
    await notifyUsersChanged()
  }

  const signUploadUrl = async (options: { metadata?: string | null; origin?: string; objectId?: string } = {}) => {
    const query = new Map<string, string[]>()
    const metadata = options.metadata === undefined ? base64UrlEncode(utf8(JSON.stringify({ uploaded_by: 'admin_api' }))) : options.metadata
    if (metadata !== null) query.set('x-authgear-metadata', [metadata])
    const path = `/_images/${appId}/${options.objectId ?? crypto.randomUUID()}`
    const { url, signature } = await signer.sign({ origin: options.origin ?? origin, path, query, nowMs: now() })
    issuedSignatures.add(signature)
    return url
  }

  const isAdmin = async (request: Request) =>
    isAuthorizedAdmin(request, { publicKey: await publicKey, keyId: deps.adminKey.keyId, appId, now })

  const methodNotAllowed = (allowed: string[]) => goHttpError(405, 'Method Not Allowed', { Allow: allowed.join(', ') })

  const withFault = async (route: FaultRoute, request: Request, context: RequestContext | undefined, handle: () => Promise<Response>) => {
    const fault = queue.take(route)
    if (fault) {
      const faulted = await applyFault(fault, request, context)
      if (faulted) return faulted
    }
    return handle()
  }

  const imageHeaders = (request: Request) => {
    const headers = corsHeaders(request, allowedOrigins)
    headers.set('X-Content-Type-Options', 'nosniff')
    return headers
  }

  const route = async (request: Request, context: RequestContext | undefined): Promise<Response> => {
    const url = new URL(request.url)
    const path = url.pathname
    const method = request.method

    if (path.startsWith('/__local/')) {
      return handleLocalApi(request, path, context, { faults, stats: () => ({ ...stats }), reset, users: () => users.list(), origin })
    }

    if (path === '/_api/admin/images/upload') {
      if (!ADMIN_METHODS.includes(method)) return methodNotAllowed(ADMIN_METHODS)
      return withFault('upload-url', request, context, async () => {
        if (!(await isAdmin(request))) return goHttpError(403, 'Forbidden')
        const uploadUrl = await signUploadUrl()
        stats.uploadUrlsIssued += 1
        return jsonResponse(200, { result: { upload_url: uploadUrl } })
      })
    }

    if (path === '/_api/admin/graphql') {
      if (!ADMIN_METHODS.includes(method)) return methodNotAllowed(ADMIN_METHODS)
      return withFault('graphql', request, context, async () => {
        if (!(await isAdmin(request))) return goHttpError(403, 'Forbidden')
        const { response, outcome } = await handleGraphQL(request, schema, profileContext)
        if (outcome.executed) stats.graphqlRequests += 1
        if (outcome.committedMutations > 0) {
          stats.mutations += outcome.committedMutations
          await notifyUsersChanged()
        }
        return response
      })
    }

    const uploadMatch = /^\/_images\/([^/]+)\/([^/]+)$/.exec(path)
    if (uploadMatch) {
      if (method !== 'POST' && method !== 'OPTIONS') return methodNotAllowed(['POST', 'OPTIONS'])
      const headers = imageHeaders(request)
      if (method === 'OPTIONS') return new Response(null, { status: 200, headers })
      const [, app, objectId] = uploadMatch as unknown as [string, string, string]
      return withFault('upload', request, context, async () => {
        const { response, stored } = await handleUpload(request, decodeURIComponent(app), decodeURIComponent(objectId), {
          signer,
          store: deps.store,
          now,
          isRevoked: (signature) => revokedSignatures.has(signature),
        })
        if (stored) stats.uploadsStored += 1
        return withHeaders(response, headers)
      })
    }

    const imageMatch = /^\/_images\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path)
    if (imageMatch) {
      if (method !== 'GET' && method !== 'OPTIONS') return methodNotAllowed(['GET', 'OPTIONS'])
      const headers = imageHeaders(request)
      if (method === 'OPTIONS') return new Response(null, { status: 200, headers })
      const [, app, objectId, variant] = imageMatch as unknown as [string, string, string, string]
      return withFault('images', request, context, async () =>
        withHeaders(await serveImage(decodeURIComponent(app), decodeURIComponent(objectId), variant, deps.store, deps.renderProfile), headers),
      )
    }

    return goNotFound()
  }

  const handler = async (request: Request, context?: RequestContext): Promise<Response> => {
    await ready
    let response: Response
    try {
      response = await route(request, context)
    } catch (error) {
      // Authgear's panic middleware: a JSON 500 whatever went wrong.
      log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      response = apiErrorResponse(unexpectedError())
    }
    log(`${request.method} ${new URL(request.url).pathname} -> ${response.type === 'error' ? 'connection cut' : response.status}`)
    return response
  }

  return Object.assign(handler, {
    appId,
    origin,
    ready,
    faults,
    stats: () => ({ ...stats }),
    reset,
    users: () => users.list(),
    signUploadUrl,
  })
}
